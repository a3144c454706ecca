import Foundation
import Yams

/// All site knowledge available to a run: the defaults and every site profile, compiled once.
public struct SiteCatalog: Sendable {
    public let defaults: SiteProfile
    /// The raw defaults, the base every profile is merged over.
    public let defaultsData: SiteProfileData
    /// The profile of each site, compiled when first asked for, with the data used to recognise the site.
    private let sites: [(data: SiteProfileData, profile: LazySiteProfile)]

    /// The profiles built into the binary (from `rules/` at build time).
    /// The profiles built into the binary (from `rules/` at build time). Without `examples`, the values compiled
    /// in are used as they are; with `examples`, the embedded YAML is decoded again to read each profile's
    /// `examples:` (for running them).
    public static func builtIn(examples: Bool = false) throws -> SiteCatalog {
        examples ? try SiteCatalog(files: embeddedFiles, examples: true)
            : try SiteCatalog(data: EmbeddedRuleFiles.profiles, compilingSitesWhenUsed: true)
    }

    /// The YAML files compiled into the binary.
    public static var embeddedFiles: [RuleFile] {
        EmbeddedRuleFiles.files.map { RuleFile(path: "rules/" + $0.path, contents: $0.contents) }
    }

    /// Loads `defaults.yml` and `sites/*.yml` contents. Errors name the file.
    /// The profiles' `examples:` are skipped unless `examples` is true: a run does not need them.
    public init(files: [RuleFile], examples: Bool = false) throws {
        try self.init(data: files.map { try $0.decode(examples: examples) })
    }

    /// Compiles decoded profiles: the one with id `defaults`, and the sites merged over it.
    ///
    /// With `compilingSitesWhenUsed`, a site's profile is compiled the first time a post of the site asks for it:
    /// a one-file run compiles the defaults and at most one site, not every site's patterns, and the patterns are
    /// compiled when first used. Only for the built-in profiles, whose every pattern and selector the tests compile;
    /// profiles from files are compiled here, so a broken one is reported when it is loaded.
    public init(data: [SiteProfileData], compilingSitesWhenUsed: Bool = false) throws {
        guard let defaultsData = data.first(where: { $0.id == "defaults" }) else {
            throw SiteCatalogError(path: "rules/defaults.yml", reason: "no profile with id 'defaults'")
        }
        self.defaultsData = defaultsData
        defaults = try SiteProfile(defaults: defaultsData, site: nil, builtIn: compilingSitesWhenUsed)
        sites = try data.filter { $0.id != "defaults" }.map { data in
            if compilingSitesWhenUsed { return (data, LazySiteProfile(defaults: defaultsData, site: data)) }
            do {
                return (data, LazySiteProfile(try SiteProfile(defaults: defaultsData, site: data)))
            } catch {
                throw SiteCatalogError(path: "site '\(data.id)'", reason: "\(error)")
            }
        }
    }

    /// The ids of the site profiles, sorted.
    public var siteIDs: [String] { sites.map(\.data.id).sorted() }

    /// The raw data of every profile, defaults excluded (`examples` is nil unless the catalog was loaded with them).
    public var siteData: [SiteProfileData] { sites.map(\.data) }

    /// The profile with `id`, or nil.
    public func profile(id: String) -> SiteProfile? {
        id == "defaults" ? defaults : sites.first { $0.data.id == id }?.profile.compiled
    }

    /// The profile of the site the post comes from: by author, then categories, then the hosts of
    /// links and images in the body; the defaults when nothing matches.
    /// `hosts` is read only when neither the author nor the categories name a site.
    public func profile(for post: Post, hosts: @autoclosure () -> [String]) -> SiteProfile {
        let author = post.frontMatter?.string("author").map(SiteCatalog.baseSource)
        if let author, let site = sites.first(where: { $0.data.match?.authors?.contains(author) == true }) {
            return site.profile.compiled
        }
        let categories = Set(post.frontMatter?.strings("categories").map(SiteCatalog.baseSource) ?? [])
        if let site = sites.first(where: { !categories.isDisjoint(with: $0.data.match?.categories ?? []) }) {
            return site.profile.compiled
        }
        let hosts = hosts()
        let site = sites.first { candidate in
            let known = candidate.data.match?.hosts ?? []
            return hosts.contains { host in SiteProfile.host(host, isIn: known) }
        }
        return site?.profile.compiled ?? defaults
    }

