import NewslintDOM
import NewslintTestSupport
import Testing
@testable import NewslintCore

/// The Markdown writer's fast paths against the implementations they replaced, kept here as references, on
/// random HTML: each must give exactly what the reference gives.
@Suite struct MarkdownWriterSpeedPathTests {
    /// Pieces of random post bodies: blocks, marks that nest or not, links (some autolinkable), text with
    /// characters that need escapes, CJK text, breaks, comments, code, images.
    private static let htmlPieces = [
        "<p>", "</p>", "<div>", "</div>", "<section>", "</section>", "<blockquote>", "</blockquote>",
        "<ul><li>", "</li><li>", "</li></ul>", "<ol start=\"3\"><li>", "</li></ol>", "<h2>", "</h2>", "<h6>", "</h6>",
        "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>", "<i>", "</i>", "<sup>", "</sup>", "<span>", "</span>",
        "<a href=\"https://example.com/a\">", "<a href=\"x.html\" title=\"t\">", "</a>", "https://example.com/a",
        "<br>", "<br><br>", "<hr>", "<!--c-->", "<!-- a\nb -->", "<code>x*y</code>", "<code>`{{ a }}`</code>",
        "<img src=\"a.png\" alt=\"a [b]\">", "<img src=\"b.png\" referrerpolicy=\"no-referrer\">",
        "<pre>line\ncode</pre>", "<table><tr><td>a|b</td><td><b>c</b></td></tr><tr><td>1</td><td>2</td></tr></table>",
        "<table><tr><td><p>only</p></td></tr></table>", "<embed src=\"v.swf\">", "<iframe src=\"v\"></iframe>",
        "word", "two words", " ", "  ", "\n", "\n\n", "\t", "中文正文", "，", "正文https://例子.com/路径继续",
        "*", "**", "_a_", "\\", "[", "]", "[x]", "<", "&amp;", "&amp;copy;", "!", "# ", "- ", "1. ", "+ ", "> ",
        "---", "=", "~~~", "{{ x }}", "{% raw %}", "#}", "a:b", "e.g.", "end.",
    ]

    /// Pieces of paragraphs dense with emphasis, where pairs often cannot stay Markdown.
    private static let emphasisPieces = [
        "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>", "<i>", "</i>", "<a href=\"u\">", "</a>",
        "<code>c</code>", "a", "b c", " ", "*", "**", "_", "中", "，", "(", ")", "!", ".", "“", "”", "<br>",
    ]

    private static func randomBody(
        of pieces: [String] = htmlPieces, using generator: inout some RandomNumberGenerator
    ) throws -> Node {
        let html = pieces.randomText(count: 0...40, using: &generator)
        return try HTMLDocument(html: "<body>" + html + "</body>").body
    }

