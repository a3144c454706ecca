import Foundation
import NewslintTestSupport
import Testing
@testable import NewslintCore

/// The emphasis simulation builds the legacy-punctuation scopes only when a text edge is classed apart by the
/// two punctuation definitions; the flankings it runs must be the ones building and comparing both gives.
@Suite struct EmphasisFlankingsTests {
    /// The reference: the scopes of both definitions, kept both when they differ.
    private func referenceFlankings(_ items: [EmphasisSimulation.Item]) -> [[[EmphasisSimulation.Run]]] {
        let current = EmphasisSimulation.scopes(items, isPunctuation: EmphasisFlanking.isPunctuation)
        let legacy = EmphasisSimulation.scopes(items, isPunctuation: EmphasisFlanking.isLegacyPunctuation)
        return legacy == current ? [current] : [current, legacy]
    }

    private static let pieces = [
        "a", "Z", "9", "字", " ", "\t", "\u{00A0}", "\u{3000}", ".", "(", ")", "_", "*", "$", "+", "^", "|", "€", "©",
        "→", "👍", "“", "”", "…", "，", "e\u{301}", "<em>", "</strong>",
        String(TemplateProtection.verbatimStart), String(TemplateProtection.verbatimEnd),
    ]

    @Test func shortcutAgreesWithBothScopesOnRandomItems() {
        var generator = SystemRandomNumberGenerator()
        var twoFlankings = 0
        for _ in 0..<6000 {
            var items: [EmphasisSimulation.Item] = []
            var pair = 0
            for _ in 0..<Int.random(in: 1...10, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: items.append(.scopeStart)
                case 1: items.append(.scopeEnd)
                case 2...5:
                    let text = Self.pieces.randomText(count: 1...3, using: &generator)
                    items.append(.text(EmphasisSimulation.TextEdges(text)))
                default:
                    let run = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                        pair += 1
                        return EmphasisSimulation.Delimiter(
                            pair: Int.random(in: 0..<pair, using: &generator), strong: Bool.random(using: &generator),
                            opening: Bool.random(using: &generator))
                    }
                    items.append(.run(run))
                }
            }
            let expected = referenceFlankings(items)
            if expected.count == 2 { twoFlankings += 1 }
            #expect(EmphasisSimulation.distinctFlankings(items) == expected)
        }
        // The shortcut is tested only if many item lists need both flankings.
        #expect(twoFlankings > 200, "\(twoFlankings)")
    }

    /// Items read from the lines of the posts: the text between `*` runs, and each run's stars as delimiters.
    @Test func shortcutAgreesWithBothScopesOnThePosts() throws {
        let directories = [RepositoryPaths.path("Examples"), RepositoryPaths.path("../shared/corpus/posts")]
        var lines = 0
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let items = Self.items(String(line))
                    #expect(EmphasisSimulation.distinctFlankings(items) == referenceFlankings(items), "\(name)")
                    lines += 1
                }
            }
        }
        #expect(lines > 0)
    }

    private static func items(_ line: String) -> [EmphasisSimulation.Item] {
        var items: [EmphasisSimulation.Item] = []
        var pair = 0
        for (index, part) in line.split(separator: "*", omittingEmptySubsequences: false).enumerated() {
            if index > 0 {
                pair += 1
                items.append(.run([EmphasisSimulation.Delimiter(pair: pair / 2, strong: false, opening: pair % 2 == 1)]))
            }
            if !part.isEmpty { items.append(.text(EmphasisSimulation.TextEdges(String(part)))) }
        }
        return items
    }
}
