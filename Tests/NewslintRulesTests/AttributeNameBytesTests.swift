import Foundation
import NewslintCore
import NewslintDOM
@testable import NewslintRules
import Testing

/// The attribute-name prefilters read names as bytes in place (`Node.containsAttributeName(where:)`) where the
/// rules made a lower-cased `String` of every name (`Node.attributeNames`). Each prefilter must let through every
/// element that the string test it guards accepts; the string tests are kept here as the references, and checked
/// over every element of the example and corpus posts and of generated documents with odd names (capitals, bytes
/// beyond ASCII, a KELVIN SIGN that lower-cases to `k`).
@Suite struct AttributeNameBytesTests {
    // MARK: References: the string tests the rules made before the prefilters

    static func referenceHasVueAttribute(_ node: Node) -> Bool {
        node.attributeNames.contains(where: { $0.hasPrefix("data-v-") })
    }

    static let referenceURLAttributes = ["href", "src", "action", "formaction", "data", "poster", "background",
                                         "xlink:href"]

    static func referenceIsEventAttribute(_ name: String) -> Bool {
        name.count > 2 && name.hasPrefix("on") && name.dropFirst(2).allSatisfy { $0.isASCII && $0.isLetter }
    }

    static func referenceHasUnsafeAttribute(_ node: Node) -> Bool {
        node.attributeNames.contains { referenceIsEventAttribute($0) || referenceURLAttributes.contains($0) }
    }

    /// `SiteProfile.isPresentationalAttribute` for a list of configured attributes, as the profile splits it.
    static func referenceIsPresentational(_ attributes: [String]) -> (String) -> Bool {
        let names = Set(attributes.filter { !$0.hasSuffix("*") })
        let prefixes = attributes.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
        return { name in names.contains(name) || prefixes.contains { name.hasPrefix($0) } }
    }

    // MARK: Tests

    @Test func namesReadInPlaceAreTheNamesAttributeNamesGives() throws {
        var compared = 0
        for node in try Self.elements() {
            var read: [[UInt8]] = []
            #expect(!node.containsAttributeName { read.append(Array($0)); return false })
            let names = node.attributeNames
            #expect(read.count == names.count)
            for (bytes, name) in zip(read, names) where bytes.allSatisfy({ $0 < 0x80 }) {
                #expect(String(decoding: bytes.map(\.asciiLowercased), as: UTF8.self) == name)
                compared += 1
            }
            if let last = read.last {
                var calls = 0
                #expect(node.containsAttributeName { calls += 1; return $0.elementsEqual(last) })
                #expect(calls <= read.count)
            }
        }
        #expect(compared > 1_000)
    }

    @Test func vuePrefilterPassesEveryElementWithADataVAttribute() throws {
        var matched = 0, skipped = 0
        for node in try Self.elements() {
            let passes = node.containsAttributeName(where: PageChromeRule.isPossibleVueAttribute)
            let expected = Self.referenceHasVueAttribute(node)
            #expect(!expected || passes, "<\(node.name)> \(node.attributeNames)")
            if expected { matched += 1 }
            if !passes { skipped += 1 }
        }
        #expect(matched > 0 && skipped > 1_000)
    }

    @Test func unsafeAttributePrefilterKeepsEveryEventAndAddressAttribute() throws {
        var matched = 0, skipped = 0
        let isUnsafe = { (name: String) in
            Self.referenceIsEventAttribute(name) || Self.referenceURLAttributes.contains(name)
        }
        for node in try Self.elements() {
            let kept = node.attributeNames(where: UnsafeHTMLRule.mayBeUnsafeAttribute)
            let expected = node.attributeNames.filter(isUnsafe)
            #expect(kept.filter(isUnsafe) == expected, "<\(node.name)> \(node.attributeNames)")
            matched += expected.count
            skipped += node.attributeNames.count - kept.count
        }
        #expect(matched > 0 && skipped > 1_000)
    }

    @Test func addressPrefilterPassesEveryElementWithAnHrefOrSrc() throws {
        var matched = 0, skipped = 0
        for node in try Self.elements() {
            let passes = node.containsAttributeName(where: ProtocolRelativeURLRule.mayBeAddressAttribute)
            let expected = node.attribute("href") != nil || node.attribute("src") != nil
            #expect(!expected || passes, "<\(node.name)> \(node.attributeNames)")
            if expected { matched += 1 }
            if !passes { skipped += 1 }
        }
        #expect(matched > 0 && skipped > 1_000)
    }

