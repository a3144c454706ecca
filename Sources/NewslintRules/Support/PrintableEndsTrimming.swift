import NewslintCore

extension String {
    /// `trimmingSpaces`, answered from the end bytes when both are printable ASCII (`!`–`~`), as in nearly every
    /// address: then neither end character is trimmed. The first character starts with that byte's scalar, which
    /// is neither a tab nor a space separator. The last character ends with its scalar, which nothing but a
    /// Prepend scalar joins from before (no printable ASCII scalar extends a character), and no tab or space
    /// separator is a Prepend scalar, so the last character starts with no tab or space either.
    var trimmingSpacesReadingEnds: Substring {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self[...]
        }
        return trimmingSpaces
    }
}
