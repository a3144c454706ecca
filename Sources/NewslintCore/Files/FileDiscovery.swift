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

    /// The posts under `paths`, found as they are asked for: in the order of their paths' bytes, each once.
    /// Nothing holds the whole list, so a run over a million posts keeps only the folders being walked in
    /// memory.
    ///
    /// Folders in `skipping` are not walked when reached from a folder above them: `fix --out` passes its
    /// output folder, which files are written to while the walk goes on (a list made before the run could not
    /// see them; a walk could). A folder named in `paths` is walked even when skipped.
    public static func walk(_ paths: [String], skipping: [String] = []) -> Walk {
        Walk(paths, skipping: Set(skipping.map(FolderPath.resolvedAhead)))
    }

    /// True when one of the folders in `paths` is `folder` or lies inside it (followed through links, and
    /// whether `folder` exists yet or not).
    public static func anyFolder(in paths: [String], isWithin folder: String) -> Bool {
        let outer = FolderPath.resolvedAhead(folder)
        return paths.contains { path in
            guard case .directory = Entry(path) else { return false }
            let inner = FolderPath.resolved(path)
            return inner == outer || inner.starts(with: outer + [UInt8(ascii: "/")])
        }
    }

    /// The merged walk of the paths: the files and unusable paths named on the command line, and one
    /// `FolderWalk` per folder, each in path order, taken smallest path first through a heap. A post reached
    /// twice (named, and inside a named folder) comes once; errors are all reported.
    public struct Walk: Sequence, IteratorProtocol {
        private var named: IndexingIterator<[Found]>
        private var folders: [FolderWalk] = []
        /// The next entry of each source (0 is the named paths, then each folder), smallest path on top.
        private var heads = PathHeap()
        private var lastPost: String?

        init(_ paths: [String], skipping: Set<[UInt8]>) {
            var named: [Found] = []
            for path in paths {
                switch Entry(path) {
                case .directory: folders.append(FolderWalk(root: path, skipping: skipping))
                case .file: named.append(.post(path))
                case .unusable(let reason): named.append(.unusable(path: path, reason: reason))
                }
            }
            // The standard library's sort is stable: a path named twice keeps its order.
            self.named = named.sorted { PathOrder.precedes($0.path, $1.path) }.makeIterator()
            if let first = self.named.next() { heads.push(first, from: 0) }
            for index in folders.indices {
                if let first = folders[index].next() { heads.push(first, from: index + 1) }
            }
        }

        public mutating func next() -> Found? {
            while let (found, source) = heads.pop() {
                let following = source == 0 ? named.next() : folders[source - 1].next()
                if let following { heads.push(following, from: source) }
                if case .post(let path) = found {
                    if let lastPost, PathOrder.same(lastPost, path) { continue }
                    lastPost = path
                }
                return found
            }
            return nil
        }
    }
}

/// Paths in the order of their UTF-8 bytes, as Git and ruff order them. Swift's `<` and `==` on strings
/// treat canonically equivalent names as equal (`café` composed and decomposed), but they name two files.
enum PathOrder {
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    static func same(_ left: String, _ right: String) -> Bool {
        left.utf8.elementsEqual(right.utf8)
    }
}

/// A min-heap of the walk's next entries by path, then by source, so that a named path comes before the same
/// path inside a named folder. With one entry per source, a walk of many folder arguments stays linear.
struct PathHeap {
    private var entries: [(found: FileDiscovery.Found, source: Int)] = []

    mutating func push(_ found: FileDiscovery.Found, from source: Int) {
        entries.append((found, source))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (FileDiscovery.Found, Int)? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count, precedes(entries[left], entries[smallest]) { smallest = left }
            if right < entries.count, precedes(entries[right], entries[smallest]) { smallest = right }
            guard smallest != parent else { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return (top.found, top.source)
    }

    private func precedes(_ left: (found: FileDiscovery.Found, source: Int),
                          _ right: (found: FileDiscovery.Found, source: Int)) -> Bool {
        if PathOrder.precedes(left.found.path, right.found.path) { return true }
        return PathOrder.same(left.found.path, right.found.path) && left.source < right.source
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