    /// `开源中国 - 资讯` → `开源中国`: feeds append the sub-column to the source name.
    static func baseSource(_ value: String) -> String {
        let trimmed = String(value.trimmingSpaces)
        guard let range = trimmed.range(of: " - ") else { return trimmed }
        return String(trimmed[..<range.lowerBound])
    }
}

/// A site's profile, compiled now or when first asked for; shared by the worker threads.
final class LazySiteProfile: @unchecked Sendable {
    private enum State {
        case compiled(SiteProfile)
        case pending(defaults: SiteProfileData, site: SiteProfileData)
    }

    private let lock = NSLock()
    private var state: State

    init(_ profile: SiteProfile) {
        state = .compiled(profile)
    }

    init(defaults: SiteProfileData, site: SiteProfileData) {
        state = .pending(defaults: defaults, site: site)
    }

    /// The profile. A built-in profile that does not compile is a defect of the build, which the tests catch.
    var compiled: SiteProfile {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .compiled(let profile):
            return profile
        case .pending(let defaults, let site):
            do {
                let profile = try SiteProfile(defaults: defaults, site: site, builtIn: true)
                state = .compiled(profile)
                return profile
            } catch {
                preconditionFailure("built-in site profile '\(site.id)' does not compile: \(error)")
            }
        }
    }
}

/// A YAML file of site knowledge.
public struct RuleFile: Sendable {
    public let path: String
    public let contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    func decode(examples: Bool = true) throws -> SiteProfileData {
        do {
            let text = examples ? contents : RuleFile.removingExamples(from: contents)
            return try YAMLDecoder().decode(SiteProfileData.self, from: text)
        } catch let error as DecodingError {
            throw SiteCatalogError(path: path, reason: SiteCatalogError.describe(error))
        } catch {
            throw SiteCatalogError(path: path, reason: "\(error)".split(separator: "\n").first.map(String.init) ?? "")
        }
    }
}

extension RuleFile {
    /// `text` without its top-level `examples:` entry: the key's line and every line up to the next top-level
    /// key. In block YAML a top-level key starts in column 0 and nothing inside a value does, except the `- `
    /// items of a sequence written at the key's own indentation, comments and blank lines; those stay part of
    /// the entry. Removed lines become blank lines, so error line numbers are unchanged.
    static func removingExamples(from text: String) -> String {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var inExamples = false
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if let first = line.first, !" \t\r#-".utf8.contains(first) {
                inExamples = line.starts(with: "examples:".utf8)
            }
            if !inExamples { kept += line }
            if lineEnd < bytes.count { kept.append(UInt8(ascii: "\n")) }
            lineStart = lineEnd + 1
        }
        return String(decoding: kept, as: UTF8.self)
    }
}

/// A profile that could not be loaded, naming its file.
public struct SiteCatalogError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(([key] + context.codingPath.reversed()).reversed().map(\.stringValue).joined(separator: "."))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "" : "key '\(path)': ")\(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension SiteCatalog {
    /// A fingerprint of the built-in site knowledge, for `--version` and cache keys: `fingerprint(of:)` of the
    /// embedded files, computed when they were generated.
    public static var builtInFingerprint: String { EmbeddedRuleFiles.fingerprint }

    /// The SHA-256 of `files` sorted by path, each as its path and contents.
    static func fingerprint(of files: [(path: String, contents: String)]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.update(file.path + "\u{0}" + file.contents + "\u{0}")
        }
        return hasher.hexDigest()
    }
}
