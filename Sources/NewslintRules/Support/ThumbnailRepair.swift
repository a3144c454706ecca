import NewslintCore

/// The fix shared by the thumbnail rules: point `headimg`/`thumbnail` at the article's first content image,
/// or, when the article has none, remove the key.
enum ThumbnailRepair {
    /// A violation at the key's value whose fix uses `replacement`, or removes the key with `removal`.
    static func violation(key: String, message: String, replacement: String?, removal: Applicability,
                          context: RuleContext) -> Violation {
        let location = context.location(ofKey: key)
        guard let replacement = replacement.flatMap(imageAddress) else {
            return Violation(at: location, message,
                             fix: Fix("remove the \(key) key (the post has no content image)", applicability: removal) {
                                 context.editFrontMatter { $0.removeKey(key) }
                             })
        }
        return Violation(at: location, message, fix: Fix("use the first content image") {
            context.editFrontMatter { $0.setString(key, to: replacement) }
        })
    }

    /// The address a theme can show, as the Markdown writer writes it (surrounding white space trimmed), or nil.
    ///
    /// An absolute, protocol-relative or root-relative address. A source broken over lines by an unclosed
    /// attribute is not one, whether the line break is in it as is (an HTML body) or percent-encoded (the
    /// Markdown the writer made of that body, `%0A`), so both readings of a post agree; the same goes for every
    /// other control character. A space is part of an address (browsers and the writer encode it as `%20`).
    static func imageAddress(_ source: String) -> String? {
        let address = String(source.trimmingWhitespace)
        let lower = address.lowercased()
        // Decoding the escapes shows both: a raw control character stays as it is.
        guard !URLRewriting.percentDecoded(address).unicodeScalars.contains(where: isControl) else { return nil }
        let isAddress = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("/")
        return isAddress ? address : nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
