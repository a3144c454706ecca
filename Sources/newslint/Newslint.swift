import ArgumentParser
import NewslintCore
import NewslintDOM

@main
struct Newslint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newslint",
        abstract: "Lint scraped news posts and fix them into clean Markdown.",
        discussion: """
            Examples:
              newslint check content/              report findings; exit 1 if any
              newslint fix content/                show the diff fix would apply
              newslint fix --write content/        rewrite the posts as clean Markdown
              newslint rules ad-comment            explain a rule, with examples

            Exit codes: 0 clean, 1 findings (or files fix would change), 2 usage or file errors.
            """,
        version: NewslintVersion.full,
        subcommands: [CheckCommand.self, FixCommand.self, RulesCommand.self]
    )
}

enum NewslintVersion {
    static let number = "0.1.0"
    static var full: String { "newslint \(number) (libxml2 \(HTMLDocument.libxmlVersion))" }
}
