import Foundation
import Yams

/// Reads `.newslint.yml` files: finds the nearest one for a post, follows `extends`, and reports every
/// problem with the file, the key and the line.
public struct ConfigurationLoader: Sendable {
    public static let fileName = ".newslint.yml"
    static let topLevelKeys: Set<String> = ["extends", "target", "sites", "exclude", "rules"]
    static let targets: Set<String> = ["commonmark", "hexo", "jekyll", "hugo"]

    /// Rule ids a configuration may name.
    public let knownRules: Set<String>

    public init(knownRules: Set<String>) {
        self.knownRules = knownRules
    }

    /// The nearest `.newslint.yml` in the folder of `file` or above it, or nil.
    public static func nearest(to file: String) -> String? {
        var directory = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
        while true {
            let candidate = (directory as NSString).appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
    }

    /// Loads the file at `path` with everything it extends.
    public func load(_ path: String) throws -> Configuration {
        try load(URL(fileURLWithPath: path).standardizedFileURL.path, visiting: [])
    }

    private func load(_ path: String, visiting: [String]) throws -> Configuration {
        guard !visiting.contains(path) else {
            throw ConfigurationError(path: path, line: nil, key: "extends", reason: "extends itself through \(visiting.joined(separator: " → "))")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, line: nil, key: nil, reason: "cannot read the file")
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(path: path, line: YAMLErrorLine.of(error) + 1, key: nil,
                                     reason: YAMLErrorLine.reason(error, firstLine: 1))
        }
        guard let root else { return Configuration() }
        guard case .mapping(let mapping) = root else {
            throw ConfigurationError(path: path, line: root.mark?.line, key: nil, reason: "expected a mapping of keys")
        }
        let base = (path as NSString).deletingLastPathComponent
        var configuration = Configuration()
        var inherited = Configuration()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            func fail(_ reason: String, at node: Yams.Node? = nil, key name: String? = nil) -> ConfigurationError {
                ConfigurationError(path: path, line: node?.mark?.line ?? line, key: name ?? key, reason: reason)
            }
            switch key {
            case "extends":
                for parent in try strings(value, fail: fail) {
                    let resolved = URL(fileURLWithPath: parent, relativeTo: URL(fileURLWithPath: base + "/"))
                        .standardizedFileURL.path
                    guard FileManager.default.fileExists(atPath: resolved) else {
                        throw fail("no such file: \(parent)", at: value)
                    }
                    inherited = inherited.merging(try load(resolved, visiting: visiting + [path]))
                }
            case "target":
                guard let target = value.string, ConfigurationLoader.targets.contains(target) else {
                    throw fail("expected one of \(ConfigurationLoader.targets.sorted().joined(separator: ", "))", at: value)
                }
                configuration.target = target
            case "sites":
                configuration.siteFolders = try strings(value, fail: fail).map { folder in
                    URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: base + "/")).standardizedFileURL.path
                }
            case "exclude":
                configuration.exclude = try strings(value, fail: fail).map { ExcludePattern(glob: $0, base: base) }
            case "rules":
                try readRules(value, into: &configuration, fail: fail)
            default:
                throw fail("unknown key; expected one of \(ConfigurationLoader.topLevelKeys.sorted().joined(separator: ", "))")
            }
        }
        configuration.sources = [path]
        return inherited.merging(configuration)
    }

    private func readRules(_ value: Yams.Node, into configuration: inout Configuration,
                           fail: (String, Yams.Node?, String?) -> ConfigurationError) throws {
        guard case .mapping(let rules) = value else { throw fail("expected a mapping of rule ids", value, nil) }
        for (idNode, setting) in rules {
            let id = idNode.string ?? ""
            guard knownRules.contains(id) else {
                throw fail("unknown rule '\(id)'; run `newslint rules` for the list", idNode, "rules.\(id)")
            }
            switch setting {
            case .scalar(let scalar):
                configuration.levels[id] = try level(scalar.string, node: setting, key: "rules.\(id)", fail: fail)
            case .mapping(let options):
                for (optionNode, optionValue) in options {
                    let option = optionNode.string ?? ""
                    if option == "level" {
                        configuration.levels[id] = try level(optionValue.string ?? "", node: optionValue,
                                                             key: "rules.\(id).level", fail: fail)
                    } else if let list = optionValue.sequence {
                        configuration.options[id, default: [:]][option] = .list(list.compactMap(\.string))
                    } else if let scalar = optionValue.string {
                        configuration.options[id, default: [:]][option] = .scalar(scalar)
                    } else {
                        throw fail("expected a value or a list", optionValue, "rules.\(id).\(option)")
                    }
                }
            default:
                throw fail("expected off, warning, error or a mapping of options", setting, "rules.\(id)")
            }
        }
    }

    private func level(_ text: String, node: Yams.Node, key: String,
                       fail: (String, Yams.Node?, String?) -> ConfigurationError) throws -> RuleLevel {
        // YAML reads a bare `off` as the boolean false.
        guard let level = RuleLevel(rawValue: text.lowercased() == "false" ? "off" : text.lowercased()) else {
            throw fail("expected off, warning or error, found '\(text)'", node, key)
        }
        return level
    }

    private func strings(_ value: Yams.Node, fail: (String, Yams.Node?, String?) -> ConfigurationError) throws -> [String] {
        if let scalar = value.string { return [scalar] }
        guard let items = value.sequence?.map({ $0.string }), !items.contains(nil) else {
            throw fail("expected a string or a list of strings", value, nil)
        }
        return items.compactMap { $0 }
    }
}

/// A configuration problem, printed as `path:line: key 'k': reason`.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int?
    public let key: String?
    public let reason: String

    public init(path: String, line: Int?, key: String?, reason: String) {
        self.path = path
        self.line = line
        self.key = key
        self.reason = reason
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        let keyText = key.map { "key '\($0)': " } ?? ""
        return "\(location): \(keyText)\(reason)"
    }
}
