import NewslintCore
import NewslintDOM

/// Tells from an address's bytes whether `URLRewriting.removingParameters(from:matching:)` may remove anything
/// from it. Nearly no address carries a tracking parameter, and splitting every query into items, lowering their
/// names and comparing them with each pattern as strings was most of `tracking-parameter`'s cost. Made once per
/// profile (`ProfileDerived`).
struct TrackingParameterPrefilter: Sendable {
    /// One pattern: the bytes an item's name is compared with, and how.
    private struct Pattern {
        /// The pattern before its `*` (a prefix), before its `=` (a `name=value` pattern), or all of it.
        let name: Range<Int>
        /// All of the pattern, which a fragment without `=` is compared with.
        let whole: Range<Int>
        /// `utm_*`: a name that starts with `name` matches.
        let isPrefix: Bool
    }

    /// The patterns' bytes, one after the other: one array rather than one per pattern, since a prefilter is made
    /// for every check.
    private let bytes: [UInt8]
    private let patterns: [Pattern]
    /// A pattern is not ASCII. Names are compared as strings, and a non-ASCII string can be canonically equivalent
    /// to an ASCII one (U+037E and `;`): every address with a query or fragment is left to the string path.
    private let hasNonASCIIPattern: Bool
    /// Bit `b` is set when a pattern's name starts with byte `b` (all are set when a name is empty): a name that
    /// starts with another byte matches no pattern.
    private let nameStarts: (low: UInt64, high: UInt64)

    init(_ patterns: [String]) {
        var bytes: [UInt8] = []
        var parsed: [Pattern] = []
        for pattern in patterns {
            let start = bytes.count
            bytes += pattern.utf8
            let whole = start..<bytes.count
            if bytes.last == UInt8(ascii: "*"), !whole.isEmpty {
                parsed.append(Pattern(name: start..<(bytes.count - 1), whole: whole, isPrefix: true))
            } else {
                let equals = bytes[whole].firstIndex(of: UInt8(ascii: "=")) ?? whole.upperBound
                parsed.append(Pattern(name: start..<equals, whole: whole, isPrefix: false))
            }
        }
        self.bytes = bytes
        self.patterns = parsed
        hasNonASCIIPattern = bytes.contains { $0 >= 0x80 }
        var starts: (low: UInt64, high: UInt64) = (0, 0)
        for pattern in parsed {
            guard !pattern.name.isEmpty else {
                starts = (.max, .max)
                break
            }
            let first = bytes[pattern.name.lowerBound]
            if first < 64 { starts.low |= 1 << first } else if first < 128 { starts.high |= 1 << (first - 64) }
        }
        nameStarts = starts
    }

    /// False only when `URLRewriting.removingParameters(from: url, matching: patterns)` is nil.
    ///
    /// The address is cut as `URLRewriting.Parts` cuts it, at its first `#` and the first `?` before it. A query or
    /// fragment with a byte that is not ASCII stays a candidate: there `&` may be part of a character (after a
    /// Prepend character), which the string path does not cut at, and a name may lower to different bytes. In
    /// ASCII every byte is a character of its own (`\r\n` aside, which holds neither `&` nor `=`), `lowercased()`
    /// lowers the letters alone, and strings are equal when their bytes are: an item's name is the bytes before
    /// its first `=`, compared lowered with the pattern's bytes. A `name=value` pattern whose name matches keeps
    /// the address a candidate, its value is left to the string path.
    func mayRemove(from url: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        return url.utf8.withContiguousStorageIfAvailable(mayRemove(inBytes:))
            ?? Array(url.utf8).withUnsafeBufferPointer(mayRemove(inBytes:))
    }

    private func mayRemove(inBytes url: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = ByteSearch.firstOffset(of: UInt8(ascii: "#"), in: url)
        let beforeHash = url[..<(hash ?? url.count)]
        let mark = ByteSearch.firstOffset(of: UInt8(ascii: "?"), in: UnsafeBufferPointer(rebasing: beforeHash))
        guard mark != nil || hash != nil else { return false }
        if hasNonASCIIPattern { return true }
        if let mark, mayMatchAnItem(of: beforeHash[(mark + 1)...]) { return true }
        guard let hash else { return false }
        let fragment = url[(hash + 1)...]
        guard !fragment.contains(where: { $0 >= 0x80 }) else { return true }
        // OAuth-style fragments (`#id_token=…`) are read as items; a plain anchor matches a whole pattern.
        if fragment.contains(UInt8(ascii: "=")) { return mayMatchAnItem(of: fragment) }
        return !fragment.isEmpty && patterns.contains { pattern in
            !pattern.isPrefix && lowered(fragment, equals: pattern.whole)
        }
    }

    /// True when an item of `list` (a query or fragment, cut at `&`) may match a pattern.
    private func mayMatchAnItem(of list: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !list.contains(where: { $0 >= 0x80 }) else { return true }
        var start = list.startIndex
        while true {
            let end = list[start...].firstIndex(of: UInt8(ascii: "&")) ?? list.endIndex
            let item = list[start..<end]
            let name = item[..<(item.firstIndex(of: UInt8(ascii: "=")) ?? end)]
            if let first = name.first, mayStartAName(first.asciiLowercased),
               patterns.contains(where: { matches(name, $0) }) { return true }
            guard end < list.endIndex else { return false }
            start = end + 1
        }
    }

    private func mayStartAName(_ byte: UInt8) -> Bool {
        byte < 64 ? nameStarts.low & 1 << byte != 0 : byte < 128 ? nameStarts.high & 1 << (byte - 64) != 0 : true
    }

    private func matches(_ name: Slice<UnsafeBufferPointer<UInt8>>, _ pattern: Pattern) -> Bool {
        guard pattern.isPrefix else { return lowered(name, equals: pattern.name) }
        return name.count >= pattern.name.count
            && lowered(name.prefix(pattern.name.count), equals: pattern.name)
    }

    /// True when the ASCII `text`, its capital letters made small, is the pattern bytes at `range`.
    private func lowered(_ text: Slice<UnsafeBufferPointer<UInt8>>, equals range: Range<Int>) -> Bool {
        text.count == range.count && zip(text, bytes[range]).allSatisfy { $0.asciiLowercased == $1 }
    }
}
