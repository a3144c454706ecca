import Foundation
import Yams

/// Checks site-profile files against the schema: unknown keys, wrong shapes, selectors and patterns that
/// do not compile. Every problem names the file and the line.
public enum ProfileValidator {
    public struct Problem: Sendable, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let message: String
        public var description: String { "\(path):\(line): error: \(message)" }
    }

    /// The problems of one file; empty when it is a valid profile.
    public static func problems(in file: RuleFile, defaults: SiteProfileData?) -> [Problem] {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: file.contents)
        } catch let error as YamlError {
            return [Problem(path: file.path, line: YAMLErrorLine.of(error) + 1, message: YAMLErrorLine.reason(error, firstLine: 1))]
        } catch {
            return [Problem(path: file.path, line: 1, message: "\(error)")]
        }
        guard let root, case .mapping = root else {
            return [Problem(path: file.path, line: 1, message: "a profile is a mapping of keys")]
        }
        var problems: [Problem] = []
        checkKeys(root, section: "", path: file.path, into: &problems)
        guard problems.isEmpty else { return problems }
        do {
            let data = try file.decode()
            let base = defaults ?? data
            _ = try SiteProfile(defaults: base, site: data.id == "defaults" ? nil : data)
        } catch {
            problems.append(Problem(path: file.path, line: 1, message: "\(error)".replacingOccurrences(of: "\(file.path): ", with: "")))
        }
        return problems
    }

    /// Keys whose values are lists of mappings, checked with the key set of their own name.
    private static let listSections: Set<String> = ["promo_blocks", "related_blocks", "examples", "redirects"]

    private static func checkKeys(_ node: Yams.Node, section: String, path: String, into problems: inout [Problem]) {
        guard case .mapping(let mapping) = node else { return }
        let allowed = SiteProfileData.allowedKeys[section] ?? []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 1
            guard allowed.contains(key) else {
                let place = section.isEmpty ? "at the top level" : "in '\(section)'"
                problems.append(Problem(path: path, line: line,
                                        message: "unknown key '\(key)' \(place); expected one of \(allowed.sorted().joined(separator: ", "))"))
                continue
            }
            if SiteProfileData.allowedKeys[key] != nil {
                if listSections.contains(key), let items = value.sequence {
                    for item in items { checkKeys(item, section: key, path: path, into: &problems) }
                } else {
                    checkKeys(value, section: key, path: path, into: &problems)
                }
            }
        }
    }
}

extension SiteCatalog {
    /// The built-in profiles plus the `*.yml` files of `folders` (each a folder of site profiles).
    public static func builtIn(addingFolders folders: [String]) throws -> SiteCatalog {
        guard !folders.isEmpty else { return try builtIn() }
        var data = EmbeddedRuleFiles.profiles
        for folder in folders {
            for file in try RuleFile.files(in: folder) where !file.path.hasSuffix("/defaults.yml") {
                data.append(try file.decode(examples: false))
            }
        }
        return try SiteCatalog(data: data)
    }
}

extension RuleFile {
    /// The `*.yml` files directly in `folder` and in its `sites/` subfolder, sorted.
    public static func files(in folder: String) throws -> [RuleFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteCatalogError(path: folder, reason: "not a folder of site profiles")
        }
        var paths: [String] = []
        for directory in [folder, (folder as NSString).appendingPathComponent("sites")] {
            let names = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            paths += names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
                .map { (directory as NSString).appendingPathComponent($0) }
        }
        return try paths.sorted().map { path in
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw SiteCatalogError(path: path, reason: "cannot read the file")
            }
            return RuleFile(path: path, contents: contents)
        }
    }
}
