/// The CSS Text 3 segment-break rule: a collapsed whitespace run that held a line break disappears between
/// two East Asian Wide or Fullwidth characters, because Chinese and Japanese do not separate words.
///
/// Hangul is excluded, as CSS Text 3 excludes it: Korean separates words with spaces.
enum CJKWhitespace {
    static func removesSegmentBreak(between before: Unicode.Scalar, and after: Unicode.Scalar) -> Bool {
        isWideNonHangul(before) && isWideNonHangul(after)
    }

    static func isWideNonHangul(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return wideRanges.contains { $0.contains(value) }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, without the Hangul blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x2E80...0x2FFF,  // CJK radicals, Kangxi radicals, ideographic description characters
        0x3000...0x303F,  // CJK symbols and punctuation
        0x3040...0x30FF,  // Hiragana, Katakana
        0x3100...0x312F,  // Bopomofo
        0x3190...0x31FF,  // Kanbun, Bopomofo extended, CJK strokes, Katakana phonetic extensions
        0x3200...0x4DBF,  // Enclosed CJK letters, CJK compatibility, CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE1F,  // Vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // Fullwidth forms
        0xFFE0...0xFFE6,  // Fullwidth signs
        0x1B000...0x1B16F,  // Kana supplement and extended
        0x1F200...0x1F2FF,  // Enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,  // CJK extension G and later
    ]
}
