import NewslintTestSupport
import Testing
@testable import NewslintCore

@Suite struct PostReaderTests {
    static let post = """

        ---
        title: '外交部官员：中国为推动五核国发表联合声明作出重要贡献'
        categories: 
         - 金融
         - 新浪财经
        headimg: 'https://n.sinaimg.cn/a.png'
        author: 新浪财经
        # a comment
        date: Tue, 04 Jan 2022 11:52:42 GMT
        thumbnail: 'https://n.sinaimg.cn/a.png'
        ---

        <div>   
        <p>正文</p>
        </div>
        """

    @Test func splitsFrontMatterAfterALeadingBlankLine() throws {
        let post = try PostReader.read(text: Self.post, path: "a.md")
        #expect(post.leadingText == "\n")
        #expect(post.frontMatter?.string("author") == "新浪财经")
        #expect(post.frontMatter?.strings("categories") == ["金融", "新浪财经"])
        #expect(post.frontMatter?.firstLine == 3)
        #expect(post.bodyFirstLine == 13)
        #expect(post.bodyFormat == .html)
        #expect(post.assembled(body: post.body) == Self.post)
    }

    /// The reader cuts the fences, the YAML lines and the body out of the text by byte offsets: on random posts
    /// (LF line breaks, as `read(text:)` takes them) with combining marks, carriage returns and a byte order mark
    /// at the cuts, the pieces are the text's bytes and put back together give the text.
    @Test func piecesAreTheTextsBytes() throws {
        let yaml = ["a: b", "t: 中\u{301}", "u: 'x'", "", "  ", "\u{301}v: w", "- z"]
        let body = ["x", "\n", "\u{301}", "\r", "中", "<p>", "---", " ", "\u{FEFF}"]
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<3_000 {
            let lines = (0..<Int.random(in: 0...4, using: &generator)).map { _ in yaml.randomElement(using: &generator)! }
            let opening = ["", "\u{FEFF}", "\n", "\u{FEFF} \n"].randomElement(using: &generator)! + "---\n"
            let text = opening + lines.map { $0 + "\n" }.joined() + "---"
                + ["", "\n", "\n\u{301}", "\n\r"].randomElement(using: &generator)! + body.randomText(count: 0...8, using: &generator)
            guard let post = try? PostReader.read(text: text, path: "a.md") else { continue }
            read += 1
            let bodyBytes = Array(post.body.utf8)
            #expect(Array(text.utf8).suffix(bodyBytes.count) == bodyBytes[...], "\(text.debugDescription)")
            if post.frontMatter != nil {
                // A closing fence that ends the file gets its line feed back.
                let assembled = post.assembled(body: post.body)
                #expect(assembled == text || post.body.isEmpty && assembled == text + "\n", "\(text.debugDescription)")
                #expect(post.openingFence == "---" && post.closingFence?.hasPrefix("---") == true)
            }
        }
        // Most texts are posts with front matter; a few hundred would do.
        #expect(read > 500)
    }

    @Test func editsKeepOtherKeysByteIdentical() throws {
        var frontMatter = try #require(try PostReader.read(text: Self.post, path: "a.md").frontMatter)
        let before = frontMatter.lines
        frontMatter.setString("thumbnail", to: "https://example.com/it's.jpg")
        #expect(frontMatter.lines.last == "thumbnail: 'https://example.com/it''s.jpg'")
        #expect(Array(frontMatter.lines.dropLast()) == Array(before.dropLast()))
        #expect(frontMatter.string("thumbnail") == "https://example.com/it's.jpg")
        frontMatter.removeKey("categories")
        #expect(!frontMatter.lines.contains { $0.contains("金融") })
        #expect(frontMatter.lines.first == before.first)
    }

    /// A value YAML cannot hold literally is written double-quoted with escapes and reads back unchanged; before,
    /// the front matter stopped parsing, kept its old value, and the fix that wrote it never converged.
    @Test func controlCharactersAreEscapedInDoubleQuotes() throws {
        var frontMatter = try #require(try PostReader.read(text: Self.post, path: "a.md").frontMatter)
        frontMatter.setString("thumbnail", to: "https://a.cn/i\u{06}g.png")
        #expect(frontMatter.lines.last == #"thumbnail: "https://a.cn/i\u0006g.png""#)
    }

