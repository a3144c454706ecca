import Testing
@testable import NewslintCore

/// Text kept in a temporary file reads back whole, in pieces that never split a character.
@Suite struct SpilledTextTests {
    @Test func readsBackWhatWasKeptAcrossPieces() throws {
        let spilled = try SpilledText()
        // Lines of three-byte characters longer than a piece, whose bytes a fixed-size read would cut mid-character.
        let long = String(repeating: "新闻", count: SpilledText.pieceSize / 5) + "\n"
        let texts = ["<testcase a/>\n", long, "b\n", "中\n", long, "no line feed at the end"]
        for text in texts { try spilled.append(text) }
        var pieces: [String] = []
        try spilled.readBack { pieces.append($0) }
        #expect(pieces.joined() == texts.joined())
        #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("\n") })
        #expect(pieces.count >= 2)
    }

    @Test func nothingKeptReadsBackNothing() throws {
        var pieces: [String] = []
        try SpilledText().readBack { pieces.append($0) }
        #expect(pieces.isEmpty)
    }
}
