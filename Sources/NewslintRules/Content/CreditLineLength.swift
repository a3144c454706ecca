import NewslintCore

extension CreditLineRule {
    /// A credit line is short: a paragraph that merely starts like one is article text.
    static let maximumLength = 120

    /// True when the words of `text`, each counted with one space, are at most `maximumLength` characters:
    /// runs of layout whitespace do not make a line long. Stops counting past the limit.
    static func isShort(_ text: Substring) -> Bool {
        // Each counted character has a byte at least, and each word but the first a blank before it: the length is
        // at most the bytes plus one, so a line of fewer bytes than the limit is short without counting.
        guard text.utf8.count >= maximumLength else { return true }
        // Most lines are Chinese, Latin and ASCII text and punctuation, where every scalar is a character of its
        // own (see `alwaysStandsAlone`): counted by scalars, without finding character boundaries. A line with any
        // other scalar is counted by characters.
        // The scalars are decoded from the UTF-8 bytes in place: a line near the limit has over a hundred of them,
        // and the scalar view's iterator cost several times the counting.
        let byScalars = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var length = LineLength()
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                // ASCII, and U+4000–U+9FFF (lead bytes E4–E9: CJK ideographs), are told without decoding: the same
                // answers as `alwaysStandsAlone` and `isWhiteSpace`, which are calls into another module.
                if lead < 0x80 {
                    guard lead != 0x0D, lead != 0x7F else { return nil }
                    guard length.add(isBlank: lead == 0x20 || lead &- 0x09 <= 0x0C - 0x09) else { return false }
                    index += 1
                    continue
                }
                if lead &- 0xE4 <= 0xE9 - 0xE4 {
                    guard length.add(isBlank: false) else { return false }
                    index += 3
                    continue
                }
                let (scalar, width) = UTF8Scalar.decode(bytes, at: index)
                guard scalar.alwaysStandsAlone else { return nil }
                guard length.add(isBlank: scalar.isWhiteSpace) else { return false }
                index += width
            }
            return true
        }
        return (byScalars ?? nil) ?? isShortByCharacters(text)
    }

    static func isShortByCharacters(_ text: Substring) -> Bool {
        var length = LineLength()
        return text.allSatisfy { length.add(isBlank: TextClasses.isBlank($0)) }
    }

    /// The length `isShort` counts: each word's characters, plus one for the space before it.
    private struct LineLength {
        var count = 0
        var inWord = false

        /// Counts one character; false once the line is longer than `maximumLength`.
        mutating func add(isBlank: Bool) -> Bool {
            guard !isBlank else {
                inWord = false
                return true
            }
            count += inWord ? 1 : 2
            inWord = true
            return count <= CreditLineRule.maximumLength
        }
    }
}
