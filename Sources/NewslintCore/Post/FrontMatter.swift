import Foundation

import Yams

/// The YAML front matter of a post, kept as text lines and edited in place.
///
/// Values are read with Yams; edits replace only the lines of the key they change, so every other
/// key keeps its bytes, order, quoting and comments.
///
/// One known generator bug is tolerated instead of rejected: the quote-wrapped title
/// (`title: """""""""""'…'"""""""""""`), which is not valid YAML. When the front matter does not parse
/// and its only problem is that line, the values are read as if the line were `title: '…'`; the raw line
/// stays in `lines` (and in the output) until `repairQuoteWrappedTitle()` replaces it.
public struct FrontMatter: Sendable {
    /// The YAML lines between the `---` fences, without newlines.
    /// The keys themes read a post's thumbnail from (Hexo's `headimg` and `thumbnail`).
    public static let imageKeys = ["headimg", "thumbnail"]

    public private(set) var lines: [String] {
        didSet { keyLines = FrontMatter.keyLines(in: lines) }
    }
    /// The index in `lines` of each top-level key's first line: rules ask for keys on every pass.
    private var keyLines: [String: Int]
    /// The file line number of `lines[0]`.
    public let firstLine: Int
    /// The quote-wrapped title line, when the front matter was read only by tolerating it.
    public private(set) var quoteWrappedTitle: QuoteWrappedTitle?
    private var scalars: [String: String]
    private var sequences: [String: [String]]

    /// Parses `yaml`; throws `PostError.invalidYAML` with the file line of the problem.
    /// Reads the values of the lines. `beforeComposing` sees the YAML text before Yams composes it; it is not called
    /// for front matter `SimpleYAML` reads.
    public init(lines: [String], firstLine: Int, beforeComposing check: (String) throws -> Void = { _ in }) throws {
        self.lines = lines
        self.firstLine = firstLine
        let values = try FrontMatter.values(of: lines, firstLine: firstLine, beforeComposing: check)
        (scalars, sequences, quoteWrappedTitle) = (values.scalars, values.sequences, values.quoteWrappedTitle)
        // Front matter `SimpleYAML` read comes with the key lines `keyLines(in:)` would find (see `SimpleYAML.read`),
        // so its lines are not read a second time.
        keyLines = values.keyLines ?? FrontMatter.keyLines(in: lines)
    }

    /// The scalar value of a top-level key, unquoted, or nil when absent or not a scalar.
    public func string(_ key: String) -> String? { scalars[key] }

    /// The items of a top-level sequence, or a one-item list for a scalar.
    public func strings(_ key: String) -> [String] {
        if let items = sequences[key] { return items }
        return scalars[key].map { [$0] } ?? []
    }

    public func hasKey(_ key: String) -> Bool { keyLineIndex(key) != nil }

    /// The file line of `key`, or nil.
    public func line(ofKey key: String) -> Int? {
        keyLineIndex(key).map { firstLine + $0 }
    }

    /// The 1-based column where the value of `key` starts on its line.
    public func valueColumn(ofKey key: String) -> Int {
        guard let index = keyLineIndex(key) else { return 1 }
        let line = lines[index]
        guard let colon = line.firstIndex(of: ":") else { return 1 }
        var position = line.index(after: colon)
        while position < line.endIndex, line[position] == " " { position = line.index(after: position) }
        return line.unicodeScalars.distance(from: line.startIndex, to: position) + 1
    }

    /// The 1-based column of the first `needle` on the line of `key`, or nil.
    public func column(of needle: String, inKey key: String) -> Int? {
        guard let index = keyLineIndex(key), let range = lines[index].range(of: needle) else { return nil }
        return lines[index].unicodeScalars.distance(from: lines[index].startIndex, to: range.lowerBound) + 1
    }

    /// Replaces the value of a top-level scalar key, keeping the original quoting style.
    public mutating func setString(_ key: String, to value: String) {
        guard let index = keyLineIndex(key) else { return }
        let original = lines[index]
        let separatorEnd = original.firstIndex(of: ":").map { original.index(after: $0) } ?? original.endIndex
        let oldValue = original[separatorEnd...].trimmingLeadingSpaces
        let newLine = String(original[..<separatorEnd]) + " " + YAMLQuoting.quote(value, like: oldValue)
        let span = valueSpan(at: index)
        lines.replaceSubrange(span, with: [newLine])
        refresh()
    }

