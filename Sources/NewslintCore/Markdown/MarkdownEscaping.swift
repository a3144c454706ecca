/// Backslash escapes that keep literal text literal, added only where the character would otherwise change
/// the rendering.
enum MarkdownEscaping {
    /// What follows a text run, as far as the escaping of its last character depends on it.
    enum Following {
        /// The end of the paragraph, heading or cell.
        case nothing
        case space
        /// A link's `[`.
        case link
        /// Other markup: a delimiter, a tag, a code span, a hard break …
        case other
    }

    /// Escapes one run of inline text (no newlines) whose neighbours are markup or nothing.
    static func text(_ text: String, escapeBrackets: Bool, followedBy following: Following) -> String {
        // Only these ASCII characters are ever escaped; most words hold none.
        guard text.containsByte(where: isEscapable) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            if needsEscape(at: index, in: scalars, escapeBrackets: escapeBrackets, following: following) {
                result.append("\\")
            }
            result.append(scalars[index])
        }
        return String(result)
    }

    private static func isEscapable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "!"): true
        default: false
        }
    }

    private static func needsEscape(
        at index: Int, in scalars: [Unicode.Scalar], escapeBrackets: Bool, following: Following
    ) -> Bool {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch scalars[index] {
        case "`", "*":
            return true
        case "\\":
            // At the end of a run, markup may follow, which a lone backslash would escape.
            guard let next else { return following == .link || following == .other }
            return EmphasisFlanking.isASCIIPunctuation(next)
        case "_":
            // An intraword underscore can neither open nor close emphasis.
            guard index > 0, let next else { return true }
            return !(isAlphanumeric(scalars[index - 1]) && isAlphanumeric(next))
        case "[", "]":
            return escapeBrackets
        case "<":
            // The markup that may follow a run never starts with a letter, `/` or `?`, and `<![` is no HTML.
            guard let next else { return false }
            return next.isASCII && (next.properties.isAlphabetic || next == "/" || next == "!" || next == "?")
        case "&":
            return startsEntityReference(scalars[(index + 1)...])
        case "!":
            return next == nil && following == .link
        default:
            return false
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// True when `rest` (what follows an `&`) reads as `#123;`, `#x1F;` or `name;`.
    static func startsEntityReference(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        startsEntityReference(rest, code: \.value)
    }

    /// `startsEntityReference` on UTF-8 bytes: every character it accepts is ASCII, so bytes answer alike.
    static func startsEntityReference(bytes rest: ArraySlice<UInt8>) -> Bool {
        startsEntityReference(rest) { UInt32($0) }
    }

    private static func startsEntityReference<Characters: Collection>(
        _ rest: Characters, code: (Characters.Element) -> UInt32) -> Bool {
        func isDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }
        func isLetter(_ value: UInt32) -> Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        func isHexDigit(_ value: UInt32) -> Bool {
            isDigit(value) || (0x41...0x46).contains(value) || (0x61...0x66).contains(value)
        }
        var index = rest.startIndex
        guard index < rest.endIndex else { return false }
        let allowed: (UInt32) -> Bool
        let maximum: Int
        if code(rest[index]) == 0x23 { // #
            rest.formIndex(after: &index)
            if index < rest.endIndex, code(rest[index]) == 0x78 || code(rest[index]) == 0x58 { // x X
                rest.formIndex(after: &index)
                (allowed, maximum) = (isHexDigit, 6)
            } else {
                (allowed, maximum) = (isDigit, 7)
            }
        } else {
            guard isLetter(code(rest[index])) else { return false }
            (allowed, maximum) = ({ isLetter($0) || isDigit($0) }, 32)
        }
        var length = 0
        while index < rest.endIndex {
            let value = code(rest[index])
            guard allowed(value) else { return length > 0 && length <= maximum && value == 0x3B } // ;
            length += 1
            rest.formIndex(after: &index)
        }
        return false
    }

    // MARK: Line starts

    /// Escapes what would start a block at the beginning of a paragraph line. `isFirstLine` is false for lines
    /// after a hard break, where only constructs that can interrupt a paragraph matter.
    ///
    /// Each test reads the line's first characters (`head`, at most `headLength`), or walks the line only as
    /// far as it stays all `=` or all table-row characters: the line is not cut into characters as a whole.
    static func lineStart(_ line: String, isFirstLine: Bool) -> String {
        // Only a line starting with one of these can start a block; most lines start with a letter.
        guard let firstByte = line.utf8.first, mayStartBlock(firstByte) else { return line }
        let head = Array(line.prefix(headLength))
        guard let first = head.first else { return line }
        let second = head.count > 1 ? head[1] : nil
        let endsOrSpace = { (character: Character?) in character == nil || character == " " || character == "\t" }
        switch first {
        case "#":
            // More hashes than the head holds are more than 6 anyway.
            let hashes = head.prefix { $0 == "#" }.count
            let after = hashes < head.count ? head[hashes] : nil
            if hashes <= 6, endsOrSpace(after) { return "\\" + line }
        case ">":
            return "\\" + line
        case "+" where endsOrSpace(second):
            return "\\" + line
        case "=" where !isFirstLine && line.allSatisfy({ $0 == "=" }):
            return "\\" + line
        case "~" where head.prefix(while: { $0 == "~" }).count >= 3:
            return "\\" + line
        default:
            break
        }
        if let escaped = escapingDashLine(line, head: head) { return escaped }
        if let escaped = escapingOrderedMarker(line, head: head, isFirstLine: isFirstLine) { return escaped }
        return line
    }

    /// How many characters `lineStart` reads at the start of a line: at least the 11 of a marker of 9 digits,
    /// its delimiter and the character after, and the 8 that tell 7 hashes from 6 and what follows them.
    private static let headLength = 12

    /// The first bytes of `#>+=~-|: \t0123456789`, the characters a block can start with.
    private static func mayStartBlock(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "~"),
             UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"),
             UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    /// `line` with a backslash before its `offset`-th character.
    private static func inserting(backslashAt offset: Int, in line: String) -> String {
        String(line.prefix(offset)) + "\\" + line.dropFirst(offset)
    }

    /// Bullets (`- x`), thematic breaks (`---`, `- - -`), setext underlines and table delimiter rows.
    private static func escapingDashLine(_ line: String, head: [Character]) -> String? {
        let isBullet = head.first == "-" && (head.count == 1 || head[1] == " " || head[1] == "\t")
        guard isBullet || (line.allSatisfy { "-|: \t".contains($0) } && line.contains(where: { $0 == "-" }))
        else { return nil }
        let dash = line.firstIndex(where: { $0 == "-" })!
        return inserting(backslashAt: line.distance(from: line.startIndex, to: dash), in: line)
    }

    /// `1. ` and `1) `: only a list starting at 1 can interrupt a paragraph. Every character read is in `head`.
    private static func escapingOrderedMarker(_ line: String, head: [Character], isFirstLine: Bool) -> String? {
        let digits = head.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), digits.count < head.count else { return nil }
        let delimiter = head[digits.count]
        guard delimiter == "." || delimiter == ")" else { return nil }
        let afterIndex = digits.count + 1
        guard afterIndex == head.count || head[afterIndex] == " " || head[afterIndex] == "\t" else { return nil }
        guard isFirstLine || Int(String(digits)) == 1 else { return nil }
        return inserting(backslashAt: digits.count, in: line)
    }

    // MARK: Headings

    /// A heading ending in `#` would lose the run as a closing sequence.
    static func headingContent(_ content: String) -> String {
        guard content.hasSuffix("#") else { return content }
        var characters = Array(content)
        var start = characters.count
        while start > 0, characters[start - 1] == "#" { start -= 1 }
        if start > 0, characters[start - 1] == "\\" { return content }
        characters.insert("\\", at: start)
        return String(characters)
    }
}
