import Foundation
import NewslintCore
import NewslintDOM

/// A line break the feed put inside a sentence, where the source had a space: `当Linus\nTorvalds`,
/// `Windows\n11中`, `PoS\nPC？`, `Windows \n11/10`.
///
/// Check: reports each single line break (with the spaces around it) in running text, outside code, that has a
/// Latin letter, digit or in-sentence ASCII punctuation before it, or a CJK character before it and a Latin
/// letter or digit after it. A break after CJK punctuation or between two CJK characters is the source's own
/// line break, not a wrapped space, and is left alone; so are a blank line and a break before a list item
/// (`1. `, `2、`, `(3)`).
/// Fix (safe): joins the two lines the way a browser renders them, with a single space (a break between two CJK
/// characters, which browsers drop, is never reported).
struct HardwrappedTextRule: Rule {
    let description = RuleDescription(
        id: "hardwrapped-text",
        summary: "Line break inserted by the feed inside a sentence (当Linus\\nTorvalds)",
        rationale: """
            Some feeds wrap their text at a fixed width, turning the space between two words into a line break: \
            `当Linus\\nTorvalds`, `在Windows\\n11中`, `笔记本电脑、台式机或PoS\\nPC？`. A browser renders the \
            break as the space it was, but every tool that reads the text line by line (search snippets, \
            excerpts, diff views, Markdown editors) sees the sentence cut in two, and a Markdown writer that \
            keeps the break hard-wraps the paragraph at random. The fix puts the space back. Only breaks \
            that stand where a space stood are touched: Chinese text has no spaces, so a break between two \
            CJK characters or after 。！？ is the source's own line break.
            """,
        kind: .markup,
        fixAvailability: .safe,
        triggering: [
            RuleExample("<div><p>当Linus↓\nTorvalds宣布这一消息时，社区反应热烈。</p></div>"),
            RuleExample("<div><p>微软表示，在Windows↓\n11中用户可以更快地切换桌面。</p></div>"),
            RuleExample("<div><p>你使用的是笔记本电脑、台式机或PoS↓\nPC？</p></div>"),
            RuleExample("<div><p>该问题影响Windows↓ \n11/10上的多款软件，由Cooper↓ \nPartin确认。</p></div>"),
        ],
        nonTriggering: [
            RuleExample("<div><p>这是第一句。\n这是第二句。</p></div>"),
            RuleExample("<div><p>图片类需要有预览\n这个项目包括移动端和桌面端</p></div>"),
            RuleExample("<div><pre><code>let a = 1\nlet b = 2</code></pre><p>行内 <code>foo\nbar</code> 代码</p></div>"),
            RuleExample("<div><p>\n正文在标签后换行。\n</p></div>"),
            RuleExample("<div><p>English paragraph one.\n\nAnother paragraph.</p></div>"),
            RuleExample("<div><p>简要分析如下\n1. 攻击者调用了合约\n2. 合约没有校验</p></div>"),
        ],
        corrections: [
            RuleCorrection(RuleExample("<div><p>当Linus\nTorvalds宣布Windows \n11中的变化</p></div>"),
                           "<div><p>当Linus Torvalds宣布Windows 11中的变化</p></div>"),
            RuleCorrection(RuleExample("<div><p>支持GPU\n加速</p></div>"), "<div><p>支持GPU 加速</p></div>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let body = context.body else { return [] }
        // One walk, appending only for the few nodes with breaks: the text nodes in document order, as a filter
        // of the walk and a flat map of every node's (mostly empty) findings gave them.
        var violations: [Violation] = []
        for node in body.descendants where node.isText && !node.hasAncestor(named: TextClasses.codeContainers) {
            let breaks = HardwrappedTextRule.breaks(in: node.text)
            guard !breaks.isEmpty else { continue }
            for (index, wrap) in breaks.enumerated() {
                violations.append(Violation(
                    at: location(of: wrap, in: node, context),
                    "line break inside a sentence ('\(wrap.before)⏎\(wrap.after)')",
                    fix: Fix("join the lines with a space") {
                        // One fix joins every break of the node, so the others find nothing left.
                        guard index == 0 else { return }
                        node.setText(HardwrappedTextRule.joined(node.text))
                    }))
            }
        }
        return violations
    }
}

extension HardwrappedTextRule {
    /// A reported break: the whitespace run's offsets in the text node, and the words on either side for messages.
    struct Wrap: Equatable {
        let range: Range<Int>
        /// How many line breaks of the node come before this one.
        let precedingBreaks: Int
        let before: String
        let after: String
    }

    static func breaks(in text: String) -> [Wrap] {
        guard hasInnerBreak(text) else { return [] }
        if text.unicodeScalars.allSatisfy(\.alwaysStandsAlone) { return breaks(in: ScalarText(text)) }
        return breaks(in: CharacterText(text))
    }

    /// False for most text nodes: no line break between two visible characters, only none at all or the layout
    /// between tags (`\n  `).
    static func hasInnerBreak(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let isLayoutByte = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A }
            guard let first = bytes.firstIndex(where: { !isLayoutByte($0) }),
                  let last = bytes.lastIndex(where: { !isLayoutByte($0) }) else { return false }
            return bytes[first...last].contains(0x0A)
        } ?? true
    }