    /// Replaces the value of a top-level scalar key with `yaml`, written as is (the caller makes it valid YAML),
    /// e.g. an unquoted timestamp `2022-01-04T11:52:42Z`.
    public mutating func setRawValue(_ key: String, to yaml: String) {
        guard let index = keyLineIndex(key) else { return }
        let original = lines[index]
        let separatorEnd = original.firstIndex(of: ":").map { original.index(after: $0) } ?? original.endIndex
        lines.replaceSubrange(valueSpan(at: index), with: [String(original[..<separatorEnd]) + " " + yaml])
        refresh()
    }

    /// Replaces the quote-wrapped title line with its repaired form (`title: '…'`).
    public mutating func repairQuoteWrappedTitle() {
        guard let bug = quoteWrappedTitle, bug.lineIndex < lines.count, lines[bug.lineIndex] == bug.raw else { return }
        lines[bug.lineIndex] = bug.repaired
        refresh()
    }

    /// Removes a top-level key and its indented continuation lines.
    public mutating func removeKey(_ key: String) {
        guard let index = keyLineIndex(key) else { return }
        lines.removeSubrange(valueSpan(at: index))
        refresh()
    }

    /// The front matter as text, without fences.
    public var text: String { lines.joined(separator: "\n") }
}

private extension FrontMatter {
    func keyLineIndex(_ key: String) -> Int? {
        keyLines[key]
    }


    /// The key line plus the indented or sequence lines that belong to it.
    func valueSpan(at index: Int) -> Range<Int> {
        var end = index + 1
        // A quoted scalar may continue on lines of any indentation until its closing quote.
        var open = FrontMatter.openQuote(afterKeyIn: lines[index])
        while end < lines.count, let quote = open {
            open = FrontMatter.closes(quote, in: Substring(lines[end])) ? nil : quote
            end += 1
        }
        while end < lines.count {
            let line = lines[end]
            guard let first = line.first, first == " " || first == "\t" || first == "-" else { break }
            end += 1
        }
        return index..<end
    }

    /// The quote character of a quoted value left open on the key's line, or nil.
    static func openQuote(afterKeyIn line: String) -> Character? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
        guard let quote = value.first, quote == "'" || quote == "\"" else { return nil }
        return closes(quote, in: value.dropFirst()) ? nil : quote
    }

    /// True when `text` holds the closing `quote` (`''` is an escaped single quote, `\"` an escaped double one).
    static func closes(_ quote: Character, in text: Substring) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if quote == "\"", character == "\\" {
                index = next < text.endIndex ? text.index(after: next) : next
                continue
            }
            if character == quote {
                guard quote == "'", next < text.endIndex, text[next] == "'" else { return true }
                index = text.index(after: next)
                continue
            }
            index = next
        }
        return false
    }

    mutating func refresh() {
        // An edit produced by this type is valid YAML; re-read the values it changed.
        guard let parsed = try? FrontMatter.values(of: lines, firstLine: firstLine) else { return }
        (scalars, sequences, quoteWrappedTitle) = (parsed.scalars, parsed.sequences, parsed.quoteWrappedTitle)
    }

    /// The values of `lines`: read by `SimpleYAML` when they are in its form, else composed by Yams (after
    /// `check`). When composing fails and a quote-wrapped title line is present, the lines are read again with
    /// that line repaired. Any other error, or an error that remains after the repair, is thrown as found.
    /// `keyLines` is set when `SimpleYAML` read the lines: the key lines it found, which are `keyLines(in: lines)`.
    static func values(of lines: [String], firstLine: Int, beforeComposing check: (String) throws -> Void = { _ in })
        throws -> (scalars: [String: String], sequences: [String: [String]], quoteWrappedTitle: QuoteWrappedTitle?,
                   keyLines: [String: Int]?) {
        if let simple = try SimpleYAML.read(lines: lines, firstLine: firstLine) {
            return (simple.scalars, simple.sequences, nil, simple.keyLines)
        }
        try check(lines.joined(separator: "\n"))
        do {
            let (scalars, sequences) = try compose(lines: lines, firstLine: firstLine)
            return (scalars, sequences, nil, nil)
        } catch {
            guard let bug = QuoteWrappedTitle.find(in: lines) else { throw error }
            var repaired = lines
            repaired[bug.lineIndex] = bug.repaired
            guard let (scalars, sequences) = try? parse(lines: repaired, firstLine: firstLine) else { throw error }
            return (scalars, sequences, bug, nil)
        }
    }

    static func parse(lines: [String], firstLine: Int) throws -> ([String: String], [String: [String]]) {
        if let simple = try SimpleYAML.read(lines: lines, firstLine: firstLine) { return (simple.scalars, simple.sequences) }
        return try compose(lines: lines, firstLine: firstLine)
    }
}

