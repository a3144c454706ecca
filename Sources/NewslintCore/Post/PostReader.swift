import Foundation

/// Reads a post from bytes: validates the encoding, splits off the front matter and detects the body format.
public enum PostReader {
    /// Reads `bytes` as a post at `path`. Throws `PostError` for input that is not a text post.
    public static func read(bytes: [UInt8], path: String) throws -> Post {
        if bytes.contains(0) { throw PostError.binary }
        var content = bytes
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
        guard let decoded = String(validating: content, as: UTF8.self) else {
            throw PostError.notUTF8(offset: firstInvalidUTF8Offset(content))
        }
        let usesCRLF = decoded.contains("\r\n")
        let text = usesCRLF ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded
        return try read(text: text, path: path, usesCRLF: usesCRLF)
    }

    /// Reads LF-normalised `text` as a post at `path`.
    public static func read(text: String, path: String, usesCRLF: Bool = false) throws -> Post {
        let source = SourceText(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count, lines[index].allSatisfy(\.isWhitespace), index < lines.count - 1 { index += 1 }
        guard index < lines.count, isFence(lines[index]) else {
            return Post(
                path: path, source: source, leadingText: "", openingFence: nil, closingFence: nil,
                frontMatter: nil, body: text, bodyFirstLine: 1,
                bodyFormat: BodyFormat.detect(body: text, path: path), usesCRLF: usesCRLF)
        }
        let openingIndex = index
        guard let closingIndex = lines[(openingIndex + 1)...].firstIndex(where: isFence) else {
            throw PostError.unterminatedFrontMatter(line: openingIndex + 1)
        }
        let yamlLines = lines[(openingIndex + 1)..<closingIndex].map(String.init)
        let frontMatter = try FrontMatter(lines: yamlLines, firstLine: openingIndex + 2)
        let body = lines[(closingIndex + 1)...].joined(separator: "\n")
        let leading = lines[..<openingIndex].map { $0 + "\n" }.joined()
        return Post(
            path: path, source: source, leadingText: leading, openingFence: String(lines[openingIndex]),
            closingFence: String(lines[closingIndex]), frontMatter: frontMatter, body: body,
            bodyFirstLine: closingIndex + 2, bodyFormat: BodyFormat.detect(body: body, path: path),
            usesCRLF: usesCRLF)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace == "---"
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
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

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