    static func breaks(in text: some CharacterSequence) -> [Wrap] {
        var result: [Wrap] = []
        var newlinesSeen = 0
        var index = 0
        while index < text.count {
            guard text.isLayoutSpace(at: index) else {
                index += 1
                continue
            }
            let start = index
            var newlines = 0
            while index < text.count, text.isLayoutSpace(at: index) {
                if text.isLineFeed(at: index) { newlines += 1 }
                index += 1
            }
            defer { newlinesSeen += newlines }
            guard newlines == 1, start > 0, index < text.count,
                  isWrappedSpace(before: text.character(at: start - 1), after: text.character(at: index)),
                  !startsListItem(text.string(index..<min(text.count, index + 6))) else { continue }
            let before = text.string(max(0, start - 8)..<start).split(separator: "\n").last ?? ""
            let after = text.string(index..<min(text.count, index + 8)).split(separator: "\n").first ?? ""
            result.append(Wrap(range: start..<index, precedingBreaks: newlinesSeen, before: String(before),
                               after: String(after)))
        }
        return result
    }

    /// The text with every reported break replaced by one space.
    static func joined(_ text: String) -> String {
        guard hasInnerBreak(text) else { return text }
        if text.unicodeScalars.allSatisfy(\.alwaysStandsAlone) { return joined(ScalarText(text)) }
        return joined(CharacterText(text))
    }

    static func joined(_ text: some CharacterSequence) -> String {
        var text = text
        for wrap in breaks(in: text).reversed() { text.replaceWithSpace(wrap.range) }
        return text.string(0..<text.count)
    }

    static func isWrappedSpace(before: Character, after: Character) -> Bool {
        if after.isWhitespace { return false }
        if isLatinWord(before) || isInSentencePunctuation(before) { return true }
        return isCJK(before) && !isCJKPunctuation(before) && isLatinWord(after)
    }

    /// `1. `, `2、`, `(3)`: the next line is an item of a list the source wrote as lines, not a wrapped word.
    static func startsListItem(_ next: String) -> Bool {
        listMarker.matches(next)
    }

    static let listMarker = CompiledPattern(builtIn: #"^(?:\d{1,3}[.、．)）](?!\d)|[(（]\d{1,3}[)）]|[-*•·]\s)"#)


    static func isLatinWord(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber) && !isCJK(character)
    }

    /// ASCII punctuation that does not end a sentence: `,`, `)`, `"`, `'`, `-`, `/` ….
    static func isInSentencePunctuation(_ character: Character) -> Bool {
        character.isASCII && (character.isPunctuation || character.isSymbol) && !".!?;:".contains(character)
    }

