import Foundation
import Testing
@testable import NewslintCore

/// The line diff behind `fix --diff` and the reports' edits, read from bytes, gives what the character-based
/// version gave, and sees a line whose bytes changed.
@Suite struct TextEditDiffTests {
    /// The lines as they were cut before: the scalars split at line feeds.
    private func linesByScalars(_ text: String) -> [(text: String, ending: String)] {
        guard !text.isEmpty else { return [] }
        var parts = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        let endsWithNewline = text.unicodeScalars.last == "\n"
        if endsWithNewline { parts.removeLast() }
        return parts.enumerated().map { index, part in
            let last = index == parts.count - 1
            return (String(part), last && !endsWithNewline ? "\n\\ No newline at end of file\n" : "\n")
        }
    }

    /// The edits as they were made before: the replacement text appended line by line to a string.
    private func editsByStrings(from old: String, to new: String) -> [TextEdit] {
        let oldLines = UnifiedDiff.lines(old)
        let newLines = UnifiedDiff.lines(new)
        var lineOffsets = [0]
        for line in oldLines { lineOffsets.append(lineOffsets.last! + line.text.utf8.count + (line.ending == "\n" ? 1 : 0)) }
        var edits: [TextEdit] = []
        var oldIndex = 0
        var pending: (start: Int, content: String)?
        func flush(at end: Int) {
            guard let current = pending else { return }
            edits.append(TextEdit(startLine: current.start + 1, startOffset: lineOffsets[current.start],
                                  endLine: end + 1, endOffset: lineOffsets[end], content: current.content))
            pending = nil
        }
        for edit in UnifiedDiff.script(oldLines, newLines) {
            switch edit {
            case .keep:
                flush(at: oldIndex)
                oldIndex += 1
            case .delete:
                if pending == nil { pending = (oldIndex, "") }
                oldIndex += 1
            case .insert(let newIndex):
                if pending == nil { pending = (oldIndex, "") }
                let line = newLines[newIndex]
                pending?.content += line.text + (line.ending == "\n" ? "\n" : "")
            }
        }
        flush(at: oldIndex)
        return edits
    }

    // No two of these are canonically equivalent without being equal, so comparing lines by bytes and by
    // characters agrees on texts made of them.
    private static let pieces = ["a", "b", "中文", "\n", "\n", "\r\n", "\r", "🇨🇳", "e\u{301}", "\u{301}", " ", "---"]

    private func randomText(using generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func linesAndEditsAreAsBeforeOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        var edited = 0
        for _ in 0..<3_000 {
            let old = randomText(using: &generator)
            var lines = old.components(separatedBy: "\n")
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let position = Int.random(in: 0...lines.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where position < lines.count: lines.remove(at: position)
                case 1 where position < lines.count: lines[position] = randomText(using: &generator)
                default: lines.insert(randomText(using: &generator), at: position)
                }
            }
            let new = lines.joined(separator: "\n")
            let cut = UnifiedDiff.lines(old)
            #expect(cut.map { String($0.text) } == linesByScalars(old).map(\.text), "\(old.debugDescription)")
            #expect(cut.map(\.ending) == linesByScalars(old).map(\.ending), "\(old.debugDescription)")
            let edits = TextEdit.edits(from: old, to: new)
            if !edits.isEmpty { edited += 1 }
            #expect(edits == editsByStrings(from: old, to: new), "\(old.debugDescription) -> \(new.debugDescription)")
        }
        #expect(edited > 1_500, "\(edited)")
    }

    @Test func aLineWhoseBytesChangedIsAnEditThoughItReadsTheSame() {
        let decomposed = "caf\u{65}\u{301}\nsame\n"
        let composed = "caf\u{E9}\nsame\n"
        #expect(decomposed == composed, "Swift compares strings by canonical equivalence")
        #expect(TextEdit.edits(from: decomposed, to: composed)
                    == [TextEdit(startLine: 1, startOffset: 0, endLine: 2, endOffset: 7, content: "caf\u{E9}\n")])
        #expect(UnifiedDiff.diff(old: decomposed + "x", new: composed + "y", oldName: "a", newName: "b")
                    .contains("-caf\u{65}\u{301}\n+caf\u{E9}\n"))
        #expect(UnifiedDiff.diff(old: decomposed, new: composed, oldName: "a", newName: "b")
                    .contains("-caf\u{65}\u{301}\n+caf\u{E9}\n"))
        #expect(UnifiedDiff.diff(old: composed, new: composed, oldName: "a", newName: "b") == "")
        // A fix whose output differs only so is a change, which `fix --write` writes.
        #expect(FixResult(findings: [], remaining: [], output: composed, original: decomposed).changed)
        #expect(!FixResult(findings: [], remaining: [], output: composed, original: composed).changed)
    }

    @Test func sameBytesComparesUTF8NotCanonicalEquivalence() {
        #expect("caf\u{E9}".hasSameBytes(as: "caf\u{E9}"))
        #expect(!"caf\u{65}\u{301}".hasSameBytes(as: "caf\u{E9}"))
        #expect(!"abc".hasSameBytes(as: "abd"))
        #expect(!"abc".hasSameBytes(as: "abcd"))
        #expect("".hasSameBytes(as: ""))
        // Bridged or substring-made strings without contiguous UTF-8 take the view's path.
        let sliced = String("xx新闻yy".dropFirst(2).dropLast(2))
        #expect(sliced.hasSameBytes(as: "新闻"))
    }
}
