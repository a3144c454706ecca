import ArgumentParser
import NewslintCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report problems in posts without changing them.",
        discussion: """
            Prints one line per finding, `path:line:col: severity: message [rule-id]`, sorted by path and
            position, then a summary. Exits 1 when there are findings, 2 when a file cannot be read.

            Examples:
              newslint check content/
              newslint check --site sina-finance post.md
            """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        let linter = try options.makeLinter()
        let discovery = FileDiscovery.discover(options.paths)
        for failure in discovery.errors { Console.fileError(failure.path, failure.reason) }
        var allFindings: [Finding] = []
        var filesWithFindings = 0
        var failedFiles = 0
        for path in discovery.files {
            let outcome = linter.checkFile(path)
            if let error = outcome.error {
                Console.fileError(path, error)
                failedFiles += 1
                continue
            }
            for finding in outcome.findings { Console.out(TextReporter.line(for: finding, path: path)) }
            if !outcome.findings.isEmpty { filesWithFindings += 1 }
            allFindings += outcome.findings
        }
        let unreadable = failedFiles + discovery.errors.count
        var summary = TextReporter.summary(
            findings: allFindings, filesWithFindings: filesWithFindings, filesChecked: discovery.files.count - failedFiles)
        if unreadable > 0 { summary += TextReporter.unreadableNote(unreadable) }
        Console.out(summary)
        if unreadable > 0 { throw ExitCode(ExitStatus.failure) }
        if !allFindings.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}
