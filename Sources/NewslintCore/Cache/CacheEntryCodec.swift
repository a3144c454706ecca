/// The text form of a cache entry: one line per finding, per source line and per edit, fields split by tabs.
///
/// ```
/// newslint-cache 3
/// f	<rule>	<severity>	<line>	<column>	<utf8 offset>	<applicability>	<fix title>	<message>
/// l	<line>	<text>
/// k
/// e	<start line>	<start offset>	<end line>	<end offset>	<content>
/// end	<number of the lines between>
/// ```
///
/// `k` says the entry holds the edits of the file's safe fixes (the `e` lines, none when the fixes change
/// nothing); without it they were not worked out.
///
/// Text fields escape `\`, tab, line feed and carriage return as `\\`, `\t`, `\n`, `\r`; an absent optional is
/// `\N`, which no escaped text can be. Why not JSON: `JSONDecoder` took 1.3 M instructions per entry, as much as
/// checking a post does, so a cache hit saved nothing. This form is read in one pass over its bytes.
///
/// Decoding is strict: a wrong header, a missing `end` line, a count that does not match, an unknown field or
/// a number that does not parse make the whole entry unreadable, and the cache reports it as corrupt.
enum CacheEntryCodec {
    static let header = "newslint-cache 3"

    static func encode(_ entry: ResultCache.Entry) -> String {
        var text = header + "\n"
        for finding in entry.findings {
            let fields = [
                "f", escaped(finding.ruleID), finding.severity.rawValue, String(finding.location.line),
                String(finding.location.column), String(finding.utf8Offset),
                escaped(finding.fixApplicability?.rawValue), escaped(finding.fixTitle), escaped(finding.message),
            ]
            text += fields.joined(separator: "\t") + "\n"
        }
        for (number, line) in entry.lines.sorted(by: { $0.key < $1.key }) {
            text += "l\t\(number)\t\(escaped(line))\n"
        }
        if let edits = entry.edits {
            text += "k\n"
            for edit in edits {
                text += "e\t\(edit.startLine)\t\(edit.startOffset)\t\(edit.endLine)\t\(edit.endOffset)\t"
                    + escaped(edit.content) + "\n"
            }
        }
        let records = entry.findings.count + entry.lines.count + (entry.edits.map { $0.count + 1 } ?? 0)
        text += "end\t\(records)\n"
        return text
    }

    /// The entry written by `encode(_:)`, or nil when `bytes` are not one.
    static func decode(_ bytes: [UInt8]) -> ResultCache.Entry? {
        // Validated once here, so each field can be made a string without validating it again.
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        return bytes.withUnsafeBufferPointer(decodeValid)
    }

    private typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    private static func decodeValid(_ bytes: UnsafeBufferPointer<UInt8>) -> ResultCache.Entry? {
        var records = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard records.last?.isEmpty == true else { return nil }
        records.removeLast()
        guard let first = records.popFirst(), first.elementsEqual(header.utf8) else { return nil }
        guard let last = records.popLast() else { return nil }
        let end = last.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard end.count == 2, end[0].elementsEqual("end".utf8), integer(end[1]) == records.count else { return nil }
        var findings: [Finding] = []
        var lines: [Int: String] = [:]
        var edits: [TextEdit]?
        var fields: [Field] = []
        fields.reserveCapacity(9)
        for record in records {
            // One array for every record's fields: split(separator:) made a new one each time.
            fields.removeAll(keepingCapacity: true)
            var start = record.startIndex
            while let tab = record[start...].firstIndex(of: UInt8(ascii: "\t")) {
                fields.append(record[start..<tab])
                start = tab + 1
            }
            fields.append(record[start...])
            guard fields[0].count == 1 else { return nil }
            switch fields[0].first {
            case UInt8(ascii: "f"):
                guard fields.count == 9, let finding = finding(fields) else { return nil }
                findings.append(finding)
            case UInt8(ascii: "l"):
                guard fields.count == 3, let number = integer(fields[1]), let text = unescaped(fields[2]),
                      lines.updateValue(text, forKey: number) == nil else { return nil }
            case UInt8(ascii: "k"):
                guard fields.count == 1, edits == nil else { return nil }
                edits = []
            case UInt8(ascii: "e"):
                guard fields.count == 6, edits != nil, let startLine = integer(fields[1]),
                      let startOffset = integer(fields[2]), let endLine = integer(fields[3]),
                      let endOffset = integer(fields[4]), let content = unescaped(fields[5]) else { return nil }
                edits?.append(TextEdit(startLine: startLine, startOffset: startOffset, endLine: endLine,
                                       endOffset: endOffset, content: content))
            default:
                return nil
            }
        }
        return ResultCache.Entry(findings: findings, lines: lines, edits: edits)
    }

    private static func finding(_ fields: [Field]) -> Finding? {
        guard let ruleID = unescaped(fields[1]), let severity = severity(fields[2]),
              let line = integer(fields[3]), let column = integer(fields[4]), let offset = integer(fields[5]),
              let applicability = applicability(fields[6]), let fixTitle = optionalText(fields[7]),
              let message = unescaped(fields[8]) else { return nil }
        return Finding(ruleID: ruleID, severity: severity, message: message,
                       location: Location(line: line, column: column), utf8Offset: offset,
                       fixTitle: fixTitle, fixApplicability: applicability)
    }

    private static func severity(_ field: Field) -> Severity? {
        Severity(rawValue: String(decoding: UnsafeBufferPointer(rebasing: field), as: UTF8.self))
    }

    /// `.some(nil)` for the absent mark, nil for an unknown name.
    private static func applicability(_ field: Field) -> Applicability?? {
        if field.elementsEqual(absent.utf8) { return .some(nil) }
        return Applicability(rawValue: String(decoding: UnsafeBufferPointer(rebasing: field), as: UTF8.self)).map { .some($0) }
    }

    private static let absent = "\\N"

    private static func escaped(_ text: String?) -> String {
        guard let text else { return absent }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        else { return text }
        return BackslashEscaping.escaped(text, escapingQuotes: false)
    }

    /// `.some(nil)` for the absent mark, `.some(text)` for text, nil when the field is malformed.
    private static func optionalText(_ field: Field) -> String?? {
        if field.elementsEqual(absent.utf8) { return .some(nil) }
        return unescaped(field).map { .some($0) }
    }

    /// The field's text with its escapes read; the bytes are valid UTF-8 (checked by `decode(_:)`), and an
    /// escape never splits a character, so the text is too.
    private static func unescaped(_ field: Field) -> String? {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: UnsafeBufferPointer(rebasing: field), as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var index = field.startIndex
        while index < field.endIndex {
            let byte = field[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else { bytes.append(byte); continue }
            guard index < field.endIndex else { return nil }
            switch field[index] {
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            default: return nil
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A decimal number of 1 to 18 digits, with an optional `-`, as `String(_: Int)` writes it.
    private static func integer(_ field: Field) -> Int? {
        let negative = field.first == UInt8(ascii: "-")
        let digits = negative ? field.dropFirst() : field
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }
}
