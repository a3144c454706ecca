import Foundation
import Yams

/// The suppressions a post declares:
/// `<!-- newslint-disable rule-id -->` … `<!-- newslint-enable -->`, `<!-- newslint-disable-next-line rule-id -->`
/// and the front-matter key `newslint: {disable: [rule-id]}`. Without rule ids, a comment covers every rule.
struct SuppressionDirectives {
    struct Directive {
        enum Kind: String { case disable = "newslint-disable", enable = "newslint-enable",
                                 nextLine = "newslint-disable-next-line" }
        let kind: Kind
        /// Rule ids named; empty means every rule.
        let rules: [String]
        /// Where the comment starts, and the lines it covers.
        let location: Location
        let utf8Offset: Int
        let text: String
        let lines: ClosedRange<Int>
    }

    private(set) var directives: [Directive] = []
    /// Rule ids disabled for the whole file by the front matter, with the key's location.
    private(set) var fileWide: [(rule: String, location: Location)] = []

    static let pattern = try! NSRegularExpression(
        pattern: #"<!--\s*(newslint-disable-next-line|newslint-disable|newslint-enable)\b([^>]*?)\s*-->"#)

    init(post: Post) {
        let text = post.source.text
        for match in SuppressionDirectives.pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let kindRange = Range(match.range(at: 1), in: text),
                  let kind = Directive.Kind(rawValue: String(text[kindRange])) else { continue }
            let idText = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
            let rules = idText.split { $0 == "," || $0.isWhitespace }.map(String.init)
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: whole.lowerBound)
            let endOffset = text.utf8.distance(from: text.utf8.startIndex, to: whole.upperBound)
            let start = post.source.position(ofUTF8Offset: offset)
            let end = post.source.position(ofUTF8Offset: endOffset)
            directives.append(Directive(kind: kind, rules: rules, location: Location(line: start.line, column: start.column),
                                        utf8Offset: post.source.fileOffset(ofUTF8Offset: offset),
                                        text: String(text[whole]), lines: start.line...end.line))
        }
        if let frontMatter = post.frontMatter, let line = frontMatter.line(ofKey: "newslint") {
            let location = Location(line: line, column: 1)
            fileWide = SuppressionDirectives.frontMatterRules(frontMatter).map { ($0, location) }
        }
    }

    /// `newslint: {disable: [a, b]}` or the block form, read from the front-matter text.
    private static func frontMatterRules(_ frontMatter: FrontMatter) -> [String] {
        guard let root = try? Yams.compose(yaml: frontMatter.text), case .mapping(let mapping) = root,
              let settings = mapping["newslint"], case .mapping(let inner) = settings,
              let disable = inner["disable"] else { return [] }
        if let single = disable.string { return [single] }
        return disable.sequence?.compactMap(\.string) ?? []
    }

    /// For a finding, the directive (by index) or front-matter entry that suppresses it, if any.
    func suppressor(of finding: Finding) -> Suppressor? {
        suppressor(ofRule: finding.ruleID, line: finding.location.line)
    }

    /// The directive or front-matter entry that suppresses rule `ruleID` on `line`, if any.
    func suppressor(ofRule ruleID: String, line: Int) -> Suppressor? {
        if let index = fileWide.firstIndex(where: { $0.rule == ruleID }) { return .frontMatter(index) }
        var active: [(index: Int, rules: [String])] = []
        for (index, directive) in directives.enumerated() {
            if directive.lines.lowerBound > line { break }
            switch directive.kind {
            case .nextLine:
                if directive.lines.upperBound + 1 == line, covers(directive.rules, ruleID) {
                    return .comment(index)
                }
            case .disable:
                active.append((index, directive.rules))
            case .enable:
                active.removeAll { entry in directive.rules.isEmpty || entry.rules.allSatisfy(directive.rules.contains) }
            }
        }
        return active.last { covers($0.rules, ruleID) }.map { .comment($0.index) }
    }

    /// The post's suppressions, or nil when it has none (most posts never write `newslint`).
    static func of(_ post: Post) -> SuppressionDirectives? {
        guard post.source.text.containsBytes("newslint") else { return nil }
        let directives = SuppressionDirectives(post: post)
        return directives.directives.isEmpty && directives.fileWide.isEmpty ? nil : directives
    }

    enum Suppressor: Hashable {
        case comment(Int)
        case frontMatter(Int)
    }

    private func covers(_ rules: [String], _ ruleID: String) -> Bool {
        rules.isEmpty || rules.contains(ruleID)
    }
}
