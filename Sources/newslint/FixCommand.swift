import ArgumentParser
import NewslintCore

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Fix posts: remove leftovers and write the body as clean Markdown.",
        discussion: """
            Without --write, prints a unified diff of what would change and exits 1 if anything would.
            With --write, rewrites the files in place (atomically), prints what is left to fix by hand,
            and exits 1 if findings remain.

            Examples:
              newslint fix content/
              newslint fix --write content/
              newslint fix --write --unsafe-fixes post.md
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Rewrite the files instead of printing a diff.")
    var write = false

    @Flag(help: "Also apply fixes that may remove something a reader wants.")
    var unsafeFixes = false

    func run() throws {
        let linter = try options.makeLinter()
        let discovery = FileDiscovery.discover(options.paths)
        for failure in discovery.errors { Console.fileError(failure.path, failure.reason) }
        var unreadable = discovery.errors.count
        var changedFiles = 0
        var fixedFindings = 0
        var remaining: [Finding] = []
        var filesWithRemaining = 0
        for path in discovery.files {
            let outcome = linter.fixFile(path, unsafe: unsafeFixes)
            guard let result = outcome.fix else {
                Console.fileError(path, outcome.error ?? "unknown error")
                unreadable += 1
                continue
            }
            if result.changed {
                changedFiles += 1
                fixedFindings += max(0, result.findings.count - result.remaining.count)
                if write {
                    do {
                        try AtomicFileWriter.write(result.output, to: path)
                    } catch {
                        Console.fileError(path, "\(error)")
                        unreadable += 1
                        continue
                    }
                } else {
                    Console.outRaw(UnifiedDiff.diff(old: result.original, new: result.output,
                                                    oldName: "a/\(path)", newName: "b/\(path)"))
                }
            }
            if write {
                for finding in result.remaining { Console.out(TextReporter.line(for: finding, path: path)) }
                if !result.remaining.isEmpty { filesWithRemaining += 1 }
                remaining += result.remaining
            }
        }
        let files = TextReporter.plural(changedFiles, "file")
        if write {
            let summary = remaining.isEmpty ? "No findings left."
                : TextReporter.summary(findings: remaining, filesWithFindings: filesWithRemaining,
                                       filesChecked: discovery.files.count) + " left"
            Console.out("Fixed \(files) (\(TextReporter.plural(fixedFindings, "finding")) resolved). \(summary)")
        } else {
            Console.error("\(changedFiles == 0 ? "No file" : files) would change.")
        }
        if unreadable > 0 { Console.error(TextReporter.plural(unreadable, "file") + " could not be fixed (see above).") }
        if unreadable > 0 { throw ExitCode(ExitStatus.failure) }
        if write ? !remaining.isEmpty : changedFiles > 0 { throw ExitCode(ExitStatus.findings) }
    }
}
