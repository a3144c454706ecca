import NewslintDOM

/// The two accepted date shapes of `front-matter-date`, read from the bytes of a plain ASCII value.
///
/// Every post has a date and every check and fix pass reads it; handing a 20-byte value to the regex engine
/// costs more than the rest of the rule. These readers answer exactly what `DateValue.isoWithZone` and
/// `DateValue.dayOnly` answer, for the values they accept: ASCII without control characters other than tab.
/// For those, `\d` is `[0-9]` and no line terminator can end the value. Anything else is nil: the regex decides.
enum DateShapes {
    /// `2022-01-04T11:52:42Z`, `2022-01-04 19:52:42 +08:00` … (`DateValue.isoWithZone`); nil when `value` is
    /// not plain ASCII.
    static func isISOWithZone(_ value: String) -> Bool? {
        guard let bytes = plainASCII(value) else { return nil }
        var reader = Reader(bytes: bytes)
        guard reader.day() else { return false }
        if !reader.skip(["T", "t"]) {
            guard reader.skipBlanks() > 0 else { return false }
        }
        // `\d{1,2}:` : one or two digits, then the colon.
        guard reader.digits(1), reader.skipOptionalDigit(), reader.skip([":"]), reader.digits(2) else {
            return false
        }
        if reader.skip([":"]) {
            guard reader.digits(2) else { return false }
            if reader.skip(["."]) {
                guard reader.digits(1) else { return false }
                reader.skipDigits()
            }
        }
        reader.skipBlanks()
        if reader.skip(["Z", "z"]) { return reader.atEnd }
        guard reader.skip(["+", "-"]), reader.digits(2) else { return false }
        if reader.atEnd { return true }
        reader.skip([":"])
        return reader.digits(2) && reader.atEnd
    }

    /// `2022-01-04` (`DateValue.dayOnly`); nil when `value` is not plain ASCII.
    static func isDayOnly(_ value: String) -> Bool? {
        guard let bytes = plainASCII(value) else { return nil }
        var reader = Reader(bytes: bytes)
        return reader.day() && reader.atEnd
    }

    /// The capture groups `DateValue.rfc1123` gives `value` (`Tue, 04 Jan 2022 11:52:42 GMT`): the whole value,
    /// weekday, day, month, year, hour, minute, second and zone, nil for an optional group that took nothing;
    /// `.some(nil)` when the pattern does not match, and nil when `value` is not plain ASCII.
    /// The pattern cannot backtrack into another reading of a plain value: each optional part either is there
    /// or its first byte cannot start what comes after it (a letter before the day, `:` before the blanks).
    static func rfc1123Groups(_ value: String) -> [String?]?? {
        guard let bytes = plainASCII(value) else { return nil }
        var reader = Reader(bytes: bytes)
        var weekday: String?
        if let first = bytes.first, !first.isASCIIDigit {
            guard let name = reader.word(from: weekdays) else { return .some(nil) }
            weekday = name
            reader.skip([","])
            guard reader.skipBlanks() > 0 else { return .some(nil) }
        }
        guard let day = reader.capture({ $0.digits(1) && $0.skipOptionalDigit() }), reader.skipBlanks() > 0,
              let month = reader.word(from: months), reader.skipBlanks() > 0,
              let year = reader.capture({ $0.digits(4) }), reader.skipBlanks() > 0,
              let (hour, minute, second) = reader.time(), reader.skipBlanks() > 0,
              let zone = reader.word(from: zones) ?? reader.capture({ $0.skip(["+", "-"]) && $0.digits(4) }),
              reader.atEnd else { return .some(nil) }
        return [value, weekday, day, month, year, hour, minute, second, zone]
    }

