internal import CLibXML2

/// A small CSS-like selector, matched in Swift during a walk (no XPath context per query).
///
/// Grammar: a comma-separated list of descendant chains of compound selectors. A compound is an
/// optional tag name or `*`, then any number of `.class`, `#id`, `[attr]`, `[attr=value]`,
/// `[attr~=word]`, `[attr^=prefix]` and `[attr*=substring]`. Values may be quoted.
/// Examples: `div.appendQr_wrap`, `.copy-code-btn`, `font[cms-style~=strong-Bold]`, `div.quote blockquote`.
public struct Selector: Hashable, Sendable, CustomStringConvertible {
    public let source: String
    let alternatives: [[Compound]]

    /// Selectors are equal when their text is: the text decides what they match.
    public static func == (lhs: Selector, rhs: Selector) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    public var description: String { source }

    /// Parses `source`, or throws `SelectorError` naming the offending position.
    public init(_ source: String) throws {
        self.source = source
        var parser = SelectorParser(source)
        alternatives = try parser.parseList()
    }

    /// True when `node` is an element that matches the selector.
    public func matches(_ node: Node) -> Bool {
        guard node.isElement else { return false }
        return alternatives.contains { chain in Selector.matches(chain: chain, count: chain.count, node: node) }
    }

    /// Every matching element below `root`, in document order.
    public func matches(under root: Node) -> [Node] {
        root.descendants.filter { matches($0) }
    }

    /// True when `node` matches the first `count` compounds of `chain`: the last of them itself, the others
    /// on ancestors, in order. Compounds are read in place (copying one retains each of its strings).
    private static func matches(chain: [Compound], count: Int, node: Node) -> Bool {
        guard count > 0, chain[count - 1].matches(node) else { return false }
        guard count > 1 else { return true }
        var ancestor = node.parent
        while let candidate = ancestor {
            if matches(chain: chain, count: count - 1, node: candidate) { return true }
            ancestor = candidate.parent
        }
        return false
    }
}

/// Selectors indexed by the tag their last compound names, to find the first one (in list order) that matches an
/// element: an element is tested only against the selectors that can match its tag, not against every one.
///
/// The rules test every element of a body against the promo, page-chrome, related-block and presentational lists;
/// most elements match none of them, and most selectors name a tag the element does not have.
public struct SelectorIndex: Sendable {
    /// The selectors by position; nil holds a place that never matches.
    private let selectors: [Selector?]
    /// For each tag a last compound names, the positions of the selectors that can match an element with that tag,
    /// ascending: those with an alternative ending in the tag, and those with an alternative ending without one.
    private let candidatesByTag: [(tag: [UInt8], positions: [Int])]
    /// The positions of the selectors with an alternative whose last compound names no tag: the only candidates
    /// for an element whose tag no selector names.
    private let anyTagPositions: [Int]

    /// Indexes `selectors`; positions given back are positions in this array, and nil places never match.
    public init(_ selectors: [Selector?]) {
        self.selectors = selectors
        var anyTag: [Int] = []
        var byTag: [[UInt8]: Set<Int>] = [:]
        for (position, selector) in selectors.enumerated() {
            for chain in selector?.alternatives ?? [] {
                if let tag = chain.last?.tag { byTag[Array(tag.utf8), default: []].insert(position) }
                else if anyTag.last != position { anyTag.append(position) }
            }
        }
        anyTagPositions = anyTag
        candidatesByTag = byTag.map { tag, positions in (tag, positions.union(anyTag).sorted()) }
    }

    /// Indexes `selectors`; positions given back are positions in this array.
    public init(_ selectors: [Selector]) {
        self.init(selectors.map(Optional.some))
    }

    /// The position of the first selector that matches `node`, or nil when none does (or `node` is no element).
    /// The same answer as `selectors.firstIndex { $0?.matches(node) == true }`.
    public func firstIndex(matching node: Node) -> Int? {
        guard node.isElement, let tag = node.pointer.pointee.name else { return nil }
        let candidates = candidatesByTag.first { SelectorIndex.isTag(tag, named: $0.tag) }?.positions ?? anyTagPositions
        return candidates.first { selectors[$0]?.matches(node) == true }
    }

