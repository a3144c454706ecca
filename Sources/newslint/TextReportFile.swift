import NewslintCore

/// The text format written to a file as files complete: each file's findings (nothing with `--statistics`), then
/// the statistics table; `StreamedReport.finish(_:trailer:)` adds the command's summary line.
struct TextReportFile: StreamingReporter {
    let text: TextReporter

    var opening: String? { "" }

    func entry(for file: ReportedFile, first: Bool) -> String {
        text.statistics ? "" : text.findings(of: file)
    }

    func closing(_ report: RunReport, wroteEntries: Bool) -> String {
        text.statistics ? Statistics.table(report.tally, rules: report.rules) : ""
    }
}
