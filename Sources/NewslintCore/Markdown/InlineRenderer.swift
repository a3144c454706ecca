import NewslintDOM

/// Writes inline content as Markdown: one line per paragraph, split only at hard breaks.
struct InlineRenderer {
    enum Mode {
        /// Hard breaks are `\` at the end of a line; lines get their line-start escapes.
        case paragraph
        /// One line: breaks become spaces and a trailing `#` run is escaped.
        case heading
        /// One line: breaks become `<br>` and `|` is escaped.
        case tableCell
    }

    struct Output {
        /// Comments before any content; only in paragraph mode, where they become HTML blocks.
        var leadingComments: [String] = []
        /// The lines of each paragraph; empty when nothing visible is left. Only paragraph mode has more than
        /// one paragraph.
        var paragraphs: [[String]] = []
        /// The lines of the first paragraph.
        var lines: [String] { paragraphs.first ?? [] }
    }

    var mode: Mode
    var target = PublishingTarget.commonmark

    var protection: TemplateProtection { TemplateProtection(target: target) }

    func render(_ nodes: [Node], wrappers: [Node] = []) -> Output {
        // The collected tokens go straight to whitespace processing, without an array of them between.
        let collapser = InlineWhitespace.Collapser(whitespace: InlineWhitespace(mode: mode), capacity: 16)
        var collector = InlineCollector(flattensBlocks: mode != .paragraph, into: collapser)
        collector.collect(nodes, wrappers: wrappers)
        let processed = collector.tokens.finish()
        var output = Output()
        var tokens = InlineMarkNormalizer.normalized(processed.tokens)
        if mode == .paragraph {
            output.leadingComments = processed.leadingComments
        } else {
            tokens = processed.leadingComments.map { .comment($0) } + tokens
        }
        output.paragraphs = paragraphLines(for: tokens)
        return output
    }

    /// The lines of each paragraph that shows something: `InlineParagraphs.split(tokens).compactMap(lines(for:))`,
    /// without the array of one paragraph's tokens that splitting makes when there is no paragraph break.
    private func paragraphLines(for tokens: [InlineToken]) -> [[String]] {
        guard tokens.contains(where: { if case .paragraphBreak = $0 { true } else { false } }) else {
            return lines(for: tokens).map { [$0] } ?? []
        }
        return InlineParagraphs.split(tokens).compactMap(lines(for:))
    }

    /// The lines of one paragraph, or nil when it shows nothing.
    func lines(for tokens: [InlineToken]) -> [String]? {
        guard tokens.contains(where: \.isContent) else { return nil }
        if mode == .paragraph, tokens.count == 1, case .atom(.image(let image)) = tokens[0],
            image.referrerPolicy != nil
        {
            let html = protection.text(InlineAtomWriter.image(image, alone: true))
            // The non-empty lines, as `split(separator: "\n")` gives them.
            return html.linesCutAtLineFeeds.filter { !$0.isEmpty }.map(String.init)
        }
        let text = protection.text(markdownText(for: tokens))
        switch mode {
        case .paragraph:
            // Most paragraphs have no hard break: text without a line feed is one line, the whole text, which
            // is what cutting it at line feeds gives.
            guard text.containsByte(UInt8(ascii: "\n")) else {
                return [MarkdownEscaping.lineStart(text, isFirstLine: true)]
            }
            let lines = text.linesCutAtLineFeeds.map(String.init)
            return lines.enumerated().map { index, line in
                MarkdownEscaping.lineStart(line, isFirstLine: index == 0)
            }
        case .heading:
            return [MarkdownEscaping.headingContent(text)]
        case .tableCell:
            return [text.replacing("|", with: "\\|")]
        }
    }

    /// The Markdown of one paragraph's tokens: `EmphasisResolver.resolve(pieces(for: tokens))`.
    ///
    /// Most paragraphs have no emphasis, and the resolver then joins the pieces' texts as they are: their
    /// texts are joined as the pieces are made, without the array of pieces between.
    func markdownText(for tokens: [InlineToken]) -> String {
        guard tokens.contains(where: \.opensEmphasis) else {
            var plain = PlainInlineText(capacity: PlainInlineText.capacity(for: tokens))
            appendPieces(for: tokens, to: &plain)
            return plain.text
        }
        return EmphasisResolver.resolve(pieces(for: tokens))
    }

    func pieces(for tokens: [InlineToken]) -> [InlinePiece] {
        var pieces: [InlinePiece] = []
        pieces.reserveCapacity(tokens.count)
        appendPieces(for: tokens, to: &pieces)
        return pieces
    }

    private func appendPieces(for tokens: [InlineToken], to pieces: inout some InlinePieceSink) {
        let hasBothBrackets = wordsContain(UInt8(ascii: "["), in: tokens) && wordsContain(UInt8(ascii: "]"), in: tokens)
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
                // A link cannot hold another, so a URL inside link text stays text.
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
                // Split off before pieces are made.
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
    }

    func wordsContain(_ byte: UInt8, in tokens: [InlineToken]) -> Bool {
        tokens.contains { token in
            if case .word(let word) = token { word.containsByte(byte) } else { false }
        }
    }

    func markdown(for atom: InlineAtom) -> String {
        switch atom {
        case .code(let code): TemplateProtection.verbatim(protection.codeSpan(code))
        case .image(let image): InlineAtomWriter.image(image)
        case .html(let html): html
        }
    }

    /// The index after the link's closing token when the link is written as `<url>`: its text is exactly its
    /// URL, it has no title, and the autolink renders back to the same link.
    func autolinkEnd(_ tokens: [InlineToken], from start: Int, pair: Int, url: String, title: String?)
        -> Int?
    {
        guard title == nil, LinkSyntax.isAutolinkable(url) else { return nil }
        var text = ""
        var index = start
        while index < tokens.count {
            switch tokens[index] {
            case .word(let word): text += word
            case .close(let closed) where closed == pair: return text == url ? index + 1 : nil
            default: return nil
            }
            index += 1
        }
        return nil
    }
}
