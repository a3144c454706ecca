import Foundation
import NewslintCore

/// A report (a machine format, or text to a file) written as the files of a run complete, so the run need not
/// keep every file's findings (and fix edits) until the end. Standard output gets the pieces directly; a file gets
/// them through a `ReportFile`, committed when the end is written, so a report file is never seen half-written.
/// A report whose start needs the whole run (JUnit) keeps its entries in a `SpilledText` until then.
final class StreamedReport {
    let target: OutputPlan.Target
    private let reporter: any StreamingReporter
    private var file: ReportFile?
    private var spilled: SpilledText?
    private var wroteEntries = false
    private var failed = false

    /// Starts the document; a report file that cannot be created is named on standard error.
    init(target: OutputPlan.Target, reporter: any StreamingReporter) {
        self.target = target
        self.reporter = reporter
        if let path = target.path {
            do {
                file = try ReportFile(path: path)
            } catch {
                fail(error)
            }
        }
        if let opening = reporter.opening {
            write(opening)
            return
        }
        do {
            spilled = try SpilledText()
        } catch {
            fail(error)
        }
    }

    func add(_ file: ReportedFile) {
        let entry = reporter.entry(for: file, first: !wroteEntries)
        guard !entry.isEmpty, !failed else { return }
        wroteEntries = true
        guard let spilled else { return write(entry) }
        do { try spilled.append(entry) } catch { fail(error) }
    }

    /// Writes the end of the document (and, for a report that opens with the run, its start and entries), then
    /// `trailer`, and, for a file, puts it in place.
    func finish(_ report: RunReport, trailer: String = "") {
        if let spilled {
            write(reporter.opening(for: report))
            do { try spilled.readBack(write) } catch { fail(error) }
        }
        write(reporter.closing(report, wroteEntries: wroteEntries) + trailer)
        guard let file, !failed else { return }
        do { try file.commit() } catch { fail(error) }
    }

    private func write(_ text: String) {
        guard !failed else { return }
        guard let file else { return Console.outRaw(text) }
        do { try file.append(text) } catch { fail(error) }
    }

    private func fail(_ error: Error) {
        failed = true
        file = nil
        Console.reportNotWritten(target.path ?? "-", error)
    }
}
