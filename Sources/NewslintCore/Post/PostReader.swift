internal import CYaml
import Foundation

/// Reads a post from bytes: validates the encoding, splits off the front matter and detects the body format.
///
/// Input that is not a text post is refused with a `PostError` that says why: an `.html` file, a file over
/// `maximumFileSize`, a UTF-16 or UTF-32 byte order mark, a binary file, bytes that are not UTF-8 (naming the
/// charset the file declares, if any), front matter that is not closed, is not valid YAML, or whose aliases
/// expand past `maximumAliasExpansion` values.
///
/// A UTF-8 byte order mark is kept: it becomes the start of `Post.leadingText`, so the fixed file starts with
/// it too. The line endings of the output follow the file's first line break (CRLF or LF).
public enum PostReader {
    /// The largest file read as a post. Real posts are at most a few hundred KiB; a larger file is refused
    /// before it is parsed, so a runaway file cannot stall a run.
    public static let maximumFileSize = 16 * 1024 * 1024

    /// How many values the front matter may expand to once its aliases are resolved. Ordinary front matter
    /// has tens; a "billion laughs" alias bomb has billions, and hashing or walking it would never finish.
    public static let maximumAliasExpansion = 10_000

    /// Reads `bytes` as a post at `path`. Throws `PostError` for input that is not a text post, and for an
    /// `.html`/`.htm` path: its body would be written as Markdown, which the file cannot hold.
    public static func read(bytes: [UInt8], path: String) throws -> Post {
        guard !PostError.isHTMLFileName(path) else { throw PostError.htmlFile }
        guard bytes.count <= maximumFileSize else {
            throw PostError.tooLarge(bytes: bytes.count, limit: maximumFileSize)
        }
        if let encoding = ForeignByteOrderMark.encoding(of: bytes) { throw PostError.unsupportedEncoding(encoding) }
        let decoded = bytes.contains(0) ? nil : String(validating: bytes, as: UTF8.self)
        guard let decoded else {
            if let format = BinarySignature.format(of: bytes) { throw PostError.binaryFormat(format) }
            if bytes.contains(0) { throw PostError.binary }
            let offset = firstInvalidUTF8Offset(bytes)
            if let charset = DeclaredCharset.find(in: bytes) {
                throw PostError.declaredCharset(offset: offset, charset: charset)
            }
            throw PostError.notUTF8(offset: offset)
        }
        let usesCRLF = firstLineBreakIsCRLF(bytes)
        // Every CRLF becomes LF, also in an LF file: a `\r\n` left in the text is one Character in Swift
        // and would hide a line break from code that splits lines.
        let hasCRLF = ByteSearch.firstOffset(of: [13, 10], in: bytes) != nil
        let text = hasCRLF ? String(decoding: removingCRBeforeLF(bytes), as: UTF8.self) : decoded
        return try read(text: text, path: path, usesCRLF: usesCRLF,
                        carriageReturns: hasCRLF ? droppedCarriageReturns(bytes) : [])
    }

    /// Reads LF-normalised `text` as a post at `path`. A leading U+FEFF (byte order mark) is kept in
    /// `leadingText` and is not part of the first line. With `usesCRLF`, the file is (or will be written as)
    /// `text` with CRLF line breaks, and byte offsets count them.
    public static func read(text fullText: String, path: String, usesCRLF: Bool = false) throws -> Post {
        try read(text: fullText, path: path, usesCRLF: usesCRLF, carriageReturns: nil)
    }

    /// `read(text:path:usesCRLF:)` for the text fixing a post wrote: when its front matter has the lines of
    /// `earlier` (the post's as it was read, unedited) at the same place, it is `earlier`, which reading those lines
    /// again would give.
    static func read(text fullText: String, path: String, usesCRLF: Bool, reusing earlier: FrontMatter?) throws -> Post {
        try read(text: fullText, path: path, usesCRLF: usesCRLF, carriageReturns: nil, reusing: earlier)
    }
}

