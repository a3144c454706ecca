import Foundation
import Testing

/// Runs the `newslint` binary with a time limit, for inputs that could make it hang.
enum BoundedRun {
    struct Outcome {
        let result: CLIResult
        let timedOut: Bool
        let seconds: Double
    }

    /// Runs newslint with `arguments` and kills it after `seconds`. `prefix` runs it through another
    /// program (e.g. `setpriv` to drop root).
    static func run(_ arguments: [String], in directory: URL, seconds: Double = 60, prefix: [String] = []) throws
        -> Outcome {
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = CLIRunner.binary
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [CLIRunner.binary.path] + arguments
        }
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let started = Date()
        try process.run()
        let collected = PipeCollector(output: output, error: error)
        let deadline = started.addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let (stdout, stderr) = collected.wait()
        return Outcome(
            result: CLIResult(status: process.terminationStatus, stdout: stdout, stderr: stderr),
            timedOut: timedOut, seconds: Date().timeIntervalSince(started))
    }
}

/// Drains both pipes of a child on threads of their own, so neither can fill up and block it. (Dispatch's
/// global queues have few threads on a small machine; blocking reads there starve the parallel tests.)
final class PipeCollector: Sendable {
    private let stdout = LineBuffer()
    private let stderr = LineBuffer()

    init(output: Pipe, error: Pipe) {
        PipeCollector.drain(output, into: stdout)
        PipeCollector.drain(error, into: stderr)
    }

    func wait() -> (String, String) {
        stdout.waitUntilClosed()
        stderr.waitUntilClosed()
        return (stdout.text, stderr.text)
    }

    /// Appends everything read from `pipe` to `buffer` on a new thread, and closes the buffer at the end.
    static func drain(_ pipe: Pipe, into buffer: LineBuffer) {
        Thread.detachNewThread {
            let handle = pipe.fileHandleForReading
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
            }
            buffer.close()
        }
    }
}

/// A running newslint whose standard output is read line by line as it is printed.
final class StreamingRun {
    let process = Process()
    private let output = LineBuffer()
    private let errors = LineBuffer()

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()
        PipeCollector.drain(outputPipe, into: output)
        PipeCollector.drain(errorPipe, into: errors)
    }

    /// Waits until a printed line satisfies `predicate`; false when the output ended or `seconds` passed.
    func waitForLine(within seconds: Double, where predicate: (String) -> Bool) -> Bool {
        output.wait(until: Date().addingTimeInterval(seconds), predicate)
    }

    /// Waits for the process to exit and returns what it printed.
    func finish() -> CLIResult {
        process.waitUntilExit()
        output.waitUntilClosed()
        errors.waitUntilClosed()
        return CLIResult(status: process.terminationStatus, stdout: output.text, stderr: errors.text)
    }
}

/// Output of a child collected so far, with a condition variable for waiters.
final class LineBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var closed = false

    func append(_ chunk: Data) {
        condition.withLock {
            data.append(chunk)
            condition.broadcast()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    var text: String { condition.withLock { String(decoding: data, as: UTF8.self) } }

    func waitUntilClosed() {
        condition.withLock {
            while !closed { condition.wait() }
        }
    }

    func wait(until deadline: Date, _ predicate: (String) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            if lines.contains(where: predicate) { return true }
            if closed || !condition.wait(until: deadline) { return false }
        }
    }
}

/// Tells when a process has read a file, from its access time.
enum FileAccess {
    /// Sets the access time to the epoch. Linux's default `relatime` then updates it on the next read, since
    /// it is older than the modification time.
    static func markUnread(_ path: String) {
        let omit = (1 << 30) - 2 // UTIME_OMIT: keep the modification time
        var times = [timespec(tv_sec: 0, tv_nsec: 0), timespec(tv_sec: 0, tv_nsec: omit)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// Waits until the file's access time moves; false after `seconds` (or on a file system mounted
    /// `noatime`, where it never does).
    static func waitUntilRead(_ path: String, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var info = stat()
        while Date() < deadline {
            if stat(path, &info) == 0, info.st_atim.tv_sec != 0 { return true }
            usleep(5_000)
        }
        return false
    }
}

/// Facts about the machine the tests run on, for the tests that need privileges.
enum Machine {
    static var isRoot: Bool { geteuid() == 0 }
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// `setpriv`, which runs a command as another user; root reads every file, so an unreadable file
    /// needs the binary to run unprivileged.
    static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The prefix that runs a command as `nobody` with no supplementary groups.
    static func asNobody(_ setpriv: String) -> [String] {
        [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }
}

/// Test inputs: posts, and the files that are too large to commit.
enum HostileInput {
    /// A post whose body is `depth` nested `<div>`s around one word.
    static func nestedPost(depth: Int) -> String {
        "---\ntitle: x\n---\n" + String(repeating: "<div>", count: depth) + "正文" + String(repeating: "</div>", count: depth) + "\n"
    }

    /// A post with three safe-fixable findings and its exact fixed form.
    static let dirtyPost = """
        ---
        title: '新闻'
        author: 新浪财经
        ---

        <div>
        <p>　　正文第一段。</p>
        <!-- 正文下iframe -->
        <p class="article-editor">责任编辑：刘万里 SF014</p>
        </div>

        """
    static let fixedPost = "---\ntitle: '新闻'\nauthor: 新浪财经\n---\n\n正文第一段。\n\n责任编辑：刘万里 SF014\n"

    /// The finding `check` prints first for `dirtyPost` saved as `name`.
    static func firstFinding(_ name: String) -> String {
        "\(name):6:1: warning: post body is raw HTML [html-body]"
    }

    /// The finding of `dirtyPost` whose column shows that nothing before it on the line was miscounted.
    static func indentFinding(_ name: String) -> String {
        "\(name):7:4: warning: paragraph indented with U+3000 ideographic spaces [fullwidth-indent]"
    }

    /// Writes a file of `bytes` bytes: front matter, then HTML paragraphs on many lines.
    static func writeLargePost(_ url: URL, bytes: Int) throws {
        let paragraph = Array("<p>这是一段用来测试大文件的新闻正文，不含任何需要修复的内容。The quick brown fox.</p>\n".utf8)
        try writeRepeating(url, head: "---\ntitle: big\n---\n<div>\n", unit: paragraph, tail: "</div>\n", bytes: bytes)
    }

    /// Writes `head`, then `unit` repeated until the file has about `bytes` bytes, then `tail`.
    static func writeRepeating(_ url: URL, head: String, unit: [UInt8], tail: String, bytes: Int) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let chunk = Data(Array([[UInt8]](repeating: unit, count: max(1, 65536 / unit.count)).joined()))
        var written = head.utf8.count
        while written + chunk.count + tail.utf8.count <= bytes {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        while written + unit.count + tail.utf8.count <= bytes {
            try handle.write(contentsOf: Data(unit))
            written += unit.count
        }
        try handle.write(contentsOf: Data(tail.utf8))
    }
}

extension TemporaryDirectory {
    func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url.appendingPathComponent(relativePath)))
    }

    func path(_ relativePath: String) -> String {
        url.appendingPathComponent(relativePath).path
    }

    /// Every entry below the directory, hidden ones included, as relative paths.
    func allEntries() throws -> Set<String> {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var entries = Set<String>()
        while let entry = enumerator?.nextObject() as? String { entries.insert(entry) }
        return entries
    }
}
