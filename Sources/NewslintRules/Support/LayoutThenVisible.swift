/// Tells from a text's bytes that it is layout (spaces, line feeds, tabs) followed by a visible character that is
/// no indent: what `fullwidth-indent` otherwise learns by walking the text's characters twice.
///
/// When `startsWithLayoutThenVisible(_:)` is true, the text is not all white space (the visible character is
/// not), and dropping its leading spaces, line feeds, tabs and no-break spaces leaves a first character that is
/// not U+3000. Why the bytes tell so: a space, line feed or tab is a character of its own when a printable ASCII
/// character or a CJK ideograph (U+4E00–U+9FFF) follows (neither extends a character, and only CR LF joins two
/// controls); that visible scalar starts the next character, whose white-space property is its first scalar's,
/// so whatever marks follow it, that character is neither white space nor U+3000.
enum LayoutThenVisible {
    static func startsWithLayoutThenVisible(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x20, 0x0A, 0x09:
                continue
            case 0x21...0x7E:
                return true
            case 0xE4:
                // U+4E00–U+4FFF: E4 B8–BF xx.
                guard let second = bytes.next() else { return false }
                return second >= 0xB8
            case 0xE5...0xE9:
                // U+5000–U+9FFF.
                return true
            default:
                return false
            }
        }
        return false
    }
}
