/// Blank lines in text: whitespace runs that hold two or more line breaks.
enum BlankLines {
    /// The text between blank lines; each blank line's whitespace run is dropped.
    static func split(_ text: String) -> [String] {
        guard mayHoldBlankLine(text) else { return [text] }
        // Text with a carriage return keeps the character count below: its line breaks are counted after the
        // run is gathered, where a CR and a later LF join into one `\r\n`. Without one, `canSplitByBytes`
        // holds exactly when every scalar stands alone.
        if !text.containsByte(where: { $0 == 0x0D }), InlineWhitespace.canSplitByBytes(text) {
            return splitBytes(text)
        }
        return splitCharacters(text)
    }

    /// False when `text` has fewer than two line breaks (`\n`, `\r` or `\r\n`), so no blank line: its only part
    /// is the whole text.
    static func mayHoldBlankLine(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            count(of: 0x0A, in: bytes, upTo: 2) + count(of: 0x0D, in: bytes, upTo: 2) >= 2
        }
        return found ?? (text.utf8.lazy.filter { $0 == 0x0A || $0 == 0x0D }.count >= 2)
    }

    /// How many times `byte` occurs in `bytes`, counted with `memchr` up to `limit`.
    private static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var count = 0
        var start = 0
        while count < limit, let offset = ByteSearch.firstOffset(of: byte, in: bytes, from: start) {
            count += 1
            start = offset + 1
        }
        return count
    }

    /// `split` for text whose every scalar is a character of its own (no carriage return): the whitespace is
    /// ASCII, so runs are found in the bytes.
    ///
    /// The bytes are read in place, and each part is whole UTF-8 (it is cut at ASCII whitespace): it is copied
    /// out of `text`, where decoding a copy of the bytes validated them again.
    static func splitBytes(_ text: String) -> [String] {
        let utf8 = text.utf8
        let runs = utf8.withContiguousStorageIfAvailable(blankLineRuns)
            ?? Array(utf8).withUnsafeBufferPointer(blankLineRuns)
        func part(_ offsets: Range<Int>) -> String {
            let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
            return String(Substring(utf8[start..<utf8.index(start, offsetBy: offsets.count)]))
        }
        var parts: [String] = []
        parts.reserveCapacity(runs.count + 1)
        var partStart = 0
        for run in runs {
            parts.append(part(partStart..<run.lowerBound))
            partStart = run.upperBound
        }
        parts.append(part(partStart..<utf8.count))
        return parts
    }

    /// The offsets of the whitespace runs in `bytes` that hold two or more line feeds.
    private static func blankLineRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isWhitespace(bytes[index]) else {
                index += 1
                continue
            }
            let runStart = index
            var lineBreaks = 0
            while index < bytes.count, isWhitespace(bytes[index]) {
                if bytes[index] == 0x0A { lineBreaks += 1 }
                index += 1
            }
            if lineBreaks >= 2 { runs.append(runStart..<index) }
        }
        return runs
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
