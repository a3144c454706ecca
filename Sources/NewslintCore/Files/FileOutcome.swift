import Foundation

/// What processing one file produced: findings, a fix result, or an error that names the reason.
public struct FileOutcome: Sendable {
    public let path: String
    public var findings: [Finding] = []
    public var fix: FixResult?
    /// Why the file could not be processed; the CLI prints it with the path and exits 2.
    public var error: String?

    public init(path: String, findings: [Finding] = [], fix: FixResult? = nil, error: String? = nil) {
        self.path = path
        self.findings = findings
        self.fix = fix
        self.error = error
    }
}

extension Linter {
    /// Reads and checks the file at `path`.
    public func checkFile(_ path: String) -> FileOutcome {
        do {
            let (post, _) = try readPost(at: path)
            return FileOutcome(path: path, findings: try check(post))
        } catch {
            return FileOutcome(path: path, error: Linter.describe(error))
        }
    }

    /// Reads the file at `path` and computes its fixed text; writes nothing.
    public func fixFile(_ path: String, unsafe: Bool) -> FileOutcome {
        do {
            let (post, original) = try readPost(at: path)
            let result = try fix(post, original: original, unsafe: unsafe)
            return FileOutcome(path: path, findings: result.findings, fix: result)
        } catch {
            return FileOutcome(path: path, error: Linter.describe(error))
        }
    }

    func readPost(at path: String) throws -> (Post, String) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PostError.unreadable(Linter.readFailure(path))
        }
        let bytes = [UInt8](data)
        let post = try PostReader.read(bytes: bytes, path: path)
        return (post, String(decoding: bytes, as: UTF8.self))
    }

    static func readFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "is a directory" }
        return FileManager.default.isReadableFile(atPath: path) ? "read failed" : "permission denied"
    }

    static func describe(_ error: Error) -> String {
        String(describing: error)
    }
}
