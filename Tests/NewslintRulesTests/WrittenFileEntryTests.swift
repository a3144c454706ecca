import Foundation
import NewslintCore
import Testing

/// The cache entry `fix` stores for the file it writes holds what checking that file gives: the same findings
/// and the same excerpt lines, for every real post, with LF and with CRLF line breaks.
@Suite struct WrittenFileEntryTests {
    @Test(arguments: CorpusPropertyTests.posts)
    func entryOfTheWrittenFileIsItsCheck(_ url: URL) throws {
        let original = try String(contentsOf: url, encoding: .utf8)
        for (variant, text) in [("LF", original), ("CRLF", original.replacingOccurrences(of: "\n", with: "\r\n"))] {
            let name = url.lastPathComponent
            let fix = try PostFixing.fix(text, path: name)
            guard let entry = ResultCache.Entry(writtenBy: fix, path: name) else {
                #expect(!fix.changed, "\(name) (\(variant)): no entry for a changed file")
                continue
            }
            let check = PostFixing.linter.process(bytes: Array(fix.output.utf8), path: name, fixing: false, unsafe: false)
            #expect(entry.findings == check.findings, "\(name) (\(variant))")
            #expect(entry.lines == check.lines, "\(name) (\(variant))")
        }
    }
}
