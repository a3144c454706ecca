/// Glob matching for `exclude`: `*` matches within a path segment, `**` across segments, `?` one character.
/// A pattern without `/` matches the file name in any folder, as in `.gitignore`.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        if !pattern.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return match(Array(pattern), Array(name)) || match(Array(pattern), Array(path))
        }
        let trimmed = pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern
        return match(Array(trimmed), Array(path))
            || (trimmed.hasSuffix("/**") == false && match(Array(trimmed + "/**"), Array(path)))
    }

    private static func match(_ pattern: [Character], _ text: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func step(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "*", p + 1 < pattern.count, pattern[p + 1] == "*" {
                // `**/` also matches no folder at all.
                let next = p + 2 < pattern.count && pattern[p + 2] == "/" ? p + 3 : p + 2
                result = step(next, t) || (t < text.count && step(p, t + 1))
            } else if pattern[p] == "*" {
                result = step(p + 1, t) || (t < text.count && text[t] != "/" && step(p, t + 1))
            } else if t < text.count, pattern[p] == "?" ? text[t] != "/" : pattern[p] == text[t] {
                result = step(p + 1, t + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return step(0, 0)
    }
}