private extension PostReader {
    /// `carriageReturns` are those dropped before each line, counted in the file's bytes; nil means one per
    /// line break when `usesCRLF`.
    static func read(text fullText: String, path: String, usesCRLF: Bool, carriageReturns: [Int]?,
                     reusing earlier: FrontMatter? = nil) throws -> Post {
        let byteOrderMark = fullText.unicodeScalars.first == "\u{FEFF}" ? "\u{FEFF}" : ""
        let text = byteOrderMark.isEmpty ? fullText : String(fullText.unicodeScalars.dropFirst())
        let lineBreaks = usesCRLF && carriageReturns == nil ? text.utf8.count { $0 == UInt8(ascii: "\n") } : 0
        let source = SourceText(text, leadingBytes: byteOrderMark.utf8.count,
                                carriageReturns: carriageReturns ?? (lineBreaks == 0 ? [] : Array(0...lineBreaks)))
        // Lines are read up to the closing fence only: the body is taken whole, never split and joined.
        // A line's bytes start after a line feed and end before one (or before the carriage return ahead of it, or
        // at an end of the text), so they are whole scalars of the text, which is valid UTF-8: slicing the text
        // gives the bytes that decoding them again would give.
        let slice = { (bytes: Range<Int>) -> Substring in
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: bytes.lowerBound)
            return text[lower..<text.utf8.index(lower, offsetBy: bytes.count)]
        }
        let line = { (number: Int) in slice(source.byteRange(ofLine: number)) }
        var opening = 1
        while opening < source.lineCount, line(opening).allSatisfy(\.isWhitespace) { opening += 1 }
        guard isFence(line(opening)) else {
            return Post(
                path: path, source: source, leadingText: byteOrderMark, openingFence: nil, closingFence: nil,
                frontMatter: nil, body: text, bodyFirstLine: 1,
                bodyFormat: BodyFormat.detect(body: text, path: path), usesCRLF: usesCRLF)
        }
        // A fence starts with `---`: the other lines are turned away on their bytes, without decoding them.
        let mayBeFence = { (number: Int) in source.utf8[source.byteRange(ofLine: number)].starts(with: "---".utf8) }
        guard let closing = ((opening + 1)...max(opening + 1, source.lineCount)).first(where: { number in
            number <= source.lineCount && mayBeFence(number) && isFence(line(number))
        }) else {
            throw PostError.unterminatedFrontMatter(line: opening)
        }
        let yamlLines = ((opening + 1)..<closing).map { String(line($0)) }
        // Front matter in the simple form feeds write is read without Yams. Anything else is checked before Yams
        // composes it: composing hashes mapping keys, and a key that is an alias bomb would be hashed value by
        // value.
        let frontMatter = try earlier.flatMap { $0.firstLine == opening + 1 && $0.lines == yamlLines ? $0 : nil }
            ?? FrontMatter(lines: yamlLines, firstLine: opening + 1) { yaml in
                try YAMLPrecheck.check(yaml, firstLine: opening + 1)
            }
        let bodyStart = closing < source.lineCount ? source.byteRange(ofLine: closing + 1).lowerBound : source.utf8.count
        let body = String(slice(bodyStart..<source.utf8.count))
        let leading = byteOrderMark + (1..<opening).map { line($0) + "\n" }.joined()
        return Post(
            path: path, source: source, leadingText: leading, openingFence: String(line(opening)),
            closingFence: String(line(closing)), frontMatter: frontMatter, body: body,
            bodyFirstLine: closing + 1, bodyFormat: BodyFormat.detect(body: body, path: path),
            usesCRLF: usesCRLF)
    }

    /// For each line of the file, the CRLF line breaks before it (the carriage returns reading drops).
    static func droppedCarriageReturns(_ bytes: [UInt8]) -> [Int] {
        var counts = [0]
        var dropped = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if index > 0, bytes[index - 1] == UInt8(ascii: "\r") { dropped += 1 }
            counts.append(dropped)
        }
        return counts
    }
    static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace == "---"
    }

    static func removingCRBeforeLF(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated()
        where byte != 13 || index + 1 == bytes.count || bytes[index + 1] != 10 {
            result.append(byte)
        }
        return result
    }

    static func firstLineBreakIsCRLF(_ bytes: [UInt8]) -> Bool {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")), newline > 0 else { return false }
        return bytes[newline - 1] == UInt8(ascii: "\r")
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}

/// Byte order marks of encodings newslint does not read.
private enum ForeignByteOrderMark {
    static func encoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }
}

