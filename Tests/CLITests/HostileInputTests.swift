import Foundation
import Testing

/// Input no one controls, run through the real binary. Every case ends with a finding or with exit 2 and
/// `path: error: reason` for that file; the other file of the run is still checked and fixed; and the
/// hostile file is left exactly as it was.
@Suite struct HostileInputTests {
    // MARK: Encodings and binary files

    @Test func invalidUTF8IsRefusedWithItsOffset() throws {
        let bytes = Array("---\ntitle: x\n---\n<div><p>ab".utf8) + [0xC3, 0x28] + Array("</p></div>\n".utf8)
        try expectRejected(bytes, reason: "not valid UTF-8 (first bad byte at offset 27)")
    }

    @Test func gbkWithAMetaCharsetIsRefusedWithTheConversionToRun() throws {
        // 中文 in GBK.
        let bytes = Array("---\ntitle: x\n---\n<div><meta charset=gbk><p>".utf8) + [0xD6, 0xD0, 0xCE, 0xC4]
            + Array("</p></div>\n".utf8)
        try expectRejected(bytes, reason: "not valid UTF-8 (first bad byte at offset 43); the file declares charset "
            + "gbk: convert it to UTF-8 first, e.g. with iconv -f GB18030 -t UTF-8")
    }

    @Test func gb18030DeclaredInAnHTTPEquivMetaIsNamed() throws {
        // A four-byte GB18030 sequence (U+0080), which is not UTF-8 either.
        let bytes = Array("<div><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB18030\"><p>".utf8)
            + [0x81, 0x30, 0x81, 0x30] + Array("</p></div>\n".utf8)
        try expectRejected(bytes, reason: "not valid UTF-8 (first bad byte at offset 77); the file declares charset "
            + "gb18030: convert it to UTF-8 first, e.g. with iconv -f GB18030 -t UTF-8")
    }

