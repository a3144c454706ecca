import Foundation

/// Expands the paths given on the command line into the post files to process.
///
/// Directories are walked for `*.md` and `*.markdown`, skipping hidden entries, `.git` and `node_modules`;
/// a directory is walked whatever its name, so `x.md/` is a folder, not a post. HTML files are not walked:
/// a site's folders hold layouts and includes, and `fix` writes Markdown. Files named explicitly are taken
/// whatever their extension, because pre-commit passes file names; reading refuses `.html`/`.htm` ones with
/// `PostError.htmlFile`.
/// The result is sorted and free of duplicates.
///
/// Only regular files (or symbolic links to them) are returned, so that reading one can neither block (a
/// FIFO) nor run forever (a device). A post path that cannot be used is an error with its reason: missing,
/// a dangling symbolic link, a symbolic link loop, not a regular file, or over `PostReader.maximumFileSize`
/// (refused here, before a byte of it is read).
public enum FileDiscovery {
    public static let postExtensions: Set<String> = ["md", "markdown"]
    static let skippedDirectories: Set<String> = [".git", "node_modules"]

    public struct Result: Sendable {
        public var files: [String] = []
        /// Paths that do not exist or cannot be listed, with the reason.
        public var errors: [(path: String, reason: String)] = []
    }

    public static func discover(_ paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            switch Entry(path) {
            case .directory:
                walk(path, into: &result.files, errors: &result.errors)
            case .file:
                result.files.append(path)
            case .unusable(let reason):
                result.errors.append((path, reason))
            }
        }
        // Duplicates (a file named twice, or inside a folder also named) are dropped once sorted: a set of
        // every path seen doubled the memory a run of many files holds.
        result.files.sort()
        var kept = 0
        for index in result.files.indices where kept == 0 || result.files[kept - 1] != result.files[index] {
            result.files.swapAt(kept, index)
            kept += 1
        }
        result.files.removeLast(result.files.count - kept)
        result.errors.sort { $0.path < $1.path }
        return result
    }
}

private extension FileDiscovery {
    /// What a path is, following symbolic links.
    enum Entry {
        case directory
        case file
        case unusable(String)

        init(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else {
                self = .unusable(Entry.missingReason(path, errno: errno))
                return
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                self = .directory
            case S_IFREG:
                let size = Int(info.st_size)
                self = size > PostReader.maximumFileSize
                    ? .unusable(PostError.tooLarge(bytes: size, limit: PostReader.maximumFileSize).description)
                    : .file
            case S_IFIFO: self = .unusable("not a regular file (a FIFO)")
            case S_IFSOCK: self = .unusable("not a regular file (a socket)")
            case S_IFCHR: self = .unusable("not a regular file (a character device)")
            case S_IFBLK: self = .unusable("not a regular file (a block device)")
            default: self = .unusable("not a regular file")
            }
        }

        static func missingReason(_ path: String, errno code: Int32) -> String {
            if code == ELOOP { return "symbolic link loop" }
            var info = stat()
            if code == ENOENT, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                return "dangling symbolic link to '\(target)'"
            }
            if code == ENOENT || code == ENOTDIR { return "no such file or directory" }
            return String(cString: strerror(code)).lowercased()
        }
    }

    /// Appends the posts under `directory` to `files`.
    static func walk(_ directory: String, into files: inout [String], errors: inout [(path: String, reason: String)]) {
        var pending = [directory]
        var visited = Set<String>()
        let manager = FileManager.default
        while let current = pending.popLast() {
            // Symbolic links to folders are followed once, however they are reached, so a loop ends.
            let resolved = URL(fileURLWithPath: current).resolvingSymlinksInPath().standardizedFileURL.path
            guard visited.insert(resolved).inserted else { continue }
            let entries: [String]
            do {
                entries = try manager.contentsOfDirectory(atPath: current)
            } catch {
                errors.append((current, "cannot list the directory"))
                continue
            }
            for name in entries.sorted() where !name.hasPrefix(".") && !skippedDirectories.contains(name) {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                let isPost = postExtensions.contains((name as NSString).pathExtension.lowercased())
                switch Entry(path) {
                case .directory:
                    pending.append(path)
                case .file where isPost:
                    files.append(path)
                case .unusable(let reason) where isPost:
                    errors.append((path, reason))
                case .file, .unusable:
                    break
                }
            }
        }
    }
}
