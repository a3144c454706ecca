import ArgumentParser
import Foundation
import NewslintCore
import NewslintRules

/// Options shared by `check` and `fix`: what to read, which rules, how to report.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Post files or directories (walked for *.md, *.markdown, *.html). Default: the current directory.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Use this site profile for every post instead of detecting it.", valueName: "site-id"))
    var site: String?

    @Option(help: ArgumentHelp("Use this configuration file instead of the nearest .newslint.yml.", valueName: "path"))
    var config: String?

    @Option(help: ArgumentHelp("How template syntax is protected in the Markdown: commonmark, hexo, jekyll or hugo. "
                               + "Default: the configuration's `target`, else commonmark.", valueName: "target"))
    var target: PublishingTarget?

    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of extra site profiles (repeatable).",
                                                          valueName: "dir"))
    var rulesFolders: [String] = []

    @Option(help: ArgumentHelp("Run only these rules (comma-separated or repeated).", valueName: "rule-ids"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Do not run these rules (comma-separated or repeated).", valueName: "rule-ids"))
    var ignore: [String] = []

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output format: text, json, sarif, github or junit; add :PATH to write it to a file. Repeatable.",
        valueName: "format[:path]"))
    var formats: [String] = []

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var outputFile: String?

    @Option(help: "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Count findings per rule instead of listing them.")
    var statistics = false

    @Flag(name: .shortAndLong, help: "Print findings only: no summary, no progress.")
    var quiet = false

    @Flag(help: "Exit 0 even when there are findings (errors reading files still exit 2).")
    var exitZero = false

    @Flag(help: "Read one post from standard input.")
    var stdin = false

    @Option(help: ArgumentHelp("The path to report for standard input (also used to detect the body format).",
                               valueName: "path"))
    var stdinFilename: String?

    @Flag(inversion: .prefixedNo, help: "Reuse results of unchanged files from the cache directory.")
    var cache = true

    @Option(help: ArgumentHelp("The cache directory.", valueName: "path"))
    var cacheDir = ".newslint_cache"

    @Option(name: .shortAndLong, help: ArgumentHelp("Files processed at once. Default: the number of cores.",
                                                   valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Process only shard K of N (1-based), a stable partition by path hash.",
                               valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard { _ = try Shard(shard) }
        if stdinFilename != nil, !stdin { throw ValidationError("--stdin-filename needs --stdin") }
        if stdin, !paths.isEmpty { throw ValidationError("--stdin reads standard input; do not give paths") }
        _ = try OutputPlan(formats: formats, outputFile: outputFile)
    }

    /// Rejects rule ids the binary does not know.
    func validateRuleIDs() throws {
        let known = Set(builtInRules.map(\.id))
        for id in CommonOptions.ids(select) + CommonOptions.ids(ignore) where !known.contains(id) {
            throw usageFailure("unknown rule '\(id)'; run `newslint rules` for the list")
        }
    }

    /// The paths to walk: those given, or the current folder.
    var walkedPaths: [String] { paths.isEmpty ? ["."] : paths }

    /// The posts to process, found while the run asks for them, narrowed to the shard; paths that cannot be
    /// used are passed on in every shard. Folders in `skipping` are not walked.
    func postsToProcess(skipping: [String] = []) throws -> LazyFilterSequence<FileDiscovery.Walk> {
        let shard = try shard.map(Shard.init)
        return FileDiscovery.walk(walkedPaths, skipping: skipping).lazy.filter { found in
            guard let shard, case .post(let path) = found else { return true }
            return shard.contains(path)
        }
    }

    var jobCount: Int { jobs ?? OrderedParallelMap.availableCores }

    static func ids(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour a stream: `always` and `never` decide; `auto` needs a terminal and no `NO_COLOR`.
    func enabled(forDescriptor descriptor: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return !noColor && isatty(descriptor) == 1
        }
    }
}

/// Prints a usage or setup error as `newslint: error: …` and returns the exit code 2 to throw.
func usageFailure(_ message: String) -> ExitCode {
    Console.error("newslint: error: \(message)")
    return ExitCode(ExitStatus.failure)
}

extension PublishingTarget: ExpressibleByArgument {}
