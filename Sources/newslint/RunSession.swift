import Foundation
import NewslintCore

/// One `check` or `fix` run over a list of files: processes them in parallel, streams what can be
/// streamed in path order, writes fixed files, and renders the requested report formats at the end.
struct RunSession {
    enum Mode {
        case check
        case fix(FixSettings)
    }

    struct FixSettings {
        var write = false
        var unsafe = false
        /// Also diff the visible text, not only the Markdown source.
        var renderedDiff = false
        /// Write fixed posts under this directory instead of in place.
        var outDirectory: String?
    }

    let options: CommonOptions
    let provider: LinterProvider
    let plan: OutputPlan
    let mode: Mode
    /// The reports written while the run goes on, by target; empty until `run` starts them.
    private let streamedReports = StreamedReports()

    /// The streamed reports of a run, shared by the copies of the session.
    final class StreamedReports {
        var reports: [StreamedReport] = []
    }

    /// Totals the commands turn into exit codes and summaries.
    struct Totals {
        var report: RunReport
        var changedFiles = 0
        var resolvedFindings = 0
        /// What `fix` left in the files it read.
        var remaining = FindingTally()
    }

    /// Processes what the walk finds, as it finds it: posts, and paths that cannot be used (reported as
    /// they come, and listed in the report).
    func run<Posts: Sequence>(_ posts: Posts) -> Totals where Posts.Element == FileDiscovery.Found {
        let text = textReporter
        let streamsText = plan.standardOutput == .text && !options.statistics && streamsFindings
        let progress = Progress(enabled: !options.quiet)
        var missing: [(path: String, reason: String)] = []
        // Only what is rendered at the end needs every file; streamed text needs the counts.
        let keepsFiles = retainsFiles
        var files: [ReportedFile] = []
        var tally = FindingTally()
        var totals = Totals(report: RunReport(files: [], rules: []))
        let reports = plan.targets.compactMap { target in
            streamsFindings || target.path != nil
                ? streamingReporter(for: target).map { StreamedReport(target: target, reporter: $0) } : nil
        }
        streamedReports.reports = reports
        var outTargets: OutTargets = [:]
        /// Counts a file, hands it to the streamed reports, and keeps it when the end needs it.
        func record(_ file: ReportedFile) {
            tally.add(file)
            for report in reports { report.add(file) }
            if keepsFiles || file.error != nil { files.append(file) }
        }
        let process = processor()
        /// Reports one file, in path order, once its write (if any) is done: `writeFailure` says why it failed.
        func report(_ processed: Processed, writeFailure: String?) {
            // Reported in its place among the files, after the writes of the files before it.
            if let unusable = processed.unusable {
                progress.interrupt { Console.fileError(unusable.path, unusable.reason) }
                missing.append(unusable)
                return
            }
            if let note = processed.cacheNote { progress.interrupt { Console.error(note) } }
            let outcome = processed.outcome
            if let error = outcome.error {
                progress.interrupt { Console.fileError(outcome.path, error) }
                record(ReportedFile(outcome))
                return
            }
            let edits = plan.needsEdits ? outcome.edits : []
            if case .fix(let settings) = mode, let result = outcome.fix {
                if result.changed {
                    totals.changedFiles += 1
                    totals.resolvedFindings += max(0, result.findings.count - result.remaining.count)
                    if let failure = writeFailure {
                        progress.interrupt { Console.fileError(outcome.path, failure) }
                        record(ReportedFile(FileOutcome(path: outcome.path, error: failure)))
                        return
                    }
                    if !settings.write && settings.outDirectory == nil {
                        printDiff(result, path: outcome.path, settings: settings)
                    }
                }
                totals.remaining.add(findingsOfOneFile: result.remaining)
            } else if case .fix = mode {
                // A cache hit: the file has nothing this run would fix, and its findings remain.
                totals.remaining.add(findingsOfOneFile: outcome.findings)
            }
            let reported = ReportedFile(reportedOutcome(outcome), edits: edits)
            if streamsText { progress.interrupt { Console.outRaw(text.findings(of: reported)) } }
            record(reported)
        }
        // Fixed files are written in batches (see `AtomicFileWriter.write(_:)`); the files around them wait
        // with them, so that reports keep the files' order.
        var waiting: [(processed: Processed, write: PlannedWrite)] = []
        var waitingWrites = 0
        func reportWaiting() {
            let files = waiting.compactMap { entry -> (text: String, path: String, mustExist: Bool)? in
                if case .file(let text, let path, let mustExist) = entry.write { (text, path, mustExist) } else { nil }
            }
            var errors = (files.isEmpty ? [] : AtomicFileWriter.write(files)).makeIterator()
            for (processed, write) in waiting {
                switch write {
                case .none: report(processed, writeFailure: nil)
                case .failed(let failure): report(processed, writeFailure: failure)
                case .file: report(processed, writeFailure: errors.next().flatMap { $0 }.map { "\($0)" })
                }
            }
            waiting = []
            waitingWrites = 0
        }
        // A sink that writes files waits in the file system: it leaves the cores to the workers.
        OrderedParallelMap.run(posts, jobs: options.jobCount, callerTransforms: !writesFiles,
                               transform: process) { processed in
            if processed.unusable == nil { progress.advance() }
            guard !processed.excluded else { return }
            var write = PlannedWrite.none
            if case .fix(let settings) = mode, let result = processed.outcome.fix, result.changed {
                write = plannedWrite(result, path: processed.outcome.path, settings: settings, outTargets: &outTargets)
            }
            waiting.append((processed, write))
            if case .file = write { waitingWrites += 1 }
            if waitingWrites == 0 || waiting.count >= RunSession.writesPerBatch { reportWaiting() }
        }
        reportWaiting()
        progress.finish()
        missing.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        totals.report = RunReport(files: files, tally: tally, rules: RulesCommand.documented, missing: missing)
        return totals
    }