    /// Every paragraph's text: `markdownText(for:)` against the old `EmphasisResolver.resolve(pieces(for:))`.
    @Test func paragraphTextIsTheResolvedPieces() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let body = try Self.randomBody(using: &generator)
            for mode in [InlineRenderer.Mode.paragraph, .heading, .tableCell] {
                for target in [PublishingTarget.commonmark, .hexo, .hugo] {
                    let renderer = InlineRenderer(mode: mode, target: target)
                    for paragraph in Self.paragraphs(of: body.children, mode: mode) {
                        let expected = EmphasisResolver.resolve(renderer.referencePieces(for: paragraph))
                        #expect(renderer.markdownText(for: paragraph) == expected)
                    }
                }
            }
        }
    }

    /// The blocks of a body against the old `BlockRenderer.blocks(for:context:)`, which returned each level's
    /// blocks in an array of its own.
    @Test func blocksAreTheRecursivelyGatheredBlocks() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let body = try Self.randomBody(using: &generator)
            for target in [PublishingTarget.commonmark, .jekyll] {
                let renderer = BlockRenderer(target: target)
                let expected = BlockAssembler.lines(for: renderer.referenceBlocks(for: body.children, context: BlockContext()))
                let actual = BlockAssembler.lines(for: renderer.blocks(inside: body, context: BlockContext()))
                #expect(actual == expected)
            }
        }
    }

    /// Every paragraph's resolved emphasis against the old resolver, which simulated every segment.
    @Test func emphasisIsResolvedAsByTheOldResolver() throws {
        let renderer = InlineRenderer(mode: .paragraph)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            let body = try Self.randomBody(of: round % 2 == 0 ? Self.htmlPieces : Self.emphasisPieces,
                                           using: &generator)
            for paragraph in Self.paragraphs(of: body.children, mode: .paragraph) {
                let pieces = renderer.pieces(for: paragraph)
                #expect(EmphasisResolver.resolve(pieces) == ReferenceEmphasisResolver.resolve(pieces))
            }
        }
    }

    /// The pairs the simulation blames against the old simulation, on the items of random paragraphs dense
    /// with emphasis, with random pairs already written as HTML.
    @Test func simulationBlamesThePairsTheOldOneBlamed() throws {
        let renderer = InlineRenderer(mode: .paragraph)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let body = try Self.randomBody(of: Self.emphasisPieces, using: &generator)
            for paragraph in Self.paragraphs(of: body.children, mode: .paragraph) {
                let pieces = renderer.pieces(for: paragraph)
                let htmlPairs = Set((0..<20).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 })
                let items = EmphasisResolver.items(pieces[...], htmlPairs: htmlPairs)
                #expect(EmphasisSimulation.mismatchedPairs(items) == ReferenceEmphasisSimulation.mismatchedPairs(items))
            }
        }
    }

    /// Tokens given to whitespace processing as they are collected against the old collect-then-process.
    @Test func collectedTokensAreProcessedAsTheirArrayWas() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let body = try Self.randomBody(using: &generator)
            let wrappers = Bool.random(using: &generator) ? Array(body.children.filter(\.isElement).prefix(1)) : []
            for mode in [InlineRenderer.Mode.paragraph, .heading, .tableCell] {
                var gathered = InlineCollector(flattensBlocks: mode != .paragraph)
                gathered.collect(body.children, wrappers: wrappers)
                let expected = InlineWhitespace(mode: mode).referenceProcess(gathered.tokens)
                let collapser = InlineWhitespace.Collapser(whitespace: InlineWhitespace(mode: mode), capacity: 16)
                var direct = InlineCollector(flattensBlocks: mode != .paragraph, into: collapser)
                direct.collect(body.children, wrappers: wrappers)
                let actual = direct.tokens.finish()
                #expect(actual.leadingComments == expected.leadingComments)
                #expect(actual.tokens.map { "\($0)" } == expected.tokens.map { "\($0)" })
            }
        }
    }

    /// `containsBlock` walking sibling links against the old walk over each element's array of children, on
    /// every node of random bodies.
    @Test func containsBlockIsTheOldWalk() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let body = try Self.randomBody(using: &generator)
            for node in [body] + Array(body.descendants) {
                #expect(HTMLElementKinds.containsBlock(node) == Self.referenceContainsBlock(node))
            }
        }
    }

    /// `HTMLElementKinds.containsBlock` as it was, over `node.children`.
    private static func referenceContainsBlock(_ node: Node) -> Bool {
        if node.isElement(named: "code") { return false }
        for child in node.children where child.isElement {
            if HTMLElementKinds.isBlockLevel(child) || referenceContainsBlock(child) { return true }
        }
        return false
    }

    /// `hasVerbatimMark` going from one `B7` byte to the next against the old search for `EF B7`, on text
    /// with the marks, their neighbours U+FDCF and U+FDD2, and full-width punctuation (lead byte `EF`).
    @Test func verbatimMarksAreFoundAsBefore() {
        // Noncharacters cannot be written in a literal.
        let marks = [0xFDD0, 0xFDD1, 0xFDCF, 0xFDD2].map { String(Unicode.Scalar($0)!) }
        let pieces = ["a", "中", "，", "：", "（", "\u{FE37}", "·", "ｷ"] + marks
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = pieces.randomText(count: 0...12, using: &generator)
            #expect(TemplateProtection.hasVerbatimMark(text) == Self.referenceHasVerbatimMark(text),
                    "\(text.debugDescription)")
        }
    }

    /// `TemplateProtection.hasVerbatimMark` as it was: each `EF B7` found, then its third byte.
    private static func referenceHasVerbatimMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while let offset = ByteSearch.firstOffset(of: [0xEF, 0xB7], in: UnsafeBufferPointer(rebasing: bytes[start...])) {
                let index = start + offset
                if index + 2 < bytes.count, bytes[index + 2] == 0x90 || bytes[index + 2] == 0x91 { return true }
                start = index + 1
            }
            return false
        }
    }

    /// Line-start escapes read from the line's first characters against the old escapes read from all of
    /// them, on lines of block markers, digits, combining marks and text, longer and shorter than the head.
    @Test func lineStartEscapesAreTheOldOnes() {
        let pieces = ["#", "##", "#######", " ", "\t", ">", "+", "=", "==", "~", "~~~", "-", "--", "|", ":", "1", "2",
                      "9", "0", "12345", "12345678", "123456789", "1234567890", "######", ".", ".", ")", "a", "中", "\u{301}", "１", "e\u{301}", "\r\n", "*", "\\"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let line = pieces.randomText(count: 0...16, using: &generator)
            for isFirstLine in [true, false] {
                let expected = ReferenceLineStart.lineStart(line, isFirstLine: isFirstLine)
                let actual = MarkdownEscaping.lineStart(line, isFirstLine: isFirstLine)
                #expect(Array(actual.utf8) == Array(expected.utf8), "\(line.debugDescription)")
            }
        }
    }

    /// A render's paragraphs against the old `InlineParagraphs.split(tokens).compactMap(lines(for:))`.
    @Test func renderedParagraphsAreTheSplitParagraphs() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let body = try Self.randomBody(using: &generator)
            for mode in [InlineRenderer.Mode.paragraph, .heading, .tableCell] {
                let renderer = InlineRenderer(mode: mode)
                var paragraphs = Self.paragraphs(of: body.children, mode: mode)
                if mode != .paragraph, let comments = Self.leadingComments(of: body.children, mode: mode) {
                    paragraphs = InlineParagraphs.split(comments.map { .comment($0) } + paragraphs.flatMap { $0 })
                }
                let expected = paragraphs.compactMap(renderer.lines(for:))
                #expect(renderer.render(body.children).paragraphs == expected)
            }
        }
    }

    /// The comments before any content, which `render` puts back in front in headings and cells.
    private static func leadingComments(of nodes: [Node], mode: InlineRenderer.Mode) -> [String]? {
        var collector = InlineCollector(flattensBlocks: mode != .paragraph)
        collector.collect(nodes, wrappers: [])
        let comments = InlineWhitespace(mode: mode).process(collector.tokens).leadingComments
        return comments.isEmpty ? nil : comments
    }

    /// Percent-encoding against the old encoder, which appended an array literal per encoded byte.
    @Test func percentEncodingIsTheOldOne() {
        let pieces = ["https://", "a", "Z", "0", "%", "20", "美", "é", "\"", "<", " ", "\\", "`", "(", "&", "👍", "\u{7F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let url = pieces.randomText(count: 0...12, using: &generator)
            #expect(LinkSyntax.percentEncoded(url) == Self.referencePercentEncoded(url), "\(url.debugDescription)")
        }
    }

    /// `LinkSyntax.percentEncoded` as it was.
    private static func referencePercentEncoded(_ url: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        if url.utf8.allSatisfy(LinkSyntax.isSafe) { return String(decoding: Array(url.utf8), as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if LinkSyntax.isSafe(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Blank lines found in the bytes read in place against the old split of a copy of the bytes.
    @Test func blankLinesAreSplitAsBefore() {
        let pieces = ["a", "字", " ", "\t", "\n", "\n\n", " \n\t\n", "\u{0C}", "\u{3000}", "，", "“", "—", "https://x.cn/路径"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = pieces.randomText(count: 0...20, using: &generator)
            let expected = ReferenceBlankLines.splitBytes(text)
            let actual = BlankLines.splitBytes(text)
            #expect(actual.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(text.debugDescription)")
        }
    }

    /// Every name the writer knows, and a few it does not: their kinds against the old tests of the name
    /// against each set in turn.
    @Test func elementKindsAreTheFirstSetHoldingTheName() {
        let names = HTMLElementKinds.blockNames.union(HTMLElementKinds.dropped).union(HTMLElementKinds.keptInlineTags)
            .union(HTMLElementKinds.formControls).union(HTMLElementKinds.strong).union(HTMLElementKinds.emphasis)
            .union(["a", "br", "img", "span", "font", "h7", "", "embed", "script", "style", "code", "hr", "source"])
        for name in names {
            #expect(BlockElement.kinds[name].map { "\($0)" } == referenceBlockKind(name), "\(name)")
            #expect(InlineElement.kinds[name].map { "\($0)" } == referenceInlineKind(name), "\(name)")
        }
    }

    /// The branch the old `BlockRenderer.blocks(forBlockElement:context:)` took for `name`.
    private func referenceBlockKind(_ name: String) -> String? {
        switch name {
        case _ where HTMLElementKinds.headings.contains(name): "heading"
        case _ where HTMLElementKinds.lists.contains(name): "list"
        case "blockquote": "quote"
        case _ where HTMLElementKinds.preformatted.contains(name), "code": "code"
        case "hr": "rule"
        case "table": "table"
        case "embed": "embed"
        case _ where HTMLElementKinds.embedded.contains(name): "embedded"
        case _ where HTMLElementKinds.containers.contains(name): "container"
        default: nil
        }
    }

    /// The branch the old `InlineCollector.visit(_:)` took for an element named `name`, then the old
    /// `mark(for:)`'s test.
    private func referenceInlineKind(_ name: String) -> String? {
        switch name {
        case "br": "lineBreak"
        case "img": "image"
        case "code": "code"
        case "hr": "rule"
        case _ where HTMLElementKinds.formControls.contains(name): "formControl"
        case _ where HTMLElementKinds.dropped.contains(name): "dropped"
        case "script", "style": "scriptOrStyle"
        case _ where HTMLElementKinds.embedded.contains(name): "embedded"
        case _ where HTMLElementKinds.blockNames.contains(name): "block"
        case _ where HTMLElementKinds.strong.contains(name): "strong"
        case _ where HTMLElementKinds.emphasis.contains(name): "emphasis"
        case "a": "link"
        case _ where HTMLElementKinds.keptInlineTags.contains(name): "keptTag"
        default: nil
        }
    }

    /// The paragraphs `InlineRenderer.render` makes of `nodes`, as tokens.
    private static func paragraphs(of nodes: [Node], mode: InlineRenderer.Mode) -> [[InlineToken]] {
        var collector = InlineCollector(flattensBlocks: mode != .paragraph)
        collector.collect(nodes, wrappers: [])
        let processed = InlineWhitespace(mode: mode).process(collector.tokens)
        return InlineParagraphs.split(InlineMarkNormalizer.normalized(processed.tokens))
    }
}

// MARK: References

extension InlineRenderer {
    /// `pieces(for:)` as it was before its pieces went to a sink.
    fileprivate func referencePieces(for tokens: [InlineToken]) -> [InlinePiece] {
        let hasBothBrackets = wordsContain(UInt8(ascii: "["), in: tokens) && wordsContain(UInt8(ascii: "]"), in: tokens)
        var pieces: [InlinePiece] = []
        pieces.reserveCapacity(tokens.count)
        var marks: [Int: InlineMark] = [:]
        var linkDepth = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .word(let word):
                let following: MarkdownEscaping.Following = switch index < tokens.count ? tokens[index] : nil {
                case nil: .nothing
                case .space?: .space
                case .open(_, .link)?: .link
                default: .other
                }
                func escaped(_ text: String, followedBy following: MarkdownEscaping.Following) -> InlinePiece {
                    .literal(MarkdownEscaping.text(
                        text, escapeBrackets: hasBothBrackets || linkDepth > 0, followedBy: following))
                }
                guard linkDepth == 0, BareURL.mayHoldURL(word) else {
                    pieces.append(escaped(word, followedBy: following))
                    continue
                }
                let segments = BareURL.segments(of: word)
                for (position, segment) in segments.enumerated() {
                    switch segment {
                    case .autolink(let url):
                        pieces.append(.literal("<\(url)>"))
                    case .text(let text):
                        pieces.append(escaped(text, followedBy: position == segments.count - 1 ? following : .other))
                    }
                }
            case .space:
                pieces.append(.literal(" "))
            case .lineBreak:
                pieces.append(.literal(mode == .tableCell ? "<br>" : "\\\n"))
            case .paragraphBreak:
                break
            case .comment(let text):
                if let comment = InlineAtomWriter.inlineComment(text) { pieces.append(.literal(comment)) }
            case .atom(let atom):
                pieces.append(.literal(markdown(for: atom)))
            case .open(let pair, let mark):
                marks[pair] = mark
                switch mark {
                case .strong, .emphasis:
                    pieces.append(.delimiter(pair: pair, strong: mark == .strong, opening: true))
                case .link(let url, let title):
                    if let end = autolinkEnd(tokens, from: index, pair: pair, url: url, title: title) {
                        pieces.append(.literal("<\(url)>"))
                        index = end
                    } else {
                        pieces.append(.linkStart)
                        linkDepth += 1
                    }
                case .tag(let name):
                    pieces.append(.literal("<\(name)>"))
                }
            case .close(let pair):
                switch marks[pair] {
                case .strong?, .emphasis?:
                    pieces.append(.delimiter(pair: pair, strong: marks[pair] == .strong, opening: false))
                case .link(let url, let title)?:
                    pieces.append(.linkEnd("](\(LinkSyntax.target(url: url, title: title)))"))
                    linkDepth -= 1
                case .tag(let name)?:
                    pieces.append(.literal("</\(name)>"))
                case nil:
                    break
                }
            case .text(let text):
                pieces.append(.literal(MarkdownEscaping.text(text, escapeBrackets: true, followedBy: .other)))
            }
        }
        return pieces
    }
}

extension Array: InlineTokenSink where Element == InlineToken {}

extension InlineCollector where Tokens == [InlineToken] {
    /// A collector that gathers its tokens in an array, as the writer's collector did.
    fileprivate init(flattensBlocks: Bool) {
        self.init(flattensBlocks: flattensBlocks, into: [])
    }
}

extension InlineWhitespace {
    /// The whitespace processing of an array of a block's tokens, through the collapser the writer streams into.
    fileprivate func process(_ input: [InlineToken]) -> Result {
        var collapser = Collapser(whitespace: self, capacity: Self.outputCapacity(for: input))
        for token in input { collapser.append(token) }
        return collapser.finish()
    }

    /// Room for the tokens processing writes, as the old `process` reserved it: every token but a text is copied
    /// or stands for the gap it replaces, and a text of n bytes is taken to split into n / 2 + 1 words and
    /// spaces. Only a capacity: the tokens are the same with any.
    fileprivate static func outputCapacity(for input: [InlineToken]) -> Int {
        var capacity = 0
        for token in input {
            if case .text(let text) = token { capacity += text.utf8.count / 2 + 1 } else { capacity += 1 }
        }
        return capacity
    }

    /// `process(_:)` as it was, on the array of a block's tokens, before tokens could come one by one.
    fileprivate func referenceProcess(_ input: [InlineToken]) -> Result {
        var collapsing = Collapsing(whitespace: self, capacity: Self.outputCapacity(for: input))
        for token in input {
            guard case .text(let text) = token else {
                collapsing.add(token)
                continue
            }
            InlineWhitespace.splitWords(text) { collapsing.add($0) }
        }
        return collapsing.finish()
    }
}

extension BlockRenderer {
    /// `blocks(for:context:)` as it was before containers appended to their parent's array.
    fileprivate func referenceBlocks(for nodes: [Node], context: BlockContext) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var run: [Node] = []
        for node in nodes {
            guard node.isElement || node.isText || node.isComment else { continue }
            if node.isElement, HTMLElementKinds.isDropped(node) { continue }
            if isInline(node) {
                run.append(node)
                continue
            }
            blocks += referenceParagraph(run, context: context)
            run = []
            blocks += referenceBlocks(forBlockElement: node, context: context)
        }
        blocks += referenceParagraph(run, context: context)
        return blocks
    }

    private func referenceParagraph(_ run: [Node], context: BlockContext) -> [MarkdownBlock] {
        guard !run.isEmpty else { return [] }
        let output = InlineRenderer(mode: .paragraph, target: target).render(run, wrappers: context.wrappers)
        var blocks = output.leadingComments.map { MarkdownBlock.leaf(.html, commentLines($0)) }
        blocks += output.paragraphs.map { .leaf(.paragraph, $0) }
        return blocks
    }

    private func referenceBlocks(forBlockElement node: Node, context: BlockContext) -> [MarkdownBlock] {
        let name = node.name
        switch name {
        case _ where HTMLElementKinds.headings.contains(name):
            return heading(node, level: Int(String(name.dropFirst()))!, context: context)
        case _ where HTMLElementKinds.lists.contains(name):
            return ListWriter(renderer: self).blocks(for: node, context: context)
        case "blockquote":
            let inner = referenceBlocks(for: node.children, context: context)
            return inner.isEmpty ? [] : [.quote(inner)]
        case _ where HTMLElementKinds.preformatted.contains(name), "code":
            return CodeBlockWriter.block(for: node).map { [$0] } ?? []
        case "hr":
            return [.leaf(.rule, ["---"])]
        case "table":
            return TableWriter(renderer: self).blocks(for: node, context: context)
        case "embed":
            return [.leaf(.html, [RawHTMLWriter(policy: .all, target: target).startTag(for: node)])]
                + referenceBlocks(for: node.children, context: context)
        case _ where HTMLElementKinds.embedded.contains(name):
            return [.leaf(.html, EmbeddedHTML.lines(for: node, target: target))]
        case _ where HTMLElementKinds.containers.contains(name):
            return referenceBlocks(for: node.children, context: context)
        default:
            var inner = context
            inner.wrappers.append(node)
            return referenceBlocks(for: node.children, context: inner)
        }
    }
}

