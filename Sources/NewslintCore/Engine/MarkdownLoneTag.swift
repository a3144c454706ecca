/// CommonMark's seventh kind of HTML block start (spec 4.6): a complete open or closing tag alone on its line,
/// read scalar by scalar as the pattern
///
///     ^(?:<([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>
///     |</([A-Za-z][A-Za-z0-9-]*)\s*>)[ \t]*$
///
/// reads it with ICU. A regex search cost 39,000 instructions a line, mostly handing the line to ICU as UTF-16.
///
/// Read from left to right, every choice is made by the next scalar, and a choice the pattern could take back
/// leaves nothing another could use: a shorter name leaves a name character, which no later part accepts; a
/// shorter unquoted value leaves a value character, which only `/>` could take, and then the whole value is
/// followed by `>` as well. White space (`\s`) is Unicode's White_Space property, as in ICU; `$` matches at the
/// end and before one line terminator that ends the line (`\r\n`, `\n`, `\v`, `\f`, `\r`, U+0085, U+2028, U+2029).
enum MarkdownLoneTag {
    /// The tag's name when `line` (without its indentation) is one lone tag, else nil.
    static func name(in line: some Collection<UInt8>) -> String? {
        // An ASCII byte is its scalar: such a line (an image's tag with its addresses) is not decoded.
        let scalars = line.allSatisfy { $0 < 0x80 }
            ? line.map { Unicode.Scalar($0) } : Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        var reader = Reader(scalars: scalars)
        return reader.lone()
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func lone() -> String? {
            guard take("<") else { return nil }
            let name: String?
            if take("/") {
                name = tagName()
                skip(while: \.isWhiteSpace)
            } else {
                name = tagName()
                guard name != nil, attributes() else { return nil }
                _ = take("/")
            }
            guard let name, take(">") else { return nil }
            skip { $0 == " " || $0 == "\t" }
            return endsLine() ? name : nil
        }

        /// `[A-Za-z][A-Za-z0-9-]*`
        mutating func tagName() -> String? {
            guard let first = next, first.isASCIILetter else { return nil }
            let start = index
            skip { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }

        /// `(?:\s+name(?:\s*=\s*value)?)*\s*`; false when an `=` is not followed by a value.
        mutating func attributes() -> Bool {
            while true {
                let spaceStart = index
                skip(while: \.isWhiteSpace)
                guard index > spaceStart, let first = next,
                      first.isASCIILetter || first == "_" || first == ":" else { return true }
                skip { $0.isASCIILetter || $0.isASCIIDigit || "_.:-".unicodeScalars.contains($0) }
                let afterName = index
                skip(while: \.isWhiteSpace)
                guard take("=") else {
                    index = afterName
                    continue
                }
                skip(while: \.isWhiteSpace)
                guard value() else { return false }
            }
        }

        /// `[^\s"'=<>`]+|'[^']*'|"[^"]*"`
        mutating func value() -> Bool {
            if let quote = next, quote == "'" || quote == "\"" {
                index += 1
                skip { $0 != quote }
                return take(quote)
            }
            let start = index
            skip { !$0.isWhiteSpace && !"\"'=<>`".unicodeScalars.contains($0) }
            return index > start
        }

        /// `$`: at the end, or before one line terminator that ends the line.
        func endsLine() -> Bool {
            let rest = scalars[index...]
            if rest.isEmpty || rest.elementsEqual(["\r", "\n"]) { return true }
            guard rest.count == 1, let last = rest.first else { return false }
            return (0x0A...0x0D).contains(last.value) || [0x85, 0x2028, 0x2029].contains(last.value)
        }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard next == scalar else { return false }
            index += 1
            return true
        }

        mutating func skip(while test: (Unicode.Scalar) -> Bool) {
            while let scalar = next, test(scalar) { index += 1 }
        }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
}