    /// Renders every requested format; text to standard output only prints what was not streamed.
    /// `streamed` says the findings already went to standard output as files completed.
    func writeReports(_ report: RunReport, summary: String?, streamed: Bool = true) {
        for target in plan.targets {
            if let streamed = streamedReports.reports.first(where: { $0.target == target }) {
                // A text file ends with the command's summary line.
                let trailer = target.format == .text && !options.quiet ? summary.map { $0 + "\n" } : nil
                streamed.finish(report, trailer: trailer ?? "")
                continue
            }
            let rendered: String
            if target.format == .text {
                rendered = renderText(report, summary: summary,
                                      streamed: streamed && target.path == nil && streamsFindings)
            } else {
                rendered = OutputPlan.reporter(target.format, text: textReporter).render(report)
            }
            guard let path = target.path else {
                Console.outRaw(rendered)
                continue
            }
            do {
                try ReportFile.write(rendered, to: path)
            } catch {
                Console.reportNotWritten(path, error)
            }
        }
    }

    /// The reporter of a target written as files complete: a machine format, or text to a file (text on standard
    /// output is streamed by `run` itself, with the progress line).
    func streamingReporter(for target: OutputPlan.Target) -> (any StreamingReporter)? {
        if target.format == .text { return target.path == nil ? nil : TextReportFile(text: textReporter) }
        return OutputPlan.streamingReporter(target.format)
    }

    var textReporter: TextReporter {
        let color = plan.standardOutput == .text && options.color.enabled(forDescriptor: STDOUT_FILENO)
        return TextReporter(color: color, excerpts: color || (options.color == .auto && isatty(STDOUT_FILENO) == 1),
                            statistics: options.statistics, quiet: options.quiet)
    }
}

private extension RunSession {
    /// Files written under `--out`, with the post each came from (as named, and as an absolute path).
    typealias OutTargets = [String: (path: String, source: String)]

    /// True when a report rendered at the end needs every file's findings: one on standard output when findings
    /// are not streamed there (`fix` without `--write` prints its diff instead). Otherwise a run keeps only the
    /// files that failed: report files and every format are written as files complete, and `--statistics` is made
    /// from the counts.
    var retainsFiles: Bool {
        !streamsFindings && plan.standardOutput != nil
    }