/// File signatures of binary formats that end up in content folders under a post's name.
private enum BinarySignature {
    static let signatures: [(prefix: [UInt8], format: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF87a".utf8), "GIF image"),
        (Array("GIF89a".utf8), "GIF image"),
        (Array("%PDF-".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    ]

    /// The format of a file that is not UTF-8 text, or nil when its signature is not known.
    static func format(of bytes: [UInt8]) -> String? {
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "WebP image"
        }
        return signatures.first { bytes.starts(with: $0.prefix) }?.format
    }
}

/// The charset a file that is not UTF-8 declares: `<meta charset=…>`, `<meta http-equiv … content="…;
/// charset=…">` or an XML declaration's `encoding="…"`, in its first 64 KiB.
private enum DeclaredCharset {
    static func find(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self).lowercased()
        let patterns = [#/charset\s*=\s*["']?([a-z0-9_:.\-]+)/#, #/<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.\-]+)/#]
        for pattern in patterns {
            guard let match = head.firstMatch(of: pattern) else { continue }
            let charset = String(match.output.1)
            if charset != "utf-8", charset != "utf8" { return charset }
        }
        return nil
    }
}

/// Checks front matter on libyaml's events, before Yams builds it: the values it expands to with its aliases
/// resolved, and duplicate top-level keys (Yams' own message names neither the key's line nor the first one).
private enum YAMLPrecheck {
    /// An open collection while walking the events.
    struct Collection {
        var anchor: String?
        /// Values counted in it so far, itself included.
        var count = 1
        var isMapping: Bool
        /// For a mapping: whether the next node is a key.
        var keyNext = true
    }

    /// Throws `PostError.invalidYAML` for a duplicate top-level key or when `yaml` expands past
    /// `PostReader.maximumAliasExpansion` values. Syntax errors are left to Yams, which reports their context.
    static func check(_ yaml: String, firstLine: Int) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(yaml.utf8)
        try utf8.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            try walk(&parser, firstLine: firstLine)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t, firstLine: Int) throws {
        let limit = PostReader.maximumAliasExpansion
        var anchors: [String: Int] = [:]
        var open = [Collection(count: 0, isMapping: false)]
        var total = 0
        var topLevelKeys: [String: Int] = [:]
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let line = firstLine + Int(event.start_mark.line)
            let isKey = startsNode(event.type) && open[open.count - 1].isMapping && open[open.count - 1].keyNext
            if startsNode(event.type), open[open.count - 1].isMapping { open[open.count - 1].keyNext.toggle() }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                open[open.count - 1].count += 1
                total += 1
                if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
                let untagged = event.data.scalar.plain_implicit == 1 || event.data.scalar.quoted_implicit == 1
                if isKey, open.count == 2, untagged {
                    let key = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value,
                                                                   count: event.data.scalar.length), as: UTF8.self)
                    // `1` and `'1'` are different keys (an int and a string); `a` and `'a'` are left to Yams.
                    let identity = (event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? "plain " : "quoted ") + key
                    if let first = topLevelKeys[identity] {
                        throw PostError.duplicateKey(key, line: line, first: first)
                    }
                    topLevelKeys[identity] = line
                }
            case YAML_ALIAS_EVENT:
                let size = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                open[open.count - 1].count += size
                total += size
            case YAML_SEQUENCE_START_EVENT:
                open.append(Collection(anchor: name(event.data.sequence_start.anchor), isMapping: false))
                total += 1
            case YAML_MAPPING_START_EVENT:
                open.append(Collection(anchor: name(event.data.mapping_start.anchor), isMapping: true))
                total += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard open.count > 1 else { return }
                let closed = open.removeLast()
                if let anchor = closed.anchor { anchors[anchor] = closed.count }
                open[open.count - 1].count += closed.count
            default:
                continue
            }
            // Every count is at most `total`, which stays at most `limit` plus one alias's size.
            if total > limit {
                throw PostError.invalidYAML(
                    line: line, reason: "aliases expand to more than \(limit) values (an alias bomb)")
            }
        }
    }

    private static func startsNode(_ type: yaml_event_type_t) -> Bool {
        type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT || type == YAML_SEQUENCE_START_EVENT
            || type == YAML_MAPPING_START_EVENT
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
