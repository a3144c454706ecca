import NewslintDOM

/// Whether a fix may run by default.
public enum Applicability: String, Sendable, Comparable, Codable {
    /// Keeps every piece of the article; applied by `fix`.
    case safe
    /// May remove something a reader wants; applied only with `--unsafe-fixes`.
    case unsafe

    public static func < (lhs: Applicability, rhs: Applicability) -> Bool {
        lhs == .safe && rhs == .unsafe
    }
}

/// A change that resolves a finding. It edits the post being fixed when applied.
///
/// A fix captures the nodes it changes, so it is valid only for the document it was found in and
/// only until the next edit of that document; the fixer re-checks after each rule's fixes.
public struct Fix {
    /// What the fix does, in the imperative ("remove the <style> block").
    public let title: String
    public let applicability: Applicability
    let action: Action
    /// The nodes whose content the fix removes on purpose, as boilerplate; the content-loss guard
    /// accepts their text, links and images going away, and nothing else.
    let declaredRemovals: [Node]

    enum Action {
        /// Edits the DOM, the Markdown text or the front matter.
        case edit(() -> Void)
        /// Asks the fixer to write the HTML body as Markdown once the DOM is clean.
        case convertBodyToMarkdown
    }

    /// A fix that edits the post. `removing` names the nodes whose content it removes on purpose.
    public init(_ title: String, applicability: Applicability = .safe, removing: [Node] = [],
                apply: @escaping () -> Void) {
        self.title = title
        self.applicability = applicability
        action = .edit(apply)
        declaredRemovals = removing
    }

    private init(title: String, action: Action) {
        self.title = title
        applicability = .safe
        self.action = action
        declaredRemovals = []
    }

    /// The fix of `html-body`: the fixer writes the cleaned DOM as Markdown instead of HTML.
    public static func convertBodyToMarkdown(_ title: String) -> Fix {
        Fix(title: title, action: .convertBodyToMarkdown)
    }
}

/// What a rule reports: where, what is wrong, and how to fix it when it can be fixed.
///
/// The location and the message are computed when read: the fixer reads neither, and finding a node's
/// line and column is most of what a rule's check costs.
public struct Violation {
    private let locate: () -> Location
    private let describe: () -> String
    public var location: Location { locate() }
    public var message: String { describe() }
    public let fix: Fix?
    /// A severity for this violation alone, above the rule's (a leaked credential is an error even where
    /// the rest of the rule's findings are warnings); a configured level still wins.
    public let severity: Severity?

    public init(at location: @autoclosure @escaping () -> Location, _ message: @autoclosure @escaping () -> String,
                severity: Severity? = nil, fix: Fix? = nil) {
        locate = location
        describe = message
        self.severity = severity
        self.fix = fix
    }
}
