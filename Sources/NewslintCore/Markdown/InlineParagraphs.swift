/// Splits inline tokens at paragraph breaks. Marks open across a break close before it and open again after
/// it, as a browser shows `<b>a<br><br>b</b>`: both paragraphs bold.
enum InlineParagraphs {
    static func split(_ tokens: [InlineToken]) -> [[InlineToken]] {
        guard tokens.contains(where: { if case .paragraphBreak = $0 { true } else { false } }) else { return [tokens] }
        var paragraphs: [[InlineToken]] = [[]]
        var open: [(identifier: Int, mark: InlineMark)] = []
        for token in tokens {
            switch token {
            case .paragraphBreak:
                paragraphs[paragraphs.count - 1] += open.reversed().map { .close($0.identifier) }
                paragraphs.append(open.map { .open($0.identifier, $0.mark) })
                continue
            case .open(let identifier, let mark):
                open.append((identifier, mark))
            case .close(let identifier):
                open.removeAll { $0.identifier == identifier }
            default:
                break
            }
            paragraphs[paragraphs.count - 1].append(token)
        }
        return paragraphs
    }
}