    static func isCJKPunctuation(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF0F).contains(scalar.value)
            || (0xFF1A...0xFF20).contains(scalar.value) || (0xFF3B...0xFF40).contains(scalar.value)
            || (0xFF5B...0xFF65).contains(scalar.value) || (0xFE30...0xFE4F).contains(scalar.value)
    }

    /// East Asian wide characters other than Hangul: ideographs, kana, CJK and fullwidth punctuation.
    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return cjkRanges.contains { $0.contains(scalar.value) }
    }

    static let cjkRanges: [ClosedRange<UInt32>] = [
        0x2E80...0x2FFF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x31FF, 0x3200...0x4DBF,
        0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

private extension HardwrappedTextRule {
    /// The file position where the whitespace run before the break starts. libxml2 gives a text node the line it
    /// ends on; the break is the end of the node's first line plus `precedingBreaks`.
    func location(of wrap: Wrap, in node: Node, _ context: RuleContext) -> Location {
        let newlines = node.text.lineFeedCount
        let bodyLine = node.line - newlines + wrap.precedingBreaks
        guard node.line > 0, bodyLine > 0 else { return context.location(of: node) }
        let fileLine = context.post.bodyFirstLine + bodyLine - 1
        guard fileLine <= context.post.source.lineCount else { return context.location(of: node) }
        var line = context.post.source.line(fileLine)
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        return Location(line: fileLine, column: line.unicodeScalars.count + 1)
    }
}

extension HardwrappedTextRule {
    /// A text node's text as the rule reads it: one element per character, by offset.
    protocol CharacterSequence {
        var count: Int { get }
        func character(at offset: Int) -> Character
        /// A space, a tab or a line feed standing alone (`\r\n` is one character, and not a layout space).
        func isLayoutSpace(at offset: Int) -> Bool
        func isLineFeed(at offset: Int) -> Bool
        func string(_ offsets: Range<Int>) -> String
        mutating func replaceWithSpace(_ offsets: Range<Int>)
    }

    /// A text read character by character.
    struct CharacterText: CharacterSequence {
        var characters: [Character]
        init(_ text: String) { characters = Array(text) }

        var count: Int { characters.count }
        func character(at offset: Int) -> Character { characters[offset] }
        func isLayoutSpace(at offset: Int) -> Bool {
            let utf8 = characters[offset].utf8
            guard utf8.count == 1, let byte = utf8.first else { return false }
            return byte == 0x20 || byte == 0x09 || byte == 0x0A
        }
        func isLineFeed(at offset: Int) -> Bool { characters[offset] == "\n" }
        func string(_ offsets: Range<Int>) -> String { String(characters[offsets]) }
        mutating func replaceWithSpace(_ offsets: Range<Int>) { characters.replaceSubrange(offsets, with: [" "]) }
    }

    /// A text whose scalars each stand alone (`Unicode.Scalar.alwaysStandsAlone`), where a character is a scalar:
    /// read without finding character boundaries, which made `Array(text)` most of the rule's cost.
    struct ScalarText: CharacterSequence {
        var scalars: [Unicode.Scalar]
        init(_ text: String) { scalars = Array(text.unicodeScalars) }

        var count: Int { scalars.count }
        func character(at offset: Int) -> Character { Character(scalars[offset]) }
        func isLayoutSpace(at offset: Int) -> Bool {
            let value = scalars[offset].value
            return value == 0x20 || value == 0x09 || value == 0x0A
        }
        func isLineFeed(at offset: Int) -> Bool { scalars[offset] == "\n" }
        func string(_ offsets: Range<Int>) -> String {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[offsets])
            return String(text)
        }
        mutating func replaceWithSpace(_ offsets: Range<Int>) { scalars.replaceSubrange(offsets, with: [" "]) }
    }
}
