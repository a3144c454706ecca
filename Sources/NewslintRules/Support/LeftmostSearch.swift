/// What the Markdown byte scanners (`MarkdownTagScanner`, `MarkdownLinkScanner`) share with the ICU patterns they
/// stand in for: the order of the search, and the limit past which they leave a text to the patterns.
enum LeftmostSearch {
    /// The most bytes one match attempt may read before a scanner declines the text. ICU keeps a backtracking state
    /// for each item a loop reads, at most one a byte, and past its 8 MB stack (some 77,000 states, measured) an
    /// attempt fails and ends the whole search; this stays well under it.
    static let readLimit = 32_768
}

/// A scanner that tries one match attempt at each candidate offset, as ICU's `find` does.
protocol LeftmostScanner {
    associatedtype Found

    /// The farthest offset the current attempt has read to; attempts record it with `note(_:)`.
    var reach: Int { get set }

    /// The first offset at or after `position` where an attempt can start.
    func candidate(from position: Int) -> Int?

    /// What matches at `start`, with the offset after it; nil when nothing does. Throws to decline the text.
    mutating func attempt(at start: Int) throws -> (found: Found, end: Int)?
}

extension LeftmostScanner {
    /// Every match, leftmost first: after a match the search goes on at its end, after a miss one byte further.
    /// Nil when an attempt declines the text or reads more than `LeftmostSearch.readLimit` bytes.
    mutating func allMatches() -> [Found]? {
        var result: [Found] = []
        var position = 0
        while let start = candidate(from: position) {
            reach = start
            let match: (found: Found, end: Int)?
            do { match = try attempt(at: start) } catch { return nil }
            guard reach - start <= LeftmostSearch.readLimit else { return nil }
            if let match {
                result.append(match.found)
                position = match.end
            } else {
                position = start + 1
            }
        }
        return result
    }

    /// Records that the attempt read as far as `offset`.
    mutating func note(_ offset: Int) {
        reach = max(reach, offset)
    }
}
