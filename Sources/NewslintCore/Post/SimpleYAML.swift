import NewslintDOM

/// A reader for the front matter feeds and generators write: top-level `key: value` lines and lists of
/// `- item` lines, with plain or simply quoted values. Front matter in that form is read here, without building
/// a YAML document; anything else (nested mappings, block scalars, escapes, comments, anchors, tabs, trailing
/// blanks) is left to Yams, which reads every form.
///
/// Reading a post's front matter with Yams twice (the alias and duplicate-key check, then the values) was 8% of a
/// `check`, an eighth of what all the rules together cost; most front matter is a dozen plain lines. What is accepted here is read as Yams
/// reads it (`SimpleYAMLTests` holds the two readers equal), and a duplicate key is refused with the check's
/// message.
enum SimpleYAML {
    /// The scalar values and the lists of `lines`, and the index in `lines` of each key's line, or nil when the
    /// lines are not in the simple form. Throws `PostError.invalidYAML` for a key written twice, as the YAML check
    /// does.
    ///
    /// `keyLines` is what `FrontMatter.keyLines(in:)` finds in the same lines (`SimpleYAMLKeyLinesTests` holds
    /// the two equal): in the simple form every line that is not blank is either a `key:` line, whose key is ASCII
    /// letters, digits, `_` and `-` followed by `:` and then a space or the end of the line, which
    /// `topLevelKey(in:)` reads as that key, or a list item, which starts with a space or `-` and so sets no key
    /// there; a key is written once, so its first line is its only one.
    static func read(lines: [String], firstLine: Int) throws
        -> (scalars: [String: String], sequences: [String: [String]], keyLines: [String: Int])? {
        // Room for a key per line up front, so the tables do not grow step by step; they are only looked up in
        // (`FrontMatter` never iterates them), so their capacity changes nothing that is read from them.
        var scalars = [String: String](minimumCapacity: lines.count)
        var sequences: [String: [String]] = [:]
        var keyLines = [String: Int](minimumCapacity: lines.count)
        /// The key whose value is empty so far, with the indentation of its items once one is seen.
        var open: (key: String, items: [String], indent: Int?)?
        func close() {
            guard let pending = open else { return }
            if pending.items.isEmpty { scalars[pending.key] = "" } else { sequences[pending.key] = pending.items }
            open = nil
        }
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            if bytes.isEmpty {
                // A blank line inside a list, or before its first item, is YAML's business.
                guard open == nil else { return nil }
                continue
            }
            if let pending = open, let (indent, item) = listItem(bytes) {
                guard pending.indent == nil || pending.indent == indent, let value = scalar(item) else { return nil }
                open = (pending.key, pending.items + [value], indent)
                continue
            }
            close()
            guard let (key, rest) = keyAndRest(bytes) else { return nil }
            if let first = keyLines[key] {
                throw PostError.duplicateKey(key, line: firstLine + index, first: firstLine + first)
            }
            keyLines[key] = index
            if rest.isEmpty {
                open = (key, [], nil)
            } else {
                guard let value = scalar(rest) else { return nil }
                scalars[key] = value
            }
        }
        close()
        return keyLines.isEmpty ? nil : (scalars, sequences, keyLines)
    }

    /// `key:` or `key: value` with a key of ASCII letters, digits, `_` and `-`: the key, and the value's bytes
    /// after the blanks that follow the colon.
    private static func keyAndRest(_ bytes: [UInt8]) -> (String, ArraySlice<UInt8>)? {
        guard let first = bytes.first, first.isASCIILetter || first == UInt8(ascii: "_") else { return nil }
        var index = 1
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index].isASCIIDigit
                || bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: bytes[..<index], as: UTF8.self)
        index += 1
        guard index == bytes.count || bytes[index] == UInt8(ascii: " ") else { return nil }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return (key, bytes[index...])
    }

    /// `- item` after any number of spaces: the indentation and the item's bytes.
    private static func listItem(_ bytes: [UInt8]) -> (Int, ArraySlice<UInt8>)? {
        var indent = 0
        while indent < bytes.count, bytes[indent] == UInt8(ascii: " ") { indent += 1 }
        guard indent + 1 < bytes.count, bytes[indent] == UInt8(ascii: "-"), bytes[indent + 1] == UInt8(ascii: " ")
        else { return nil }
        var start = indent + 2
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        return (indent, bytes[start...])
    }

    /// The value of a plain, single-quoted or double-quoted scalar written on one line, or nil when it is written
    /// in any other way.
    private static func scalar(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last, last != UInt8(ascii: " ") else { return nil }
        let text: String
        if bytes.allSatisfy({ (0x20...0x7E).contains($0) }) {
            // Printable ASCII: every byte is a printable scalar, with nothing to check.
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            guard let decoded = String(validating: bytes, as: UTF8.self),
                  decoded.unicodeScalars.allSatisfy(isPrintable) else { return nil }
            text = decoded
        }
        switch first {
        case UInt8(ascii: "'"):
            // `''` is a quote; any other quote would end the scalar before the end of the line.
            guard bytes.count >= 2, last == UInt8(ascii: "'") else { return nil }
            let inner = bytes.dropFirst().dropLast()
            var value: [UInt8] = []
            value.reserveCapacity(inner.count)
            var index = inner.startIndex
            while index < inner.endIndex {
                if inner[index] == UInt8(ascii: "'") {
                    guard index + 1 < inner.endIndex, inner[index + 1] == UInt8(ascii: "'") else { return nil }
                    index += 1
                }
                value.append(inner[index])
                index += 1
            }
            return String(decoding: value, as: UTF8.self)
        case UInt8(ascii: "\""):
            let inner = bytes.dropFirst().dropLast()
            guard bytes.count >= 2, last == UInt8(ascii: "\""),
                  !inner.contains(UInt8(ascii: "\"")), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        default:
            guard !indicators.contains(first), !contains(bytes, UInt8(ascii: ":"), UInt8(ascii: " ")),
                  !contains(bytes, UInt8(ascii: " "), UInt8(ascii: "#")), last != UInt8(ascii: ":") else {
                return nil
            }
            return text
        }
    }

    /// What a plain scalar cannot start with: YAML's indicators, and a blank.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@` ".utf8)

    /// Printable in YAML and not a line break there: no tab or other control character, no NEL, line or
    /// paragraph separator, byte order mark or non-character.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// True when `first` is followed by `second` somewhere in `bytes`.
    private static func contains(_ bytes: ArraySlice<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == first, bytes[index + 1] == second { return true }
            index += 1
        }
        return false
    }
}
