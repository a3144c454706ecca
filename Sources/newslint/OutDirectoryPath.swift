import Foundation

/// Where `fix --out DIR` writes a post: always inside DIR.
///
/// The post's path is taken relative to the current directory, with `.` and `..` resolved by name (symbolic
/// links are not followed): `content/a.md` and `./content/x/../a.md` are written to `DIR/content/a.md`. A path
/// that leads outside the current directory keeps what follows its leading `..` components or its root:
/// `../other/a.md` goes to `DIR/other/a.md`, `/srv/posts/a.md` to `DIR/srv/posts/a.md`.
enum OutDirectoryPath {
    static func target(for path: String, in directory: String,
                       currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        (directory as NSString).appendingPathComponent(relative(path, currentDirectory: currentDirectory))
    }

    /// The path under DIR, without `.` or `..` components.
    static func relative(_ path: String, currentDirectory: String) -> String {
        let base = resolved(components(currentDirectory), isAbsolute: true)
        let absolute = absoluteComponents(path, currentDirectory: currentDirectory)
        if absolute.count > base.count, Array(absolute.prefix(base.count)) == base {
            return absolute.dropFirst(base.count).joined(separator: "/")
        }
        let outside = resolved(components(path), isAbsolute: path.hasPrefix("/")).drop { $0 == ".." }
        return outside.joined(separator: "/")
    }

    /// The absolute form of `path`, with `.` and `..` resolved by name: one file, however it was named.
    static func absolute(_ path: String, currentDirectory: String = FileManager.default.currentDirectoryPath)
        -> String {
        "/" + absoluteComponents(path, currentDirectory: currentDirectory).joined(separator: "/")
    }
}

private extension OutDirectoryPath {
    static func absoluteComponents(_ path: String, currentDirectory: String) -> [String] {
        resolved(components(path.hasPrefix("/") ? path : currentDirectory + "/" + path), isAbsolute: true)
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    /// Resolves `..` against the component before it; at the root of an absolute path it stays at the
    /// root, at the start of a relative path it is kept.
    static func resolved(_ components: [String], isAbsolute: Bool) -> [String] {
        var result: [String] = []
        for component in components {
            if component == "..", let last = result.last, last != ".." {
                result.removeLast()
            } else if component == "..", isAbsolute {
                continue
            } else {
                result.append(component)
            }
        }
        return result
    }
}
