/// Counts the bytes of UTF-8 text that start a Unicode scalar: every byte but a continuation byte (`10xxxxxx`).
/// A column counts scalars, so this is how far a column moves over a run of bytes.
///
/// Eight bytes are counted at a time: in a 64-bit word, `word & ~(word << 1)` has the top bit of a byte set exactly
/// when that byte's top bit is 1 and the bit below it is 0 (the shift brings each byte's bit 6 under its bit 7),
/// so the continuation bytes of the word are the set bits of that value masked to the top bits, and the other
/// bytes start scalars. Counting byte by byte (the way it was done before, and the reference
/// `ScalarStartsTests` holds this to) gives the same number for every byte, valid UTF-8 or not.
enum ScalarStarts {
    /// The number of bytes that start a scalar in `bytes[start..<end]`.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        var result = 0
        while index + 8 <= end {
            result += inWord(at: index, of: bytes)
            index += 8
        }
        while index < end {
            if isStart(bytes[index]) { result += 1 }
            index += 1
        }
        return result
    }

    /// True for a byte that begins a scalar (not a continuation byte `10xxxxxx`).
    static func isStart(_ byte: UInt8) -> Bool {
        byte & 0xC0 != 0x80
    }

    /// Steps over whole words of `bytes[start..<end]` while `counted` (the starts before `start`) plus the word's
    /// starts stay at most `wanted`; returns where it stopped and the starts counted up to there.
    static func skipWords(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, counted: Int,
                          atMost wanted: Int) -> (index: Int, counted: Int) {
        var index = start
        var counted = counted
        while index + 8 <= end {
            let starts = inWord(at: index, of: bytes)
            guard counted + starts <= wanted else { break }
            counted += starts
            index += 8
        }
        return (index, counted)
    }

    /// The scalar starts among the eight bytes at `index`.
    private static func inWord(at index: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
        let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
        return 8 - continuations.nonzeroBitCount
    }
}