/// `EmphasisResolver` as it was before it skipped segments without a Markdown delimiter.
private enum ReferenceEmphasisResolver {
    static func resolve(_ pieces: [InlinePiece]) -> String {
        // Without emphasis there is nothing to pair: the pieces are written as they are, without the simulation.
        guard pieces.contains(where: \.isDelimiter) else { return written(pieces, htmlPairs: []) }
        var htmlPairs: Set<Int> = []
        for segment in segments(pieces) where segment.count < pieces.count {
            settle(pieces[segment], htmlPairs: &htmlPairs)
        }
        settle(pieces[...], htmlPairs: &htmlPairs)
        return written(pieces, htmlPairs: htmlPairs)
    }

    /// The text of `pieces`, with the pairs in `htmlPairs` written as HTML.
    ///
    /// The pieces' texts are appended one after the other into one string reserved for them all: the same
    /// characters `map(text(of:)).joined()` gave, without the array of strings between.
    private static func written(_ pieces: [InlinePiece], htmlPairs: Set<Int>) -> String {
        var length = 0
        for piece in pieces { length += text(of: piece, htmlPairs: htmlPairs).utf8.count }
        var result = ""
        result.reserveCapacity(length)
        for piece in pieces { result += text(of: piece, htmlPairs: htmlPairs) }
        return result
    }

