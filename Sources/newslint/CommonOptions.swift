import ArgumentParser
import NewslintCore
import NewslintRules

/// Options shared by `check` and `fix`.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Post files or directories (walked for *.md, *.markdown, *.html).")
    var paths: [String] = ["."]

    @Option(help: ArgumentHelp("Use this site profile for every post instead of detecting it.", valueName: "site-id"))
    var site: String?

    /// The linter for this run, with the built-in rules and profiles.
    func makeLinter() throws -> Linter {
        let catalog: SiteCatalog
        do {
            catalog = try SiteCatalog.builtIn()
        } catch {
            throw usageFailure("built-in site profiles: \(error)")
        }
        if let site, catalog.profile(id: site) == nil {
            throw usageFailure("unknown site '\(site)'; known sites: \(catalog.siteIDs.joined(separator: ", "))")
        }
        return Linter(rules: builtInRules, catalog: catalog, forcedSite: site)
    }
}

/// Prints a usage or setup error as `newslint: error: …` and returns the exit code 2 to throw.
func usageFailure(_ message: String) -> ExitCode {
    Console.error("newslint: error: \(message)")
    return ExitCode(ExitStatus.failure)
}
