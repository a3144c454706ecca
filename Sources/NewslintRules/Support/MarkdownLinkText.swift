/// Markdown with its inline links and images replaced by their bracketed text: what
/// `text.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)` gives
/// (`MarkdownLinkText.pattern`, which stays as the reference in the tests), read from the bytes.
///
/// The regex cannot go back on anything it reads: a match at a position is `[`, or `![`, then everything up to
/// the first `]`, which must be followed by `(`, then everything up to the first `)`. So a match is decided by
/// where the next `]` and the next `)` are, and ICU's leftmost, non-overlapping replacement is a walk from left to
/// right. The syntax is ASCII, and UTF-8 never has an ASCII byte inside a character, so bytes give what the
/// regex's UTF-16 units give. Foundation's regex cost half a million instructions on a long Markdown body.
enum MarkdownLinkText {
    /// The regex the walk gives the results of.
    static let pattern = #"!?\[([^\]]*)\]\([^)]*\)"#

    static func replacingLinks(in text: String) -> String {
        guard text.containsBytes("](") else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            // The next `]` at or after a position, and the next `)`: both only move forward, as the walk does.
            var nextClose = -1
            var nextParen = -1
            func following(_ byte: UInt8, from start: Int, cached: inout Int) -> Int {
                if cached < start {
                    cached = bytes[start...].firstIndex(of: byte) ?? bytes.count
                }
                return cached
            }
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                let opening: Int
                if byte == UInt8(ascii: "[") {
                    opening = position
                } else if byte == UInt8(ascii: "!"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "[") {
                    opening = position + 1
                } else {
                    output.append(byte)
                    position += 1
                    continue
                }
                let close = following(UInt8(ascii: "]"), from: opening + 1, cached: &nextClose)
                if close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "(") {
                    let paren = following(UInt8(ascii: ")"), from: close + 2, cached: &nextParen)
                    if paren < bytes.count {
                        output.append(contentsOf: bytes[(opening + 1)..<close])
                        position = paren + 1
                        continue
                    }
                }
                output.append(byte)
                position += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
