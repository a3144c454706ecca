/// The longest run of text that every match of a regular expression contains, found from the pattern's text,
/// so that `CompiledPattern` can turn text without it away by a byte search instead of the regex engine.
///
/// `^https?://picsum\.photos/` needs `://picsum.photos/`, `^https?://[^?#]*/undefined(?:[?#].*)?$` needs
/// `/undefined`, `36氪经授权发布。?$` needs `36氪经授权发布`. The first-scalar prefilter cannot turn any of them
/// away: every address starts with `h`, and the last pattern is not anchored. On Linux every regex search
/// copies its text to UTF-16 first, which was most of the cost of the placeholder-thumbnail rule.
///
/// Only what is certain counts: literal scalars and escaped ASCII punctuation, each required exactly once or
/// more (`+`, `{n,m}` with n ≥ 1). An optional atom (`?`, `*`, `{0,…}`), a group, a class, `.`, any escape of
/// a letter or digit (`\s`, `\d`, `\b` …) and an anchor end the current run. A top-level `|`, an inline flag
/// or look-around (`(?i)`, `(?=…)`), a `\Q…\E` quote, or anything not understood gives no literal at all.
enum PatternLiteral {
    /// The longest required run, in UTF-8 bytes; nil when there is none of at least `minimumBytes`.
    static func required(in pattern: String, minimumBytes: Int = 3) -> [UInt8]? {
        var scanner = Scanner(scalars: Array(pattern.unicodeScalars))
        guard let runs = scanner.runs() else { return nil }
        let longest = runs.map { Array(String(String.UnicodeScalarView($0)).utf8) }.max { $0.count < $1.count }
        guard let longest, longest.count >= minimumBytes else { return nil }
        return longest
    }