    /// True when some selector matches `node`.
    public func containsMatch(_ node: Node) -> Bool {
        firstIndex(matching: node) != nil
    }

    /// True when the NUL-terminated `tag`, lower-cased as `Node.isElement(named:)` lower-cases it, is `name`.
    private static func isTag(_ tag: UnsafePointer<UInt8>, named name: [UInt8]) -> Bool {
        for (index, byte) in name.enumerated() where tag[index].asciiLowercased != byte { return false }
        return tag[name.count] == 0
    }
}

public struct SelectorError: Error, CustomStringConvertible, Equatable {
    public let selector: String
    public let reason: String
    public var description: String { "invalid selector '\(selector)': \(reason)" }
}

/// One compound of a chain (`div.quote`). A class: matching reads compounds out of arrays for every element,
/// and copying a struct of strings and arrays retained each of them.
final class Compound: Sendable {
    /// The parts of a compound while it is being parsed.
    struct Parts {
        var tag: String?
        var classes: [String] = []
        var id: String?
        var attributes: [AttributeTest] = []
    }

    let tag: String?
    let classes: [String]
    let id: String?
    let attributes: [AttributeTest]

    init(_ parts: Parts) {
        tag = parts.tag
        classes = parts.classes
        id = parts.id
        attributes = parts.attributes
    }

    func matches(_ node: Node) -> Bool {
        if let tag, !node.isElement(named: tag) { return false }
        if let id, node.attribute("id") != id { return false }
        if !classes.isEmpty, !hasClasses(node) { return false }
        return attributes.allSatisfy { $0.matches(node) }
    }

    /// True when the element's `class` holds every class of the compound.
    private func hasClasses(_ node: Node) -> Bool {
        node.testAttribute("class",
                           inASCII: { bytes in classes.allSatisfy { Compound.hasWord($0, inASCII: bytes) } },
                           otherwise: { value in classes.allSatisfy { Compound.hasWord($0, in: value) } })
    }

    static func hasWord(_ word: String, inASCII bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        return bytes.split(whereSeparator: \.isASCIIWhiteSpace).contains { $0.elementsEqual(word.utf8) }
    }

    /// True when `word` is one of the whitespace-separated words of `value`. An ASCII value is read as bytes.
    static func hasWord(_ word: String, in value: String) -> Bool {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
            return value.split(whereSeparator: \.isWhitespace).contains { $0 == word }
        }
        return value.utf8.split(whereSeparator: \.isASCIIWhiteSpace).contains { $0.elementsEqual(word.utf8) }
    }
}

struct AttributeTest: Hashable, Sendable {
    enum Operator: String, Sendable { case exists = "", equals = "=", word = "~=", prefix = "^=", contains = "*=" }
    var name: String
    var op: Operator
    var value: String

    func matches(_ node: Node) -> Bool {
        // Closures, not method references: a partially applied method allocates its context on every call.
        node.testAttribute(name, inASCII: { matches(ascii: $0) }, otherwise: { matches(actual: $0) })
    }

    /// The test on the value as a string, which compares characters as `String` does.
    private func matches(actual: String) -> Bool {
        switch op {
        case .exists: return true
        case .equals: return actual == value
        case .word: return Compound.hasWord(value, in: actual)
        case .prefix: return actual.hasPrefix(value)
        // Code point for code point, as browsers compare (an empty value matches nothing).
        case .contains:
            return !value.isEmpty && actual.utf8.indices.contains { actual.utf8[$0...].starts(with: value.utf8) }
        }
    }

    /// The test on an ASCII value read in place, or nil where only `matches(actual:)` answers as `String` does:
    /// a non-ASCII `value` can equal an ASCII one as characters (K and the Kelvin sign), and `\r\n` is one
    /// character, so a prefix that ends in `\r` is left to the string.
    private func matches(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch op {
        case .exists: return true
        case .equals: return value.utf8.allSatisfy { $0 < 0x80 } ? bytes.elementsEqual(value.utf8) : nil
        case .word: return Compound.hasWord(value, inASCII: bytes)
        case .prefix: return nil
        case .contains: return !value.isEmpty && bytes.indices.contains { bytes[$0...].starts(with: value.utf8) }
        }
    }
}

