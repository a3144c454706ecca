import Foundation
import NewslintDOM

/// Why a file could not be read as a post. The CLI prefixes the message with the file's path.
public enum PostError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notUTF8(offset: Int)
    /// Not UTF-8, and the file declares another charset (`<meta charset=gbk>`, an XML declaration).
    case declaredCharset(offset: Int, charset: String)
    /// A byte order mark of an encoding newslint does not read (UTF-16, UTF-32).
    case unsupportedEncoding(String)
    case binary
    /// A binary file recognised by its signature, e.g. "PNG image".
    case binaryFormat(String)
    case tooLarge(bytes: Int, limit: Int)
    case unterminatedFrontMatter(line: Int)
    case invalidYAML(line: Int, reason: String)
    case invalidHTML(String)
    /// An `.html` or `.htm` file: a page, not a post, and `fix` would write Markdown into it.
    case htmlFile

    /// A top-level key written twice, at `line`, first at line `first`: the one wording of both YAML readers.
    static func duplicateKey(_ key: String, line: Int, first: Int) -> PostError {
        .invalidYAML(line: line, reason: "duplicate key '\(key)' (first at line \(first))")
    }

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .notUTF8(let offset): "not valid UTF-8 (first bad byte at offset \(offset))"
        case .declaredCharset(let offset, let charset):
            "not valid UTF-8 (first bad byte at offset \(offset)); the file declares charset \(charset): "
                + "convert it to UTF-8 first, e.g. with iconv -f \(PostError.iconvName(charset)) -t UTF-8"
        case .unsupportedEncoding(let encoding):
            "\(encoding) text (byte order mark), not UTF-8: convert it to UTF-8 first, e.g. with iconv -f "
                + "\(encoding.split(separator: " ")[0]) -t UTF-8"
        case .binary: "binary file (contains NUL bytes), not a post"
        case .binaryFormat(let format): "binary file (\(format)), not a post"
        case .tooLarge(let bytes, let limit):
            "file is \(PostError.mebibytes(bytes)) MiB; newslint reads posts up to \(PostError.mebibytes(limit)) MiB"
        case .unterminatedFrontMatter(let line): "front matter opened at line \(line) is never closed with '---'"
        case .invalidYAML(let line, let reason): "invalid YAML front matter at line \(line): \(reason)"
        case .invalidHTML(let reason): "cannot parse the HTML body: \(reason)"
        case .htmlFile:
            "an HTML file, not a Markdown post: fix writes the body as Markdown, which a .html file cannot hold "
                + "(rename it to .md to convert it)"
        }
    }

    /// True for the names of HTML files (`.html`, `.htm`), which newslint does not read as posts. ASCII case
    /// is ignored; no other letter lower-cases to one of `html`.
    public static func isHTMLFileName(_ path: String) -> Bool {
        let pathExtension = PathText.pathExtension(of: path).utf8.map(\.asciiLowercased)
        return pathExtension.elementsEqual("html".utf8) || pathExtension.elementsEqual("htm".utf8)
    }

    /// The file line the problem is at, when known.
    public var line: Int? {
        switch self {
        case .unterminatedFrontMatter(let line), .invalidYAML(let line, _): line
        default: nil
        }
    }
}

private extension PostError {
    /// iconv's name for a declared charset; GB2312 and GBK text is read correctly as their superset GB18030.
    static func iconvName(_ charset: String) -> String {
        switch charset.lowercased() {
        case "gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "gb18030": "GB18030"
        default: charset.uppercased()
        }
    }

    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
