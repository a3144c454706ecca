import Foundation
import Testing
@testable import NewslintCore

/// Each cause that can change a result changes the cache key.
@Suite struct ResultCacheTests {
    let bytes = Array("---\ntitle: x\n---\n\nText\n".utf8)

    func key(settings: String = "rules=a,b", fingerprint: String = "f1", version: String = "1.0", bytes: [UInt8]? = nil)
        -> String {
        ResultCache(directory: "/tmp/unused", settings: settings, fingerprint: fingerprint, version: version)
            .key(for: bytes ?? self.bytes)
    }

    @Test func keyIsStable() {
        #expect(key() == key())
    }

    @Test func contentChangesTheKey() {
        #expect(key() != key(bytes: bytes + [0x0A]))
    }

    @Test func settingsChangeTheKey() {
        #expect(key() != key(settings: "rules=a"))
    }

    @Test func siteProfilesAndRulesChangeTheKey() {
        #expect(key() != key(fingerprint: "f2"))
    }

    @Test func versionChangesTheKey() {
        #expect(key() != key(version: "1.1"))
    }

    @Test func entriesRoundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ResultCache(directory: directory, settings: "s")
        let finding = Finding(ruleID: "ad-comment", severity: .warning, message: "m", location: Location(line: 3, column: 2),
                              utf8Offset: 20, fixTitle: "remove", fixApplicability: .safe)
        let cacheKey = cache.key(for: bytes)
        guard case .miss = cache.lookup(cacheKey) else { Issue.record("expected a miss"); return }
        cache.store(ResultCache.Entry(findings: [finding], lines: [3: "line"]), for: cacheKey)
        guard case .hit(let entry) = cache.lookup(cacheKey) else { Issue.record("expected a hit"); return }
        #expect(entry.findings == [finding])
        #expect(entry.lines == [3: "line"])
    }
}