/// The feed generator's quoting bug on the title: a single-quoted title wrapped in runs of double quotes,
/// `title: """""""""""'网易开年第一款MMO'"""""""""""` (11 or 9 on each side in the corpus).
public struct QuoteWrappedTitle: Sendable, Equatable {
    /// The index of the line in `FrontMatter.lines`.
    public let lineIndex: Int
    /// The line as found.
    public let raw: String
    /// The line as the generator meant it: `title: '…'`.
    public let repaired: String
    /// How many double quotes wrap the title on each side.
    public let quoteCount: Int

    /// `title:`, a run of two or more `"`, a YAML single-quoted scalar, and the same run again.
    private static let pattern = try? NSRegularExpression(pattern: #"^title:[ \t]+("{2,})('(?:[^']|'')*')\1[ \t]*$"#)

    static func find(in lines: [String]) -> QuoteWrappedTitle? {
        guard let pattern else { return nil }
        for (index, line) in lines.enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            guard let match = pattern.firstMatch(in: line, range: range),
                  let quotes = Range(match.range(at: 1), in: line),
                  let scalar = Range(match.range(at: 2), in: line) else { continue }
            return QuoteWrappedTitle(lineIndex: index, raw: line, repaired: "title: " + line[scalar],
                                     quoteCount: line[quotes].count)
        }
        return nil
    }
}

private extension Substring {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}

extension FrontMatter {
    /// The values of `lines` as Yams reads them.
    static func compose(lines: [String], firstLine: Int) throws -> ([String: String], [String: [String]]) {
        let yaml = lines.joined(separator: "\n")
        let root: Yams.Node?
        do {
            // Only the scalars' text is read, so no tag resolution (the default resolver runs a regular
            // expression per scalar), and the encoding is given (its default reads the environment per call).
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw PostError.invalidYAML(line: firstLine + YAMLErrorLine.of(error), reason: YAMLErrorLine.reason(error, firstLine: firstLine))
        } catch {
            throw PostError.invalidYAML(line: firstLine, reason: "\(error)")
        }
        guard let root else { return ([:], [:]) }
        guard case .mapping(let mapping) = root else {
            throw PostError.invalidYAML(line: firstLine, reason: "front matter is not a mapping of keys to values")
        }
        var scalars: [String: String] = [:]
        var sequences: [String: [String]] = [:]
        var seen = Set<String>()
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            if !seen.insert(name).inserted {
                let line = firstLine + (key.mark?.line ?? 1) - 1
                throw PostError.invalidYAML(line: line, reason: "duplicate key '\(name)'")
            }
            switch value {
            case .scalar(let scalar): scalars[name] = scalar.string
            case .sequence(let sequence): sequences[name] = sequence.compactMap { $0.scalar?.string }
            default: break
            }
        }
        return (scalars, sequences)
    }
}

extension FrontMatter {
    /// The index in `lines` of each top-level key's first line.
    static func keyLines(in lines: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            if let key = topLevelKey(in: line), result[key] == nil { result[key] = index }
        }
        return result
    }

    /// The key a line of the front matter sets at the top level (`title:` → `title`), or nil.
    static func topLevelKey(in line: String) -> String? {
        // A line whose characters are all single scalars (nearly every one) is read as bytes.
        if line.unicodeScalars.allSatisfy(\.alwaysStandsAlone) {
            var line = line
            return line.withUTF8(topLevelKey(inBytes:))
        }
        guard let first = line.first, first != " ", first != "\t", first != "-", first != "#" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == " " || line[after] == "\t" else { return nil }
        return String(line[..<colon].trimming { $0 == " " || $0 == "\"" || $0 == "'" })
    }

    /// `topLevelKey(in:)` for a line of scalars that each stand alone, read as bytes.
    private static func topLevelKey(inBytes bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, first != 0x20, first != 0x09, first != UInt8(ascii: "-"),
              first != UInt8(ascii: "#"), let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              colon + 1 == bytes.count || bytes[colon + 1] == 0x20 || bytes[colon + 1] == 0x09 else { return nil }
        let isTrimmed = { (byte: UInt8) in byte == 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
        var start = 0
        var end = colon
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
