import Foundation
import Testing

/// External programs the round-trip and publishing-target tests run: cmark-gfm, node, jekyll, hugo.
///
/// A test that needs one runs whenever it is installed and is skipped, naming it, when it is not; under
/// `CI=true` a missing program is a failure, because `.ci/run` installs them.
enum RoundTripTools {
    struct Tool: Sendable {
        let name: String
        /// What to install on Debian, for the skip message.
        let package: String

        var path: String? {
            let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
            return search.split(separator: ":").map { "\($0)/\(name)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        /// True when tests that need the tool should run: it is installed, or CI requires it.
        var shouldRun: Bool { path != nil || RoundTripTools.isCI }

        var skipMessage: Comment {
            Comment(rawValue: "\(name) is not installed (apt-get install \(package)); it is required when CI=true")
        }

        func requiredPath() throws -> String {
            guard let path else { throw Missing(tool: name, package: package) }
            return path
        }
    }

    struct Missing: Error, CustomStringConvertible {
        let tool: String
        let package: String
        var description: String { "CI=true requires \(tool) on PATH (apt-get install \(package))" }
    }

    static let cmark = Tool(name: "cmark-gfm", package: "cmark-gfm")
    static let node = Tool(name: "node", package: "nodejs node-nunjucks")
    static let jekyll = Tool(name: "jekyll", package: "jekyll ruby-jekyll-commonmark")
    static let hugo = Tool(name: "hugo", package: "hugo")

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct Failed: Error, CustomStringConvertible {
        let command: String
        let output: Output
        var description: String {
            "\(command) exited with \(output.status):\n\(output.stderr.suffix(2_000))\(output.stdout.suffix(2_000))"
        }
    }

    /// Runs a program to completion. Output goes through files, so a chatty program cannot fill a pipe and
    /// block.
    static func run(
        _ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newslint-run-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        let stdinURL = scratch.appendingPathComponent("stdin")
        for url in [stdoutURL, stderrURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        _ = FileManager.default.createFile(atPath: stdinURL.path, contents: Data((stdin ?? "").utf8))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let outHandle = try FileHandle(forWritingTo: stdoutURL)
        let errHandle = try FileHandle(forWritingTo: stderrURL)
        let inHandle = try FileHandle(forReadingFrom: stdinURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }

    /// Runs a program and throws unless it exits with 0.
    static func runChecked(
        _ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> String {
        let output = try run(executable, arguments, stdin: stdin, environment: environment)
        guard output.status == 0 else {
            throw Failed(command: ([executable] + arguments).joined(separator: " "), output: output)
        }
        return output.stdout
    }

    /// HTML from cmark-gfm with raw HTML kept and GFM tables, as the round trip renders it.
    static func renderCommonMark(_ markdown: String, extensions: [String] = ["table"]) throws -> String {
        let path = try cmark.requiredPath()
        return try runChecked(path, ["--unsafe"] + extensions.flatMap { ["-e", $0] }, stdin: markdown)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newslint-\(label)-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
