import ArgumentParser
import NewslintCore
import NewslintRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, explain one with its examples, or validate site profiles.",
        subcommands: [Explain.self, ValidateCommand.self],
        defaultSubcommand: Explain.self
    )

    /// The built-in rules, then the engine's own checks.
    static var documented: [RuleDescription] {
        builtInRules.map(\.description) + [ContentLoss.description] + Suppressions.descriptions
    }
}

extension RulesCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
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
            guard let description = RulesCommand.documented.first(where: { $0.id == ruleID }) else {
                throw usageFailure("unknown rule '\(ruleID)'; run `newslint rules` for the list")
            }
            Console.outRaw(RuleDocumentation.render(description))
        }

        private func listRules() {
            let descriptions = RulesCommand.documented
            let width = descriptions.map(\.id.count).max() ?? 0
            let fixWidth = descriptions.map(\.fixAvailability.rawValue.count).max() ?? 0
            for description in descriptions {
                let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let fix = description.fixAvailability.rawValue.padding(toLength: fixWidth, withPad: " ", startingAt: 0)
                Console.out("\(id)  fix: \(fix)  \(description.summary)")
            }
        }
    }
}
