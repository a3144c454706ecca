import Foundation

/// Check results kept on disk between runs, so an unchanged file is not parsed again.
///
/// An entry is found by a SHA-256 over everything that can change a result: the file's bytes, the
/// newslint version, the rule set and site profiles (their fingerprint) and the resolved settings of the
/// run. A change to any of them misses the cache; there is no timestamp logic to go stale. Entries are
/// written atomically; one that cannot be decoded is reported as corrupt and rebuilt.
public struct ResultCache: Sendable {
    public let directory: String
    private let settingsKey: String

    /// What a cached check produced.
    public struct Entry: Codable, Sendable {
        public let findings: [Finding]
        public let lines: [Int: String]

        public init(findings: [Finding], lines: [Int: String]) {
            self.findings = findings
            self.lines = lines
        }
    }

    public enum Lookup: Sendable {
        case hit(Entry)
        case miss
        /// The entry exists but is unreadable; it will be replaced.
        case corrupt(path: String)
    }

    /// `settings` names every option that changes results (selected rules, forced site …).
    public init(directory: String, settings: String, fingerprint: String = SiteCatalog.builtInFingerprint,
                version: String = NewslintVersion.number) {
        self.directory = directory
        settingsKey = SHA256.hex("newslint \(version)\u{0}\(fingerprint)\u{0}\(settings)")
    }

    /// The key of a file's entry.
    public func key(for bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(settingsKey.utf8)
        hasher.update(bytes)
        return hasher.hexDigest()
    }

    public func lookup(_ key: String) -> Lookup {
        let path = entryPath(key)
        guard let data = FileManager.default.contents(atPath: path) else { return .miss }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: data) else { return .corrupt(path: path) }
        return .hit(entry)
    }

    /// Stores an entry; failures are ignored, since the cache only saves time.
    public func store(_ entry: Entry, for key: String) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        let path = entryPath(key)
        let manager = FileManager.default
        try? manager.createDirectory(atPath: PathText.folder(of: path),
                                     withIntermediateDirectories: true)
        let ignore = directory + "/.gitignore"
        if !manager.fileExists(atPath: ignore) {
            try? AtomicFileWriter.write("# Created by newslint: the cache is not for version control.\n*\n", to: ignore)
        }
        try? AtomicFileWriter.write(String(decoding: data, as: UTF8.self), to: path)
    }

    private func entryPath(_ key: String) -> String {
        "\(directory)/v1/\(key.prefix(2))/\(key).json"
    }
}
