/// A reporter whose document is written in pieces as the files of a run complete (`opening`, an `entry` per
/// file, `closing`), so that a run need not keep every file's findings, and the edits of their fixes, until the
/// end: with edits, those hold the fixed text of every post. `render` joins the same pieces.
public protocol StreamingReporter: Reporter {
    /// The start of the document, before the first file; nil when it needs the whole run (JUnit's counts): a run
    /// writing the document as files complete then keeps the entries aside, off the memory, and writes
    /// `opening(for:)` before them at the end.
    var opening: String? { get }
    /// The start of the document, given the whole run; `opening` unless that is nil.
    func opening(for report: RunReport) -> String
    /// What one file adds to the document, empty when it adds nothing. `first` says that no entry was written
    /// before it.
    func entry(for file: ReportedFile, first: Bool) -> String
    /// The end of the document, with what needs the whole run (the files that failed, the summary).
    /// `wroteEntries` says whether an entry was written.
    func closing(_ report: RunReport, wroteEntries: Bool) -> String
}

extension StreamingReporter {
    public func opening(for report: RunReport) -> String { opening ?? "" }

    public func render(_ report: RunReport) -> String {
        var output = opening(for: report)
        var wroteEntries = false
        for file in report.files {
            let entry = entry(for: file, first: !wroteEntries)
            output += entry
            wroteEntries = wroteEntries || !entry.isEmpty
        }
        return output + closing(report, wroteEntries: wroteEntries)
    }
}
