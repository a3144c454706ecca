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
