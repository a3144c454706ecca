/// Failures of the DOM layer. Parsing with `.recover` almost never fails; these are the exceptions.
public enum DOMError: Error, CustomStringConvertible, Equatable {
    case parseFailed(String)
    case tooLarge(bytes: Int)
    /// Elements nest deeper than `HTMLDocument.maximumDepth`.
    case tooDeep(limit: Int)

    public var description: String {
        switch self {
        case .parseFailed(let reason): "libxml2 could not parse the HTML: \(reason)"
        case .tooLarge(let bytes): "HTML body of \(bytes) bytes exceeds libxml2's 2 GiB limit"
        case .tooDeep(let limit): "elements are nested more than \(limit) levels deep"
        }
    }
}