    private static func text(of piece: InlinePiece, htmlPairs: Set<Int>) -> String {
        switch piece {
        case .literal(let literal), .linkEnd(let literal): literal
        case .linkStart: "["
        case .delimiter(let pair, let strong, let opening) where htmlPairs.contains(pair):
            switch (strong, opening) {
            case (true, true): "<strong>"
            case (true, false): "</strong>"
            case (false, true): "<em>"
            case (false, false): "</em>"
            }
        case .delimiter(_, let strong, _): strong ? "**" : "*"
        }
    }

    /// Adds pairs to `htmlPairs` until every pair left in Markdown is matched as intended.
    private static func settle(_ pieces: ArraySlice<InlinePiece>, htmlPairs: inout Set<Int>) {
        while true {
            let failed = EmphasisSimulation.mismatchedPairs(items(pieces, htmlPairs: htmlPairs))
            if failed.isEmpty { return }
            htmlPairs.formUnion(failed)
        }
    }

    /// Ranges of pieces that settle on their own: each ends at a literal outside every pair and link scope,
    /// which the next one starts with, so both see the characters around their outer delimiters.
    private static func segments(_ pieces: [InlinePiece]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        var depth = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .delimiter(_, _, let opening): depth += opening ? 1 : -1
            case .linkStart: depth += 1
            case .linkEnd: depth -= 1
            case .literal(let text):
                guard depth == 0, index > start,
                      EmphasisSimulation.TextEdges(text).first != nil else { continue }
                segments.append(start..<(index + 1))
                start = index
            }
        }
        segments.append(start..<pieces.count)
        return segments
    }

    /// What the simulation reads of the written form: texts (including HTML fallbacks) by their edges,
    /// maximal runs of Markdown delimiters, link scopes.
    private static func items(_ pieces: ArraySlice<InlinePiece>, htmlPairs: Set<Int>) -> [EmphasisSimulation.Item] {
        var items: [EmphasisSimulation.Item] = []
        var textEdges: EmphasisSimulation.TextEdges?
        var run: [EmphasisSimulation.Delimiter] = []
        func flush() {
            if let edges = textEdges {
                items.append(.text(edges))
                textEdges = nil
            }
            if !run.isEmpty {
                items.append(.run(run))
                run = []
            }
        }
        func appendText(_ piece: String) {
            guard !piece.isEmpty else { return }
            if !run.isEmpty { flush() }
            let edges = EmphasisSimulation.TextEdges(piece)
            if textEdges == nil { textEdges = edges } else { textEdges!.append(edges) }
        }
        for piece in pieces {
            switch piece {
            case .linkStart:
                flush()
                items.append(.scopeStart)
            case .linkEnd:
                flush()
                items.append(.scopeEnd)
            case .delimiter(let pair, let strong, let opening) where !htmlPairs.contains(pair):
                if textEdges != nil { flush() }
                run.append(EmphasisSimulation.Delimiter(pair: pair, strong: strong, opening: opening))
                continue
            default:
                break
            }
            appendText(text(of: piece, htmlPairs: htmlPairs))
        }
        flush()
        return items
    }
}

