import NewslintCore

/// The fix shared by the thumbnail rules: point `headimg`/`thumbnail` at the article's first content image,
/// or, when the article has none, remove the key.
enum ThumbnailRepair {
    /// A violation at the key's value whose fix uses `replacement`, or removes the key with `removal`.
    static func violation(key: String, message: String, replacement: String?, removal: Applicability,
                          context: RuleContext) -> Violation {
        let location = context.location(ofKey: key)
        guard let replacement, isImageAddress(replacement) else {
            return Violation(at: location, message,
                             fix: Fix("remove the \(key) key (the post has no content image)", applicability: removal) {
                                 context.editFrontMatter { $0.removeKey(key) }
                             })
        }
        return Violation(at: location, message, fix: Fix("use the first content image") {
            context.editFrontMatter { $0.setString(key, to: replacement) }
        })
    }

    /// An absolute, protocol-relative or root-relative address without white space: a source broken over lines
    /// by an unclosed attribute, or a fragment of one, is not a picture a theme can show.
    static func isImageAddress(_ source: String) -> Bool {
        guard !source.isEmpty, !source.contains(where: \.isWhitespace) else { return false }
        let lower = source.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("/")
    }
}
