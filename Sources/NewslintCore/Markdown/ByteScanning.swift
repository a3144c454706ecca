extension String {
    /// True when the UTF-8 holds `byte`: found with `memchr`, which reads many bytes a step where a loop with
    /// a test reads one. Words of Chinese text run to hundreds of bytes.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: byte, in: $0) != nil }
            ?? utf8.contains(byte)
    }
}
