import Foundation
import NewslintCore
import NewslintRules

/// The linter for each file: built from the nearest `.newslint.yml` (or `--config`) and the command-line
/// options, once per configuration file, and shared by the worker threads.
final class LinterProvider: @unchecked Sendable {
    struct Entry: Sendable {
        let configuration: Configuration
        /// The result cache for this configuration's files (nil with `--no-cache`); its keys cover everything
        /// besides a file's bytes that changes its results.
        let cache: ResultCache?
        fileprivate let lazyLinter: LazyLinter

        /// The linter, built when a file first needs one: a run whose files are all served from the cache
        /// compiles no site profile (a fifth of a one-file check).
        func linter() -> Result<Linter, ConfigurationError> { lazyLinter.get() }
    }

    private let options: CommonOptions
    private let loader = ConfigurationLoader(knownRules: Set(builtInRules.map(\.id)))
    private let explicitConfiguration: Configuration?
    private let lock = NSLock()
    private var entries: [String: Result<Entry, ConfigurationError>] = [:]
    /// The nearest configuration file of each folder seen, so the folders above are searched once per run.
    private var nearestConfiguration: [Substring: String?] = [:]

    init(options: CommonOptions) throws {
        self.options = options
        if let path = options.config {
            do {
                explicitConfiguration = try loader.load(path)
            } catch let error as ConfigurationError {
                throw usageFailure(error.description)
            }
        } else {
            explicitConfiguration = nil
        }
        if let site = options.site {
            let catalog = try SiteCatalog.builtIn(addingFolders: options.rulesFolders)
            guard catalog.profile(id: site) != nil else {
                throw usageFailure("unknown site '\(site)'; known sites: \(catalog.siteIDs.joined(separator: ", "))")
            }
        }
    }

    /// The linter for the post at `path`, or the configuration error that prevents checking it.
    func entry(for path: String) -> Result<Entry, ConfigurationError> {
        lock.lock()
        defer { lock.unlock() }
        let configurationPath = explicitConfiguration == nil ? nearestConfiguration(to: path) : "--config"
        let key = configurationPath ?? ""
        if let known = entries[key] { return known }
        let entry: Result<Entry, ConfigurationError>
        do {
            let configuration = try explicitConfiguration ?? configurationPath.map(loader.load) ?? Configuration()
            entry = .success(makeEntry(configuration))
        } catch let error as ConfigurationError {
            entry = .failure(error)
        } catch {
            entry = .failure(ConfigurationError(path: configurationPath ?? "", line: nil, key: nil, reason: "\(error)"))
        }
        entries[key] = entry
        return entry
    }

    /// The linter for the post at `path`, or the configuration error that prevents checking it.
    func linter(for path: String) -> Result<Linter, ConfigurationError> {
        entry(for: path).flatMap { $0.linter() }
    }

    /// `ConfigurationLoader.nearest(to:)`, remembered by folder. Call with the lock held.
    private func nearestConfiguration(to path: String) -> String? {
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
        if let known = nearestConfiguration[folder] { return known }
        let found = ConfigurationLoader.nearest(to: path)
        nearestConfiguration[folder] = found
        return found
    }

    private func makeEntry(_ configuration: Configuration) -> Entry {
        let selected = CommonOptions.ids(options.select)
        let ignored = CommonOptions.ids(options.ignore)
        let rules = builtInRules.filter { rule in
            if ignored.contains(rule.id) { return false }
            if !selected.isEmpty { return selected.contains(rule.id) }
            return configuration.level(of: rule.id) != .off
        }
        let folders = configuration.siteFolders + options.rulesFolders
        let target = options.target ?? configuration.target.flatMap(PublishingTarget.init(rawValue:)) ?? .commonmark
        let forcedSite = options.site
        let lazyLinter = LazyLinter {
            let catalog: SiteCatalog
            do {
                catalog = try SiteCatalog.builtIn(addingFolders: folders)
            } catch {
                return .failure(ConfigurationError(path: configuration.sources.last ?? "--rules", line: nil,
                                                   key: "sites", reason: "\(error)"))
            }
            let severities = configuration.levels.compactMapValues(\.severity)
            return .success(Linter(rules: rules, catalog: catalog, forcedSite: forcedSite, severities: severities,
                                   options: configuration.options, knownRuleIDs: Set(builtInRules.map(\.id)),
                                   target: target))
        }
        let settings = "rules=\(rules.map(\.id).joined(separator: ","));site=\(options.site ?? "");target=\(target);"
            + "config=\(configuration.fingerprint);profiles=\(LinterProvider.fingerprint(of: folders))"
        let cache = options.cache ? ResultCache(directory: options.cacheDir, settings: settings) : nil
        return Entry(configuration: configuration, cache: cache, lazyLinter: lazyLinter)
    }

    /// A hash of the profile files in `folders`, so an edited profile misses the cache. A folder that is gone
    /// or a profile that cannot be read hashes as its error, not as an empty folder: the linter is built only on
    /// a miss, and it is what reports the error, so a folder gone since the last run must miss.
    private static func fingerprint(of folders: [String]) -> String {
        var hasher = SHA256()
        for folder in folders {
            do {
                for file in try RuleFile.files(in: folder) { hasher.update(file.path + "\u{0}" + file.contents) }
            } catch {
                hasher.update("unreadable \(folder): \(error)\u{0}")
            }
        }
        return hasher.hexDigest()
    }
}

/// A linter built on first use, once, whichever thread asks first.
private final class LazyLinter: @unchecked Sendable {
    private let lock = NSLock()
    private let build: () -> Result<Linter, ConfigurationError>
    private var built: Result<Linter, ConfigurationError>?

    init(_ build: @escaping () -> Result<Linter, ConfigurationError>) {
        self.build = build
    }

    func get() -> Result<Linter, ConfigurationError> {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let result = build()
        built = result
        return result
    }
}
