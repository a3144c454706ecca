import Foundation
import NewslintCore
import Testing

/// Whole-post snapshots of the bundled examples: the fixed Markdown and the findings report.
///
/// Review changes to `Snapshots/` like code. Regenerate with `NEWSLINT_UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite struct SnapshotTests {
    @Test(arguments: Repository.examplePosts.map(\.lastPathComponent))
    func examplePostMatchesSnapshot(_ name: String) throws {
        let text = try String(contentsOf: Repository.url("Examples/\(name)"), encoding: .utf8)
        let result = try PostFixing.fix(text, path: name)
        let report = result.findings.map { TextReporter.line(for: $0, path: name) }.joined(separator: "\n") + "\n"
        let base = name.replacingOccurrences(of: ".md", with: "")
        try compare(result.output, snapshot: "\(base).fixed.md")
        try compare(report, snapshot: "\(base).findings")
    }

    private func compare(_ actual: String, snapshot: String) throws {
        let url = Repository.url("Tests/NewslintRulesTests/Snapshots/\(snapshot)")
        if Repository.updatingSnapshots {
            try actual.write(to: url, atomically: false, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(snapshot) differs; review and run with NEWSLINT_UPDATE_SNAPSHOTS=1")
    }
}

/// The seed post's fixed output keeps what the product promises about it.
@Suite struct SeedTests {
    static let name = "sina-finance-2022-01-04.md"

    @Test func fixedSeedKeepsTheArticleAndDropsTheLeftovers() throws {
        let original = try String(contentsOf: Repository.url("Examples/\(Self.name)"), encoding: .utf8)
        let fixed = try PostFixing.fix(original, path: Self.name).output
        for key in ["title:", "categories:", " - 金融", " - 新浪财经", " - 新浪财经－国內", "author:", "date:"] {
            let originalLine = original.split(separator: "\n").first { $0.hasPrefix(key) }
            #expect(originalLine != nil && fixed.contains(originalLine! + "\n"), "front-matter line \(key) changed")
        }
        let paragraphs = try HTMLParagraphs.texts(ofBody: original).filter { !$0.contains("举报") }
        #expect(paragraphs.count == 10, "nine article paragraphs and the editor line")
        for paragraph in paragraphs {
            let cleaned = paragraph.trimmingCharacters(in: CharacterSet(charactersIn: "\u{3000} \n"))
            #expect(fixed.contains("\n" + cleaned + "\n"), "paragraph missing or changed: \(cleaned.prefix(20))")
        }
        let body = fixed.components(separatedBy: "\n---\n").last ?? ""
        let lastParagraph = body.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").last
        #expect(lastParagraph == "责任编辑：刘万里 SF014")
        for leftover in ["<!--", "<style", "<font", "cms-style", "海量资讯", "举报/反馈", "&#123;", "\u{3000}"] {
            #expect(!body.contains(leftover), "leftover \(leftover) in the fixed body")
        }
        #expect(fixed.hasSuffix("SF014\n"))
    }
}
