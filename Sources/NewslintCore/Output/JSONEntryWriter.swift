/// Writes one file's entry of the JSON report byte for byte as `JSONReporter.encoded(_:indent:)` writes it with
/// `JSONEncoder` (see `PrettyJSONWriter`); a test holds it to the encoder.
///
/// The encoder went through `Encodable`'s generic containers for every value, two thirds of the report's cost with
/// the fixes' edits in it; the entry's shape is fixed, so it is written directly.
enum JSONEntryWriter {
    /// `entry` as the report writes it, each line indented by `indent`.
    static func text(of entry: JSONReporter.FileEntry, indent: String) -> String {
        var writer = PrettyJSONWriter(indent: indent)
        writer.startLine()
        writer.file(entry)
        return writer.text
    }
}

extension PrettyJSONWriter {
    // MARK: The entry's objects, each written from its `{` on a line at `level`

    fileprivate mutating func file(_ entry: JSONReporter.FileEntry) {
        open()
        key("error", level: 1, first: true)
        if let error = entry.error { string(error) } else { null() }
        key("findings", level: 1)
        array(entry.findings, level: 1) { $0.finding($1, level: $2) }
        key("path", level: 1)
        string(entry.path)
        close(level: 0)
    }

    private mutating func finding(_ finding: JSONReporter.FindingEntry, level: Int) {
        open()
        key("fix", level: level + 1, first: true)
        if let fix = finding.fix { self.fix(fix, level: level + 1) } else { null() }
        key("location", level: level + 1)
        open()
        key("column", level: level + 2, first: true)
        integer(finding.location.column)
        key("line", level: level + 2)
        integer(finding.location.line)
        key("offset", level: level + 2)
        integer(finding.location.offset)
        close(level: level + 1)
        key("message", level: level + 1)
        string(finding.message)
        key("rule", level: level + 1)
        string(finding.rule)
        key("severity", level: level + 1)
        string(finding.severity)
        close(level: level)
    }

    private mutating func fix(_ fix: JSONReporter.FixEntry, level: Int) {
        open()
        key("applicability", level: level + 1, first: true)
        string(fix.applicability)
        key("edits", level: level + 1)
        array(fix.edits, level: level + 1) { $0.edit($1, level: $2) }
        key("title", level: level + 1)
        string(fix.title)
        close(level: level)
    }

    private mutating func edit(_ edit: JSONReporter.EditEntry, level: Int) {
        open()
        key("content", level: level + 1, first: true)
        string(edit.content)
        key("end", level: level + 1)
        position(edit.end, level: level + 1)
        key("start", level: level + 1)
        position(edit.start, level: level + 1)
        close(level: level)
    }

    private mutating func position(_ position: JSONReporter.PositionEntry, level: Int) {
        open()
        key("line", level: level + 1, first: true)
        integer(position.line)
        key("offset", level: level + 1)
        integer(position.offset)
        close(level: level)
    }
}