    @Test(arguments: [(String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE]), "UTF-16LE"),
                      (.utf16BigEndian, [0xFE, 0xFF], "UTF-16BE"),
                      (.utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00], "UTF-32LE")])
    func utf16AndUTF32WithAByteOrderMarkAreNamed(_ encoding: String.Encoding, _ mark: [UInt8], _ name: String) throws {
        let text = try #require(HostileInput.dirtyPost.data(using: encoding))
        try expectRejected(mark + [UInt8](text), reason: "\(name) text (byte order mark), not UTF-8: convert it to "
            + "UTF-8 first, e.g. with iconv -f \(name) -t UTF-8")
    }

    @Test func utf8ByteOrderMarkIsReadAndKept() throws {
        let directory = try TemporaryDirectory()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        try directory.writeBytes("bom.md", bom + Array(HostileInput.dirtyPost.utf8))
        let check = try CLIRunner.run(["check", "--no-cache", "bom.md"], in: directory.url)
        #expect(check.status == 1)
        // The mark is not a column: findings point where they do without it.
        #expect(check.stdout.contains("\n" + HostileInput.indentFinding("bom.md") + "\n"), "\(check.stdout)")

        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "bom.md"], in: directory.url)
        #expect(fix.status == 0)
        #expect(try directory.bytes("bom.md") == bom + Array(HostileInput.fixedPost.utf8))
        let again = try CLIRunner.run(["fix", "--no-cache", "bom.md"], in: directory.url)
        #expect(again.status == 0, "a second fix must not touch the byte order mark: \(again.stdout)")
    }

    @Test func offsetsCountTheByteOrderMarkAndCarriageReturns() throws {
        // Finding offsets were counted in the text without the mark, 3 bytes short of the fix edits'; and a CRLF
        // file was one line to the edits, which were then left out of the report.
        let directory = try TemporaryDirectory()
        let file = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\n\r\n第一段 <!-- ad -->\r\n".utf8)
        try directory.writeBytes("bom.md", file)
        let check = try CLIRunner.run(["check", "--no-cache", "--format", "json", "--select", "ad-comment", "bom.md"],
                                      in: directory.url)
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let files = try #require(report?["files"] as? [[String: Any]])
        let finding = try #require((files.first?["findings"] as? [[String: Any]])?.first)
        let location = try #require(finding["location"] as? [String: Int])
        let comment = try #require(file.indices.first { file[$0] == UInt8(ascii: "<") })
        #expect(location == ["line": 5, "column": 5, "offset": comment])
        let edits = try #require((finding["fix"] as? [String: Any])?["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["start"] as? [String: Int] == ["line": 5, "offset": comment - 10])
        #expect(edits.first?["content"] as? String == "第一段 \r\n")
    }

    @Test func unusedSuppressionIsRemovedFromAPostWithAByteOrderMark() throws {
        // The removal matched suppressions by offset, counted with the mark on one side and without on the other.
        let directory = try TemporaryDirectory()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (name, lineBreak) in [("lf.md", "\n"), ("crlf.md", "\r\n")] {
            let post = ["---", "title: x", "---", "", "<!-- newslint-disable-next-line ad-comment -->", "正文。", ""]
            try directory.writeBytes(name, bom + Array(post.joined(separator: lineBreak).utf8))
            let fix = try CLIRunner.run(["fix", "--write", "--no-cache", name], in: directory.url)
            #expect(fix.status == 0, "\(name): \(fix.stdout)\(fix.stderr)")
            let fixed = ["---", "title: x", "---", "", "正文。", ""].joined(separator: lineBreak)
            #expect(try directory.bytes(name) == bom + Array(fixed.utf8), "\(name)")
        }
    }

    @Test func nulBytesMakeABinaryFile() throws {
        try expectRejected(Array("---\ntitle: x\n---\n<div><p>a\u{0}b</p></div>\n".utf8),
                           reason: "binary file (contains NUL bytes), not a post")
    }

    @Test func pngNamedMarkdownIsNamedAsAnImage() throws {
        try expectRejected(try fixture("pixel.png"), reason: "binary file (PNG image), not a post")
    }

    @Test func emptyFileIsAnEmptyPost() throws {
        // Deliberately not an error: `fix` writes an empty file when a post held only boilerplate, and `check`
        // must accept what `fix` wrote. An empty post has nothing to report and nothing to fix.
        let directory = try TemporaryDirectory()
        try directory.writeBytes("empty.md", [])
        try directory.write("good.md", HostileInput.dirtyPost)
        let check = try CLIRunner.run(["check", "--no-cache", "."], in: directory.url)
        #expect(check.status == 1)
        #expect(check.stderr == "")
        #expect(check.stdout.hasSuffix("3 findings in 1 file (3 fixable)\n"), "\(check.stdout)")
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "."], in: directory.url)
        #expect(fix.status == 0)
        #expect(fix.stdout == "Fixed 1 file (3 findings resolved). No findings left.\n")
        #expect(try directory.bytes("empty.md") == [])
        #expect(try directory.read("good.md") == HostileInput.fixedPost)
    }

    // MARK: Front matter

    @Test func frontMatterWithoutClosingFence() throws {
        try expectRejected(Array("---\ntitle: x\n<div><p>正文</p></div>\n".utf8),
                           reason: "front matter opened at line 1 is never closed with '---'")
    }

    @Test func yamlSyntaxErrorsNameTheirLine() throws {
        try expectRejected(Array("---\ntitle: [unclosed\nauthor: x\n---\n<div><p>x</p></div>\n".utf8),
                           reason: "invalid YAML front matter at line 3: did not find expected ',' or ']' "
                               + "(while parsing a flow sequence from line 2)")
        try expectRejected(Array("\n---\ntitle: 'x\n  author: y\n---\nbody\n".utf8),
                           reason: "invalid YAML front matter at line 4: found unexpected end of stream "
                               + "(while scanning a quoted scalar from line 3)")
    }

    @Test func duplicateKeysNameTheSecondOne() throws {
        try expectRejected(Array("---\ntitle: a\nauthor: b\ntitle: c\n---\nbody\n".utf8),
                           reason: "invalid YAML front matter at line 4: duplicate key 'title' (first at line 2)")
    }

    @Test func aliasBombIsRefusedQuickly() throws {
        let bomb = try fixture("alias-bomb.md")
        let seconds = try expectRejected(bomb, reason: "invalid YAML front matter at line 7: "
            + "aliases expand to more than 10000 values (an alias bomb)")
        #expect(seconds < 20)
    }

    @Test func aliasBombAsAMappingKeyIsRefusedQuickly() throws {
        // Composing YAML hashes mapping keys; a key that is the bomb must be caught before that.
        let bomb = try fixture("alias-bomb-key.md")
        let seconds = try expectRejected(bomb, reason: "invalid YAML front matter at line 3: "
            + "aliases expand to more than 10000 values (an alias bomb)")
        #expect(seconds < 20)
    }

    // MARK: Size and shape

    @Test func fiftyMegabytePostIsRefusedUnread() throws {
        let directory = try TemporaryDirectory()
        try HostileInput.writeLargePost(directory.url.appendingPathComponent("big.md"), bytes: 50 * 1024 * 1024)
        let seconds = try expectRejected(in: directory, name: "big.md",
                                         reason: "file is 50 MiB; newslint reads posts up to 16 MiB")
        #expect(seconds < 20)
    }

    @Test func hundredThousandNestedDivsAreRefused() throws {
        let directory = try TemporaryDirectory()
        let depth = 100_000
        try directory.write("deep.md", HostileInput.nestedPost(depth: depth))
        let seconds = try expectRejected(
            in: directory, name: "deep.md",
            reason: "cannot parse the HTML body: elements are nested more than 512 levels deep")
        #expect(seconds < 30)
    }

    @Test func nestingJustBelowTheLimitIsFixed() throws {
        let directory = try TemporaryDirectory()
        // <html> and <body> are levels 1 and 2.
        let depth = 510
        try directory.write("deep.md", HostileInput.nestedPost(depth: depth))
        let run = try BoundedRun.run(["fix", "--write", "--no-cache", "deep.md"], in: directory.url, seconds: 120)
        #expect(!run.timedOut)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(try directory.read("deep.md") == "---\ntitle: x\n---\n\n正文\n")
    }

    @Test func tenMegabyteSingleLineIsFixedInBoundedTime() throws {
        let directory = try TemporaryDirectory()
        let paragraph = Array("<p>压缩成一行的正文段落，没有换行。Minified text.</p>".utf8)
        try HostileInput.writeRepeating(directory.url.appendingPathComponent("line.md"),
                                        head: "---\ntitle: x\n---\n<div><!-- ad -->", unit: paragraph,
                                        tail: "</div>\n", bytes: 10 * 1024 * 1024)
        // About 20 s for check and 60 s for fix in a debug build; the limits leave room for ASan and a busy
        // machine, and catch work that grows with the square of the line (minutes at this size).
        let check = try BoundedRun.run(["check", "--no-cache", "line.md"], in: directory.url, seconds: 120)
        #expect(!check.timedOut, "check of a 10 MB line took over 120 s")
        #expect(check.result.status == 1)
        #expect(check.result.stdout.hasPrefix("line.md:4:1: warning: post body is raw HTML [html-body]\n"
            + "line.md:4:6: warning: HTML comment 'ad' left in article body [ad-comment]\n"), "\(check.result.stdout)")

        let fix = try BoundedRun.run(["fix", "--write", "--no-cache", "line.md"], in: directory.url, seconds: 300)
        #expect(!fix.timedOut, "fix of a 10 MB line took over 300 s")
        #expect(fix.result.status == 0, "\(fix.result.stderr)")
        let fixed = try directory.read("line.md")
        #expect(fixed.hasPrefix("---\ntitle: x\n---\n\n压缩成一行的正文段落，没有换行。Minified text.\n\n压缩成一行"))
        #expect(!fixed.contains("<"))
    }

    // MARK: Line endings

    @Test func crlfIsKeptInTheFixedFile() throws {
        let directory = try TemporaryDirectory()
        let crlf = HostileInput.dirtyPost.replacingOccurrences(of: "\n", with: "\r\n")
        try directory.write("crlf.md", crlf)
        try directory.write("good.md", HostileInput.dirtyPost)
        let check = try CLIRunner.run(["check", "--no-cache", "crlf.md"], in: directory.url)
        #expect(check.stdout.contains("\n" + HostileInput.indentFinding("crlf.md") + "\n"), "\(check.stdout)")

        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "."], in: directory.url)
        #expect(fix.status == 0)
        let fixedCRLF = HostileInput.fixedPost.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try directory.bytes("crlf.md") == Array(fixedCRLF.utf8))
        #expect(try directory.read("good.md") == HostileInput.fixedPost)
        let again = try CLIRunner.run(["fix", "--no-cache", "crlf.md"], in: directory.url)
        #expect(again.status == 0, "\(again.stdout)")
    }

    @Test func aStrayCRLFDoesNotTurnAnLFFileIntoCRLF() throws {
        // The first line break decides the file's line endings, as Prettier's `endOfLine: auto` does.
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n\n第一段。\r\n\n第二段 <!-- ad -->\n"
        try directory.write("mixed.md", post)
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "mixed.md"], in: directory.url)
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(try directory.read("mixed.md") == "---\ntitle: x\n---\n\n第一段。\n\n第二段 \n")
    }

    // MARK: Paths

    @Test func directoryNamedLikeAPostIsWalked() throws {
        let directory = try TemporaryDirectory()
        try directory.write("x.md/inner.md", HostileInput.dirtyPost)
        let walked = try CLIRunner.run(["check", "--no-cache", "."], in: directory.url)
        #expect(walked.status == 1)
        #expect(walked.stderr == "")
        #expect(walked.stdout.hasPrefix(HostileInput.firstFinding("./x.md/inner.md") + "\n"))
        let named = try CLIRunner.run(["check", "--no-cache", "x.md"], in: directory.url)
        #expect(named.stdout.hasPrefix(HostileInput.firstFinding("x.md/inner.md") + "\n"))
    }

    @Test func symbolicLinkLoopIsNamed() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.path("a.md"), withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: directory.path("b.md"), withDestinationPath: "a.md")
        try directory.write("good.md", HostileInput.dirtyPost)
        try expectRunReports(in: directory, errors: ["./a.md: error: symbolic link loop",
                                                     "./b.md: error: symbolic link loop"])
        let named = try CLIRunner.run(["check", "--no-cache", "a.md"], in: directory.url)
        #expect(named.status == 2)
        #expect(named.stderr == "a.md: error: symbolic link loop\n")
    }

    @Test func danglingSymbolicLinkIsNamedWithItsTarget() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.path("gone.md"), withDestinationPath: "deleted.md")
        try directory.write("good.md", HostileInput.dirtyPost)
        try expectRunReports(in: directory, errors: ["./gone.md: error: dangling symbolic link to 'deleted.md'"])
    }

    @Test func fifoIsNotOpened() throws {
        // Opening a FIFO for reading blocks until a writer comes; newslint must not even try.
        let directory = try TemporaryDirectory()
        #expect(mkfifo(directory.path("pipe.md"), 0o644) == 0)
        try directory.write("good.md", HostileInput.dirtyPost)
        let run = try BoundedRun.run(["check", "--no-cache", "."], in: directory.url, seconds: 30)
        #expect(!run.timedOut, "newslint blocked on a FIFO")
        #expect(run.result.status == 2)
        #expect(run.result.stderr == "./pipe.md: error: not a regular file (a FIFO)\n")
        #expect(run.result.stdout.hasPrefix(HostileInput.firstFinding("./good.md") + "\n"))
        let named = try BoundedRun.run(["check", "--no-cache", "pipe.md"], in: directory.url, seconds: 30)
        #expect(!named.timedOut)
        #expect(named.result.stderr == "pipe.md: error: not a regular file (a FIFO)\n")
    }

    @Test func unreadableFileIsNamed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("secret.md", HostileInput.dirtyPost)
        try directory.write("good.md", HostileInput.dirtyPost)
        #expect(chmod(directory.path("secret.md"), 0) == 0)
        var prefix: [String] = []
        if Machine.isRoot {
            // Root reads any file: run newslint as nobody, who owns everything but the unreadable file.
            guard let setpriv = Machine.setpriv else {
                try Test.cancel("root reads every file, and setpriv (util-linux) is missing to drop privileges")
            }
            prefix = Machine.asNobody(setpriv)
            #expect(chmod(directory.url.path, 0o777) == 0)
            #expect(chown(directory.path("good.md"), 65534, 65534) == 0)
        }
        let check = try BoundedRun.run(["check", "--no-cache", "."], in: directory.url, prefix: prefix)
        #expect(check.result.status == 2)
        #expect(check.result.stderr == "./secret.md: error: cannot read the file: permission denied\n")
        #expect(check.result.stdout.hasPrefix(HostileInput.firstFinding("./good.md") + "\n"))

        let fix = try BoundedRun.run(["fix", "--write", "--no-cache", "."], in: directory.url, prefix: prefix)
        #expect(fix.result.status == 2)
        #expect(fix.result.stderr == "./secret.md: error: cannot read the file: permission denied\n"
            + "1 file could not be fixed (see above).\n")
        #expect(try directory.read("good.md") == HostileInput.fixedPost)
        #expect(chmod(directory.path("secret.md"), 0o644) == 0)
        #expect(try directory.read("secret.md") == HostileInput.dirtyPost)
    }

    @Test func readOnlyFileIsNotRewritten() throws {
        // Decision: a file without any write bit is refused under --write, also for root (who could replace it).
        // Read-only marks a file as not to be changed; `fix` without --write still shows what would change.
        let directory = try TemporaryDirectory()
        try directory.write("locked.md", HostileInput.dirtyPost)
        try directory.write("good.md", HostileInput.dirtyPost)
        #expect(chmod(directory.path("locked.md"), 0o444) == 0)
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "."], in: directory.url)
        #expect(fix.status == 2)
        #expect(fix.stderr == "./locked.md: error: cannot write the file: the file is read-only (mode 0444)\n"
            + "1 file could not be fixed (see above).\n")
        #expect(try directory.read("locked.md") == HostileInput.dirtyPost)
        #expect(try directory.read("good.md") == HostileInput.fixedPost)
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path("locked.md"))[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o444)
        #expect(try directory.allEntries() == ["locked.md", "good.md"], "temporary files left")

        let diff = try CLIRunner.run(["fix", "--no-cache", "locked.md"], in: directory.url)
        #expect(diff.status == 1)
        #expect(diff.stdout.hasPrefix("--- a/locked.md\n+++ b/locked.md\n"))
    }

    /// Foundation's `deletingLastPathComponent` traps on a name of one character; a post named so (as
    /// pre-commit passes it, relative to the repository) is fixed like any other.
    @Test func postNamedWithOneCharacterIsWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.write("x", HostileInput.dirtyPost)
        try directory.write("新", HostileInput.dirtyPost)
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "x", "新"], in: directory.url)
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(try directory.read("x") == HostileInput.fixedPost)
        #expect(try directory.read("新") == HostileInput.fixedPost)
        #expect(try directory.allEntries() == ["x", "新"], "temporary files left")
    }

    @Test func fileDeletedDuringTheRunIsNamed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", HostileInput.dirtyPost)
        // Checking b.md takes a while, so c.md can be deleted after the file list is made and before it is read.
        try HostileInput.writeLargePost(directory.url.appendingPathComponent("b.md"), bytes: 2 * 1024 * 1024)
        try directory.write("c.md", HostileInput.dirtyPost)
        let run = try StreamingRun(["check", "--no-cache", "--jobs", "1", "."], in: directory.url)
        let started = run.waitForLine(within: 60) { $0 == HostileInput.firstFinding("./a.md") }
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("c.md"))
        let result = run.finish()
        #expect(started, "a.md was never reported: \(result.stdout) \(result.stderr)")
        #expect(result.status == 2)
        #expect(result.stderr == "./c.md: error: cannot read the file: no such file\n")
        #expect(result.stdout.contains("./b.md:4:1: warning: post body is raw HTML [html-body]\n"))
    }

    /// GitHub commands and SARIF results on standard output are written as files complete: a.md's are out while
    /// b.md is checked, before c.md is read.
    @Test(arguments: [("github", "::warning file=./a.md,line=6,col=1,title=html-body::"), ("sarif", "\"uri\" : \"./a.md\"")])
    func machineReportsStreamWhileTheRunGoesOn(format: String, firstLine: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", HostileInput.dirtyPost)
        try HostileInput.writeLargePost(directory.url.appendingPathComponent("b.md"), bytes: 2 * 1024 * 1024)
        try directory.write("c.md", HostileInput.dirtyPost)
        let run = try StreamingRun(["check", "--no-cache", "--jobs", "1", "--format", format, "."], in: directory.url)
        let started = run.waitForLine(within: 60) { $0.contains(firstLine) }
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("c.md"))
        let result = run.finish()
        #expect(started, "a.md was never reported: \(result.stdout) \(result.stderr)")
        #expect(result.status == 2)
        #expect(result.stderr == "./c.md: error: cannot read the file: no such file\n")
    }

    @Test func fileDeletedBeforeItsFixIsWrittenIsNotRecreated() throws {
        let directory = try TemporaryDirectory()
        // Two jobs fix a.md (seconds) and c.md (milliseconds) together; results are written in path order, so
        // c.md is read long before it is written, and is deleted in between.
        try HostileInput.writeLargePost(directory.url.appendingPathComponent("a.md"), bytes: 2 * 1024 * 1024)
        try directory.write("c.md", HostileInput.dirtyPost)
        FileAccess.markUnread(directory.path("c.md"))
        let run = try StreamingRun(["fix", "--write", "--no-cache", "--jobs", "2", "."], in: directory.url)
        let read = FileAccess.waitUntilRead(directory.path("c.md"), within: 60)
        try FileManager.default.removeItem(atPath: directory.path("c.md"))
        let result = run.finish()
        #expect(read, "c.md was never read: \(result.stderr)")
        #expect(result.status == 2)
        #expect(result.stderr == "./c.md: error: cannot write the file: the file was deleted while newslint was "
            + "running; not recreated\n1 file could not be fixed (see above).\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path("c.md")), "c.md was recreated")
        #expect(try directory.allEntries() == ["a.md"], "temporary files left")
        #expect(try directory.read("a.md").hasPrefix("---\ntitle: big\n---\n\n这是一段"))
    }

    // MARK: Fuzzer findings

    /// A minimised input the fuzzer (Fuzz/) found fixes without an error, a second fix changes nothing, and
    /// nothing fixable is left.
    @Test(arguments: ["fuzz-escaped-braces-title.md", "fuzz-unclosed-img-src.md", "fuzz-hotlinked-img-markdown.md",
                      "fuzz-escaped-style-tag.md", "fuzz-escaped-iframe-tag.md", "fuzz-angle-bracket-in-src.md",
                      "fuzz-placeholder-thumbnail-loop.md", "fuzz-nested-iframes.md", "fuzz-redirect-url-in-text.md",
                      "fuzz-img-src-broken-over-lines.md", "fuzz-hotlinked-img-in-quote.md",
                      "fuzz-editor-line-split-by-comment.md", "fuzz-control-character-in-img-src.md"])
    func fuzzerFindingFixesOnceAndForAll(_ name: String) throws {
        let directory = try TemporaryDirectory()
        try directory.writeBytes(name, try fixture(name))
        let knownIssue = Self.knownFuzzerIssues[name]
        try withKnownIssue(Comment(rawValue: knownIssue ?? "")) {
            let first = try CLIRunner.run(["fix", "--write", "--no-cache", name], in: directory.url)
            #expect(first.status != 2, "\(first.stderr)")
            let again = try CLIRunner.run(["fix", "--no-cache", name], in: directory.url)
            #expect(again.stdout == "", "fix is not idempotent")
            let check = try CLIRunner.run(["check", "--no-cache", name], in: directory.url)
            // "(0 fixable, 1 more with --unsafe-fixes)" is fine: unsafe fixes are not applied by default.
            #expect(check.stdout.range(of: #"\([1-9][0-9]* fixable"#, options: .regularExpression) == nil,
                    "\(check.stdout)")
        } when: {
            knownIssue != nil
        }
    }
}