    @Test(arguments: ["https://a.cn/i\u{06}g.png", "two\nlines", "tab\there \"quoted\" \\ back", "nul\u{0}", "\u{7F}\u{85}"])
    func valuesWithControlCharactersReadBack(_ value: String) throws {
        var frontMatter = try #require(try PostReader.read(text: Self.post, path: "a.md").frontMatter)
        frontMatter.setString("thumbnail", to: value)
        #expect(frontMatter.string("thumbnail") == value, "\(frontMatter.lines.last ?? "")")
    }

    @Test func locatesValues() throws {
        let post = try PostReader.read(text: Self.post, path: "a.md")
        #expect(post.frontMatter?.line(ofKey: "headimg") == 7)
        #expect(post.frontMatter?.valueColumn(ofKey: "headimg") == 10)
    }

    @Test func rejectsUnterminatedFrontMatter() {
        #expect(throws: PostError.unterminatedFrontMatter(line: 1)) {
            try PostReader.read(text: "---\ntitle: x\n<p>body</p>\n", path: "a.md")
        }
    }

    @Test func reportsYAMLErrorsWithTheirFileLine() {
        #expect {
            try PostReader.read(text: "\n---\ntitle: 'x\nauthor: [\n---\nbody\n", path: "a.md")
        } throws: { error in
            guard case PostError.invalidYAML(let line, _) = error else { return false }
            return (3...5).contains(line)
        }
    }

    @Test func rejectsDuplicateKeys() {
        #expect {
            try PostReader.read(text: "---\ntitle: a\ntitle: b\n---\nbody\n", path: "a.md")
        } throws: { error in
            guard case PostError.invalidYAML(_, let reason) = error else { return false }
            return reason.contains("title")
        }
    }

    @Test func rejectsInvalidUTF8AndBinary() {
        #expect(throws: PostError.notUTF8(offset: 3)) {
            try PostReader.read(bytes: [0x61, 0x62, 0x63, 0xFF, 0x64], path: "a.md")
        }
        #expect(throws: PostError.binary) {
            try PostReader.read(bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], path: "a.md")
        }
    }

    @Test func keepsCRLFLineEndings() throws {
        let post = try PostReader.read(bytes: Array("---\r\ntitle: a\r\n---\r\nText\r\n".utf8), path: "a.md")
        #expect(post.usesCRLF)
        #expect(post.withOriginalLineEndings(post.assembled(body: post.body)) == "---\r\ntitle: a\r\n---\r\nText\r\n")
    }

    @Test func fileOffsetsCountTheByteOrderMarkAndCarriageReturns() throws {
        // The text a post is read into has neither; the offsets reports give are into the file.
        let file = Array("\u{FEFF}---\r\ntitle: x\n---\r\n\r\n第一段 <!-- ad -->\n".utf8)
        let post = try PostReader.read(bytes: file, path: "a.md")
        let comment = try #require(file.indices.first { file[$0] == UInt8(ascii: "<") })
        #expect(post.source.line(5) == "第一段 <!-- ad -->")
        #expect(post.source.fileOffset(line: 5, column: 5) == comment)
        #expect(post.source.fileOffset(line: 1, column: 1) == 3)
        #expect(post.source.fileOffset(line: 2, column: 1) == 3 + 5)
    }

    @Test func fileOffsetsOfAPlainFileAreTextOffsets() throws {
        let post = try PostReader.read(bytes: Array("---\ntitle: x\n---\nab\n".utf8), path: "a.md")
        #expect(post.source.fileOffset(line: 4, column: 2) == 18)
        let written = try PostReader.read(text: "---\ntitle: x\n---\nab\n", path: "a.md", usesCRLF: true)
        #expect(written.source.fileOffset(line: 4, column: 2) == 21)
    }

    @Test(arguments: [
        ("<div>\n<p>x</p></div>", BodyFormat.html), ("\n\n<p>x</p>", .html), ("Plain *Markdown*", .markdown),
        ("<!-- more -->\n\nText", .markdown), ("<!-- ad --><div><p>x</p></div>", .html), ("<img src=\"a\" referrerpolicy=\"no-referrer\">", .markdown),
    ])
    func detectsBodyFormat(_ body: String, _ expected: BodyFormat) {
        #expect(BodyFormat.detect(body: body, path: "post.md") == expected)
    }
}