/// `EmphasisSimulation` as it was before its marks, openers' bottoms and unmatched pairs were gathered without
/// intermediate arrays and dictionaries.
private enum ReferenceEmphasisSimulation {
    typealias Item = EmphasisSimulation.Item
    typealias Run = EmphasisSimulation.Run
    typealias Mark = EmphasisSimulation.Mark

    static func mismatchedPairs(_ items: [Item]) -> Set<Int> {
        var pairs: [Int: Bool] = [:]
        for case .run(let run) in items {
            for delimiter in run { pairs[delimiter.pair] = delimiter.strong }
        }
        guard !pairs.isEmpty else { return [] }
        var failed: Set<Int> = []
        for scopes in distinctFlankings(items) {
            // The key differs only for a closer that can also open: without one, both variants are one.
            let canBothOpenAndClose = scopes.contains { $0.contains { $0.canOpen && $0.canClose } }
            for keysOnCanOpen in canBothOpenAndClose ? [true, false] : [true] {
                for scope in scopes {
                    failed.formUnion(simulate(scope, isStrong: pairs, keysOnCanOpen: keysOnCanOpen))
                }
            }
        }
        return failed
    }

    /// The scopes with the flanking of each punctuation definition, once when both give the same flanking
    /// (as they do unless a symbol or non-ASCII punctuation touches a run): the simulation reads nothing else.
    ///
    /// The legacy scopes are built only when a text edge is classed apart by the two definitions: flanking
    /// reads punctuation only in a run's neighbours, which are text edges, a `*` (punctuation in both) or
    /// nothing, so otherwise both definitions give every run the same flanking and the scopes are equal.
    static func distinctFlankings(_ items: [Item]) -> [[[Run]]] {
        let current = scopes(items, isPunctuation: EmphasisFlanking.isPunctuation)
        guard items.contains(where: hasEdgeClassedApart) else { return [current] }
        let legacy = scopes(items, isPunctuation: EmphasisFlanking.isLegacyPunctuation)
        return legacy == current ? [current] : [current, legacy]
    }