    /// Findings are listed on standard output as files complete, except for `fix` without `--write`, whose standard
    /// output is the diff.
    var streamsFindings: Bool {
        if case .fix = mode { return writesFiles }
        return true
    }

    /// True for `fix --write` and `fix --out`.
    var writesFiles: Bool {
        if case .fix(let settings) = mode { return settings.write || settings.outDirectory != nil }
        return false
    }

    struct Processed: Sendable {
        let outcome: FileOutcome
        var cacheNote: String?
        var excluded = false
        /// A path the walk could not use, passed through in order.
        var unusable: (path: String, reason: String)?
    }

    /// The work done for one file, on a worker thread.
    func processor() -> @Sendable (FileDiscovery.Found) -> Processed {
        let provider = provider
        let needsEdits = plan.needsEdits
        let fixSettings: FixSettings? = if case .fix(let settings) = mode { settings } else { nil }
        let writesFiles = writesFiles
        return { item in
            let path: String
            switch item {
            case .post(let post):
                path = post
            case .unusable(let path, let reason):
                return Processed(outcome: FileOutcome(path: path), unusable: (path, reason))
            }
            let entry: LinterProvider.Entry
            switch provider.entry(for: path) {
            case .failure(let error):
                return Processed(outcome: FileOutcome(path: path, error: "configuration: \(error)"))
            case .success(let configured):
                if configured.configuration.excludes(URL(fileURLWithPath: path).standardizedFileURL.path) {
                    return Processed(outcome: FileOutcome(path: path), excluded: true)
                }
                entry = configured
            }
            let cache = entry.cache
            // Read here for the cache key, and handed to the linter; a file that cannot be read is left to the
            // linter, which names the reason.
            let bytes = cache == nil ? nil : try? Linter.readBytes(at: path)
            let key = bytes.flatMap { bytes in cache?.key(for: bytes) }
            var note: String?
            var cached: ResultCache.Entry?
            if let cache, let key {
                switch cache.lookup(key) {
                case .hit(let entry):
                    cached = entry
                    let nothingToFix = !entry.findings.contains { finding in
                        finding.isFixable || (fixSettings?.unsafe == true && finding.hasUnsafeFix)
                    }
                    // `check`'s edits are served when the entry holds them; `fix` needs the fixed text itself.
                    let servesEdits = !needsEdits || nothingToFix || entry.edits != nil
                    if fixSettings == nil && servesEdits || fixSettings != nil && nothingToFix {
                        var outcome = FileOutcome(path: path, findings: entry.findings)
                        outcome.lines = entry.lines
                        if needsEdits { outcome.knownEdits = nothingToFix ? [] : entry.edits }
                        return Processed(outcome: outcome, cacheNote: nil)
                    }
                case .corrupt(let entryPath):
                    note = "newslint: note: cache entry \(entryPath) is corrupt; rebuilding it"
                case .miss:
                    break
                }
            }
            let linter: Linter
            switch entry.linter() {
            case .failure(let error):
                return Processed(outcome: FileOutcome(path: path, error: "configuration: \(error)"), cacheNote: note)
            case .success(let built):
                linter = built
            }
            var outcome: FileOutcome
            if let fixSettings {
                outcome = linter.fixFile(path, bytes: bytes, unsafe: fixSettings.unsafe,
                                         captureText: fixSettings.renderedDiff)
            } else if needsEdits {
                // The reports' edits need the fixed text, not what is left after it.
                outcome = linter.fixFile(path, bytes: bytes, unsafe: false, checkingOutput: false)
            } else {
                outcome = linter.checkFile(path, bytes: bytes)
            }
            // Worked out here, on the worker thread, rather than where the report is written; and they are what
            // `check`'s reports carry only when no unsafe fix went into them.
            if needsEdits { outcome.knownEdits = outcome.edits }
            let edits = fixSettings?.unsafe == true ? nil : outcome.knownEdits
            if let cache, let key, outcome.error == nil {
                // An entry read from the cache is stored again only when this run adds the edits to it: rewriting
                // it made a warm `--format json` run slower than one without the cache.
                if cached == nil || cached?.edits == nil && edits != nil {
                    cache.store(ResultCache.Entry(findings: outcome.findings, lines: outcome.lines, edits: edits),
                                for: key)
                }
                if writesFiles, let fix = outcome.fix, let written = ResultCache.Entry(writtenBy: fix, path: path) {
                    cache.store(written, for: cache.key(for: Array(fix.output.utf8)))
                }
            }
            return Processed(outcome: outcome, cacheNote: note)
        }
    }

