import ArgumentParser
import Foundation
import NewslintCore

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Fix posts: remove leftovers and write the body as clean Markdown.",
        discussion: """
            Without --write, prints a unified diff of what would change and exits 1 if anything would.
            With --write, rewrites the files in place (atomically), prints what is left to fix by hand,
            and exits 1 if findings remain. With --out DIR, writes the fixed posts under DIR instead.

            Examples:
              newslint fix content/
              newslint fix --diff post.md                 also diff the text a reader sees
              newslint fix --write content/
              newslint fix --write --unsafe-fixes post.md
              newslint fix --out cleaned/ content/
              newslint fix --stdin --stdin-filename post.md < post.md > fixed.md
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Rewrite the files instead of printing a diff.")
    var write = false

    @Flag(help: "Print the diff of the Markdown source and of the text a reader sees (default without --write).")
    var diff = false

    @Option(help: ArgumentHelp("Write fixed posts under this directory, mirroring their paths.", valueName: "dir"))
    var out: String?

    @Flag(help: "Also apply fixes that may remove something a reader wants.")
    var unsafeFixes = false

    func validate() throws {
        if write, out != nil { throw ValidationError("--write and --out exclude each other") }
        if diff, write || out != nil { throw ValidationError("--diff shows changes without writing; drop --write/--out") }
    }

    func run() throws {
        try options.validateRuleIDs()
        let provider = try LinterProvider(options: options)
        let plan = try OutputPlan(formats: options.formats, outputFile: options.outputFile)
        let settings = RunSession.FixSettings(write: write, unsafe: unsafeFixes, renderedDiff: diff, outDirectory: out)
        let session = RunSession(options: options, provider: provider, plan: plan, mode: .fix(settings))
        if options.stdin { return try fixStandardInput(session) }
        let totals: RunSession.Totals
        if let out, FileDiscovery.anyFolder(in: options.walkedPaths, isWithin: out) {
            // A folder to fix lies in the output folder, so this run writes where it walks: the posts are listed
            // before anything is written, as every run did before the walk went on while writing.
            totals = session.run(Array(try options.postsToProcess()))
        } else {
            // The walk goes on while this run writes: it must not take the output for posts to fix.
            totals = session.run(try options.postsToProcess(skipping: out.map { [$0] } ?? []))
        }
        let writing = write || out != nil
        let report = totals.report
        if writing || plan.explicit {
            session.writeReports(report, summary: summary(totals, writing: writing))
        } else if !options.quiet {
            let files = totals.changedFiles == 0 ? "No file" : TextReporter.plural(totals.changedFiles, "file")
            Console.error("\(files) would change.")
        }
        if !report.failedFiles.isEmpty {
            Console.error(TextReporter.plural(report.failedFiles.count, "file") + " could not be fixed (see above).")
            throw ExitCode(ExitStatus.failure)
        }
        guard !options.exitZero else { return }
        if writing ? totals.remaining.findings > 0 : totals.changedFiles > 0 { throw ExitCode(ExitStatus.findings) }
    }

    private func summary(_ totals: RunSession.Totals, writing: Bool) -> String {
        guard writing else {
            return "\(TextReporter.plural(totals.changedFiles, "file")) would change."
        }
        let report = totals.report
        let left = totals.remaining.findings == 0 ? "No findings left."
            : TextReporter.summary(totals.remaining, filesChecked: report.checkedFiles) + " left"
        let verb = out == nil ? "Fixed" : "Wrote"
        return "\(verb) \(TextReporter.plural(totals.changedFiles, "file")) "
            + "(\(TextReporter.plural(totals.resolvedFindings, "finding")) resolved). \(left)"
    }

    /// Reads a post from standard input, prints the fixed post on standard output and what is left on
    /// standard error.
    private func fixStandardInput(_ session: RunSession) throws {
        let path = options.stdinFilename ?? "-"
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let outcome: FileOutcome
        switch session.provider.linter(for: path) {
        case .success(let linter):
            outcome = linter.process(bytes: bytes, path: path, fixing: true, unsafe: unsafeFixes)
        case .failure(let error):
            outcome = FileOutcome(path: path, error: "configuration: \(error)")
        }
        guard let result = outcome.fix else {
            Console.fileError(path, outcome.error ?? "unknown error")
            FileHandle.standardOutput.write(Data(bytes))
            throw ExitCode(ExitStatus.failure)
        }
        Console.outRaw(result.output)
        for finding in result.remaining { Console.error(TextReporter.line(for: finding, path: path)) }
        if !result.remaining.isEmpty, !options.exitZero { throw ExitCode(ExitStatus.findings) }
    }
}
