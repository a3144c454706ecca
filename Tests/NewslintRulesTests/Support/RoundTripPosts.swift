import Foundation
import NewslintCore
import NewslintDOM
import NewslintRules

/// A post as the round trip sees it: newslint's fixed Markdown, and the cleaned DOM it was written from.
struct RoundTripPost {
    let name: String
    /// The body of `newslint fix`'s output.
    let markdown: String
    /// The body after every fix except `html-body`, which writes it back as HTML instead of Markdown: the DOM
    /// the writer converts, serialised.
    let cleanedHTML: String

    func cleanedDocument() throws -> HTMLDocument { try HTMLBody.parse(cleanedHTML) }

    /// What reading a post gave.
    enum Outcome {
        case html(RoundTripPost)
        /// The body is Markdown already: fix only edits leftovers in it, the writer is not involved.
        case markdown
        /// The front matter cannot be read; fix reports the error and writes nothing.
        case unreadable(String)
    }

    /// Every example post, and every corpus post when the corpus is beside the checkout.
    static var urls: [URL] { Repository.examplePosts + Repository.corpusPosts }

    private static let fixer = Linter(rules: builtInRules, catalog: ExampleRunner.catalog)
    private static let cleaner = Linter(
        rules: builtInRules.filter { $0.id != "html-body" }, catalog: ExampleRunner.catalog)

    static func read(_ url: URL) throws -> Outcome {
        let name = url.lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        do {
            let post = try PostReader.read(bytes: Array(text.utf8), path: name)
            guard post.bodyFormat == .html else { return .markdown }
            let fixed = try fixer.fix(post, original: text)
            let cleaned = try cleaner.fix(post, original: text)
            return .html(RoundTripPost(
                name: name,
                markdown: try PostReader.read(bytes: Array(fixed.output.utf8), path: name).body,
                cleanedHTML: try PostReader.read(bytes: Array(cleaned.output.utf8), path: name).body))
        } catch let error as PostError {
            return .unreadable("\(error)")
        }
    }
}