    /// True for a text whose first or last scalar is punctuation by one definition and not by the other.
    private static func hasEdgeClassedApart(_ item: Item) -> Bool {
        guard case .text(let edges) = item else { return false }
        func isClassedApart(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return EmphasisFlanking.isPunctuation(scalar) != EmphasisFlanking.isLegacyPunctuation(scalar)
        }
        return isClassedApart(edges.first) || isClassedApart(edges.last)
    }

    /// The runs of each link scope and of the top level, with their flanking.
    static func scopes(_ items: [Item], isPunctuation: (Unicode.Scalar) -> Bool) -> [[Run]] {
        var finished: [[Run]] = []
        var open: [[Run]] = [[]]
        for (index, item) in items.enumerated() {
            switch item {
            case .text: break
            case .scopeStart: open.append([])
            case .scopeEnd: if open.count > 1 { finished.append(open.removeLast()) }
            case .run(let delimiters):
                let before = neighbour(of: index, in: items, step: -1)
                let after = neighbour(of: index, in: items, step: 1)
                let marks = delimiters.flatMap { delimiter in
                    Array(repeating: Mark(pair: delimiter.pair, opening: delimiter.opening),
                          count: delimiter.strong ? 2 : 1)
                }
                let run = Run(
                    marks: marks,
                    canOpen: EmphasisFlanking.isLeftFlanking(
                        before: before, after: after, isPunctuation: isPunctuation),
                    canClose: EmphasisFlanking.isRightFlanking(
                        before: before, after: after, isPunctuation: isPunctuation),
                    openerEnd: marks.count
                )
                open[open.count - 1].append(run)
            }
        }
        return finished + open
    }

