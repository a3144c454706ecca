/// The scalars a match of a start-anchored regular expression can begin with, found from the pattern's text,
/// so that `CompiledPattern` can turn most lines away without running the regex engine.
///
/// Credit-line and editor-line patterns (`^本文由…`, `^(?:作者|来源|出处)\s*[|｜]`, `^责任编辑[：:]`) are tested
/// on every paragraph of every post; nearly every paragraph fails on its first character, but asking ICU
/// costs a bridge to `NSString` and a matcher set-up per call.
///
/// The analysis understands literals, escaped punctuation, `(…)` and `(?:…)` groups with `|`, and the
/// quantifiers `? * + {n,m}` (and their lazy forms). Anything else where the first scalar is decided (a
/// class, `.`, `\s`, a look-around, an inline flag such as `(?i)`) gives up: `firstScalars` is nil and the
/// regex decides every line, as before.
enum PatternPrefilter {
    /// The possible first scalars of a match, or nil when the pattern is not start-anchored or not understood.
    static func firstScalars(of pattern: String) -> Set<Unicode.Scalar>? {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let alternatives = parser.topLevel(), parser.index == parser.scalars.count else { return nil }
        return alternatives
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        /// `^sequence|^sequence…`: every top-level alternative must be anchored.
        mutating func topLevel() -> Set<Unicode.Scalar>? {
            var result: Set<Unicode.Scalar> = []
            while true {
                guard peek == "^" else { return nil }
                index += 1
                guard let (first, nullable) = sequence(), !nullable else { return nil }
                result.formUnion(first)
                guard peek == "|" else { return result }
                index += 1
            }
        }

        /// The first scalars of a sequence up to `|`, `)` or the end, and whether it can match nothing.
        /// Parses the whole sequence, so that the caller continues after it.
        mutating func sequence() -> (Set<Unicode.Scalar>, Bool)? {
            var first: Set<Unicode.Scalar> = []
            var nullable = true
            var understood = true
            while let scalar = peek, scalar != "|", scalar != ")" {
                guard let atom = atom() else {
                    // Not understood: only a problem while the sequence's first scalar is still open.
                    if nullable { understood = false }
                    skipAtom()
                    _ = quantifier()
                    nullable = false
                    continue
                }
                let optional = quantifier()
                if nullable { first.formUnion(atom.first) }
                if !optional && !atom.nullable { nullable = false }
            }
            return understood ? (first, nullable) : nil
        }

        /// One atom: a literal, an escaped punctuation mark or a group. Nil when not understood.
        mutating func atom() -> (first: Set<Unicode.Scalar>, nullable: Bool)? {
            guard let scalar = peek else { return nil }
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else { return nil }
                let escaped = scalars[index + 1]
                guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else {
                    return nil
                }
                index += 2
                return ([escaped], false)
            case "(":
                let start = index
                index += 1
                if peek == "?" {
                    guard index + 1 < scalars.count, scalars[index + 1] == ":" else { index = start; return nil }
                    index += 2
                }
                var first: Set<Unicode.Scalar> = []
                var nullable = false
                while true {
                    guard let (alternative, empty) = sequence() else { index = start; return nil }
                    first.formUnion(alternative)
                    nullable = nullable || empty
                    if peek == "|" { index += 1; continue }
                    guard peek == ")" else { index = start; return nil }
                    index += 1
                    return (first, nullable)
                }
            case ".", "[", "^", "$", "*", "+", "?", "{", "}", "]":
                return nil
            default:
                index += 1
                return ([scalar], false)
            }
        }

        /// Skips an atom that `atom()` did not understand, keeping groups and classes balanced.
        mutating func skipAtom() {
            guard let scalar = peek else { return }
            switch scalar {
            case "\\": index = min(scalars.count, index + 2)
            case "[":
                index += 1
                while let current = peek, current != "]" { index += current == "\\" ? 2 : 1 }
                index = min(scalars.count, index + 1)
            case "(":
                var depth = 0
                while let current = peek {
                    if current == "\\" { index += 2; continue }
                    if current == "(" { depth += 1 }
                    if current == ")" { depth -= 1 }
                    index += 1
                    if depth == 0 { return }
                }
            default: index += 1
            }
            index = min(index, scalars.count)
        }

        /// Consumes a quantifier after an atom; true when it allows zero repetitions.
        mutating func quantifier() -> Bool {
            guard let scalar = peek else { return false }
            var optional: Bool
            switch scalar {
            case "?", "*": optional = true; index += 1
            case "+": optional = false; index += 1
            case "{":
                var digits = ""
                var probe = index + 1
                while probe < scalars.count, ("0"..."9").contains(scalars[probe]) {
                    digits.unicodeScalars.append(scalars[probe])
                    probe += 1
                }
                guard !digits.isEmpty, probe < scalars.count, scalars[probe] == "," || scalars[probe] == "}" else {
                    return false
                }
                while probe < scalars.count, scalars[probe] != "}" { probe += 1 }
                index = min(scalars.count, probe + 1)
                optional = Int(digits) == 0
            default: return false
            }
            if peek == "?" || peek == "+" { index += 1 }
            return optional
        }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    }
}