extension HostileInputTests {
    /// The bugs minimised fuzzer inputs still show, by fixture, with the file the bug is in.
    static let knownFuzzerIssues: [String: String] = [:]
}

private extension HostileInputTests {
    /// Reads a small committed input from `Tests/Fixtures/hostile/`.
    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile/\(name)")))
    }

    /// Writes `bytes` as `bad.md` next to a dirty `good.md` and expects the rejection; returns the seconds
    /// the slower run took.
    @discardableResult
    func expectRejected(_ bytes: [UInt8], reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Double {
        let directory = try TemporaryDirectory()
        try directory.writeBytes("bad.md", bytes)
        return try expectRejected(in: directory, name: "bad.md", reason: reason, sourceLocation: sourceLocation)
    }

    /// Runs `check` and `fix --write` over `directory`, which holds the hostile file `name`: the file is named
    /// with `reason` and exit 2, a dirty `good.md` beside it is reported and fixed, and `name` keeps its bytes.
    @discardableResult
    func expectRejected(in directory: TemporaryDirectory, name: String, reason: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        try directory.write("good.md", HostileInput.dirtyPost)
        let before = try directory.bytes(name)
        let check = try BoundedRun.run(["check", "--no-cache", "."], in: directory.url)
        #expect(!check.timedOut, sourceLocation: sourceLocation)
        #expect(check.result.status == 2, sourceLocation: sourceLocation)
        #expect(check.result.stderr == "./\(name): error: \(reason)\n", sourceLocation: sourceLocation)
        #expect(check.result.stdout.hasPrefix(HostileInput.firstFinding("./good.md") + "\n"),
                "\(check.result.stdout)", sourceLocation: sourceLocation)

        let fix = try BoundedRun.run(["fix", "--write", "--no-cache", "."], in: directory.url)
        #expect(!fix.timedOut, sourceLocation: sourceLocation)
        #expect(fix.result.status == 2, sourceLocation: sourceLocation)
        #expect(fix.result.stderr == "./\(name): error: \(reason)\n1 file could not be fixed (see above).\n",
                sourceLocation: sourceLocation)
        #expect(try directory.read("good.md") == HostileInput.fixedPost, sourceLocation: sourceLocation)
        #expect(try directory.bytes(name) == before, "\(name) was changed", sourceLocation: sourceLocation)
        #expect(try directory.allEntries() == [name, "good.md"], "temporary files left", sourceLocation: sourceLocation)
        return max(check.seconds, fix.seconds)
    }

    /// Runs `check` and `fix --write` over `directory` and expects exactly `errors` on standard error, with
    /// `good.md` reported and fixed.
    func expectRunReports(in directory: TemporaryDirectory, errors: [String],
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        let check = try BoundedRun.run(["check", "--no-cache", "."], in: directory.url)
        #expect(check.result.status == 2, sourceLocation: sourceLocation)
        #expect(check.result.stderr == errors.map { $0 + "\n" }.joined(), sourceLocation: sourceLocation)
        #expect(check.result.stdout.hasPrefix(HostileInput.firstFinding("./good.md") + "\n"),
                sourceLocation: sourceLocation)
        let fix = try BoundedRun.run(["fix", "--write", "--no-cache", "."], in: directory.url)
        #expect(fix.result.status == 2, sourceLocation: sourceLocation)
        #expect(fix.result.stderr == errors.map { $0 + "\n" }.joined()
            + "\(errors.count) file\(errors.count == 1 ? "" : "s") could not be fixed (see above).\n",
                sourceLocation: sourceLocation)
        #expect(try directory.read("good.md") == HostileInput.fixedPost, sourceLocation: sourceLocation)
    }
}
