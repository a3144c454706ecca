import Foundation

/// What processing one file produced: findings, the fixed text, or an error that names the reason.
public struct FileOutcome: Sendable {
    public let path: String
    public var findings: [Finding] = []
    /// The fix result, when fixes were computed.
    public var fix: FixResult?
    /// Why the file could not be processed; the CLI prints it with the path and exits 2.
    public var error: String?
    /// The source lines the findings point at, by line number, for excerpts.
    public var lines: [Int: String] = [:]
    /// The edits when they are known already: worked out on a worker thread, or read from the cache.
    public var knownEdits: [TextEdit]?

    public init(path: String, findings: [Finding] = [], fix: FixResult? = nil, error: String? = nil) {
        self.path = path
        self.findings = findings
        self.fix = fix
        self.error = error
    }

    /// The line replacements that turn the file into its fixed text (empty when nothing changes).
    public var edits: [TextEdit] {
        if let knownEdits { return knownEdits }
        guard let fix, fix.changed else { return [] }
        return TextEdit.edits(from: fix.original, to: fix.output)
    }

    /// The outcome without the file texts, for keeping many outcomes in memory.
    public var withoutTexts: FileOutcome {
        var copy = self
        copy.fix = fix.map { $0.withoutTexts }
        return copy
    }
}

extension Linter {
    /// Checks the file at `path`: its `bytes` when the caller has read them already, else what it reads.
    public func checkFile(_ path: String, bytes: [UInt8]? = nil) -> FileOutcome {
        outcome(path: path, bytes: bytes) { bytes in
            let post = try PostReader.read(bytes: bytes, path: path)
            return (try check(post), nil, post.source)
        }
    }

    /// Computes the fixed text of the file at `path` (of its `bytes` when the caller has read them already);
    /// writes nothing. `checkingOutput` as for `fix(_:original:unsafe:captureText:checkingOutput:)`.
    public func fixFile(_ path: String, bytes: [UInt8]? = nil, unsafe: Bool, captureText: Bool = false,
                        checkingOutput: Bool = true) -> FileOutcome {
        outcome(path: path, bytes: bytes) { bytes in
            let post = try PostReader.read(bytes: bytes, path: path)
            let result = try fix(post, original: String(decoding: bytes, as: UTF8.self), unsafe: unsafe,
                                 captureText: captureText, checkingOutput: checkingOutput)
            return (result.findings, result, post.source)
        }
    }

    /// Checks or fixes `bytes` given on standard input, reported under `path`. `checkingOutput` as for
    /// `fix(_:original:unsafe:captureText:checkingOutput:)`.
    public func process(bytes: [UInt8], path: String, fixing: Bool, unsafe: Bool,
                        checkingOutput: Bool = true) -> FileOutcome {
        outcome(path: path, bytes: bytes) { bytes in
            let post = try PostReader.read(bytes: bytes, path: path)
            guard fixing else { return (try check(post), nil, post.source) }
            let result = try fix(post, original: String(decoding: bytes, as: UTF8.self), unsafe: unsafe,
                                 checkingOutput: checkingOutput)
            return (result.findings, result, post.source)
        }
    }

    private func outcome(
        path: String, bytes given: [UInt8]? = nil,
        _ body: ([UInt8]) throws -> ([Finding], FixResult?, SourceText)
    ) -> FileOutcome {
        do {
            let bytes = try given ?? Linter.readBytes(at: path)
            let (findings, fix, source) = try body(bytes)
            var outcome = FileOutcome(path: path, findings: findings, fix: fix)
            for finding in findings where outcome.lines[finding.location.line] == nil {
                outcome.lines[finding.location.line] = String(source.line(finding.location.line))
            }
            return outcome
        } catch {
            return FileOutcome(path: path, error: String(describing: error))
        }
    }

    /// The bytes of the file at `path`; throws a `PostError` that names why it cannot be read.
    public static func readBytes(at path: String) throws -> [UInt8] {
        guard let bytes = FileBytes.read(path) else {
            throw PostError.unreadable(readFailure(path))
        }
        return bytes
    }

    static func readFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "is a directory" }
        return FileManager.default.isReadableFile(atPath: path) ? "read failed" : "permission denied"
    }
}