    /// The last (step -1) or first (step 1) character of the text next to item `index`; nil at a line edge.
    private static func neighbour(of index: Int, in items: [Item], step: Int) -> Unicode.Scalar? {
        var position = index + step
        while items.indices.contains(position) {
            if case .text(let edges) = items[position], let scalar = step < 0 ? edges.last : edges.first {
                return scalar
            }
            if case .run = items[position] { return "*" }
            position += step
        }
        return nil
    }

    private static func simulate(_ input: [Run], isStrong: [Int: Bool], keysOnCanOpen: Bool) -> Set<Int> {
        var runs = input
        var matched: Set<Int> = []
        var openersBottom: [Int: Int] = [:]
        var current = 0
        while current < runs.count {
            let closer = runs[current]
            guard closer.canClose, closer.remaining > 0 else {
                current += 1
                continue
            }
            let key = closer.length % 3 + (keysOnCanOpen && closer.canOpen ? 3 : 0)
            let bottom = openersBottom[key] ?? -1
            var openerIndex = current - 1
            while openerIndex > bottom {
                let opener = runs[openerIndex]
                if opener.canOpen, opener.remaining > 0 {
                    let bothSides = closer.canOpen || opener.canClose
                    let multipleOfThree = (opener.length + closer.length) % 3 == 0
                    let bothMultiples = opener.length % 3 == 0 && closer.length % 3 == 0
                    if !(bothSides && multipleOfThree && !bothMultiples) { break }
                }
                openerIndex -= 1
            }
            guard openerIndex > bottom else {
                openersBottom[key] = current - 1
                if !closer.canOpen { runs[current].openerEnd = runs[current].closerStart }
                current += 1
                continue
            }
            let opener = runs[openerIndex]
            let used = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1
            let openerMarks = opener.marks[(opener.openerEnd - used)..<opener.openerEnd]
            let closerMarks = closer.marks[closer.closerStart..<(closer.closerStart + used)]
            let pair = openerMarks.first!.pair
            let intended = openerMarks.allSatisfy { $0 == Mark(pair: pair, opening: true) }
                && closerMarks.allSatisfy { $0 == Mark(pair: pair, opening: false) }
                && isStrong[pair] == (used == 2)
            guard intended else {
                // Blame the delimiters that took the wrong role, or else every pair involved. What follows a
                // wrong match is its collateral, so the other pairs get another round instead.
                let wrongRole = closerMarks.filter(\.opening).map(\.pair)
                return Set(wrongRole.isEmpty ? (openerMarks + closerMarks).map(\.pair) : wrongRole)
            }
            matched.insert(pair)
            // Delimiters between the opener and the closer become text.
            for between in (openerIndex + 1)..<current { runs[between].openerEnd = runs[between].closerStart }
            runs[openerIndex].openerEnd -= used
            runs[current].closerStart += used
            if runs[current].remaining == 0 { current += 1 }
        }
        return Set(input.flatMap { $0.marks.map(\.pair) }).subtracting(matched)
    }
}

