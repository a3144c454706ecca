import Foundation
import NewslintCore
import NewslintDOM
@testable import NewslintRules
import Testing

/// `SelectorIndex` tests an element only against the selectors that can match its tag; it must give the first
/// match in list order that testing every selector gives, over every element of the example and corpus posts.
@Suite struct SelectorIndexTests {
    static let posts: [URL] = Repository.examplePosts + Repository.corpusPosts

    @Test func indexedListsGiveTheFirstMatchOfTheListOnEveryPost() throws {
        let lists = try Self.profileLists() + Self.randomLists(count: 40)
        let indexes = lists.map(SelectorIndex.init)
        var matched = 0
        for url in Self.posts {
            for node in try Self.elements(of: url) {
                for (list, index) in zip(lists, indexes) {
                    let expected = list.firstIndex { $0?.matches(node) == true }
                    #expect(index.firstIndex(matching: node) == expected,
                            "\(url.lastPathComponent) <\(node.name)>: \(list.map { $0?.source ?? "nil" })")
                    if expected != nil { matched += 1 }
                }
            }
        }
        #expect(matched > 0)
    }

    @Test func nilPlacesNeverMatchAndNonElementsMatchNothing() throws {
        let document = try HTMLDocument(html: #"<div class="a">text</div>"#)
        let div = try #require(document.body.descendants.first { $0.name == "div" })
        let text = try #require(div.firstChild)
        let index = SelectorIndex([nil, try Selector("span, .a"), try Selector("div")])
        #expect(index.firstIndex(matching: div) == 1)
        #expect(index.firstIndex(matching: text) == nil)
    }

    /// The selector lists of every built-in profile, as the rules use them.
    static func profileLists() throws -> [[Selector?]] {
        let catalog = ExampleRunner.catalog
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap(catalog.profile(id:))
        return profiles.flatMap { profile -> [[Selector?]] in
            let lists: [[Selector]] = [profile.promoBlocks.map(\.selector), profile.pageChromeSelectors,
                                       profile.boldSelectors, profile.italicSelectors, profile.captionSelectors,
                                       profile.unwrapSelectors]
            return lists.map { $0.map(Optional.some) } + [profile.relatedBlocks.map(\.selector)]
        }
    }

    /// Lists of random selectors over common tags, classes and attributes, some with several alternatives and
    /// descendant chains, some with places that never match; the generator is seeded, so failures repeat.
    static func randomLists(count: Int) throws -> [[Selector?]] {
        var generator = SeededGenerator(seed: 7)
        let tags = ["", "", "*", "div", "p", "span", "a", "img", "font", "section", "h2", "li", "input", "DIV"]
        let refinements = [
            "", "", ".img_wrapper", ".copy-code-btn", ".appendQr_wrap", ".anchor", "#content", "[href]", "[style]",
            "[type=hidden]", "[style*=center]", "[style*=undefinedpx]", "[class~=wp-caption]", "[href^=https]",
            "[cms-style~=strong-Bold]", "[data-v-7be936cf]", "[align=center]", "[class]",
        ]
        func compound() -> String {
            let compound = tags.randomElement(using: &generator)! + refinements.randomElement(using: &generator)!
            return compound.isEmpty ? "*" : compound
        }
        func alternative() -> String {
            (0..<Int.random(in: 1...2, using: &generator)).map { _ in compound() }.joined(separator: " ")
        }
        return try (0..<count).map { _ in
            try (0..<Int.random(in: 1...8, using: &generator)).map { _ -> Selector? in
                guard Int.random(in: 0..<10, using: &generator) > 0 else { return nil }
                let alternatives = (0..<Int.random(in: 1...2, using: &generator)).map { _ in alternative() }
                return try Selector(alternatives.joined(separator: ", "))
            }
        }
    }

    static func elements(of url: URL) throws -> [Node] {
        let post = try PostReader.read(text: try String(contentsOf: url, encoding: .utf8), path: url.lastPathComponent)
        guard post.bodyFormat == .html else { return [] }
        return try HTMLBody.parse(post.body).body.descendants.filter(\.isElement)
    }
}

/// A small deterministic generator (SplitMix64), so that random cases repeat from run to run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
