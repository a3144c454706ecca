import NewslintDOM

/// Reads, checks and fixes posts with a fixed list of rules and the site catalog.
///
/// A `Linter` holds only immutable, `Sendable` state, so one instance serves every file of a run.
public struct Linter: Sendable {
    public let rules: [any Rule]
    public let catalog: SiteCatalog
    /// The site to use for every post instead of detecting it.
    public let forcedSite: String?
    /// Severities set by the configuration, by rule id.
    public let severities: [String: Severity]
    /// Rule options from the configuration, by rule id.
    public let options: [String: [String: ConfigValue]]
    /// Every rule id a suppression may name (the built-in rules and the engine's checks).
    public let knownRuleIDs: Set<String>
    /// How the Markdown writer protects template syntax in the article.
    public let target: PublishingTarget
    /// Each rule's description, in the order of `rules`: read once, since a rule builds it on every read.
    let descriptions: [RuleDescription]
    /// The ids of `rules`, the rules a suppression can silence in this run.
    let activeRuleIDs: Set<String>
    /// Whether each of `rules` reads an HTML body and a Markdown body: tested for every rule on every pass, where
    /// asking the descriptions' sets hashed the format each time.
    private let readsHTML: [Bool]
    private let readsMarkdown: [Bool]
    /// Whether the fixer uses a rule's earlier check while nothing it read has changed (`RuleCheck`). Off, it asks
    /// every rule again after every change: the reference the tests hold the shortcut to.
    var reusesChecks = true

    public init(rules: [any Rule], catalog: SiteCatalog, forcedSite: String? = nil,
                severities: [String: Severity] = [:], options: [String: [String: ConfigValue]] = [:],
                knownRuleIDs: Set<String>? = nil, target: PublishingTarget = .commonmark) {
        self.target = target
        self.rules = rules
        self.catalog = catalog
        self.forcedSite = forcedSite
        self.severities = severities
        self.options = options
        self.knownRuleIDs = (knownRuleIDs ?? Set(rules.map(\.id))).union(Linter.engineRuleIDs)
        descriptions = rules.map(\.description)
        activeRuleIDs = Set(descriptions.map(\.id))
        readsHTML = descriptions.map { $0.formats.contains(.html) }
        readsMarkdown = descriptions.map { $0.formats.contains(.markdown) }
    }

    /// Whether the rule at `index` in `rules` reads a body of `format`.
    func ruleReads(_ index: Int, _ format: BodyFormat) -> Bool {
        switch format {
        case .html: readsHTML[index]
        case .markdown: readsMarkdown[index]
        }
    }

    /// The checks the engine itself reports.
    public static let engineRuleIDs: Set<String> = [ContentLoss.id, Suppressions.unusedID, Suppressions.unknownID]

    /// Checks a post and returns its findings, sorted by location.
    public func check(_ post: Post) throws -> [Finding] {
        let context = try makeContext(for: post)
        return findings(in: context)
    }

    /// Builds the context a rule pass reads: the DOM (for HTML bodies) and the matched site profile.
    func makeContext(for post: Post, site: String? = nil) throws -> RuleContext {
        let document = post.bodyFormat == .html ? try HTMLBody.parse(post.body) : nil
        return RuleContext(post: post, document: document, profile: profile(for: post, document: document, site: site),
                           options: options)
    }

    /// Every finding of every rule that reads the post's body format.
    func findings(in context: RuleContext) -> [Finding] {
        findings(of: forEachRule(reading: context) { $0.check(context) }, in: context)
    }

    /// Each rule's check of the context's current state, aligned with `rules`: nil for a rule that does not read
    /// the post's body format.
    func checks(in context: RuleContext) -> [RuleCheck?] {
        forEachRule(reading: context) { RuleCheck($0, in: context) }
    }

    /// `body` of each rule that reads the context's body format, aligned with `rules`: nil for the others.
    private func forEachRule<Value>(reading context: RuleContext, _ body: (any Rule) -> Value) -> [Value?] {
        let format = context.bodyFormat
        return rules.indices.map { index in ruleReads(index, format) ? body(rules[index]) : nil }
    }

    /// The findings of `violations` (each rule's for `context`, nil for a rule that does not read its format),
    /// sorted by location, with the post's suppressions applied.
    func findings(of violations: [[Violation]?], in context: RuleContext) -> [Finding] {
        var result: [Finding] = []
        for (description, ruleViolations) in zip(descriptions, violations) {
            for violation in ruleViolations ?? [] {
                let location = violation.location
                let offset = context.post.source.fileOffset(line: location.line, column: location.column)
                result.append(Finding(
                    ruleID: description.id,
                    severity: severities[description.id] ?? violation.severity ?? description.severity,
                    message: violation.message,
                    location: location, utf8Offset: offset, fixTitle: violation.fix?.title,
                    fixApplicability: violation.fix?.applicability))
            }
        }
        let sorted = result.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
        return Suppressions.apply(to: sorted, post: context.post, knownRules: knownRuleIDs,
                                  activeRules: activeRuleIDs)
    }

    private func profile(for post: Post, document: HTMLDocument?, site: String?) -> SiteProfile {
        if let id = site ?? forcedSite, let profile = catalog.profile(id: id) { return profile }
        return catalog.profile(for: post, hosts: document.map(Linter.hosts(in:)) ?? [])
    }

    /// Hosts of links and images, for recognising the site.
    static func hosts(in document: HTMLDocument) -> [String] {
        document.body.descendants.compactMap { node -> String? in
            guard node.isElement else { return nil }
            let url = node.name == "a" ? node.attribute("href") : node.name == "img" ? node.attribute("src") : nil
            return url.flatMap(URLParts.host(of:))
        }
    }
}
