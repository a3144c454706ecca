import NewslintCore
import NewslintDOM

/// A byte test that proves an address goes through none of the image proxies, so that
/// `URLRewriting.proxy(of:in:)` (which trims and lower-cases it character by character, about 12,000
/// instructions an address) runs only for the few that may.
enum ImageProxyPrefilter {
    /// True only when `URLRewriting.proxy(of: url, in: proxies)` is nil.
    ///
    /// Decided for an ASCII address and ASCII proxies without a carriage return; anything else is left to
    /// `proxy(of:in:)` (false). In ASCII text every byte is a character of its own but for `\r\n`, so:
    /// trimming spaces removes the tabs and spaces at either end; lower-casing lowers the ASCII letters; the
    /// scheme is cut as `proxy(of:in:)` cuts it; and a prefix without `\r` is a prefix by characters exactly
    /// when it is one by bytes (no `\r\n` can straddle its end, since its last byte is no `\r`).
    static func cannotBeProxied(_ url: String, by proxies: [String]) -> Bool {
        guard !proxies.isEmpty else { return true }
        let decided: Bool? = url.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let address = withoutScheme(trimmingSpaces(bytes[...]))
            for proxy in proxies {
                guard let mayMatch = proxy.utf8.withContiguousStorageIfAvailable({ proxyBytes -> Bool? in
                    guard !proxyBytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
                    let prefix = withoutScheme(proxyBytes[...])
                    return !prefix.isEmpty && prefix.count <= address.count
                        && zip(address, prefix).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
                }), let known = mayMatch, !known else { return nil }
            }
            return true
        } ?? nil
        return decided ?? false
    }
}

private extension ImageProxyPrefilter {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `trimmingSpaces` of ASCII text: tabs and spaces off both ends.
    static func trimmingSpaces(_ bytes: Bytes) -> Bytes {
        let isSpace = { (byte: UInt8) in byte == 0x09 || byte == 0x20 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return bytes[bytes.endIndex...] }
        return bytes[first...last]
    }

    /// The bytes after `scheme:` when `//` follows it, else all of them, as `URLRewriting` cuts a scheme.
    static func withoutScheme(_ bytes: Bytes) -> Bytes {
        var index = bytes.startIndex
        guard index < bytes.endIndex, bytes[index].isASCIILetter else { return bytes }
        index += 1
        while index < bytes.endIndex, bytes[index].isASCIILetter || bytes[index].isASCIIDigit
                || bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: ".")
                || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return bytes }
        let afterColon = index + 1
        guard bytes[afterColon...].starts(with: "//".utf8) else { return bytes }
        return bytes[afterColon...]
    }
}
