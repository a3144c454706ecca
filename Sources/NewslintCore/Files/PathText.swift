/// The parts of a file path, read from its bytes.
///
/// `NSString`'s path methods trap on some non-ASCII paths in swift-corelibs-foundation:
/// `deletingLastPathComponent` on a bare name such as `新` (a post without an extension, in the current folder),
/// `lastPathComponent` and `pathExtension` on `//新`. These give the same answers, as plain byte work.
public enum PathText {
    /// The folder of `path`, as `NSString.deletingLastPathComponent` gives it (less its folding of `//` inside
    /// the folder, which names the same folder): "" for a bare name, "/" for a file at the root.
    public static func folder(of path: String) -> String {
        let bytes = withoutTrailingSlashes(path)
        guard let last = bytes.lastIndex(of: slash) else { return "" }
        var folder = bytes[..<last]
        while folder.count > 1, folder.last == slash { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(decoding: folder, as: UTF8.self)
    }

    /// The last component of `path`, trailing slashes ignored (`NSString.lastPathComponent`).
    public static func lastComponent(of path: String) -> String {
        let bytes = withoutTrailingSlashes(path)
        guard bytes.count > 1 || bytes.first != slash else { return "/" }
        let start = bytes.lastIndex(of: slash).map { $0 + 1 } ?? bytes.startIndex
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// What follows the last `.` of the last component (`NSString.pathExtension`): "" when there is none, or
    /// when that `.` starts the name (`.profile`).
    public static func pathExtension(of path: String) -> String {
        let name = Array(lastComponent(of: path).utf8)
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")

    /// The path's bytes without trailing slashes; a lone `/` stays.
    private static func withoutTrailingSlashes(_ path: String) -> ArraySlice<UInt8> {
        var bytes = Array(path.utf8)[...]
        while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
        return bytes
    }
}
