import Testing
@testable import NewslintDOM

@Suite struct HTMLDocumentTests {
    @Test func nodeOutlivesItsDocumentVariable() throws {
        var node: Node?
        do {
            let document = try HTMLDocument(html: "<div><p>保留</p></div>")
            node = document.body.descendants.first { $0.name == "p" }
        }
        #expect(node?.textContent == "保留")
    }

    @Test func removedNodeStaysReadableUntilTheDocumentGoes() throws {
        let document = try HTMLDocument(html: "<div><p id=\"a\">一</p><p>二</p></div>")
        let first = try #require(document.body.descendants.first { $0.attribute("id") == "a" })
        first.remove()
        #expect(!first.isAttached)
        #expect(first.textContent == "一")
        #expect(document.body.innerHTML == "<div><p>二</p></div>")
    }

    @Test func nonASCIITextRoundTrips() throws {
        let html = "<div><p>中文、日本語、한국어 & emoji ✌️ — “quotes”</p></div>"
        let document = try HTMLDocument(html: html)
        #expect(document.body.textContent == "中文、日本語、한국어 & emoji ✌️ — “quotes”")
        #expect(document.body.innerHTML == "<div><p>中文、日本語、한국어 &amp; emoji ✌️ — “quotes”</p></div>")
    }

    @Test func linesAreRecordedPerNode() throws {
        let document = try HTMLDocument(html: "<div>\n<p>one</p>\n\n<p>two</p>\n<!-- c -->\n</div>")
        let paragraphs = document.body.descendants.filter { $0.name == "p" }
        #expect(paragraphs.map(\.line) == [2, 4])
        #expect(document.body.descendants.first(where: \.isComment)?.line == 5)
    }

    @Test func headContentMovesBackIntoBody() throws {
        let document = try HTMLDocument(html: "<!-- top --><style>.a{}</style><p>text</p>")
        let names = document.body.children.map(\.name)
        #expect(names == ["#comment", "style", "p"])
    }

    @Test func unwrapKeepsChildrenInPlace() throws {
        let document = try HTMLDocument(html: "<p>a<font>b<b>c</b></font>d</p>")
        try #require(document.body.descendants.first { $0.name == "font" }).unwrap()
        #expect(document.body.innerHTML == "<p>ab<b>c</b>d</p>")
    }

    /// A text node put next to another text node keeps its own place and stays readable: libxml2's insertion
    /// functions merge the two and free the one inserted, which left its handle pointing at freed memory.
    @Test func textNodesPutSideBySideStayTheirOwn() throws {
        let document = try HTMLDocument(html: "<p>一<b>x</b>二</p><div>三</div>")
        let texts = document.body.descendants.filter(\.isText)
        let paragraph = try #require(document.body.descendants.first { $0.name == "p" })
        let division = try #require(document.body.descendants.first { $0.name == "div" })
        division.appendChild(texts[0])
        division.appendChild(texts[2])
        try #require(document.body.descendants.first { $0.name == "b" }).insertAfter(document.createText("四"))
        division.children[0].insertBefore(document.createText("五"))
        #expect(texts.map(\.text) == ["一", "x", "二", "三"])
        #expect(texts.allSatisfy { $0.isAttached })
        #expect(division.children.map(\.text) == ["五", "三", "一", "二"])
        #expect(document.body.innerHTML == "<p><b>x</b>四</p>\n<div>五三一二</div>")
        paragraph.unwrap()
        #expect(document.body.innerHTML == "<b>x</b>四<div>五三一二</div>")
        // A node cannot go inside itself.
        division.appendChild(division)
        division.children[0].insertBefore(division)
        #expect(document.body.innerHTML == "<b>x</b>四<div>五三一二</div>")
    }

    @Test func emptyInputParses() throws {
        let document = try HTMLDocument(html: "")
        #expect(document.body.children.isEmpty)
    }

    @Test func attributesAreEditable() throws {
        let document = try HTMLDocument(html: "<img src=\"a.png\" STYLE=\"x\">")
        let image = try #require(document.body.descendants.first { $0.name == "img" })
        image.removeAttribute("style")
        image.setAttribute("referrerpolicy", "no-referrer")
        #expect(image.attributes.map(\.name) == ["src", "referrerpolicy"])
    }
}

@Suite struct SelectorTests {
    @Test(arguments: [
        ("div.appendQr_wrap", true), (".appendQr_wrap", true), ("div.clearfix.appendQr_wrap", true),
        ("span.appendQr_wrap", false), ("#qr", true), ("[data-x]", true), ("[data-x=1]", true),
        ("[data-x=2]", false), ("[cms-style~=strong-Bold]", true), ("[cms-style^=font]", true),
        ("[cms-style*=Bold]", true), ("body div", true), ("p div", false), ("p, div.appendQr_wrap", true),
    ])
    func matches(_ selector: String, _ expected: Bool) throws {
        let document = try HTMLDocument(html: """
            <div class="clearfix appendQr_wrap" id="qr" data-x="1" cms-style="font-L strong-Bold"></div>
            """)
        let node = try #require(document.body.descendants.first { $0.name == "div" })
        #expect(try Selector(selector).matches(node) == expected)
    }

    @Test(arguments: ["", "div..x", "[x", "div > p", ".", "a,"])
    func rejectsInvalidSelectors(_ source: String) {
        #expect(throws: SelectorError.self) { try Selector(source) }
    }
}
