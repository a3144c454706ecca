import ArgumentParser
import Foundation
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
              newslint check --select ad-comment,style-block post.md
              newslint check --format github --format json:out/newslint.json content/
              cat post.md | newslint check --stdin --stdin-filename post.md
            """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.validateRuleIDs()
        let provider = try LinterProvider(options: options)
        let plan = try OutputPlan(formats: options.formats, outputFile: options.outputFile)
        let session = RunSession(options: options, provider: provider, plan: plan, mode: .check)
        if options.stdin { return try checkStandardInput(session) }
        let totals = session.run(try options.postsToProcess())
        let report = totals.report
        session.writeReports(report, summary: session.textReporter.summaryLine(report))
        if !report.failedFiles.isEmpty { throw ExitCode(ExitStatus.failure) }
        if report.tally.findings > 0, !options.exitZero { throw ExitCode(ExitStatus.findings) }
    }

    private func checkStandardInput(_ session: RunSession) throws {
        let path = options.stdinFilename ?? "-"
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        var outcome: FileOutcome
        switch session.provider.linter(for: path) {
        case .success(let linter):
            outcome = linter.process(bytes: bytes, path: path, fixing: session.plan.needsEdits, unsafe: false,
                                     checkingOutput: false)
        case .failure(let error):
            outcome = FileOutcome(path: path, error: "configuration: \(error)")
        }
        let edits = outcome.edits
        outcome = outcome.withoutTexts
        let report = RunReport(files: [ReportedFile(outcome, edits: edits)], rules: RulesCommand.documented)
        if let error = outcome.error { Console.fileError(path, error) }
        session.writeReports(report, summary: session.textReporter.summaryLine(report), streamed: false)
        if outcome.error != nil { throw ExitCode(ExitStatus.failure) }
        if !outcome.findings.isEmpty, !options.exitZero { throw ExitCode(ExitStatus.findings) }
    }
}
