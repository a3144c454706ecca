import ArgumentParser
import Foundation
import NewslintCore

extension RulesCommand {
    /// `newslint rules validate [DIR]`: checks site profiles against the schema.
    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check site profiles: unknown keys, wrong shapes, selectors and patterns that do not compile.",
            discussion: """
                Prints `path:line: error: message` per problem and exits 2 if there is any. Without DIR, checks
                the profiles built into the binary.

                Examples:
                  newslint rules validate my-sites/
                  newslint rules validate
                """
        )

        @Argument(help: "A folder of site profiles (*.yml, and sites/*.yml).")
        var directory: String?

        func run() throws {
            let files: [RuleFile]
            do {
                files = try directory.map(RuleFile.files(in:)) ?? SiteCatalog.embeddedFiles
            } catch {
                throw usageFailure("\(error)")
            }
            let defaults = try? SiteCatalog.builtIn().defaultsData
            let problems = files.flatMap { ProfileValidator.problems(in: $0, defaults: defaults) }
            for problem in problems { Console.out(problem.description) }
            guard problems.isEmpty else {
                Console.out("\(TextReporter.plural(problems.count, "problem")) in \(TextReporter.plural(files.count, "profile")).")
                throw ExitCode(ExitStatus.failure)
            }
            Console.out("\(TextReporter.plural(files.count, "profile")) valid.")
        }
    }
}
