import NewslintDOM

/// How newslint turns an HTML post body into a DOM: code-aware escaping, then libxml2.
public enum HTMLBody {
    public static func parse(_ body: String) throws -> HTMLDocument {
        do {
            return try HTMLDocument(html: CodeLiteralTags.escape(body))
        } catch {
            throw PostError.invalidHTML("\(error)")
        }
    }
}
