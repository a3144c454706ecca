import Foundation

/// Runs the built `newslint` binary and captures what it printed.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLIRunner {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `newslint` executable next to the test bundle (SwiftPM builds it because the test target depends on it).
    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("newslint"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("newslint"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("newslint"),
            repositoryRoot.appendingPathComponent(".build/debug/newslint"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    standardInput: URL? = nil) throws -> CLIResult {
        try launch(binary, arguments, in: directory, environment: environment, standardInput: standardInput)
    }

    /// Runs any executable and captures its output; the environment is this process's plus `environment`.
    static func launch(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                       environment: [String: String] = [:], standardInput: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let standardInput { process.standardInput = try FileHandle(forReadingFrom: standardInput) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are drained at once: reading one to its end first would leave the child blocked on the
        // other once it filled up (64 KiB), and the test waiting for it forever.
        let collected = PipeCollector(output: output, error: error)
        process.waitUntilExit()
        let (stdout, stderr) = collected.wait()
        return CLIResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("newslint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ relativePath: String, _ contents: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file, atomically: false, encoding: .utf8)
        return file
    }

    func writeBytes(_ relativePath: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Copies a file from the repository into the directory.
    func copy(fromRepository relativePath: String, as name: String) throws -> URL {
        let destination = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(relativePath), to: destination)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: destination.path)
        return destination
    }
}
