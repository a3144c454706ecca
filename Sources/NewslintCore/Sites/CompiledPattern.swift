import Foundation

/// A regular expression compiled once and shared across files.
///
/// `NSRegularExpression` is immutable after creation and documented as safe to use from several threads.
/// Every site profile merges the defaults' patterns, so one source is compiled once per process and shared.
///
/// A pattern of the user's is compiled when it is made, so that one that does not compile is reported as the
/// profile is loaded. A built-in one is compiled the first time its prefilters let a text through: most runs
/// never get that far, and the first regular expression a process compiles costs a one-file `check` about a
/// fifth of its instructions (ICU sets up its tables).
public struct CompiledPattern: @unchecked Sendable {
    public let source: String
    private let expression: Expression
    /// The scalars a match can start with, for start-anchored patterns (see `PatternPrefilter`), sorted: a
    /// handful of values, searched faster than a set is hashed.
    fileprivate let firstScalars: [UInt32]?
    /// Bytes every match contains (see `PatternLiteral`).
    private let requiredBytes: [UInt8]?
    /// Literals of which every match contains one (`PatternLiteral.requiredAlternatives`), for a pattern with
    /// neither prefilter above; read by `CompiledPatternList` alone.
    let requiredAlternatives: [[UInt8]]?

    /// Compiles `source` now; throws when it does not compile.
    public init(_ source: String) throws {
        try self.init(source, expression: Expression(compiled: CompiledPattern.shared(source)))
    }

    /// A built-in pattern, from a profile compiled into the binary or written in the code, every one of which the
    /// tests compile: compiled on first use (one that does not compile is a programming error).
    public init(builtIn source: String) {
        self.init(source, expression: Expression(source: source))
    }

    private init(_ source: String, expression: Expression) {
        self.source = source
        self.expression = expression
        let prefilter = CompiledPattern.prefilter(of: source)
        firstScalars = prefilter.firstScalars.map { $0.map(\.value).sorted() }
        requiredBytes = prefilter.requiredBytes
        requiredAlternatives = firstScalars == nil && requiredBytes == nil ? prefilter.requiredAlternatives : nil
    }

    public func matches(_ text: String) -> Bool {
        mayMatch(text) && matchesPrefiltered(text)
    }

