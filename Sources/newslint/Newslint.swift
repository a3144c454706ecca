import ArgumentParser
import Foundation
import NewslintCore
import NewslintDOM

@main
struct Newslint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newslint",
        abstract: "Lint scraped news posts and fix them into clean Markdown.",
        discussion: """
            Examples:
              newslint check content/                      report findings; exit 1 if any
              newslint check --format github content/      annotate a pull request
              newslint fix content/                        show the diff fix would apply
              newslint fix --write content/                rewrite the posts as clean Markdown
              newslint rules ad-comment                    explain a rule, with examples

            Exit codes: 0 clean, 1 findings (or files fix would change), 2 usage or file errors.
            """,
        version: versionText,
        subcommands: [CheckCommand.self, FixCommand.self, RulesCommand.self, ConfigCommand.self]
    )

    /// Runs the command. Usage errors exit 2, like every other error that is not a finding, instead of
    /// swift-argument-parser's 64, so scripts and CI have one code to test.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode(ExitStatus.failure))
        }
    }

    /// `newslint 0.1.0 (libxml2 2.9.14, rule set 3f2a9c1d0b7e)`: the rule-set hash covers the rules and the
    /// built-in site profiles, so two installs with the same hash report the same findings.
    static var versionText: String {
        "newslint \(NewslintVersion.number) (libxml2 \(HTMLDocument.libxmlVersion), rule set \(ruleSetHash))"
    }

    static var ruleSetHash: String {
        String(SHA256.hex(NewslintRulesFingerprint.ruleIDs + "\u{0}" + SiteCatalog.builtInFingerprint).prefix(12))
    }
}
