import Foundation
import Testing
@testable import NewslintCore

/// The required literal of a pattern: only text every match contains, and none where that is not certain.
@Suite struct PatternLiteralTests {
    @Test(arguments: [
        ("^https?://picsum\\.photos/", "://picsum.photos/"),
        ("^https?://source\\.unsplash\\.com/(?:random|featured)", "://source.unsplash.com/"),
        ("^https?://[^?#]*/undefined(?:[?#].*)?$", "/undefined"),
        ("36氪经授权发布。?$", "36氪经授权发布"),
        ("^本文(?:为|系).{0,30}原创.{0,30}转载", "本文"),
        ("^责任编辑[：:]", "责任编辑"),
        ("ab+cdef", "cdef"),
        ("abc{2}xy", "abc"),
        ("a\\.b\\/c\\-d", "a.b/c-d"),
        ("xx\\d+yyyy", "yyyy"),
        ("[(]ab[)]def", "def"),
        ("[a-z&&[^q]]long", "long"),
        ("((?:a|b)c)literal", "literal"),
        ("abc{0,3}de", "de\u{0}"),
    ])
    func longestRequiredRun(pattern: String, expected: String) {
        // "de\0" marks an expected nil: "ab" and "de" are shorter than three bytes.
        let wanted: [UInt8]? = expected.hasSuffix("\u{0}") ? nil : Array(expected.utf8)
        #expect(PatternLiteral.required(in: pattern) == wanted, "\(pattern)")
    }

    @Test(arguments: [
        "abc|def", "(?i)abcdef", "(?=abc)abcdef", "\\Qabc\\E", "abc\\x{41}def", "\\p{L}abcdef", "abc\\1def",
        "abc(def", "abc[def", "abc)def", "abc{x}def", "*abc", "abc\\u0041", "\\U00000041abc",
        // `\c` takes the next character whatever it is, so these brackets do not close what they seem to.
        "[\\c]abc[\\c\\]]", "(\\c)abc(\\c\\))?", "(\\x{29})abcdef",
    ])
    func givesUpOnWhatItDoesNotRead(pattern: String) {
        #expect(PatternLiteral.required(in: pattern) == nil, "\(pattern)")
    }

    /// Random patterns from pieces the scanner reads and pieces it must give up on, against the regex engine
    /// on random texts: a text the regex matches always contains the literal.
    @Test func randomPatternsNeverRejectAMatch() throws {
        let pieces = ["a", "b", "c", "ab", "\\.", "\\]", "\\)", "\\c", "\\c]", "\\s", "\\d", "[ab]", "[^a]", "[]a]",
                      "[\\]]", "(a|b)", "(?:ab)", "(?:a)?", "?", "*", "+", "{0,2}", "{1,2}", ".", "^", "$", "[a[b]]", ")",
                      "(", "]", "[", "\\c\\]", "\\c\\)", "x", "\\x{61}", "\\Qa\\E", "(?i)", "|"]
        let checked = Self.checkMatches(of: pieces) { pattern in
            PatternLiteral.required(in: pattern, minimumBytes: 1).map { [String(decoding: $0, as: UTF8.self)] }
        }
        #expect(checked > 100)
    }

