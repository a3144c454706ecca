import Foundation
import Testing
@testable import NewslintCore

/// The prefilter may only turn away text the regular expression would not match.
@Suite struct PatternPrefilterTests {
    @Test(arguments: [
        ("^本文由\\s*@?\\S.{0,40}?原创发布于", "本"),
        ("^(?:作者|来源|出处)\\s*[|｜]", "作来出"),
        ("^(?:文章|本文)?来源\\s*[：:]", "文本来"),
        ("^责任编辑[：:]", "责"),
        ("^https://picsum\\.photos/", "h"),
        ("^\\(图\\)|^【编者按】", "(【"),
        ("^a?b*c+d", "abc"),
        ("^(a|b{0,2})c", "abc"),
    ])
    func firstScalarsOfAnchoredPatterns(pattern: String, expected: String) {
        #expect(PatternPrefilter.firstScalars(of: pattern) == Set(expected.unicodeScalars))
    }

    @Test(arguments: [
        "来源", "/undefined$", "^.x", "^[ab]c", "^\\s*来源", "^(?i)abc", "^a|b", "^(?=a)a", "^a?", "^(a|)b?", "^\\d+",
    ])
    func givesUpWhereTheFirstScalarIsOpen(pattern: String) {
        #expect(PatternPrefilter.firstScalars(of: pattern) == nil)
    }

    /// Every built-in pattern, over lines that start with each of its literal characters and more.
    @Test func prefilteredPatternsMatchLikeTheRegex() throws {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        let patterns = profiles.flatMap { $0.creditLinePatterns + $0.editorLinePatterns + $0.placeholderThumbnails }
        #expect(patterns.contains { PatternPrefilter.firstScalars(of: $0.source) != nil })
        let lines = [
            "本文由 @山水 原创发布于人人都是产品经理，未经许可，禁止转载。", "作者 | 某团队", "来源：游戏葡萄", "文章来源：新华社",
            "责任编辑：刘万里 SF014", "编者按：本文来自微信公众号", "原文链接", "正文第一段。", "", " 来源：空格开头",
            "https://picsum.photos/200", "\u{FEFF}来源：", "本文来自36氪",
        ]
        for pattern in patterns {
            let expression = try NSRegularExpression(pattern: pattern.source)
            for line in lines {
                let expected = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
                #expect(pattern.matches(line) == expected, "\(pattern.source) on '\(line)'")
            }
        }
    }

    /// A pattern list merges its patterns' first-scalar prefilters: for every site's credit lines, it offers the
    /// patterns whose own prefilters (and required alternatives, for a pattern without them) let a line through,
    /// over the lines of the corpus and of the examples.
    @Test func patternListOffersThePatternsWhosePrefiltersPass() throws {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        let folders = ["../shared/corpus/posts", "Examples"].map { URL(fileURLWithPath: $0) }
        var lines = ["", " ", "来源：游戏葡萄", "36氪经授权发布。", "The Telegram Team", "（图自：官网）", "原文：https://a.b"]
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                lines += text.split(separator: "\n").map(String.init)
            }
        }
        #expect(lines.count > 1000)
        for profile in profiles {
            let list = profile.creditLines
            for line in lines {
                let expected = list.patterns.filter { $0.mayMatch(line) && $0.mayMatchAlternatives(line) }.map(\.source)
                #expect(list.candidates(for: line).map(\.source).sorted() == expected.sorted(), "\(profile.name): \(line)")
            }
        }
    }
}
