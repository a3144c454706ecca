/// A line-based unified diff (Myers' algorithm), as `diff -u` and `git diff` print it.
public enum UnifiedDiff {
    /// The diff of `old` against `new`, with `context` unchanged lines around each change; empty when equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard !old.hasSameBytes(as: new) else { return "" }
        let oldLines = lines(old)
        let newLines = lines(new)
        let edits = script(oldLines, newLines)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits, context: context) {
            output += hunk.header
            for edit in hunk.edits {
                switch edit {
                case .keep(let oldIndex, _): output += " " + oldLines[oldIndex].text + oldLines[oldIndex].ending
                case .delete(let oldIndex): output += "-" + oldLines[oldIndex].text + oldLines[oldIndex].ending
                case .insert(let newIndex): output += "+" + newLines[newIndex].text + newLines[newIndex].ending
                }
            }
        }
        return output
    }

    struct Line: Equatable {
        let text: Substring
        /// "\n", or "\n\\ No newline at end of file\n" for a last line without one.
        let ending: String
        /// A hash of the text's bytes, so that most lines that differ are told apart without reading them.
        let hash: UInt64

        /// Lines are equal when their bytes are. `Substring`'s `==` compares canonical equivalence: it normalised
        /// both lines at each comparison of the diff, and it took a line that a fix changed from decomposed to
        /// composed accents for an unchanged one, which the diff and the JSON report's edits then left out.
        static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.hash == rhs.hash && lhs.ending == rhs.ending && lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }
    }

    enum Edit {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// The lines of `text`, split at every LF; a CRLF line keeps its CR (Swift's `Character` would read
    /// `\r\n` as one character, and a CRLF file as one line). The line feeds are found in the bytes, and each line
    /// is cut from the scalars, whose boundaries every line feed is on.
    static func lines(_ text: String) -> [Line] {
        guard !text.isEmpty else { return [] }
        var contiguous = text
        // Where each line ends (at its line feed, or at the end of the text) and the FNV-1a hash of its bytes.
        let ends: [(end: Int, hash: UInt64)] = contiguous.withUTF8 { bytes in
            let basis: UInt64 = 0xCBF2_9CE4_8422_2325
            var ends: [(end: Int, hash: UInt64)] = []
            var hash = basis
            for (offset, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\n") {
                    ends.append((offset, hash))
                    hash = basis
                } else {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
                }
            }
            if bytes.last != UInt8(ascii: "\n") { ends.append((bytes.count, hash)) }
            return ends
        }
        let utf8 = text.utf8
        let endsWithLineFeed = utf8.last == UInt8(ascii: "\n")
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lines: [Line] = []
        lines.reserveCapacity(ends.count)
        var start = 0
        for (number, line) in ends.enumerated() {
            let ending = number == ends.count - 1 && !endsWithLineFeed ? "\n\\ No newline at end of file\n" : "\n"
            lines.append(Line(text: Substring(text.unicodeScalars[index(start)..<index(line.end)]), ending: ending,
                              hash: line.hash))
            start = line.end + 1
        }
        return lines
    }

    /// The shortest edit script, by Myers' greedy algorithm with a trace for backtracking.
    static func script<Element: Equatable>(_ old: [Element], _ new: [Element]) -> [Edit] {
        let n = old.count
        let m = new.count
        let maximum = n + m
        // The trace costs O(D·(N+M)) memory; past this size one replacing hunk is the honest answer.
        guard maximum <= 40_000 else {
            return (0..<n).map(Edit.delete) + (0..<m).map(Edit.insert)
        }
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        outer: for depth in 0...maximum {
            trace.append(frontier)
            for diagonal in stride(from: -depth, through: depth, by: 2) {
                let index = diagonal + maximum
                var x: Int
                if diagonal == -depth || (diagonal != depth && frontier[index - 1] < frontier[index + 1]) {
                    x = frontier[index + 1]
                } else {
                    x = frontier[index - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[index] = x
                if x >= n, y >= m { break outer }
            }
        }
        var edits: [Edit] = []
        var x = n
        var y = m
        for depth in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[depth]
            let diagonal = x - y
            let index = diagonal + maximum
            let previousDiagonal: Int
            if diagonal == -depth || (diagonal != depth && previous[index - 1] < previous[index + 1]) {
                previousDiagonal = diagonal + 1
            } else {
                previousDiagonal = diagonal - 1
            }
            let previousX = previous[previousDiagonal + maximum]
            let previousY = previousX - previousDiagonal
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(.keep(x, y))
            }
            if depth > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(.insert(y))
                } else {
                    x -= 1
                    edits.append(.delete(x))
                }
            }
        }
        return edits.reversed()
    }

    struct Hunk {
        let header: String
        let edits: [Edit]
    }

    static func hunks(_ edits: [Edit], context: Int) -> [Hunk] {
        let changeIndices = edits.indices.filter { if case .keep = edits[$0] { false } else { true } }
        guard !changeIndices.isEmpty else { return [] }
        var groups: [ClosedRange<Int>] = []
        for index in changeIndices {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                groups.append(range)
            }
        }
        return groups.map { range in
            let slice = Array(edits[range])
            var oldStart = 0
            var newStart = 0
            // Line numbers of the first line in the hunk: count what precedes it.
            for edit in edits[..<range.lowerBound] {
                switch edit {
                case .keep: oldStart += 1; newStart += 1
                case .delete: oldStart += 1
                case .insert: newStart += 1
                }
            }
            let oldCount = slice.filter { if case .insert = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .delete = $0 { false } else { true } }.count
            let header = "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) "
                + "+\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            return Hunk(header: header, edits: slice)
        }
    }
}
