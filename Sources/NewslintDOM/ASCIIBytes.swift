extension UInt8 {
    /// The byte with an ASCII capital letter made small; any other byte as it is. Tag names, URL schemes and
    /// the like are compared without regard to ASCII case, byte by byte.
    public var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self | 0x20 : self
    }
}
