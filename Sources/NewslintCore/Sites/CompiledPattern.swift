import Foundation

/// A regular expression compiled once and shared across files.
///
/// `NSRegularExpression` is immutable after creation and documented as safe to use from several threads.
/// Every site profile merges the defaults' patterns, so one source is compiled once per process and shared.
public struct CompiledPattern: @unchecked Sendable {
    public let source: String
    private let expression: NSRegularExpression
    /// The scalars a match can start with, for start-anchored patterns (see `PatternPrefilter`).
    private let firstScalars: Set<Unicode.Scalar>?

    public init(_ source: String) throws {
        self.source = source
        expression = try CompiledPattern.compiled(source)
        firstScalars = PatternPrefilter.firstScalars(of: source)
    }

    public func matches(_ text: String) -> Bool {
        if let firstScalars {
            guard let first = text.unicodeScalars.first, firstScalars.contains(first) else { return false }
        }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var compiledSources: [String: NSRegularExpression] = [:]

    private static func compiled(_ source: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiledSources[source] { return known }
        let expression = try NSRegularExpression(pattern: source)
        compiledSources[source] = expression
        return expression
    }
}
