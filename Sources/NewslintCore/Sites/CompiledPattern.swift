import Foundation

/// A regular expression compiled once and shared across files.
///
/// `NSRegularExpression` is immutable after creation and documented as safe to use from several threads.
public struct CompiledPattern: @unchecked Sendable {
    public let source: String
    private let expression: NSRegularExpression

    public init(_ source: String) throws {
        self.source = source
        expression = try NSRegularExpression(pattern: source)
    }

    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