    /// What `matches` answers for a text `mayMatch` let through: the regex alone, for callers that ran the
    /// prefilters of several patterns first.
    public func matchesPrefiltered(_ text: String) -> Bool {
        expression.compiled.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The regular expression of a pattern, compiled now or on first use; shared by the worker threads.
    private final class Expression: @unchecked Sendable {
        private let lock = NSLock()
        private let source: String
        private var expression: NSRegularExpression?

        init(compiled: NSRegularExpression) {
            source = compiled.pattern
            expression = compiled
        }

        init(source: String) {
            self.source = source
        }

        var compiled: NSRegularExpression {
            lock.lock()
            defer { lock.unlock() }
            if let expression { return expression }
            do {
                let compiled = try CompiledPattern.shared(source)
                expression = compiled
                return compiled
            } catch {
                preconditionFailure("built-in pattern \(source) does not compile: \(error)")
            }
        }
    }

    /// False when the prefilter rules a match out without the regex engine; true when only the regex can tell.
    public func mayMatch(_ text: String) -> Bool {
        if let firstScalars {
            guard let first = text.unicodeScalars.first?.value,
                  CompiledPattern.sortedContains(firstScalars, first) else { return false }
        }
        if let requiredBytes {
            let contains = text.utf8.withContiguousStorageIfAvailable { bytes in
                ByteSearch.firstOffset(of: requiredBytes, in: bytes) != nil
            }
            if contains == false { return false }
        }
        return true
    }

    /// False when the text holds none of `requiredAlternatives`, so the pattern cannot match it.
    func mayMatchAlternatives(_ text: String) -> Bool {
        guard let requiredAlternatives else { return true }
        let contains = text.utf8.withContiguousStorageIfAvailable { bytes in
            requiredAlternatives.contains { ByteSearch.firstOffset(of: $0, in: bytes) != nil }
        }
        return contains ?? true
    }

    fileprivate static func sortedContains(_ values: [UInt32], _ value: UInt32) -> Bool {
        let index = values.partitioningIndex { $0 >= value }
        return index < values.count && values[index] == value
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var compiledSources: [String: NSRegularExpression] = [:]
    nonisolated(unsafe) private static var prefilters: [String: Prefilter] = [:]

    private struct Prefilter {
        let firstScalars: Set<Unicode.Scalar>?
        let requiredBytes: [UInt8]?
        let requiredAlternatives: [[UInt8]]?
    }

    /// `PatternPrefilter.firstScalars(of:)`, `PatternLiteral.required(in:)` and
    /// `PatternLiteral.requiredAlternatives(in:)`, worked out once per source:
    /// every site profile repeats the defaults' patterns.
    private static func prefilter(of source: String) -> Prefilter {
        lock.lock()
        defer { lock.unlock() }
        if let known = prefilters[source] { return known }
        let found = Prefilter(firstScalars: PatternPrefilter.firstScalars(of: source),
                              requiredBytes: PatternLiteral.required(in: source),
                              requiredAlternatives: PatternLiteral.requiredAlternatives(in: source))
        prefilters[source] = found
        return found
    }

    /// The expression for `source` and `options`, compiled on first use and then shared by every caller and
    /// thread: for patterns built per post from the same profile data, which must not be compiled per post.
    public static func shared(_ source: String, options: NSRegularExpression.Options = []) throws
        -> NSRegularExpression {
        let key = "\(options.rawValue)/" + source
        lock.lock()
        defer { lock.unlock() }
        if let known = compiledSources[key] { return known }
        let expression = try NSRegularExpression(pattern: source, options: options)
        compiledSources[key] = expression
        return expression
    }
}

/// Patterns a text is tried against together (a profile's credit lines), with their first-scalar prefilters
/// merged: a text whose first scalar starts none of the start-anchored patterns is asked only about the others,
/// instead of once per pattern.
public struct CompiledPatternList: Sendable {
    public let patterns: [CompiledPattern]
    /// The first scalars of every start-anchored pattern, sorted.
    private let anchoredFirstScalars: [UInt32]
    /// The patterns without a first-scalar prefilter, which any text may match.
    private let unanchored: [CompiledPattern]

    public init(_ patterns: [CompiledPattern]) {
        self.patterns = patterns
        anchoredFirstScalars = Array(Set(patterns.flatMap { $0.firstScalars ?? [] })).sorted()
        unanchored = patterns.filter { $0.firstScalars == nil }
    }

    /// True when every pattern is start-anchored with known first scalars, so that `mayMatch(textStartingWith:)`
    /// can be false.
    public var isStartAnchored: Bool { unanchored.isEmpty }

    /// False when no pattern can match a text whose first scalar is `first`: every pattern is start-anchored, and
    /// none starts with it (so `candidates(for:)` of such a text is empty).
    public func mayMatch(textStartingWith first: Unicode.Scalar) -> Bool {
        !unanchored.isEmpty || CompiledPattern.sortedContains(anchoredFirstScalars, first.value)
    }

    /// The patterns whose prefilters let `text` through (see `CompiledPattern.mayMatch`, and the required
    /// alternatives of a pattern that has no other prefilter), in any order.
    public func candidates(for text: String) -> [CompiledPattern] {
        guard let first = text.unicodeScalars.first?.value,
              CompiledPattern.sortedContains(anchoredFirstScalars, first) else {
            return unanchored.filter { $0.mayMatch(text) && $0.mayMatchAlternatives(text) }
        }
        return patterns.filter { $0.mayMatch(text) && $0.mayMatchAlternatives(text) }
    }
}
