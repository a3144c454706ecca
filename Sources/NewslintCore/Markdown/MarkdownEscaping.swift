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
    static func lineStart(_ line: String, isFirstLine: Bool) -> String {
        // Only a line starting with one of these can start a block; most lines start with a letter.
        guard let firstByte = line.utf8.first, lineStartBytes.contains(firstByte) else { return line }
        let characters = Array(line)
        guard let first = characters.first else { return line }
        let second = characters.count > 1 ? characters[1] : nil
        let endsOrSpace = { (character: Character?) in character == nil || character == " " || character == "\t" }
        switch first {
        case "#":
            let hashes = characters.prefix { $0 == "#" }.count
            let after = hashes < characters.count ? characters[hashes] : nil
            if hashes <= 6, endsOrSpace(after) { return "\\" + line }
        case ">":
            return "\\" + line
        case "+" where endsOrSpace(second):
            return "\\" + line
        case "=" where !isFirstLine && characters.allSatisfy({ $0 == "=" }):
            return "\\" + line
        case "~" where characters.prefix(while: { $0 == "~" }).count >= 3:
            return "\\" + line
        default:
            break
        }
        if let escaped = escapingDashLine(characters) { return escaped }
        if let escaped = escapingOrderedMarker(characters, isFirstLine: isFirstLine) { return escaped }
        return line
    }

    private static let lineStartBytes = Set("#>+=~-|: \t0123456789".utf8)

    /// Bullets (`- x`), thematic breaks (`---`, `- - -`), setext underlines and table delimiter rows.
    private static func escapingDashLine(_ characters: [Character]) -> String? {
        let onlyRowCharacters = characters.allSatisfy { "-|: \t".contains($0) }
        let isBullet = characters.first == "-" && (characters.count == 1 || characters[1] == " " ||
            characters[1] == "\t")
        guard isBullet || (onlyRowCharacters && characters.contains("-")) else { return nil }
        var result = characters
        result.insert("\\", at: characters.firstIndex(of: "-")!)
        return String(result)
    }

    /// `1. ` and `1) `: only a list starting at 1 can interrupt a paragraph.
    private static func escapingOrderedMarker(_ characters: [Character], isFirstLine: Bool) -> String? {
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), digits.count < characters.count else { return nil }
        let delimiter = characters[digits.count]
        guard delimiter == "." || delimiter == ")" else { return nil }
        let afterIndex = digits.count + 1
        guard afterIndex == characters.count || characters[afterIndex] == " " || characters[afterIndex] == "\t"
        else { return nil }
        guard isFirstLine || Int(String(digits)) == 1 else { return nil }
        var result = characters
        result.insert("\\", at: digits.count)
        return String(result)
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