private extension Node {
    /// Tests attribute `name`'s value: an ASCII value read in place with `inASCII` (without making a string: most
    /// elements are tested against several selectors), any other with `otherwise`; false when the attribute is
    /// absent. `inASCII` answers nil to leave a value to `otherwise`.
    func testAttribute(_ name: String, inASCII: (UnsafeBufferPointer<UInt8>) -> Bool?,
                       otherwise: (String) -> Bool) -> Bool {
        let inPlace = readAttributeBytes(name) { bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? inASCII(bytes) : nil
        }
        switch inPlace {
        case .absent: return false
        case .read(let answer?): return answer
        case .read(nil), .notPlain:
            guard let value = attribute(name) else { return false }
            return otherwise(value)
        }
    }
}

private struct SelectorParser {
    let source: String
    let characters: [Character]
    var index = 0

    init(_ source: String) {
        self.source = source
        characters = Array(source)
    }

    mutating func parseList() throws -> [[Compound]] {
        var list: [[Compound]] = []
        var chain: [Compound] = []
        skipSpaces()
        while index < characters.count {
            if characters[index] == "," {
                guard !chain.isEmpty else { throw error("empty selector before ','") }
                list.append(chain)
                chain = []
                index += 1
                skipSpaces()
                continue
            }
            chain.append(try parseCompound())
            skipSpaces()
        }
        guard !chain.isEmpty else { throw error("empty selector") }
        list.append(chain)
        return list
    }

    mutating func parseCompound() throws -> Compound {
        var compound = Compound.Parts()
        let start = index
        if index < characters.count, characters[index] == "*" {
            index += 1
        } else if let name = readName() {
            compound.tag = name.lowercased()
        }
        while index < characters.count {
            switch characters[index] {
            case ".":
                index += 1
                guard let name = readName() else { throw error("class name expected after '.'") }
                compound.classes.append(name)
            case "#":
                index += 1
                guard let name = readName() else { throw error("id expected after '#'") }
                compound.id = name
            case "[":
                index += 1
                compound.attributes.append(try parseAttribute())
            case " ", "\t", ",":
                return Compound(compound)
            default:
                throw error("unexpected '\(characters[index])'")
            }
        }
        guard index > start else { throw error("selector expected") }
        return Compound(compound)
    }

    mutating func parseAttribute() throws -> AttributeTest {
        guard let name = readName() else { throw error("attribute name expected after '['") }
        var op = AttributeTest.Operator.exists
        for candidate in [AttributeTest.Operator.word, .prefix, .contains, .equals] where lookingAt(candidate.rawValue) {
            op = candidate
            index += candidate.rawValue.count
            break
        }
        var value = ""
        if op != .exists {
            value = try readValue()
        }
        guard index < characters.count, characters[index] == "]" else { throw error("']' expected") }
        index += 1
        return AttributeTest(name: name.lowercased(), op: op, value: value)
    }

    mutating func readValue() throws -> String {
        guard index < characters.count else { throw error("attribute value expected") }
        let quote = characters[index]
        if quote == "\"" || quote == "'" {
            index += 1
            var value = ""
            while index < characters.count, characters[index] != quote {
                value.append(characters[index])
                index += 1
            }
            guard index < characters.count else { throw error("unterminated quoted value") }
            index += 1
            return value
        }
        var value = ""
        while index < characters.count, characters[index] != "]" {
            value.append(characters[index])
            index += 1
        }
        return value
    }

    mutating func readName() -> String? {
        var name = ""
        while index < characters.count {
            let character = characters[index]
            guard character.isLetter || character.isNumber || character == "-" || character == "_" else { break }
            name.append(character)
            index += 1
        }
        return name.isEmpty ? nil : name
    }

    func lookingAt(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        let end = index + text.count
        guard end <= characters.count else { return false }
        return String(characters[index..<end]) == text
    }

    mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    func error(_ reason: String) -> SelectorError {
        SelectorError(selector: source, reason: "\(reason) at offset \(index)")
    }
}
