/// Writes one file's entry of the JSON report byte for byte as `JSONReporter.encoded(_:indent:)` writes it with
/// `JSONEncoder` (pretty-printed, keys sorted, slashes unescaped, every line but the empty ones indented).
///
/// The encoder went through `Encodable`'s generic containers for every value, two thirds of the report's cost with
/// the fixes' edits in it; the entry's shape is fixed, so it is written directly. The encoder's conventions, which a
/// test holds this writer to: two spaces a level, `" : "` after a key, an empty array as `[`, an empty line and `]`,
/// `null` for an absent value, and in strings `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, `\u00xx` (lower-case hex)
/// for the other control characters, everything else (`/`, DEL, non-ASCII) as it is.
struct JSONEntryWriter {
    private var bytes: [UInt8] = []
    /// The indentation of every line of the entry.
    private let indent: [UInt8]

    private init(indent: String) {
        self.indent = Array(indent.utf8)
    }

    /// `entry` as the report writes it, each line indented by `indent`.
    static func text(of entry: JSONReporter.FileEntry, indent: String) -> String {
        var writer = JSONEntryWriter(indent: indent)
        writer.bytes.append(contentsOf: writer.indent)
        writer.file(entry)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: The entry's objects, each written from its `{` on a line at `level`

    private mutating func file(_ entry: JSONReporter.FileEntry) {
        open()
        key("error", level: 1, first: true)
        if let error = entry.error { string(error) } else { null() }
        key("findings", level: 1)
        array(entry.findings, level: 1) { writer, finding, level in writer.finding(finding, level: level) }
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
        array(fix.edits, level: level + 1) { writer, edit, level in writer.edit(edit, level: level) }
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

    // MARK: Pieces

    private mutating func open() {
        bytes.append(UInt8(ascii: "{"))
    }

    private mutating func close(level: Int) {
        newline(level: level)
        bytes.append(UInt8(ascii: "}"))
    }

    /// A line break and the indentation of a line at `level`.
    private mutating func newline(level: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: indent)
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }

    /// The comma after the previous member (unless `first`), and `"name" : ` on a line at `level`.
    private mutating func key(_ name: StaticString, level: Int, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(level: level)
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// `[`, the items one per line at `level + 1`, and `]` on a line at `level`; an empty array as the encoder
    /// writes it, with an empty line inside.
    private mutating func array<Item>(_ items: [Item], level: Int, _ write: (inout JSONEntryWriter, Item, Int) -> Void) {
        bytes.append(UInt8(ascii: "["))
        if items.isEmpty {
            bytes.append(UInt8(ascii: "\n"))
        }
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(level: level + 1)
            write(&self, item, level + 1)
        }
        newline(level: level)
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    private mutating func integer(_ value: Int) {
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var runStart = 0
            for (offset, byte) in text.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<offset]))
                runStart = offset + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }
}
