import Testing
@testable import NewslintDOM

@Suite struct TagNamesTests {
    /// Every element and ancestor test answers as a `Set<String>` of `Node.name`s would, including names that
    /// share a first letter or a prefix (`b`, `br`, `blockquote`), and upper-case tags in the source.
    @Test func elementTestsAgreeWithNameSets() throws {
        let names = ["b", "br", "blockquote", "p", "pre", "h1", "x-widget"]
        let tags = TagNames(names)
        let html = """
            <DIV><B>一</B><BR><blockquote><P>二<bdi>三</bdi></P></blockquote><pre>四</pre><x-widget><h1>五</h1>\
            </x-widget><h2>六</h2><big>七</big></DIV>
            """
        let document = try HTMLDocument(html: html)
        for node in document.body.descendants {
            #expect(node.isElement(tags) == (node.isElement && names.contains(node.name)), "\(node.name)")
            let expected = node.ancestors.contains { names.contains($0.name) }
            #expect(node.hasAncestor(named: tags) == expected, "\(node.name) \(node.textContent)")
        }
    }

    @Test func containsComparesWholeNames() {
        let tags: TagNames = ["br", "blockquote"]
        #expect(tags.contains("br"))
        #expect(tags.contains("blockquote"))
        #expect(!tags.contains("b"))
        #expect(!tags.contains("brr"))
        #expect(!tags.contains(""))
    }

    @Test func singleNamesAreComparedInPlace() throws {
        let document = try HTMLDocument(html: "<div><IMG src=a.jpg><img2></img2><im></im></div>")
        let names = document.body.descendants.filter { $0.isElement(named: "img") }.map(\.name)
        #expect(names == ["img"])
    }

    /// On random sets of random names (shared first letters and prefixes, upper case in the source, names past
    /// ASCII), element, ancestor and string tests answer as a set of strings does.
    @Test func randomNamesAgreeWithNameSets() throws {
        let letters = ["a", "b", "p", "r", "e", "1", "-", "é", "中"]
        var generator = SystemRandomNumberGenerator()
        func randomName() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<300 {
            let names = (0..<Int.random(in: 0...6, using: &generator)).map { _ in randomName() }
            let tags = TagNames(names)
            let elements = (0..<8).map { _ in randomName() }.filter { $0.first!.isLetter }
            let html = elements.map { "<\($0.uppercased())>x" }.joined() + elements.reversed().map { "</\($0)>" }.joined()
            let document = try HTMLDocument(html: "<div>" + html + "</div>")
            for node in document.body.descendants {
                #expect(node.isElement(tags) == (node.isElement && names.contains(node.name)), "\(names) \(node.name)")
                #expect(node.hasAncestor(named: tags) == node.ancestors.contains { names.contains($0.name) }, "\(names)")
            }
            for name in elements + names + ["", "a\u{0}"] {
                #expect(tags.contains(name) == names.contains(name), "\(names) \(name.debugDescription)")
            }
        }
    }
}
