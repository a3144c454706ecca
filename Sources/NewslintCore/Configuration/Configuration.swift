/// The effective configuration for one file: `.newslint.yml` files merged along their `extends` chain.
///
/// ```yaml
/// extends: ../shared.newslint.yml      # one path or a list, relative to this file
/// target: hexo                          # commonmark | hexo | jekyll | hugo
/// sites: [newslint-sites]               # extra site-profile folders, relative to this file
/// exclude: ["drafts/**", "**/*.draft.md"]   # globs, relative to this file's folder
/// rules:
///   ad-comment: off                     # off | warning | error
///   hotlinked-image: error
///   editor-line: {level: error, required: false}
/// ```
public struct Configuration: Sendable, Equatable {
    /// The files this configuration was read from, nearest last.
    public var sources: [String] = []
    /// `off`, `warning` or `error` per rule id.
    public var levels: [String: RuleLevel] = [:]
    /// Rule options by rule id and option name, as YAML scalars or lists.
    public var options: [String: [String: ConfigValue]] = [:]
    public var target: String?
    /// Absolute site-profile folders.
    public var siteFolders: [String] = []
    /// Exclusion globs with the folder they are relative to.
    public var exclude: [ExcludePattern] = []

    public init() {}

    /// The level of a rule, or nil when the configuration leaves it at its default.
    public func level(of ruleID: String) -> RuleLevel? { levels[ruleID] }

    /// True when `path` (absolute) matches an `exclude` glob. `path` is evaluated only when there are patterns:
    /// standardising a path costs a few system calls.
    public func excludes(_ path: @autoclosure () -> String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let path = path()
        return exclude.contains { $0.matches(path) }
    }

    /// Layers `other` over `self`: its rule settings, target and folders win; lists add up.
    public func merging(_ other: Configuration) -> Configuration {
        var merged = self
        merged.sources += other.sources
        merged.levels.merge(other.levels) { $1 }
        for (rule, values) in other.options { merged.options[rule, default: [:]].merge(values) { $1 } }
        merged.target = other.target ?? target
        merged.siteFolders += other.siteFolders
        merged.exclude += other.exclude
        return merged
    }

    /// A canonical text of everything that changes results, for cache keys.
    public var fingerprint: String {
        let levelText = levels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ",")
        let optionText = options.sorted { $0.key < $1.key }.map { rule, values in
            rule + "{" + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
        }.joined(separator: ",")
        return "levels=\(levelText);options=\(optionText);target=\(target ?? "");sites=\(siteFolders.joined(separator: ","))"
    }
}

/// How a configuration turns a rule on or off.
public enum RuleLevel: String, Sendable, Equatable, CaseIterable {
    case off, warning, error

    public var severity: Severity? {
        switch self {
        case .off: nil
        case .warning: .warning
        case .error: .error
        }
    }
}

/// A rule option's value.
public enum ConfigValue: Sendable, Equatable, CustomStringConvertible {
    case scalar(String)
    case list([String])

    public var description: String {
        switch self {
        case .scalar(let value): value
        case .list(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }

    public var strings: [String] {
        switch self {
        case .scalar(let value): [value]
        case .list(let values): values
        }
    }

    public var bool: Bool? {
        guard case .scalar(let value) = self else { return nil }
        switch value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

/// An `exclude` glob, matched against paths relative to the folder of the file that declared it.
public struct ExcludePattern: Sendable, Equatable {
    public let glob: String
    public let base: String

    public func matches(_ absolutePath: String) -> Bool {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard absolutePath.hasPrefix(prefix) else { return false }
        return Glob.matches(glob, String(absolutePath.dropFirst(prefix.count)))
    }
}