    /// Literals of which every match contains one, in UTF-8 bytes: the longest required run, or the alternatives
    /// of a group that holds only literals (`(图自|图片来自|来自|via)`), whichever has the longest shortest member;
    /// nil when none has all its members of at least `minimumBytes`.
    ///
    /// cnBeta's picture credit `^[^（(]{0,12}[（(](图自|图片来自|来自|via)[：: ]` has no required run, and no first
    /// scalar either: without this, every short line of its posts goes to the regex engine.
    static func requiredAlternatives(in pattern: String, minimumBytes: Int = 3) -> [[UInt8]]? {
        var scanner = Scanner(scalars: Array(pattern.unicodeScalars))
        var groups: [[[Unicode.Scalar]]] = []
        guard let runs = scanner.runs(literalGroups: &groups) else { return nil }
        let sets = (runs.map { [$0] } + groups).map { set in
            set.map { Array(String(String.UnicodeScalarView($0)).utf8) }
        }
        let best = sets.max { ($0.map(\.count).min() ?? 0) < ($1.map(\.count).min() ?? 0) }
        guard let best, let shortest = best.map(\.count).min(), shortest >= minimumBytes else { return nil }
        // A text with `图片来自` has `来自`: only the alternatives without another one inside are searched for.
        let distinct = best.enumerated().filter { index, bytes in !best[..<index].contains(bytes) }.map(\.element)
        return distinct.filter { bytes in
            !distinct.contains { other in
                other.count < bytes.count
                    && bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: other, in: $0) } != nil
            }
        }
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// Escapes that stand for one character of a class, or for a position: `\s`, `\d`, `\b` …
        static let singleEscapes = Set("sSdDwWbBtnrfaeAzZGhHvVRX".unicodeScalars)

        /// The runs of required literal scalars, or nil when the pattern is not understood.
        mutating func runs() -> [[Unicode.Scalar]]? {
            var groups: [[[Unicode.Scalar]]] = []
            return runs(literalGroups: &groups)
        }

        /// `runs()`, and in `literalGroups` the alternatives of each required group made of literals alone.
        mutating func runs(literalGroups: inout [[[Unicode.Scalar]]]) -> [[Unicode.Scalar]]? {
            var runs: [[Unicode.Scalar]] = []
            var current: [Unicode.Scalar] = []
            func endRun() {
                if !current.isEmpty { runs.append(current) }
                current = []
            }
            while let scalar = peek {
                var literal: Unicode.Scalar?
                var group: [[Unicode.Scalar]]?
                switch scalar {
                case "|", ")", "*", "+", "?", "{", "}", "]":
                    return nil
                case "\\":
                    guard index + 1 < scalars.count else { return nil }
                    let escaped = scalars[index + 1]
                    if escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) {
                        literal = escaped
                    } else if !Scanner.singleEscapes.contains(escaped) {
                        // Escapes with arguments (`\x{…}`, `\p{…}`, `\u…`), back references, quoting: not read.
                        return nil
                    }
                    index += 2
                case "(":
                    let start = index
                    guard skipGroup() else { return nil }
                    group = literalAlternatives(scalars[start..<index])
                case "[":
                    guard skipClass() else { return nil }
                case ".", "^", "$":
                    index += 1
                default:
                    literal = scalar
                    index += 1
                }
                guard let repetition = quantifier() else { return nil }
                if let group, repetition != .optional { literalGroups.append(group) }
                if let literal, repetition != .optional {
                    current.append(literal)
                    if repetition == .many { endRun() }
                } else {
                    endRun()
                }
            }
            endRun()
            return runs
        }

        /// The alternatives of a group `(…)` or `(?:…)` (as `skipGroup` skipped it) whose every alternative is a
        /// non-empty run of literal scalars and escaped ASCII punctuation; nil for any other group.
        func literalAlternatives(_ group: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]]? {
            var body = group.dropFirst().dropLast()
            guard group.first == "(", group.last == ")" else { return nil }
            if body.starts(with: ["?", ":"]) { body = body.dropFirst(2) }
            var alternatives: [[Unicode.Scalar]] = []
            var current: [Unicode.Scalar] = []
            var position = body.startIndex
            while position < body.endIndex {
                let scalar = body[position]
                switch scalar {
                case "|":
                    guard !current.isEmpty else { return nil }
                    alternatives.append(current)
                    current = []
                case "\\":
                    let next = body.index(after: position)
                    guard next < body.endIndex else { return nil }
                    let escaped = body[next]
                    guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else {
                        return nil
                    }
                    current.append(escaped)
                    position = next
                case "(", ")", "[", "]", "{", "}", "*", "+", "?", ".", "^", "$":
                    return nil
                default:
                    current.append(scalar)
                }
                position = body.index(after: position)
            }
            guard !current.isEmpty else { return nil }
            alternatives.append(current)
            return alternatives
        }

        enum Repetition { case once, many, optional }

        /// Consumes a quantifier after an atom, with its lazy or possessive mark; nil for a malformed `{`.
        mutating func quantifier() -> Repetition? {
            let repetition: Repetition
            switch peek {
            case "?", "*":
                repetition = .optional
                index += 1
            case "+":
                repetition = .many
                index += 1
            case "{":
                var probe = index + 1
                var minimum = 0
                var digits = 0
                while probe < scalars.count, let digit = Int(String(scalars[probe])), digits < 6 {
                    minimum = minimum * 10 + digit
                    digits += 1
                    probe += 1
                }
                guard digits > 0 else { return nil }
                while probe < scalars.count, scalars[probe] != "}" {
                    guard scalars[probe] == "," || ("0"..."9").contains(scalars[probe]) else { return nil }
                    probe += 1
                }
                guard probe < scalars.count else { return nil }
                index = probe + 1
                repetition = minimum == 0 ? .optional : .many
            default:
                return .once
            }
            if peek == "?" || peek == "+" { index += 1 }
            return repetition
        }

        /// Skips an escape inside a group or class: escaped punctuation or a one-character escape (`\\s`, `\\d` …).
        /// False for the rest, whose reach the scanner does not know: `\\cX` takes any next character, even `]`.
        mutating func skipEscape() -> Bool {
            guard index + 1 < scalars.count else { return false }
            let escaped = scalars[index + 1]
            let isPunctuation = escaped.isASCII && !escaped.properties.isAlphabetic && !("0"..."9").contains(escaped)
            guard isPunctuation || Scanner.singleEscapes.contains(escaped) else { return false }
            index += 2
            return true
        }

        /// Skips `(…)` or `(?:…)`, nested groups and classes included; false for other `(?` forms, for escapes
        /// with arguments and for an unbalanced group.
        mutating func skipGroup() -> Bool {
            var depth = 0
            while let scalar = peek {
                switch scalar {
                case "\\":
                    guard skipEscape() else { return false }
                    continue
                case "[":
                    guard skipClass() else { return false }
                    continue
                case "(":
                    if index + 1 < scalars.count, scalars[index + 1] == "?" {
                        guard index + 2 < scalars.count, scalars[index + 2] == ":" else { return false }
                    }
                    depth += 1
                case ")":
                    depth -= 1
                default:
                    break
                }
                index += 1
                if depth == 0 { return true }
            }
            return false
        }

        /// Skips `[…]`, with ICU's nested sets (`[a-z&&[^q]]`) and a `]` right after `[` or `[^` taken as a
        /// member; false when it is not closed.
        mutating func skipClass() -> Bool {
            var depth = 0
            while let scalar = peek {
                switch scalar {
                case "\\":
                    guard skipEscape() else { return false }
                    continue
                case "[":
                    depth += 1
                    index += 1
                    if peek == "^" { index += 1 }
                    if peek == "]" { index += 1 }
                    continue
                case "]":
                    depth -= 1
                default:
                    break
                }
                index += 1
                if depth == 0 { return true }
            }
            return false
        }
    }
}