    /// Patterns of 1 to 7 random `pieces`, each tried on 40 random texts: every text the regex matches holds one
    /// of the needles `needles` gives for the pattern (nil: the pattern is skipped). Returns the matches checked.
    static func checkMatches(of pieces: [String], needles: (String) -> [String]?) -> Int {
        let alphabet = Array("abcx.])( \n1")
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<4_000 {
            let pattern = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            guard let wanted = needles(pattern), let expression = try? NSRegularExpression(pattern: pattern) else {
                continue
            }
            for _ in 0..<40 {
                let text = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement()! })
                guard expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else {
                    continue
                }
                checked += 1
                #expect(wanted.contains { text.contains($0) }, "\(pattern) matches '\(text)' without any of \(wanted)")
            }
        }
        return checked
    }

    /// Every built-in pattern over every line of the examples and the corpus (when beside the checkout): the
    /// literal filter turns away only lines the regex does not match.
    @Test func builtInPatternsMatchLikeTheRegexOverRealLines() throws {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        var sources = Set<String>()
        for profile in profiles {
            for pattern in profile.creditLinePatterns + profile.editorLinePatterns + profile.placeholderThumbnails {
                sources.insert(pattern.source)
            }
        }
        #expect(sources.contains { PatternLiteral.required(in: $0) != nil })
        var lines = Set<String>()
        for folder in Self.postFolders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".md") {
                guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
                for line in text.split(separator: "\n") {
                    lines.insert(String(line))
                    // Front-matter values, as the placeholder rule sees them.
                    if let colon = line.firstIndex(of: ":") {
                        lines.insert(line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " '\"")))
                    }
                }
            }
        }
        var matched = 0
        for source in sources {
            let pattern = try CompiledPattern(source)
            let expression = try NSRegularExpression(pattern: source)
            for line in lines {
                let expected = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
                if expected { matched += 1 }
                #expect(pattern.matches(line) == expected, "\(source) on '\(line)'")
            }
        }
        #expect(matched > 20, "too few lines match a built-in pattern for the test to mean anything")
    }

    @Test(arguments: [
        ("^[^（(]{0,12}[（(](图自|图片来自|来自|via)[：: ]", ["图自", "来自", "via"]),
        ("(?:ab|abc)\\.xyz", [".xyz"]),
        ("(?:abc|abd)x", ["abc", "abd"]),
        ("(abc|abc)", ["abc"]),
        ("(?:a|bc)defg", ["defg"]),
        ("(abc|bcd){2}", ["abc", "bcd"]),
        ("x(abc|abd)?y", []),
        ("(abc|)d", []),
        ("(ab[c]|abd)", []),
        ("(abc|a.c)", []),
        ("abc|abd", []),
        ("((abc|abd))", []),
        ("(?=abc)(abc|abd)", []),
    ])
    func requiredAlternatives(pattern: String, expected: [String]) {
        let wanted = expected.isEmpty ? nil : expected.map { Array($0.utf8) }
        #expect(PatternLiteral.requiredAlternatives(in: pattern) == wanted, "\(pattern)")
    }

    /// As `randomPatternsNeverRejectAMatch`, for the alternatives: a text the regex matches contains one.
    @Test func randomPatternsNeverRejectAMatchByAlternatives() throws {
        let pieces = ["a", "b", "c", "ab", "\\.", "\\)", "\\s", "[ab]", "[^a]", "(a|b)", "(ab|c)", "(?:a|bc)", "(a|)",
                      "(x|ab)+", "(a|b)?", "(\\.|a)", "(a|b){2}", "(a|b){0,2}", "(a(b|c))", "(a|b|ab)", "?", "*", "+",
                      "{0,2}", "{1,2}", ".", "^", "$", ")", "(", "]", "[", "x", "(?i)", "|", "(?=a)"]
        let checked = Self.checkMatches(of: pieces) { pattern in
            PatternLiteral.requiredAlternatives(in: pattern, minimumBytes: 1)?.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(checked > 100)
    }

    /// Each built-in profile's credit lines as a list (first scalars merged, required alternatives) over every
    /// line of the examples and the corpus: the candidates hold a pattern that matches exactly when one does.
    @Test func builtInCreditListsMatchLikeTheRegexOverRealLines() throws {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        #expect(profiles.contains { profile in
            profile.creditLinePatterns.contains { PatternLiteral.requiredAlternatives(in: $0.source) != nil }
        })
        var lines = Set<String>(["（图自：Microsoft 官网）", "截图（来自：GitHub）", "资料图(via: Samsung)", "图片来自"])
        for folder in Self.postFolders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".md") {
                guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
                for line in text.split(separator: "\n") {
                    lines.insert(String(line))
                    // The text between tags, as the credit-line rule reads an HTML body's lines.
                    for piece in line.split(separator: "<") {
                        guard let end = piece.firstIndex(of: ">") else { continue }
                        lines.insert(String(piece[piece.index(after: end)...]))
                    }
                }
            }
        }
        var matched = 0
        for profile in profiles {
            let expressions = try profile.creditLinePatterns.map { try NSRegularExpression(pattern: $0.source) }
            for line in lines {
                let range = NSRange(line.startIndex..., in: line)
                let expected = expressions.contains { $0.firstMatch(in: line, range: range) != nil }
                if expected { matched += 1 }
                let found = profile.creditLines.candidates(for: line).contains { $0.matchesPrefiltered(line) }
                #expect(found == expected, "\(profile.name) on '\(line)'")
            }
        }
        #expect(matched > 20, "too few lines match a credit pattern for the test to mean anything")
    }

    static var postFolders: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return [root.appendingPathComponent("Examples").path,
                ProcessInfo.processInfo.environment["NEWSLINT_CORPUS"]
                    ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus/posts").path]
    }
}
