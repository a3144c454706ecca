extension UnsafeBufferPointer<UInt8> {
    /// The UTF-8 length of the White_Space scalar at `index` (what ICU's `\s` matches: U+0009–U+000D, U+0020,
    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or 0. `index` must be
    /// the first byte of a scalar, or a continuation byte (never white space).
    func whiteSpaceLength(at index: Int) -> Int {
        let byte = self[index]
        if byte < 0x80 { return byte.isASCIIWhiteSpace ? 1 : 0 }
        func has(_ offset: Int, _ value: UInt8) -> Bool {
            index + offset < count && self[index + offset] == value
        }
        switch byte {
        case 0xC2: // U+0085, U+00A0
            return has(1, 0x85) || has(1, 0xA0) ? 2 : 0
        case 0xE1: // U+1680
            return has(1, 0x9A) && has(2, 0x80) ? 3 : 0
        case 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
            if has(1, 0x80), index + 2 < count {
                let last = self[index + 2]
                return (0x80...0x8A).contains(last) || last == 0xA8 || last == 0xA9 || last == 0xAF ? 3 : 0
            }
            return has(1, 0x81) && has(2, 0x9F) ? 3 : 0
        case 0xE3: // U+3000
            return has(1, 0x80) && has(2, 0x80) ? 3 : 0
        default:
            return 0
        }
    }
}
