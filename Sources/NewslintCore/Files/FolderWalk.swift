import Foundation

/// One folder's posts in the order of their paths' bytes, depth first. Each folder's entries are sorted with a
/// `/` after the names of folders, as Git sorts trees, so that `a-b.md` comes before `a/c.md` as their paths
/// do; then the order of the walk is the order of the paths. Only the folders on the way down are held in
/// memory.
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
    /// The resolved paths of the folders entered (see `FolderPath`): a folder reached again through a symbolic
    /// link is not walked twice, so a loop ends.
    private var visited = Set<[UInt8]>()
    private let skipping: Set<[UInt8]>

    /// `skipping` holds resolved folder paths (see `FolderPath`) not walked below `root`.
    init(root: String, skipping: Set<[UInt8]> = []) {
        pendingRoot = root
        self.skipping = skipping
    }

    mutating func next() -> FileDiscovery.Found? {
        if let root = pendingRoot {
            pendingRoot = nil
            if let error = enter(root, isRoot: true) { return error }
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
    private mutating func enter(_ folder: String, isRoot: Bool = false) -> FileDiscovery.Found? {
        let resolved = FolderPath.resolved(folder)
        guard isRoot || !skipping.contains(resolved), visited.insert(resolved).inserted else { return nil }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            return .unusable(path: folder, reason: "cannot list the directory")
        }
        var entries: [Listed] = []
        for name in names where !name.hasPrefix(".") && !FileDiscovery.skippedDirectories.contains(name) {
            let isPost = FileDiscovery.postExtensions.contains(PathText.pathExtension(of: name).lowercased())
            switch FileDiscovery.Entry(FolderWalk.path(of: name, in: folder)) {
            case .directory: entries.append(Listed(name: name, key: name + "/", kind: .folder))
            case .file where isPost: entries.append(Listed(name: name, key: name, kind: .post))
            case .unusable(let reason) where isPost: entries.append(Listed(name: name, key: name, kind: .unusable(reason)))
            case .file, .unusable: break
            }
        }
        entries.sort { PathOrder.precedes($0.key, $1.key) }
        stack.append((folder, entries, 0))
        return nil
    }

    private static func path(of name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// Folder paths resolved to bytes: `realpath(3)`, so that `..` after a symbolic link goes where the kernel
/// goes, and bytes, so that two names Swift finds equal (composed and decomposed) stay two folders.
enum FolderPath {
    /// The real path of an existing folder; its path as given, made absolute, when `realpath` fails.
    static func resolved(_ folder: String) -> [UInt8] {
        real(folder) ?? Array(URL(fileURLWithPath: folder).standardizedFileURL.path.utf8)
    }

    /// `resolved(_:)` of a folder that may not exist yet (`fix --out` makes its folder when it first writes):
    /// the longest start of the path that exists is resolved, and the rest appended by name, which is what
    /// `resolved(_:)` gives once those folders are made.
    static func resolvedAhead(_ folder: String) -> [UInt8] {
        let components = folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var existing = components.count
        var base: [UInt8]?
        while existing > 0, base == nil {
            let prefix = components[..<existing].joined(separator: "/")
            base = real(prefix.isEmpty ? "/" : prefix)
            if base == nil { existing -= 1 }
        }
        var parts = (base ?? real(".") ?? []).split(separator: UInt8(ascii: "/")).map(Array.init)
        for component in components[existing...] {
            switch component {
            case "", ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(Array(component.utf8))
            }
        }
        guard !parts.isEmpty else { return [UInt8(ascii: "/")] }
        return parts.reduce(into: [UInt8]()) { path, part in path += [UInt8(ascii: "/")] + part }
    }

    private static func real(_ path: String) -> [UInt8]? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved)).map { UInt8(bitPattern: $0) })
    }
}
