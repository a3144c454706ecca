import Foundation

/// Everything a rule says about itself: identity, documentation, fixability and examples.
///
/// The examples are the rule's documentation (`newslint rules <id>`) and its tests: one parameterised
/// test checks that every triggering example fires at its `↓` markers, every non-triggering example
/// stays clean, and every correction produces its expected output.
public struct RuleDescription: Sendable {
    /// Kebab-case name of the problem, e.g. `ad-comment`.
    public let id: String
    /// One line: what the rule finds.
    public let summary: String
    /// Why the finding matters, for `newslint rules <id>`.
    public let rationale: String
    public let kind: RuleKind
    public let fixAvailability: FixAvailability
    public let severity: Severity
    /// The body formats the rule reads. Front-matter rules read both.
    public let formats: Set<BodyFormat>
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]
    public let corrections: [RuleCorrection]

    public init(
        id: String, summary: String, rationale: String, kind: RuleKind, fixAvailability: FixAvailability,
        severity: Severity = .warning, formats: Set<BodyFormat> = [.html],
        triggering: [RuleExample], nonTriggering: [RuleExample], corrections: [RuleCorrection]
    ) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.kind = kind
        self.fixAvailability = fixAvailability
        self.severity = severity
        self.formats = formats
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
    }
}

/// The group a rule belongs to, used to order `newslint rules`.
public enum RuleKind: String, Sendable, CaseIterable {
    case boilerplate, markup, media, frontMatter = "front-matter", content, format
}

/// Whether findings of a rule can be fixed, and how safely.
public enum FixAvailability: String, Sendable {
    case none
    case safe
    case unsafe
    /// Safe when the post has what the fix needs, unsafe otherwise.
    case safeOrUnsafe = "safe or unsafe"
}

/// A post for a rule example. The `↓` character marks where a finding is expected and is removed before parsing.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// A body fragment, or a whole post when it starts with `---`.
    public let text: String
    /// The site profile to check with; nil uses the one detected from the post (or the defaults).
    public let site: String?

    public init(_ text: String, site: String? = nil) {
        self.text = text
        self.site = site
    }

    public var description: String { text }

    /// The example as a file: front matter plus body, with markers removed.
    public var postText: String { text.replacingOccurrences(of: RuleExample.marker, with: "") }

    public static let marker = "↓"
}

/// A correction example: the input, and the post after the rule's fixes (HTML bodies re-serialised by libxml2).
public struct RuleCorrection: Sendable {
    public let input: RuleExample
    public let expected: String
    /// True when the correction needs `--unsafe-fixes`.
    public let unsafe: Bool

    public init(_ input: RuleExample, _ expected: String, unsafe: Bool = false) {
        self.input = input
        self.expected = expected
        self.unsafe = unsafe
    }
}
