import ArgumentParser
import Foundation
import NewslintCore
import NewslintRules

/// `newslint config --print [FILE]`: the configuration in force for a file, after `extends`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration for a file.",
        discussion: """
            Finds the nearest .newslint.yml above FILE (or uses --config), follows `extends`, and prints the
            result as YAML: where it came from, the target, the site folders, the exclusions and every rule
            with its level and options.

            Examples:
              newslint config --print content/posts/a.md
              newslint config --print --config ci.newslint.yml
            """
    )

    @Flag(help: "Print the effective configuration.")
    var print = false

    @Option(help: ArgumentHelp("Use this configuration file instead of the nearest .newslint.yml.", valueName: "path"))
    var config: String?

    @Argument(help: "The post whose configuration to show. Default: a post in the current directory.")
    var file: String = "post.md"

    func run() throws {
        guard print else { throw usageFailure("nothing to do; use `newslint config --print [FILE]`") }
        let loader = ConfigurationLoader(knownRules: Set(builtInRules.map(\.id)))
        let configuration: Configuration
        do {
            configuration = try config.map(loader.load) ?? ConfigurationLoader.nearest(to: file).map(loader.load)
                ?? Configuration()
        } catch let error as ConfigurationError {
            throw usageFailure(error.description)
        }
        Console.outRaw(ConfigurationPrinter.yaml(configuration, for: file))
    }
}

/// Renders a configuration as the YAML a user would write to get it.
enum ConfigurationPrinter {
    static func yaml(_ configuration: Configuration, for file: String) -> String {
        var lines = ["# Effective newslint configuration for \(file)"]
        lines.append(configuration.sources.isEmpty ? "# (no .newslint.yml found: defaults)"
                     : "# from: " + configuration.sources.joined(separator: " <- "))
        lines.append("target: \(configuration.target ?? "commonmark")")
        lines.append("sites: [\(configuration.siteFolders.joined(separator: ", "))]")
        lines.append("exclude: [\(configuration.exclude.map { "'\($0.glob)'" }.joined(separator: ", "))]")
        lines.append("rules:")
        for rule in builtInRules {
            let level = configuration.level(of: rule.id)?.rawValue ?? rule.description.severity.rawValue
            let options = configuration.options[rule.id] ?? [:]
            if options.isEmpty {
                lines.append("  \(rule.id): \(level)")
            } else {
                let pairs = options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                lines.append("  \(rule.id): {level: \(level), \(pairs.joined(separator: ", "))}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
