extension UInt8 {
    /// The byte with an ASCII capital letter made small; any other byte as it is. Tag names, URL schemes and
    /// the like are compared without regard to ASCII case, byte by byte.
    public var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self | 0x20 : self
    }

    /// `A`–`Z` or `a`–`z`.
    public var isASCIILetter: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }

    /// `0`–`9`.
    public var isASCIIDigit: Bool {
        (0x30...0x39).contains(self)
    }

    /// ASCII's White_Space scalars, what `Character.isWhitespace` and ICU's `\s` take in ASCII: tab, line feed,
    /// vertical tab, form feed, carriage return and space (`U+001C`–`U+001F` are not white space in Unicode).
    public var isASCIIWhiteSpace: Bool {
        (0x09...0x0D).contains(self) || self == 0x20
    }
}