    /// The capture groups `DateValue.zoneless` gives `value` (`2022-01-04 11:52:42`): the whole value, year,
    /// month, day, hour, minute and second (nil when absent); `.some(nil)` when the pattern does not match, and
    /// nil when `value` is not plain ASCII.
    static func zonelessGroups(_ value: String) -> [String?]?? {
        guard let bytes = plainASCII(value) else { return nil }
        var reader = Reader(bytes: bytes)
        guard let year = reader.capture({ $0.digits(4) }), reader.skip(["-"]),
              let month = reader.capture({ $0.digits(2) }), reader.skip(["-"]),
              let day = reader.capture({ $0.digits(2) }), reader.skip(["T", "t", " "]),
              let (hour, minute, second) = reader.time(), reader.atEnd else { return .some(nil) }
        return [value, year, month, day, hour, minute, second]
    }

    /// Whether `value` is `Invalid Date` (what JavaScript prints for a date it could not make) in letters of either
    /// case, as `caseInsensitiveCompare` finds it; nil when `value` is not plain ASCII.
    static func isInvalidDate(_ value: String) -> Bool? {
        guard let bytes = plainASCII(value) else { return nil }
        var reader = Reader(bytes: bytes)
        return reader.word(from: ["Invalid Date"]) != nil && reader.atEnd
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// In the pattern's order: `UTC` is tried before `UT`, which is how `UTC` reads as a whole before the end.
    private static let zones = ["GMT", "UTC", "UT", "Z"]

    /// The bytes of a value without non-ASCII scalars and without control characters other than tab.
    private static func plainASCII(_ value: String) -> [UInt8]? {
        let bytes = Array(value.utf8)
        let plain = bytes.allSatisfy { byte in
            (UInt8(ascii: " ")..<0x7F).contains(byte) || byte == UInt8(ascii: "\t")
        }
        return plain ? bytes : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// The text `read` moved over, when it returns true; else nil, with the reader where it was.
        mutating func capture(_ read: (inout Reader) -> Bool) -> String? {
            let start = index
            guard read(&self) else {
                index = start
                return nil
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// `(\d{2}):(\d{2})(?::(\d{2}))?`: hour, minute and second (nil when not written); nil when the time is not
        /// here, or a `:` after the minute has no two digits (what follows the time cannot start with `:`).
        mutating func time() -> (hour: String, minute: String, second: String?)? {
            guard let hour = capture({ $0.digits(2) }), skip([":"]), let minute = capture({ $0.digits(2) }) else {
                return nil
            }
            guard skip([":"]) else { return (hour, minute, nil) }
            return capture({ $0.digits(2) }).map { (hour, minute, $0) }
        }

        /// The first of `words` written here, in ASCII letters of either case (the pattern is case-insensitive),
        /// as written in the value; nil when none is. Bytes are compared with bit 5 (0x20) set,
        /// which lowercases a letter: a byte of a plain value then meets a letter of the word only as that letter
        /// in either case, and a space only as a space (NUL, the other byte that would, is not plain).
        mutating func word(from words: [String]) -> String? {
            for word in words {
                let letters = Array(word.utf8)
                guard index + letters.count <= bytes.count,
                      zip(bytes[index...], letters).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { continue }
                return capture { $0.index += letters.count; return true }
            }
            return nil
        }

        /// `\d{4}-\d{2}-\d{2}`.
        mutating func day() -> Bool {
            digits(4) && skip(["-"]) && digits(2) && skip(["-"]) && digits(2)
        }

        /// Exactly `count` digits here.
        mutating func digits(_ count: Int) -> Bool {
            for _ in 0..<count {
                guard index < bytes.count, bytes[index].isASCIIDigit else { return false }
                index += 1
            }
            return true
        }

        /// Skips one digit if there is one. Always true, for chaining.
        mutating func skipOptionalDigit() -> Bool {
            if index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            return true
        }

        mutating func skipDigits() {
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        }

        /// Skips one byte if it is one of `characters`.
        @discardableResult
        mutating func skip(_ characters: [Unicode.Scalar]) -> Bool {
            guard index < bytes.count, characters.contains(where: { UInt8($0.value) == bytes[index] }) else {
                return false
            }
            index += 1
            return true
        }

        /// Skips spaces and tabs; returns how many.
        @discardableResult
        mutating func skipBlanks() -> Int {
            let start = index
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            }
            return index - start
        }
    }
}
