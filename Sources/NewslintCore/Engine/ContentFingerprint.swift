import NewslintDOM

/// What the content-loss guard compares before and after the fixes: the article's visible characters
/// (whitespace ignored), its link targets and its image sources.
///
/// Text is compared scalar by scalar: counting `Character`s hashed each one with Unicode normalisation,
/// which made the guard a tenth of a fix run; a scalar count is as strict (it also sees a lost accent).
/// The visible scalars are kept as their UTF-8 bytes: runs of them are copied from the text at once, and two
/// fingerprints are compared as bytes; they are decoded only to count a loss.
struct ContentFingerprint {
    /// The UTF-8 bytes of the visible scalars, in the article's order (whitespace left out).
    private(set) var visibleText: [UInt8] = []
    var links: [String] = []
    var images: [String] = []

    /// The fingerprint of everything below `node` (and the node itself).
    init(of node: Node) {
        add(node)
        for descendant in node.descendants { add(descendant) }
    }

    init() {}

    private mutating func add(_ node: Node) {
        if node.isElement {
            if node.isElement(named: "a"), let href = node.attribute("href"), !href.isEmpty { links.append(href) }
            if node.isElement(named: "img"), let src = node.attribute("src"), !src.isEmpty { images.append(src) }
            return
        }
        guard node.isText, !node.hasAncestor(named: ContentFingerprint.invisible) else { return }
        ContentFingerprint.appendVisible(node.text, to: &visibleText)
    }

    /// Appends the bytes of the scalars of `text` that `isIgnorable` keeps, a run of them at a time.
    static func appendVisible(_ text: String, to visible: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let width: Int
                let ignorable: Bool
                if lead < 0x80 {
                    width = 1
                    ignorable = lead.isASCIIWhiteSpace
                } else if ContentFingerprint.mayLeadIgnorable(lead) {
                    let decoded = UTF8Scalar.decode(bytes, at: index)
                    width = decoded.width
                    ignorable = isIgnorable(decoded.scalar)
                } else {
                    // Ideographs and most other scripts: no ignorable scalar starts with this byte.
                    width = UTF8Scalar.width(ofLead: lead)
                    ignorable = false
                }
                if ignorable {
                    visible.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    runStart = index + width
                }
                index += width
            }
            visible.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// True for the first bytes of the UTF-8 of the non-ASCII ignorable scalars: U+0085 and U+00A0 (C2), U+1680
    /// (E1), U+2000–U+2060 (E2), U+3000 (E3) and U+FEFF (EF).
    private static func mayLeadIgnorable(_ lead: UInt8) -> Bool {
        switch lead {
        case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: true
        default: false
        }
    }

    static let invisible: TagNames = ["style", "script", "template", "noscript"]

