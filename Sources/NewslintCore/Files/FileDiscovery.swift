import Foundation

/// Expands the paths given on the command line into the post files to process.
///
/// Directories are walked for `*.md`, `*.markdown`, `*.html` and `*.htm`, skipping hidden entries,
/// `.git` and `node_modules`. Files named explicitly are taken whatever their extension, because
/// pre-commit passes file names. The result is sorted and free of duplicates.
public enum FileDiscovery {
    public static let postExtensions: Set<String> = ["md", "markdown", "html", "htm"]
    static let skippedDirectories: Set<String> = [".git", "node_modules"]

    public struct Result: Sendable {
        public var files: [String] = []
        /// Paths that do not exist or cannot be listed, with the reason.
        public var errors: [(path: String, reason: String)] = []
    }

    public static func discover(_ paths: [String]) -> Result {
        var result = Result()
        var seen = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.errors.append((path, "no such file or directory"))
                continue
            }
            if !isDirectory.boolValue {
                if seen.insert(path).inserted { result.files.append(path) }
                continue
            }
            for file in walk(path, errors: &result.errors) where seen.insert(file).inserted {
                result.files.append(file)
            }
        }
        result.files.sort()
        return result
    }

    private static func walk(_ directory: String, errors: inout [(path: String, reason: String)]) -> [String] {
        var files: [String] = []
        var pending = [directory]
        var visited = Set<String>()
        let manager = FileManager.default
        while let current = pending.popLast() {
            let resolved = (try? manager.destinationOfSymbolicLink(atPath: current)).map { _ in
                URL(fileURLWithPath: current).resolvingSymlinksInPath().path
            } ?? URL(fileURLWithPath: current).standardizedFileURL.path
            guard visited.insert(resolved).inserted else { continue }
            let entries: [String]
            do {
                entries = try manager.contentsOfDirectory(atPath: current)
            } catch {
                errors.append((current, "cannot list the directory"))
                continue
            }
            for entry in entries.sorted() where !entry.hasPrefix(".") && !skippedDirectories.contains(entry) {
                let path = current.hasSuffix("/") ? current + entry : current + "/" + entry
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else if postExtensions.contains((entry as NSString).pathExtension.lowercased()) {
                    files.append(path)
                }
            }
        }
        return files
    }
}
