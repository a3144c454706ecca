import Foundation

/// Paths inside the repository and beside it, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The example posts bundled in `Examples/`.
    static var examplePosts: [URL] {
        let directory = url("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// `../shared/corpus/posts` beside the checkout (or `NEWSLINT_CORPUS`), when present.
    static var corpusDirectory: URL? {
        let configured = ProcessInfo.processInfo.environment["NEWSLINT_CORPUS"]
        let candidate = configured.map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus/posts")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return candidate
    }

    static var corpusPosts: [URL] {
        guard let directory = corpusDirectory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static var updatingSnapshots: Bool {
        ProcessInfo.processInfo.environment["NEWSLINT_UPDATE_SNAPSHOTS"] == "1"
    }
}
