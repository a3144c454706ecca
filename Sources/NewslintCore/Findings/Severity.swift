/// How serious a finding is. Both make `check` exit 1; the level tells a reader what to fix first.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    /// Leftovers a reader does not see broken but that do not belong in the post.
    case warning
    /// Something a reader sees broken: literal entities, images that do not load, ads as thumbnails.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
