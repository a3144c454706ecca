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
        guard let first = rest.first else { return false }
        let body: ArraySlice<Unicode.Scalar>
        let allowed: (Unicode.Scalar) -> Bool
        let maximum: Int
        if first == "#" {
            let afterHash = rest.dropFirst()
            if let marker = afterHash.first, marker == "x" || marker == "X" {
                body = afterHash.dropFirst()
                allowed = { $0.isASCII && $0.properties.isASCIIHexDigit }
                maximum = 6
            } else {
                body = afterHash
                allowed = { ("0"..."9").contains($0) }
                maximum = 7
            }
        } else {
            guard first.isASCII, first.properties.isAlphabetic else { return false }
            body = rest
            allowed = { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            maximum = 32
        }
        let name = body.prefix { allowed($0) }
        guard !name.isEmpty, name.count <= maximum else { return false }
        return body.dropFirst(name.count).first == ";"
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