    /// For `fix --write`, what is reported is what is left; for the rest, the findings as read.
    func reportedOutcome(_ outcome: FileOutcome) -> FileOutcome {
        guard case .fix(let settings) = mode, settings.write || settings.outDirectory != nil else {
            return outcome.withoutTexts
        }
        var reported = outcome.withoutTexts
        if let fix = outcome.fix {
            reported.findings = fix.remaining
            reported.lines = [:]
            // The quoted lines of what is left, read from the output's bytes (CRLF output included).
            if !fix.remaining.isEmpty {
                let source = SourceText(fix.output)
                for finding in fix.remaining where finding.location.line <= source.lineCount {
                    reported.lines[finding.location.line] = String(source.line(finding.location.line))
                }
            }
        }
        return reported
    }

    /// How many files wait for their writes at most: a batch commits two journal transactions, and the files
    /// in it wait for their reports.
    static let writesPerBatch = 16

    /// What happens to a fixed file when its report is due.
    enum PlannedWrite {
        /// Nothing is written (check, or `fix` showing a diff).
        case none
        /// Written with the files waiting around it.
        case file(text: String, path: String, mustExist: Bool)
        /// Cannot be written; the message says why.
        case failed(String)
    }

    /// The file `fix --write` or `fix --out` writes for `result`, with its folder made; `.none` when the run writes
    /// no files. `outTargets` holds the files this run wrote under `--out`, with the post each came from, so two
    /// posts cannot land on one file.
    func plannedWrite(_ result: FixResult, path: String, settings: FixSettings, outTargets: inout OutTargets)
        -> PlannedWrite {
        if let outDirectory = settings.outDirectory {
            let target = OutDirectoryPath.target(for: path, in: outDirectory)
            let source = OutDirectoryPath.absolute(path)
            if let earlier = outTargets[target], earlier.source != source {
                return .failed("cannot write \(target): it was written for \(earlier.path) in this run")
            }
            outTargets[target] = (path, source)
            do {
                try AtomicFileWriter.createFolder(for: target)
            } catch {
                return .failed("\(error)")
            }
            return .file(text: result.output, path: target, mustExist: false)
        }
        // Only replaces: a post deleted while the run went on is not brought back.
        return settings.write ? .file(text: result.output, path: path, mustExist: true) : .none
    }

    /// Prints the diff of a fixed file, for `fix` that neither writes nor puts files under `--out`.
    func printDiff(_ result: FixResult, path: String, settings: FixSettings) {
        var diff = UnifiedDiff.diff(old: result.original, new: result.output, oldName: "a/\(path)", newName: "b/\(path)")
        if settings.renderedDiff {
            diff += UnifiedDiff.diff(
                old: result.textBefore.joined(separator: "\n") + "\n", new: result.textAfter.joined(separator: "\n") + "\n",
                oldName: "a/\(path) (rendered text)", newName: "b/\(path) (rendered text)")
        }
        Console.outRaw(diff)
    }

    func renderText(_ report: RunReport, summary: String?, streamed: Bool) -> String {
        let text = textReporter
        var output = streamed && !options.statistics ? "" : (options.statistics
            ? Statistics.table(report.tally, rules: report.rules)
            : report.files.map(text.findings(of:)).joined())
        if !options.quiet, let summary { output += summary + "\n" }
        return output
    }
}
