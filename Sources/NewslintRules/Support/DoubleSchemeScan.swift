import NewslintDOM

/// `URLRewriting.repairingDoubleScheme(_:)` read from the bytes where its pattern,
/// `^https?:/+(https?)(?::|%3A)?/+(.+)$` (case-insensitive, `.` matching line breaks), can be decided without the
/// regex, which copies every address to UTF-16.
///
/// The pattern has one way to match: each `s?`, optional separator and run of `/` is followed by something it
/// cannot hold, so taking it when present is the only choice that can go on, except that the last run of `/`
/// gives its last slash back when nothing follows it, for `.+`. Only ASCII letters are compared: a byte that is not
/// ASCII where the prefix is read (`ſ` folds to `s`) leaves the address to the regex, as does a first byte of
/// `.+` that is not ASCII (the regex's range may start inside a character there, where the string's index rounds).
enum DoubleSchemeScan {
    enum Outcome: Equatable {
        /// The pattern does not match.
        case unchanged
        /// It matches: the inner scheme (lower case) and the UTF-8 offset where the rest begins.
        case repaired(scheme: String, restOffset: Int)
        /// The bytes cannot tell: ask the regex.
        case undecided
    }

    static func scan(_ url: String) -> Outcome {
        url.utf8.withContiguousStorageIfAvailable(scan(bytes:)) ?? Array(url.utf8).withUnsafeBufferPointer(scan(bytes:))
    }

    private static func scan(bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var index = 0
        /// The next byte lowered; nil at the end or at a byte that is not ASCII (then `undecided` is set).
        var undecided = false
        func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            guard bytes[index] < 0x80 else {
                undecided = true
                return nil
            }
            return bytes[index].asciiLowercased
        }
        /// Reads `http` and an optional `s`; false when they are not there.
        func readScheme() -> Bool {
            for expected in "http".utf8 {
                guard next() == expected else { return false }
                index += 1
            }
            if next() == UInt8(ascii: "s") { index += 1 }
            return !undecided
        }
        /// Reads a run of `/`, returning its length.
        func readSlashes() -> Int {
            let start = index
            while next() == UInt8(ascii: "/") { index += 1 }
            return index - start
        }

        guard readScheme() else { return undecided ? .undecided : .unchanged }
        guard next() == UInt8(ascii: ":") else { return undecided ? .undecided : .unchanged }
        index += 1
        guard readSlashes() > 0 else { return undecided ? .undecided : .unchanged }
        let schemeStart = index
        guard readScheme() else { return undecided ? .undecided : .unchanged }
        let scheme = bytes[schemeStart..<index].map(\.asciiLowercased)
        if next() == UInt8(ascii: ":") {
            index += 1
        } else if next() == UInt8(ascii: "%") {
            let escape = index
            index += 1
            if next() == UInt8(ascii: "3") {
                index += 1
                if next() == UInt8(ascii: "a") { index += 1 } else { index = escape }
            } else {
                index = escape
            }
        }
        if undecided { return .undecided }
        let slashes = readSlashes()
        if undecided { return .undecided }
        guard slashes > 0 else { return .unchanged }
        if index == bytes.count {
            guard slashes > 1 else { return .unchanged }
            index -= 1
        }
        return .repaired(scheme: String(decoding: scheme, as: UTF8.self), restOffset: index)
    }
}
