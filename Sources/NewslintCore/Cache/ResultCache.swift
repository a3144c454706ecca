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
    public struct Entry: Equatable, Sendable {
        public let findings: [Finding]
        public let lines: [Int: String]
        /// The edits of the file's safe fixes, what `check`'s JSON and SARIF reports carry; nil when the run that
        /// stored the entry did not work them out.
        public let edits: [TextEdit]?

        public init(findings: [Finding], lines: [Int: String], edits: [TextEdit]? = nil) {
            self.findings = findings
            self.lines = lines
            self.edits = edits
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
        guard let bytes = FileBytes.read(path) else { return .miss }
        guard let entry = CacheEntryCodec.decode(bytes) else { return .corrupt(path: path) }
        return .hit(entry)
    }

    /// Stores an entry; failures are ignored, since the cache only saves time.
    ///
    /// The entry goes to a temporary file renamed over its path, so a reader never sees half an entry, but
    /// it is not flushed: a flush per file made a first run with the cache four times slower than one
    /// without it. An entry that a crash leaves empty or cut short fails to decode and is rebuilt.
    public func store(_ entry: Entry, for key: String) {
        let path = entryPath(key)
        let bytes = Array(CacheEntryCodec.encode(entry).utf8)
        if !ResultCache.write(bytes, to: path) {
            // The first entry of its folder: make the folders (and the .gitignore), then try again.
            let manager = FileManager.default
            try? manager.createDirectory(atPath: PathText.folder(of: path), withIntermediateDirectories: true)
            let ignore = directory + "/.gitignore"
            if !manager.fileExists(atPath: ignore) {
                try? AtomicFileWriter.write("# Created by newslint: the cache is not for version control.\n*\n", to: ignore)
            }
            _ = ResultCache.write(bytes, to: path)
        }
    }

    private func entryPath(_ key: String) -> String {
        "\(directory)/v3/\(key.prefix(2))/\(key)"
    }

    /// Writes `bytes` to a temporary file and renames it to `path`. False only when the folder is missing.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = PathText.folder(of: path) + "/" + AtomicFileWriter.temporaryName(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return errno != ENOENT }
        let written = (try? AtomicFileWriter.fill(descriptor, with: bytes, path: temporary)) != nil
        if close(descriptor) != 0 || !written || rename(temporary, path) != 0 { unlink(temporary) }
        return true
    }
}
