import Foundation

/// `--statistics`: findings counted per rule, most frequent first, with `[*]` on fixable rules.
public enum Statistics {
    /// The table of the findings `tally` counted, which a run keeps instead of the findings.
    public static func table(_ tally: FindingTally, rules: [RuleDescription]) -> String {
        let counts = tally.byRule.mapValues(\.findings)
        let fixable = Set(tally.byRule.filter(\.value.fixable).keys)
        let summaries = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0.summary) })
        let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let countWidth = String(sorted.first?.value ?? 0).count
        let idWidth = sorted.map(\.key.count).max() ?? 0
        return sorted.map { id, count in
            let number = String(repeating: " ", count: countWidth - String(count).count) + String(count)
            let name = id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            return "\(number)  \(name)  \(fixable.contains(id) ? "[*]" : "   ")  \(summaries[id] ?? "")\n"
        }.joined()
    }
}
