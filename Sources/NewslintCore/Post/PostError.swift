/// Why a file could not be read as a post. The CLI prefixes the message with the file's path.
public enum PostError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notUTF8(offset: Int)
    case binary
    case unterminatedFrontMatter(line: Int)
    case invalidYAML(line: Int, reason: String)
    case invalidHTML(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .notUTF8(let offset): "not valid UTF-8 (first bad byte at offset \(offset))"
        case .binary: "binary file (contains NUL bytes), not a post"
        case .unterminatedFrontMatter(let line): "front matter opened at line \(line) is never closed with '---'"
        case .invalidYAML(let line, let reason): "invalid YAML front matter at line \(line): \(reason)"
        case .invalidHTML(let reason): "cannot parse the HTML body: \(reason)"
        }
    }

    /// The file line the problem is at, when known.
    public var line: Int? {
        switch self {
        case .unterminatedFrontMatter(let line), .invalidYAML(let line, _): line
        default: nil
        }
    }
}
