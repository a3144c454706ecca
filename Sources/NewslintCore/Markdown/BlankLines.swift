/// Blank lines in text: whitespace runs that hold two or more line breaks.
enum BlankLines {
    /// The text between blank lines; each blank line's whitespace run is dropped.
    static func split(_ text: String) -> [String] {
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
