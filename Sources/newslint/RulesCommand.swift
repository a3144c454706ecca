import ArgumentParser
import NewslintCore
import NewslintRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or explain one with its examples.",
        discussion: """
            Examples:
              newslint rules
              newslint rules ad-comment
            """
    )

    @Argument(help: "A rule id to explain.")
    var ruleID: String?

    func run() throws {
        guard let ruleID else {
            listRules()
            return
        }
        guard let rule = builtInRules.first(where: { $0.id == ruleID }) else {
            throw usageFailure("unknown rule '\(ruleID)'; run `newslint rules` for the list")
        }
        Console.outRaw(RuleDocumentation.render(rule.description))
    }

    private func listRules() {
        let width = builtInRules.map(\.id.count).max() ?? 0
        let fixWidth = builtInRules.map(\.description.fixAvailability.rawValue.count).max() ?? 0
        for rule in builtInRules {
            let description = rule.description
            let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let fix = description.fixAvailability.rawValue.padding(toLength: fixWidth, withPad: " ", startingAt: 0)
            Console.out("\(id)  fix: \(fix)  \(description.summary)")
        }
    }
}
