/// Blank lines in text: whitespace runs that hold two or more line breaks.
enum BlankLines {
    /// The text between blank lines; each blank line's whitespace run is dropped.
    static func split(_ text: String) -> [String] {
        // Text with a carriage return keeps the character count below: its line breaks are counted after the
        // run is gathered, where a CR and a later LF join into one `\r\n`.
        if text.unicodeScalars.allSatisfy(\.alwaysStandsAlone) { return splitBytes(text) }
        return splitCharacters(text)
    }

    /// `split` for text whose every scalar is a character of its own (no carriage return): the whitespace is
    /// ASCII, so runs are found in the bytes.
    static func splitBytes(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        var parts: [String] = []
        var partStart = 0
        var index = 0
        while index < utf8.count {
            guard [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(utf8[index]) else {
                index += 1
                continue
            }
            let runStart = index
            var lineBreaks = 0
            while index < utf8.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(utf8[index]) {
                if utf8[index] == 0x0A { lineBreaks += 1 }
                index += 1
            }
            if lineBreaks >= 2 {
                parts.append(String(decoding: utf8[partStart..<runStart], as: UTF8.self))
                partStart = index
            }
        }
        parts.append(String(decoding: utf8[partStart...], as: UTF8.self))
        return parts
    }

    static func splitCharacters(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var run = ""
        func endRun() {
            if run.filter(\.isLineBreak).count >= 2 {
                parts.append(current)
                current = ""
            } else {
                current += run
            }
            run = ""
        }
        for character in text {
            if character.isHTMLWhitespace {
                run.append(character)
            } else {
                endRun()
                current.append(character)
            }
        }
        endRun()
        parts.append(current)
        return parts
    }
}

extension Character {
    var isLineBreak: Bool { self == "\n" || self == "\r" || self == "\r\n" }
}
