import ArgumentParser
import NewslintCore

/// `--shard K/N`: the files whose path hash falls in bucket K of N. The N shards partition any file list,
/// whatever the machine, so a CI matrix of N jobs checks every file exactly once.
struct Shard {
    let index: Int
    let count: Int

    init(_ text: String) throws {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index) else {
            throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/4")
        }
        self.index = index
        self.count = count
    }

    /// True when `path` is in this shard.
    func contains(_ path: String) -> Bool {
        Shard.bucket(of: path, count: count) == index - 1
    }

    /// FNV-1a over the path's UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func bucket(of path: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return Int(hash % UInt64(count))
    }
}