    @Test func presentationalFilterKeepsEveryPresentationalAttribute() throws {
        let catalog = ExampleRunner.catalog
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap(catalog.profile(id:))
        let elements = try Self.elements()
        for profile in profiles {
            let filter = PresentationalAttributeFilter.of(profile)
            for node in elements {
                let kept = node.attributeNames(where: filter.mayBePresentational)
                #expect(kept.filter(profile.isPresentationalAttribute)
                            == node.attributeNames.filter(profile.isPresentationalAttribute),
                        "\(profile.id) <\(node.name)> \(node.attributeNames)")
            }
        }
        var lists = profiles.map(\.presentationalAttributes)
        lists += [["style", "DATA-V-*", "on*"], ["k", "ak", "a\u{212A}"], ["*"], ["st\u{E9}yle", "style"],
                  ["s*", "x-y"], ["ak", "k*"], []]
        var matched = 0, skipped = 0
        for list in lists {
            let filter = PresentationalAttributeFilter(list)
            let isPresentational = Self.referenceIsPresentational(list)
            for node in elements {
                let kept = node.attributeNames(where: filter.mayBePresentational)
                let expected = node.attributeNames.filter(isPresentational)
                #expect(kept.filter(isPresentational) == expected, "\(list) <\(node.name)> \(node.attributeNames)")
                matched += expected.count
                skipped += node.attributeNames.count - kept.count
            }
        }
        #expect(matched > 0 && skipped > 1_000)
    }

    /// `attributeNames(where:)` is `attributeNames` filtered by the predicate on each name's bytes.
    @Test func namesKeptByAPredicateAreTheFilteredAttributeNames() throws {
        let predicates: [(UnsafeBufferPointer<UInt8>) -> Bool] = [
            { _ in true }, { _ in false }, { $0.first.map { $0 % 2 == 0 } ?? false },
            { $0.contains { $0 >= 0x80 } }, { $0.count > 5 },
        ]
        for node in try Self.elements() {
            var read: [[UInt8]] = []
            _ = node.containsAttributeName { read.append(Array($0)); return false }
            for predicate in predicates {
                let expected = zip(read, node.attributeNames)
                    .filter { bytes, _ in bytes.withUnsafeBufferPointer(predicate) }.map(\.1)
                #expect(node.attributeNames(where: predicate) == expected, "<\(node.name)> \(node.attributeNames)")
            }
        }
    }

    // MARK: Inputs

    /// Every element of the example and corpus posts, and of generated documents.
    static func elements() throws -> [Node] {
        let posts = Repository.examplePosts + Repository.corpusPosts
        return try posts.flatMap(SelectorIndexTests.elements(of:)) + generatedElements(count: 3_000)
    }

    /// Elements with one to four attributes whose names are made of pieces of the names the rules look for, in
    /// either case, and of bytes beyond ASCII, half of them with one more set after parsing (which keeps capitals);
    /// the generator is seeded, so failures repeat.
    static func generatedElements(count: Int) throws -> [Node] {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["on", "ON", "oN", "o", "n", "click", "data-v-", "DATA-V-", "Data-v", "-", "data", "v", "style",
                      "STYLE", "cms-", "href", "HREF", "src", "xlink:", "x", "k", "A", "a", "\u{212A}", "\u{E9}",
                      "\u{C9}", "\u{6587}", "s", "1", "Src", "SRC", "hReF"]
        func name() -> String {
            (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        var html = ""
        for _ in 0..<count {
            html += "<span"
            for index in 0..<Int.random(in: 1...4, using: &generator) { html += " \(name())=\"\(index)\"" }
            html += ">t</span>\n"
        }
        let document = try HTMLDocument(html: "<div>\(html)</div>")
        let elements = document.body.descendants.filter(\.isElement)
        // The parser lower-cases the names it reads; a fix may set any name, capitals included.
        for element in elements where Bool.random(using: &generator) { element.setAttribute(name(), "set") }
        return elements
    }
}