    /// Whitespace of every kind, which fixes may normalise freely.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        // White_Space, the zero-width space, the byte order mark and the word joiner.
        scalar.isWhiteSpace || scalar.value == 0x200B || scalar.value == 0xFEFF || scalar.value == 0x2060
    }

    /// Calls `body` with each visible scalar, in order.
    private func forEachCharacter(_ body: (Unicode.Scalar) -> Void) {
        visibleText.withUnsafeBufferPointer { ContentFingerprint.forEachScalar(in: $0, from: 0, to: $0.count, body) }
    }

    /// Adds a declared removal.
    mutating func declare(_ removed: ContentFingerprint) {
        visibleText += removed.visibleText
        links += removed.links
        images += removed.images
    }

    /// What `before` had that `after` lacks, beyond what `declared` accounts for.
    ///
    /// Characters are compared as counts, not as an aligned sequence: a moved paragraph (the editor line)
    /// is not a loss, and no diff alignment can mistake which characters went.
    static func loss(before: ContentFingerprint, after: ContentFingerprint, declared: ContentFingerprint) -> Loss {
        var loss = Loss()
        // Most fixes leave the text as it was, or take out only what their rules declared: then no character is
        // lost, which the changed middle of the texts tells without counting the whole article.
        if before.visibleText != after.visibleText,
           mayLoseCharacters(before: before.visibleText, after: after.visibleText, declared: declared.visibleText) {
            var counts = ScalarCounts()
            before.forEachCharacter { counts.add($0, 1) }
            after.forEachCharacter { counts.add($0, -1) }
            declared.forEachCharacter { counts.add($0, -1) }
            before.forEachCharacter { character in
                guard counts.count(of: character) > 0 else { return }
                loss.characters.append(character)
                counts.add(character, -1)
            }
        }
        loss.links = missing(before.links, after.links, allowed: declared.links)
        loss.images = missing(before.images, after.images, allowed: declared.images)
        return loss
    }

    /// False when no scalar of `before` outnumbers its copies in `after` and `declared` together, which is when
    /// `loss` lists no character.
    ///
    /// Only the middle of the two texts is counted, between their common start and their common end (cut at
    /// scalar boundaries): those scalars are in both texts, so a scalar's surplus in `before` over `after` is its
    /// surplus in the middles. A scalar with a surplus over both is in `before`'s middle, where it is looked for.
    static func mayLoseCharacters(before: [UInt8], after: [UInt8], declared: [UInt8]) -> Bool {
        before.withUnsafeBufferPointer { before in
            after.withUnsafeBufferPointer { after in
                declared.withUnsafeBufferPointer { declared in
                    let (start, beforeEnd, afterEnd) = changedMiddle(before, after)
                    guard start < beforeEnd else { return false }
                    var counts = ScalarCounts()
                    forEachScalar(in: before, from: start, to: beforeEnd) { counts.add($0, 1) }
                    forEachScalar(in: after, from: start, to: afterEnd) { counts.add($0, -1) }
                    forEachScalar(in: declared, from: 0, to: declared.count) { counts.add($0, -1) }
                    var surplus = false
                    forEachScalar(in: before, from: start, to: beforeEnd) { if counts.count(of: $0) > 0 { surplus = true } }
                    return surplus
                }
            }
        }
    }

    /// Where the two valid UTF-8 texts start to differ, and where each one's common end starts; all three are scalar
    /// boundaries, and the common start and end do not overlap in either text.
    static func changedMiddle(_ before: UnsafeBufferPointer<UInt8>, _ after: UnsafeBufferPointer<UInt8>)
        -> (start: Int, beforeEnd: Int, afterEnd: Int) {
        let shorter = min(before.count, after.count)
        var start = 0
        while start < shorter, before[start] == after[start] { start += 1 }
        // A difference inside a scalar: its first bytes are common, the scalar is not.
        while start > 0, start < before.count, !ScalarStarts.isStart(before[start]) { start -= 1 }
        var common = 0
        while common < shorter - start, before[before.count - 1 - common] == after[after.count - 1 - common] {
            common += 1
        }
        // The common end starts at a scalar's first byte in both texts (their bytes from there on are equal).
        while common > 0, !ScalarStarts.isStart(before[before.count - common]) { common -= 1 }
        return (start, before.count - common, after.count - common)
    }

    /// Calls `body` with each scalar of valid UTF-8 `bytes` from offset `start` (a scalar boundary) to `end`.
    private static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                      _ body: (Unicode.Scalar) -> Void) {
        var index = start
        while index < end {
            let (scalar, width) = UTF8Scalar.decode(bytes, at: index)
            body(scalar)
            index += width
        }
    }

    /// Counts per scalar: a table for the Basic Multilingual Plane, where nearly all text is, so counting an
    /// article's characters does not hash each one.
    private struct ScalarCounts {
        private var basic = [Int32](repeating: 0, count: 0x10000)
        private var others: [UInt32: Int32] = [:]

        mutating func add(_ scalar: Unicode.Scalar, _ amount: Int32) {
            if scalar.value < 0x10000 {
                basic[Int(scalar.value)] += amount
            } else {
                others[scalar.value, default: 0] += amount
            }
        }

        func count(of scalar: Unicode.Scalar) -> Int32 {
            scalar.value < 0x10000 ? basic[Int(scalar.value)] : others[scalar.value] ?? 0
        }
    }

    struct Loss {
        /// The lost characters, in the order they stood in the article.
        var characters: [Unicode.Scalar] = []
        var links: [String] = []
        var images: [String] = []
        /// The lost text as it read, when the fixer could find the node that held it.
        var text: String?
        var isEmpty: Bool { characters.isEmpty && links.isEmpty && images.isEmpty }

        var description: String {
            var parts: [String] = []
            let shown = text ?? String(String.UnicodeScalarView(characters))
            if !shown.isEmpty { parts.append("text '\(shown.count > 40 ? String(shown.prefix(40)) + "…" : shown)'") }
            if let link = links.first { parts.append("link \(link)") }
            if let image = images.first { parts.append("image \(image)") }
            return parts.joined(separator: ", ")
        }
    }

    private static func missing(_ before: [String], _ after: [String], allowed: [String]) -> [String] {
        // Most fixes keep every link and image: then each item of `before` has its copy in `after`.
        if before == after { return [] }
        var available: [String: Int] = [:]
        for item in after + allowed { available[item, default: 0] += 1 }
        return before.filter { item in
            guard let count = available[item], count > 0 else { return true }
            available[item] = count - 1
            return false
        }
    }
}
