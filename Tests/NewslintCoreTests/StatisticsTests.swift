import Testing
@testable import NewslintCore

/// `--statistics` is made from the counts a run keeps, not from its findings.
@Suite struct StatisticsTests {
    private func finding(_ rule: String, fixable: Bool) -> Finding {
        Finding(ruleID: rule, severity: .warning, message: "m", location: Location(line: 1, column: 1),
                fixTitle: fixable ? "fix" : nil, fixApplicability: fixable ? .safe : nil)
    }

    @Test func countsEachRuleAcrossFilesMostFrequentFirst() {
        var tally = FindingTally()
        tally.add(findingsOfOneFile: [finding("b-rule", fixable: false), finding("a-rule", fixable: false)])
        tally.add(findingsOfOneFile: [finding("b-rule", fixable: true), finding("c-rule", fixable: false),
                                      finding("a-rule", fixable: false)])
        tally.add(findingsOfOneFile: [finding("long-rule-id", fixable: false)] + Array(repeating: finding("c-rule", fixable: false), count: 9))
        #expect(tally.byRule["b-rule"]! == (2, true))
        #expect(tally.byRule["a-rule"]! == (2, false))
        let rules = [RuleDescription(id: "a-rule", summary: "Summary A", rationale: "", kind: .content,
                                     fixAvailability: .none, severity: .warning, formats: [.html],
                                     triggering: [], nonTriggering: [], corrections: [])]
        // Count right-aligned, id padded, `[*]` when a finding of the rule was fixable, then the summary.
        #expect(Statistics.table(tally, rules: rules) == [
            "10  c-rule             ",
            " 2  a-rule             Summary A",
            " 2  b-rule        [*]  ",
            " 1  long-rule-id       ",
        ].map { $0 + "\n" }.joined())
    }

    @Test func tallyEqualityComparesTheRules() {
        var one = FindingTally()
        var other = FindingTally()
        one.add(findingsOfOneFile: [finding("a", fixable: false)])
        other.add(findingsOfOneFile: [finding("b", fixable: false)])
        #expect(one != other)
        other = FindingTally()
        other.add(findingsOfOneFile: [finding("a", fixable: false)])
        #expect(one == other)
    }
}
