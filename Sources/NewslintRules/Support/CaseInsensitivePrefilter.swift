import NewslintCore
import NewslintDOM

/// A byte prefilter for case-insensitive patterns that need an exact ASCII marker followed by one of a few words,
/// so that a body that cannot match is not copied to UTF-16 for the regex.
enum CaseInsensitivePrefilter {
    /// False only when no `marker` (matched byte for byte) in `text` is followed by one of `words` as a
    /// case-insensitive regex matches them. An ASCII character folds only to itself and its other case, one
    /// character each, so the ASCII bytes after a marker, up to the word's length or to the first non-ASCII byte,
    /// must be the word's in ASCII letters of either case. From a non-ASCII byte on, the text stays a candidate
    /// (`ſ` folds to `s`, `ﬆ` to `st`, the Kelvin sign to `k`), as does any word that is not ASCII.
    static func mayHold(_ marker: String, followedByOneOf words: [String], in text: String) -> Bool {
        guard words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return true }
        let lowered = words.map { $0.utf8.map(\.asciiLowercased) }
        let markerBytes = Array(marker.utf8)
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while let found = ByteSearch.firstOffset(of: markerBytes, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
                let after = start + found + markerBytes.count
                if lowered.contains(where: { mayStartWith($0, bytes[after...]) }) { return true }
                start += found + 1
            }
            return false
        }
    }

    /// True when `bytes` may start with `word` (lowercase ASCII) under case folding: the word in ASCII letters of
    /// either case up to a non-ASCII byte within its length. Each ASCII character before that byte folds to one
    /// character of the word, in order, so an ASCII byte that differs from its letter rules the place out (`// 注释`
    /// in code is no proxy's prefix).
    private static func mayStartWith(_ word: [UInt8], _ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = bytes.startIndex
        for letter in word {
            guard index < bytes.endIndex else { return false }
            if bytes[index] >= 0x80 { return true }
            guard bytes[index].asciiLowercased == letter else { return false }
            index += 1
        }
        return true
    }
}
