import Foundation

/// Expands the paths given on the command line into the post files to process.
///
/// Directories are walked for `*.md` and `*.markdown`, skipping hidden entries, `.git` and `node_modules`;
/// a directory is walked whatever its name, so `x.md/` is a folder, not a post. HTML files are not walked:
/// a site's folders hold layouts and includes, and `fix` writes Markdown. Files named explicitly are taken
/// whatever their extension, because pre-commit passes file names; reading refuses `.html`/`.htm` ones with
/// `PostError.htmlFile`.
///
/// Only regular files (or symbolic links to them) are returned, so that reading one can neither block (a
/// FIFO) nor run forever (a device). A post path that cannot be used is an error with its reason: missing,
/// a dangling symbolic link, a symbolic link loop, not a regular file, or over `PostReader.maximumFileSize`
/// (refused here, before a byte of it is read).
public enum FileDiscovery {
    public static let postExtensions: Set<String> = ["md", "markdown"]
    static let skippedDirectories: Set<String> = [".git", "node_modules"]

    /// One thing the walk found: a post to process, or a path that cannot be used and why.
    public enum Found: Sendable, Equatable {
        case post(String)
        case unusable(path: String, reason: String)

        public var path: String {
            switch self {
            case .post(let path), .unusable(let path, _): path
            }
        }
    }

    /// The posts under `paths`, found as they are asked for: sorted by path, each once. Nothing holds the
    /// whole list, so a run over a million posts keeps only the folders being walked in memory.
    ///
    /// Folders in `skipping` are not walked: `fix --out` passes its output folder, which files are written to
    /// while the walk goes on (a list made before the run could not see them; a walk could).
    public static func walk(_ paths: [String], skipping: [String] = []) -> Walk {
        Walk(paths, skipping: Set(skipping.map(FolderWalk.resolvedAhead)))
    }

    /// The merged walk of the paths: the files and unusable paths named on the command line, and one
    /// `FolderWalk` per folder, each in sorted order, taken smallest path first. A post reached twice (named,
    /// and inside a named folder) comes once; errors are all reported.
    public struct Walk: Sequence, IteratorProtocol {
        private var named: [Found]
        private var namedIndex = 0
        private var folders: [FolderWalk] = []
        private var heads: [Found?] = []
        private var lastPost: String?

        init(_ paths: [String], skipping: Set<String>) {
            var named: [Found] = []
            for path in paths {
                switch Entry(path) {
                case .directory: folders.append(FolderWalk(root: path, skipping: skipping))
                case .file: named.append(.post(path))
                case .unusable(let reason): named.append(.unusable(path: path, reason: reason))
                }
            }
            self.named = named.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }
                .map(\.element)
            heads = folders.indices.map { folders[$0].next() }
        }

        public mutating func next() -> Found? {
            while true {
                // The smallest path among the named entries' next and each folder's next; the named first on a tie.
                var chosen: Int?  // nil: the named entries; else a folder
                var smallest = namedIndex < named.count ? named[namedIndex] : nil
                for (index, head) in heads.enumerated() {
                    guard let head else { continue }
                    if smallest == nil || head.path < smallest!.path {
                        smallest = head
                        chosen = index
                    }
                }
                guard let found = smallest else { return nil }
                if let folder = chosen {
                    heads[folder] = folders[folder].next()
                } else {
                    namedIndex += 1
                }
                if case .post(let path) = found {
                    guard path != lastPost else { continue }
                    lastPost = path
                }
                return found
            }
        }
    }
}

/// One folder's posts in sorted order, depth first. Each folder's entries are sorted with a `/` after the
/// names of folders, as Git sorts trees, so that `a-b.md` comes before `a/c.md` as their paths do; then the
/// order of the walk is the order of the paths. Only the folders on the way down are held in memory.
struct FolderWalk: IteratorProtocol {
    /// An entry of a folder on the stack. Its path is made when it is reached: a flat folder of 100,000 posts
    /// holds only their names.
    private struct Listed {
        let name: String
        /// What the entry sorts by: the name, with a `/` after a folder's (the same storage for a file).
        let key: String
        let kind: Kind
    }

    private enum Kind {
        case folder
        case post
        case unusable(String)
    }

    private var pendingRoot: String?
    private var stack: [(folder: String, entries: [Listed], next: Int)] = []
    /// Symbolic links to folders are followed once, however they are reached, so a loop ends; folders to skip
    /// are in it from the start.
    private var visited: Set<String>

    /// `skipping` holds resolved folder paths (see `resolved(_:)`) that are not walked.
    init(root: String, skipping: Set<String> = []) {
        pendingRoot = root
        visited = skipping
    }

    /// The folder's absolute path with symbolic links resolved: the same folder however it is reached.
    static func resolved(_ folder: String) -> String {
        URL(fileURLWithPath: folder).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// `resolved(_:)` of a folder that may not exist yet (`fix --out` makes its folder when it first writes):
    /// Foundation resolves no link in a path that does not exist, so its existing start is resolved and the
    /// rest appended, which is what `resolved(_:)` gives once the folder is made.
    static func resolvedAhead(_ folder: String) -> String {
        var existing = URL(fileURLWithPath: folder).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.pathComponents.count > 1 {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().standardizedFileURL.path
        for component in missing { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }

    mutating func next() -> FileDiscovery.Found? {
        if let root = pendingRoot {
            pendingRoot = nil
            if let error = enter(root) { return error }
        }
        while let top = stack.last {
            guard top.next < top.entries.count else {
                stack.removeLast()
                continue
            }
            let listed = top.entries[top.next]
            stack[stack.count - 1].next += 1
            let path = FolderWalk.path(of: listed.name, in: top.folder)
            switch listed.kind {
            case .post: return .post(path)
            case .unusable(let reason): return .unusable(path: path, reason: reason)
            case .folder: if let error = enter(path) { return error }
            }
        }
        return nil
    }

    /// Lists the folder and puts its entries on the stack; the error when it cannot be listed.
    private mutating func enter(_ folder: String) -> FileDiscovery.Found? {
        guard visited.insert(FolderWalk.resolved(folder)).inserted else { return nil }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            return .unusable(path: folder, reason: "cannot list the directory")
        }
        var entries: [Listed] = []
        for name in names where !name.hasPrefix(".") && !FileDiscovery.skippedDirectories.contains(name) {
            let isPost = FileDiscovery.postExtensions.contains((name as NSString).pathExtension.lowercased())
            switch FileDiscovery.Entry(FolderWalk.path(of: name, in: folder)) {
            case .directory: entries.append(Listed(name: name, key: name + "/", kind: .folder))
            case .file where isPost: entries.append(Listed(name: name, key: name, kind: .post))
            case .unusable(let reason) where isPost: entries.append(Listed(name: name, key: name, kind: .unusable(reason)))
            case .file, .unusable: break
            }
        }
        entries.sort { $0.key < $1.key }
        stack.append((folder, entries, 0))
        return nil
    }

    private static func path(of name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

extension FileDiscovery {
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
}