/// `MarkdownEscaping.lineStart` as it was, reading the line as an array of all its characters.
private enum ReferenceLineStart {
    static func lineStart(_ line: String, isFirstLine: Bool) -> String {
        // Only a line starting with one of these can start a block; most lines start with a letter.
        guard let firstByte = line.utf8.first, lineStartBytes.contains(firstByte) else { return line }
        let characters = Array(line)
        guard let first = characters.first else { return line }
        let second = characters.count > 1 ? characters[1] : nil
        let endsOrSpace = { (character: Character?) in character == nil || character == " " || character == "\t" }
        switch first {
        case "#":
            let hashes = characters.prefix { $0 == "#" }.count
            let after = hashes < characters.count ? characters[hashes] : nil
            if hashes <= 6, endsOrSpace(after) { return "\\" + line }
        case ">":
            return "\\" + line
        case "+" where endsOrSpace(second):
            return "\\" + line
        case "=" where !isFirstLine && characters.allSatisfy({ $0 == "=" }):
            return "\\" + line
        case "~" where characters.prefix(while: { $0 == "~" }).count >= 3:
            return "\\" + line
        default:
            break
        }
        if let escaped = escapingDashLine(characters) { return escaped }
        if let escaped = escapingOrderedMarker(characters, isFirstLine: isFirstLine) { return escaped }
        return line
    }

    private static let lineStartBytes = Set("#>+=~-|: \t0123456789".utf8)

    /// Bullets (`- x`), thematic breaks (`---`, `- - -`), setext underlines and table delimiter rows.
    private static func escapingDashLine(_ characters: [Character]) -> String? {
        let onlyRowCharacters = characters.allSatisfy { "-|: \t".contains($0) }
        let isBullet = characters.first == "-" && (characters.count == 1 || characters[1] == " " ||
            characters[1] == "\t")
        guard isBullet || (onlyRowCharacters && characters.contains("-")) else { return nil }
        var result = characters
        result.insert("\\", at: characters.firstIndex(of: "-")!)
        return String(result)
    }

    /// `1. ` and `1) `: only a list starting at 1 can interrupt a paragraph.
    private static func escapingOrderedMarker(_ characters: [Character], isFirstLine: Bool) -> String? {
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), digits.count < characters.count else { return nil }
        let delimiter = characters[digits.count]
        guard delimiter == "." || delimiter == ")" else { return nil }
        let afterIndex = digits.count + 1
        guard afterIndex == characters.count || characters[afterIndex] == " " || characters[afterIndex] == "\t"
        else { return nil }
        guard isFirstLine || Int(String(digits)) == 1 else { return nil }
        var result = characters
        result.insert("\\", at: digits.count)
        return String(result)
    }
}

/// `BlankLines.splitBytes` as it was: the bytes copied into an array, each part decoded from them.
private enum ReferenceBlankLines {
    static func splitBytes(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        var parts: [String] = []
        var partStart = 0
        var index = 0
        while index < utf8.count {
            guard isWhitespace(utf8[index]) else {
                index += 1
                continue
            }
            let runStart = index
            var lineBreaks = 0
            while index < utf8.count, isWhitespace(utf8[index]) {
                if utf8[index] == 0x0A { lineBreaks += 1 }
                index += 1
            }
            if lineBreaks >= 2 {
                parts.append(String(decoding: utf8[partStart..<runStart], as: UTF8.self))
                partStart = index
            }
        }
        parts.append(String(decoding: utf8[partStart...], as: UTF8.self))
        return parts
    }
}
