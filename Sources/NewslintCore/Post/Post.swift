import Foundation

/// One post: the envelope around the front matter, the front matter, and the body.
///
/// `Post` is a value: fixing works on a copy and `rendered(body:)` assembles the output file.
public struct Post: Sendable {
    /// The path the post was read from, as the user gave it (used in messages).
    public let path: String
    /// The whole file as read (LF line endings), for locations and excerpts.
    public let source: SourceText
    /// Blank lines before the opening `---`, kept as found.
    public let leadingText: String
    /// The opening fence line, e.g. `---`; nil when the post has no front matter.
    public let openingFence: String?
    /// The closing fence line.
    public let closingFence: String?
    public var frontMatter: FrontMatter?
    /// Everything after the closing fence's newline.
    public var body: String
    /// The file line on which `body` starts.
    public let bodyFirstLine: Int
    public let bodyFormat: BodyFormat
    /// True when the file used CRLF line endings; the output keeps them.
    public let usesCRLF: Bool

    public init(
        path: String, source: SourceText, leadingText: String, openingFence: String?, closingFence: String?,
        frontMatter: FrontMatter?, body: String, bodyFirstLine: Int, bodyFormat: BodyFormat, usesCRLF: Bool
    ) {
        self.path = path
        self.source = source
        self.leadingText = leadingText
        self.openingFence = openingFence
        self.closingFence = closingFence
        self.frontMatter = frontMatter
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.bodyFormat = bodyFormat
        self.usesCRLF = usesCRLF
    }

    /// The file text with the current front matter and `body` (LF line endings).
    public func assembled(body newBody: String) -> String {
        var output = leadingText
        if let openingFence, let frontMatter, let closingFence {
            output += openingFence + "\n"
            if !frontMatter.lines.isEmpty { output += frontMatter.text + "\n" }
            output += closingFence + "\n"
        }
        return output + newBody
    }

    /// `text` with the file's original line endings.
    public func withOriginalLineEndings(_ text: String) -> String {
        usesCRLF ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }
}
