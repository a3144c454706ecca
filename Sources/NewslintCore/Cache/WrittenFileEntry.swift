extension ResultCache.Entry {
    /// The entry of the file `fix --write` or `fix --out` writes: its findings are what the fix left, which is
    /// what checking the written file gives (`Linter.fix` checks its output from its text), so a `check` after
    /// a `fix` is served from the cache. The excerpt lines are read from the written text as a check reads
    /// them. Nil when the fix changed nothing (the file's entry is the one it was read with) or the text does
    /// not read as a post.
    public init?(writtenBy fix: FixResult, path: String) {
        guard fix.changed, let post = try? PostReader.read(bytes: Array(fix.output.utf8), path: path) else {
            return nil
        }
        var lines: [Int: String] = [:]
        for finding in fix.remaining where lines[finding.location.line] == nil {
            lines[finding.location.line] = String(post.source.line(finding.location.line))
        }
        self.init(findings: fix.remaining, lines: lines)
    }
}