@Suite struct UnifiedDiffTests {
    @Test func printsHunksWithContext() {
        let diff = UnifiedDiff.diff(old: "a\nb\nc\nd\n", new: "a\nB\nc\nd\ne\n", oldName: "a/x", newName: "b/x")
        #expect(diff == """
            --- a/x
            +++ b/x
            @@ -1,4 +1,5 @@
             a
            -b
            +B
             c
             d
            +e

            """)
    }

    @Test func isEmptyForEqualText() {
        #expect(UnifiedDiff.diff(old: "a\n", new: "a\n", oldName: "a", newName: "b").isEmpty)
    }

    @Test func marksAMissingFinalNewline() {
        let diff = UnifiedDiff.diff(old: "a", new: "a\n", oldName: "a", newName: "b")
        #expect(diff.contains("-a\n\\ No newline at end of file\n+a\n"))
    }
}

@Suite struct CodeLiteralTagsTests {
    @Test(arguments: [
        ("<pre><code>const c = $<HTMLElement>(document);</code></pre>",
         "<pre><code>const c = $&lt;HTMLElement>(document);</code></pre>"),
        ("<pre>\n<missing>   3 months ago\n</pre>", "<pre>\n&lt;missing>   3 months ago\n</pre>"),
        ("<p><code><p>CSRF</p></code><code><img src=\"x\"></code></p>",
         "<p><code>&lt;p>CSRF&lt;/p></code><code>&lt;img src=\"x\"></code></p>"),
        ("<pre><code><span class=\"n\">a</span><br><!-- kept --></code></pre>",
         "<pre><code><span class=\"n\">a</span><br>&lt;!-- kept --></code></pre>"),
        ("<p>a <b>b</b> <!-- <code> --> <p>c</p>", "<p>a <b>b</b> <!-- <code> --> <p>c</p>"),
    ])
    func escapesOnlyCodeText(_ input: String, _ expected: String) {
        #expect(CodeLiteralTags.escape(input) == expected)
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("新浪财经", "5d85d5295f44ae4829f46ab078973d0b9eb37ce025118a8e82aa9a51e1f749d5"),
    ])
    func matchesKnownDigests(_ input: String, _ digest: String) {
        #expect(SHA256.hex(input) == digest)
    }
}

/// Long inputs, fed whole, in pieces that split blocks anywhere, and as a sequence without contiguous storage.
@Suite struct SHA256LongInputTests {
    /// FIPS 180-2's third example: a million `a`.
    static let millionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

    @Test(arguments: [1, 7, 63, 64, 65, 1000, 1_000_000])
    func piecesGiveTheSameDigest(_ pieceSize: Int) {
        var hasher = SHA256()
        var left = 1_000_000
        while left > 0 {
            let count = min(pieceSize, left)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            left -= count
        }
        #expect(hasher.hexDigest() == Self.millionA)
    }

    @Test func sequencesWithoutContiguousStorage() {
        var hasher = SHA256()
        hasher.update((0..<1_000_000).lazy.map { _ in UInt8(ascii: "a") })
        #expect(hasher.hexDigest() == Self.millionA)
    }
}

@Suite struct FrontMatterKeyTests {
    /// The character-by-character reading of a top-level key, which lines of stand-alone scalars skip.
    static func referenceKey(in line: String) -> String? {
        guard let first = line.first, first != " ", first != "\t", first != "-", first != "#" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == " " || line[after] == "\t" else { return nil }
        return String(line[..<colon].trimming { $0 == " " || $0 == "\"" || $0 == "'" })
    }

    @Test func bytesAndCharactersReadTheSameKey() {
        let pieces = ["title", "标题", ":", ": ", ":\t", " ", "\t", "\"", "'", "-", "#", "x", "é", "e\u{301}", "👍🏽",
                      "https://a.b/c", "''"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let line = pieces.randomText(count: 0...8, using: &generator)
            #expect(FrontMatter.topLevelKey(in: line) == Self.referenceKey(in: line), "\(line.debugDescription)")
        }
    }
}
