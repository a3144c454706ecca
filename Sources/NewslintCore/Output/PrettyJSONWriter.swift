/// Writes JSON byte for byte as `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// for reports whose shape is fixed (`JSONEntryWriter`, `SARIFWriter`): the encoder goes through `Encodable`'s
/// generic containers for every value, most of a machine-readable report's cost.
///
/// The encoder's conventions, which tests hold the writers to: two spaces a level, `" : "` after a key, an empty
/// array as `[`, an empty line and `]`, `null` for an absent value, and in strings `\"`, `\\`, `\b`, `\t`, `\n`,
/// `\f`, `\r`, `\u00xx` (lower-case hex) for the other control characters, everything else (`/`, DEL, non-ASCII)
/// as it is. The caller writes an object's keys in the encoder's sorted order and leaves out absent optionals,
/// as the synthesized `Encodable` does.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// The indentation of every line.
    private let indent: [UInt8]

    init(indent: String = "") {
        self.indent = Array(indent.utf8)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The indentation of the first line, which the caller writes when the value does not follow other text.
    mutating func startLine() {
        bytes.append(contentsOf: indent)
    }

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
    }

    /// A line at `level` holding the `}` of an object opened on a line at `level`.
    mutating func close(level: Int) {
        newline(level: level)
        bytes.append(UInt8(ascii: "}"))
    }

    /// A line break and the indentation of a line at `level`.
    mutating func newline(level: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: indent)
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }

    /// The comma after the previous member (unless `first`), and `"name" : ` on a line at `level`.
    mutating func key(_ name: StaticString, level: Int, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(level: level)
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// `[`, the items one per line at `level + 1`, and `]` on a line at `level`; an empty array as the encoder
    /// writes it, with an empty line inside.
    mutating func array<Items: Sequence>(_ items: Items, level: Int,
                                         _ write: (inout PrettyJSONWriter, Items.Element, Int) -> Void) {
        openArray()
        var first = true
        for item in items {
            startItem(level: level, first: first)
            first = false
            write(&self, item, level + 1)
        }
        closeArray(level: level, empty: first)
    }

    /// The pieces of `array`, for an array written in parts (`SARIFReporter` streams its results).
    mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
    }

    /// Before an item of an array opened on a line at `level`: the comma after the previous item (unless
    /// `first`), and the item's line.
    mutating func startItem(level: Int, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(level: level + 1)
    }

    /// The `]` of an array opened on a line at `level`; an empty one has an empty line inside.
    mutating func closeArray(level: Int, empty: Bool) {
        if empty { bytes.append(UInt8(ascii: "\n")) }
        newline(level: level)
        bytes.append(UInt8(ascii: "]"))
    }

    /// `{"name" : "value"}`, an object of one string member, opened on a line at `level`.
    mutating func object(_ name: StaticString, string value: String, level: Int) {
        open()
        key(name, level: level + 1, first: true)
        string(value)
        close(level: level)
    }

    mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    mutating func boolean(_ value: Bool) {
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    mutating func integer(_ value: Int) {
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
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
