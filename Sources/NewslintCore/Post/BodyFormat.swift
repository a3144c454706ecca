/// Whether a post body is raw HTML from a feed or Markdown (written by hand or by `newslint fix`).
public enum BodyFormat: String, Sendable {
    case html
    case markdown

    /// Block elements a scraped HTML body starts with. Markdown that newslint writes never starts with
    /// one of these: the writer emits raw HTML only for images, tables, embeds and inline tags.
    static let htmlOpeningTags: Set<String> = [
        "!doctype", "html", "head", "body", "div", "p", "section", "article", "main", "header", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "figure", "pre", "center", "font",
        "span", "br",
    ]

    /// Detects the format: a body whose first tag after any comments opens one of `htmlOpeningTags` is HTML,
    /// and anything else is Markdown. (`.html` files are not read as posts at all: `PostError.htmlFile`.)
    public static func detect(body: String, path: String) -> BodyFormat {
        var start = body.drop { $0.isWhitespace }
        // Template comments often come first in scraped bodies; the first tag after them decides.
        while start.hasPrefix("<!--"), let end = start.range(of: "-->") {
            start = start[end.upperBound...].drop { $0.isWhitespace }
        }
        guard start.first == "<" else { return .markdown }
        let name = start.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "!" }.lowercased()
        return htmlOpeningTags.contains(name) ? .html : .markdown
    }
}
