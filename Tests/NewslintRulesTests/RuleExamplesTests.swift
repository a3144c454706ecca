import Foundation
import NewslintCore
import NewslintRules
import Testing

/// One case per rule example: the examples each rule documents are the rule's tests.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable { case triggering, nonTriggering, correction(expected: String, unsafe: Bool) }
    let rule: any Rule
    let kind: Kind
    let example: RuleExample
    let origin: String

    var testDescription: String {
        let label = switch kind {
        case .triggering: "flags"
        case .nonTriggering: "ignores"
        case .correction: "fixes"
        }
        return "\(rule.id) \(label) \(origin): \(example.text.prefix(60).replacingOccurrences(of: "\n", with: "⏎"))"
    }

    static let all: [RuleExampleCase] = builtInRules.flatMap { rule in
        let description = rule.description
        return description.triggering.map { RuleExampleCase(rule: rule, kind: .triggering, example: $0, origin: "example") }
            + description.nonTriggering.map {
                RuleExampleCase(rule: rule, kind: .nonTriggering, example: $0, origin: "example")
            }
            + description.corrections.map {
                RuleExampleCase(rule: rule, kind: .correction(expected: $0.expected, unsafe: $0.unsafe),
                                example: $0.input, origin: "example")
            }
    } + profileCases

    /// The `examples:` of every site profile, run against that profile.
    static let profileCases: [RuleExampleCase] = ExampleRunner.catalog.siteData.flatMap { site in
        (site.examples ?? []).compactMap { entry -> [RuleExampleCase]? in
            guard let rule = ExampleRunner.rule(entry.rule) else { return nil }
            let example = RuleExample(entry.input, site: site.id)
            var cases = [RuleExampleCase(rule: rule, kind: .triggering, example: example, origin: "profile \(site.id)")]
            if let output = entry.output {
                cases.append(RuleExampleCase(rule: rule, kind: .correction(expected: output, unsafe: false),
                                             example: example, origin: "profile \(site.id)"))
            }
            return cases
        }.flatMap { $0 }
    }
}

@Suite struct RuleExamplesTests {
    @Test(arguments: RuleExampleCase.all)
    func exampleBehavesAsDocumented(_ testCase: RuleExampleCase) throws {
        switch testCase.kind {
        case .triggering:
            let expected = ExampleRunner.markerLocations(in: testCase.example.text)
            #expect(!expected.isEmpty, "a triggering example needs at least one ↓ marker")
            let found = try ExampleRunner.findings(of: testCase.rule, in: testCase.example).map(\.location)
            #expect(found == expected, "findings at \(found), markers at \(expected)")
        case .nonTriggering:
            let found = try ExampleRunner.findings(of: testCase.rule, in: testCase.example)
            #expect(found.isEmpty, "unexpected: \(found.map { "\($0.location) \($0.message)" })")
        case .correction(let expected, let unsafe):
            let corrected = try ExampleRunner.corrected(by: testCase.rule, testCase.example, unsafe: unsafe)
            #expect(corrected.trimmedForComparison == expected.trimmedForComparison)
            let again = try ExampleRunner.corrected(
                by: testCase.rule, RuleExample(corrected, site: testCase.example.site), unsafe: unsafe)
            #expect(again == corrected, "fixing the corrected output changed it again")
            if !unsafe {
                let remaining = try ExampleRunner.findings(
                    of: testCase.rule, in: RuleExample(corrected, site: testCase.example.site))
                #expect(remaining.filter(\.isFixable).isEmpty, "fixable findings left: \(remaining.map(\.message))")
            }
        }
    }

    @Test func everyRuleDocumentsItself() {
        for rule in builtInRules {
            let description = rule.description
            #expect(!description.triggering.isEmpty, "\(rule.id) has no triggering example")
            #expect(!description.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(!description.rationale.isEmpty)
            if description.fixAvailability != .none, rule.id != "html-body" {
                #expect(!description.corrections.isEmpty, "\(rule.id) is fixable but has no correction example")
            }
            #expect(description.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id) is not kebab-case")
        }
        #expect(Set(builtInRules.map(\.id)).count == builtInRules.count, "duplicate rule ids")
    }
}
