import NewslintDOM

/// What a rule sees of one post, and the handles its fixes edit.
///
/// HTML bodies come with their DOM (`document`); Markdown bodies with `markdown`, whose fixes are text edits.
/// The front matter is edited through `editFrontMatter`, which keeps untouched keys byte-identical.
public final class RuleContext {
    /// The post as the fixes left it. Reading it counts as reading every part (`partsRead`).
    public var post: Post {
        partsRead = .all
        return current
    }
    /// The DOM of an HTML body.
    public var document: HTMLDocument? {
        partsRead.insert(.body)
        return storedDocument
    }
    /// A Markdown body.
    public var markdown: MarkdownBody? {
        partsRead.insert(.body)
        return storedMarkdown
    }
    public let profile: SiteProfile
    /// The body's format, which no fix changes.
    public var bodyFormat: BodyFormat { current.bodyFormat }
    /// What was read of the post since `startReading()`: the engine learns from it which edits can change what
    /// a rule reports.
    private(set) var partsRead: PostParts = []
    private var current: Post
    private let storedDocument: HTMLDocument?
    private let storedMarkdown: MarkdownBody?
    private let locator: NodeLocator?
    private let options: [String: [String: ConfigValue]]
    /// Values computed from the post by `derived`, until the post changes. Room for the few a pass computes is
    /// made up front, so filling the table does not grow it step by step (it is never iterated, so its capacity
    /// changes nothing that is read from it).
    private var derivedValues = [String: AnyObject](minimumCapacity: 16)

    init(post: Post, document: HTMLDocument?, profile: SiteProfile, options: [String: [String: ConfigValue]] = [:]) {
        current = post
        storedDocument = document
        self.profile = profile
        self.options = options
        if let document {
            storedMarkdown = nil
            locator = NodeLocator(body: post.body, bodyFirstLine: post.bodyFirstLine, root: document.body)
        } else {
            storedMarkdown = MarkdownBody(text: post.body)
            locator = nil
        }
    }

    /// A rule option from the configuration (`rules: {rule-id: {name: value}}`), or nil.
    public func option(_ name: String, for ruleID: String) -> ConfigValue? {
        options[ruleID]?[name]
    }

    /// The body element of an HTML post.
    public var body: Node? { document?.body }

    public var frontMatter: FrontMatter? {
        partsRead.insert(.frontMatter)
        return current.frontMatter
    }

    /// Changes the front matter.
    public func editFrontMatter(_ edit: (inout FrontMatter) -> Void) {
        guard var frontMatter = current.frontMatter else { return }
        edit(&frontMatter)
        current.frontMatter = frontMatter
        frontMatterRevision &+= 1
        postDidChange()
    }

    // MARK: What a rule read

    /// A number that changes with every edit of the front matter.
    private(set) var frontMatterRevision = 0

    /// A number that changes with every edit of the body.
    var bodyRevision: Int { storedDocument?.revision ?? storedMarkdown?.revision ?? 0 }

    /// Starts recording the parts of the post read from here on (`partsRead`).
    func startReading() {
        partsRead = []
    }

    // MARK: Derived data

    /// A value several rules compute from the post (the promo widgets, the Markdown links…), computed on first
    /// use and then shared until a fix changes the post. `key` names the computation; one key, one type.
    public func derived<Value>(_ key: String, _ compute: () -> Value) -> Value {
        // Boxed, so that reading a value back is a class check; casting `Any` to an array type checks the
        // conformances of its elements on every read.
        if let known = derivedValues[key] as? DerivedBox<Value> {
            // A value read back counts as reading what computing it read.
            partsRead.formUnion(known.parts)
            return known.value
        }
        let readBefore = partsRead
        partsRead = []
        let value = compute()
        derivedValues[key] = DerivedBox(value, parts: partsRead)
        partsRead.formUnion(readBefore)
        return value
    }

    /// Forgets the derived values. The fixer calls it after every fix it applies.
    func postDidChange() {
        derivedValues.removeAll(keepingCapacity: true)
    }

    // MARK: Locations

    public func location(of node: Node) -> Location {
        locator?.location(of: node) ?? bodyStart
    }

    /// Where `needle` first occurs in the source at or after `node`.
    public func location(of needle: String, from node: Node) -> Location {
        locator?.location(of: needle, from: node) ?? bodyStart
    }

    /// Where the value of a front-matter key starts.
    public func location(ofKey key: String) -> Location {
        guard let frontMatter = self.frontMatter, let line = frontMatter.line(ofKey: key) else { return bodyStart }
        return Location(line: line, column: frontMatter.valueColumn(ofKey: key))
    }

    /// Where `needle` first occurs on the line of a front-matter key; the value's start when absent.
    public func location(of needle: String, inKey key: String) -> Location {
        guard let frontMatter = self.frontMatter, let line = frontMatter.line(ofKey: key),
              let column = frontMatter.column(of: needle, inKey: key) else { return location(ofKey: key) }
        return Location(line: line, column: column)
    }

    /// The location of a UTF-8 offset in a Markdown body.
    public func location(ofMarkdownOffset offset: Int) -> Location {
        guard let markdown else { return bodyStart }
        let position = markdown.source.position(ofUTF8Offset: offset)
        return Location(line: current.bodyFirstLine + position.line - 1, column: position.column)
    }

    /// The first line of the body.
    public var bodyStart: Location { Location(line: current.bodyFirstLine, column: 1) }
}

/// The parts of a post that fixes edit, and that a rule may read.
struct PostParts: OptionSet {
    let rawValue: UInt8
    static let frontMatter = PostParts(rawValue: 1)
    static let body = PostParts(rawValue: 2)
    static let all: PostParts = [.frontMatter, .body]
}

/// One derived value, held by reference, with the parts of the post computing it read.
private final class DerivedBox<Value> {
    let value: Value
    let parts: PostParts
    init(_ value: Value, parts: PostParts) {
        self.value = value
        self.parts = parts
    }
}
