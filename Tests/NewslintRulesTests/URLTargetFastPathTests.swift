import Foundation
import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

/// The byte paths behind `URLRewriting.target(fromEncoded:)` and `affiliateDestination(of:)` give what the
/// searches, patterns and character reads they replace give.
@Suite struct URLTargetFastPathTests {
    /// Random addresses that start like a double scheme often, with the cases, escapes, slash runs and the
    /// characters that fold or join (`ſ`, the Kelvin sign, a combining mark, CR LF) where the pattern reads.
    @Test func doubleSchemeScanAgreesWithThePattern() {
        let schemes = ["http", "https", "HTTP", "hTtPs", "http", "https", "httpſ", "ftp"]
        let colons = [":", ":", ":", "", "%3A"]
        let slashes = ["/", "//", "///", "//", "", "\u{301}/"]
        let separators = ["", "", ":", "%3A", "%3a", ":", "%3", "%", "%3\u{212A}"]
        let pieces = ["http", "s", "/", "//", "x", "a.com", "中", "\u{301}", "\r\n", "?", " "]
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for _ in 0..<20_000 {
            let parts = [schemes, colons, slashes, schemes, separators, slashes]
                .map { $0.randomElement(using: &generator)! }
            let url = parts.joined() + pieces.randomText(count: 0...3, using: &generator)
            outcomes[name(DoubleSchemeScan.scan(url)), default: 0] += 1
            #expect(URLRewriting.repairingDoubleScheme(url) == URLRewriting.repairingDoubleSchemeByPattern(url),
                    "\(url.debugDescription)")
        }
        // The scan must decide both ways often for the comparison to mean something.
        #expect(outcomes["repaired", default: 0] > 800 && outcomes["unchanged", default: 0] > 3_000, "\(outcomes)")
    }

    /// Random affiliate-style addresses: schemes and separators embedded in the path in either case, escaped or
    /// not, before and after the host, with text that is not ASCII.
    @Test func embeddedAddressSearchAgreesWithThePattern() {
        let starts = ["https://", "//", "http:", "", "HTTP://"]
        let pieces = ["a.com", "/", "sid", "//", "https://", "HTTP%3A%2F%2F", "ftp://", "FtP%3a%2f%2F", "https:/",
                      "http%3A%2F", "s", "://", ":", "%3A", "x", ".", "中", "\u{301}", "?u=", "\r\n", "/https"]
        var generator = SystemRandomNumberGenerator()
        var found = 0
        var notFound = 0
        for _ in 0..<20_000 {
            let url = starts.randomElement(using: &generator)! + pieces.randomText(count: 0...9, using: &generator)
            let byPattern = EmbeddedAddressSearch.byPattern(in: url)
            if byPattern == nil { notFound += 1 } else { found += 1 }
            #expect(EmbeddedAddressSearch.embeddedAddress(in: url) == byPattern, "\(url.debugDescription)")
            #expect(EmbeddedAddressSearch.embeddedAddress(in: url)?.startIndex == byPattern?.startIndex)
        }
        #expect(found > 2_000 && notFound > 2_000, "\(found) \(notFound)")
    }

    /// Decoding builds the fallback (escapes of non-ASCII bytes kept) only when the decoded bytes are not UTF-8:
    /// the result is the one building both at once gave.
    @Test func percentDecodingAgreesWithBuildingBothResultsAtOnce() {
        let pieces = ["%", "%2", "%2F", "%E4%B8%AD", "%C3%C0", "%e4", "%b8%ad", "a", "中", "%25", "%ZZ", "%8", "%80",
                      "+", "\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = pieces.randomText(count: 0...6, using: &generator)
            #expect(URLRewriting.percentDecoded(text) == percentDecodedBuildingBoth(text), "\(text.debugDescription)")
        }
    }

    @Test func protocolRelativeCountsCharactersAsBefore() {
        let pieces = ["/", "//", "a", " ", "\t", "\n", "\u{301}", "中", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let url = pieces.randomText(count: 0...5, using: &generator)
            let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            let expected = trimmed.hasPrefix("//") && trimmed.count > 2 && !trimmed.hasPrefix("///")
            #expect(URLRewriting.isProtocolRelative(url) == expected, "\(url.debugDescription)")
        }
    }

    /// The addresses of the example posts and the corpus, as written and decoded once and twice (which turns
    /// wrapped targets into double schemes).
    @Test func fastPathsAgreeOnRealAddresses() throws {
        var urls = 0
        for written in try RepositoryWebAddresses.all() {
            let once = URLRewriting.percentDecoded(written)
            for url in [written, once, URLRewriting.percentDecoded(once)] {
                urls += 1
                #expect(URLRewriting.repairingDoubleScheme(url) == URLRewriting.repairingDoubleSchemeByPattern(url))
                #expect(EmbeddedAddressSearch.embeddedAddress(in: url) == EmbeddedAddressSearch.byPattern(in: url))
                #expect(URLRewriting.percentDecoded(url) == percentDecodedBuildingBoth(url))
            }
        }
        #expect(urls > 300)
    }

    private func name(_ outcome: DoubleSchemeScan.Outcome) -> String {
        switch outcome {
        case .unchanged: "unchanged"
        case .repaired: "repaired"
        case .undecided: "undecided"
        }
    }

    /// `URLRewriting.percentDecoded` as it was written before: both results built in one pass.
    private func percentDecodedBuildingBoth(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        var asciiOnly: [UInt8] = []
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                let byte = high << 4 | low
                decoded.append(byte)
                asciiOnly += byte < 0x80 ? [byte] : Array(bytes[index...(index + 2)])
                index += 3
            } else {
                decoded.append(bytes[index])
                asciiOnly.append(bytes[index])
                index += 1
            }
        }
        return String(bytes: decoded, encoding: .utf8) ?? String(decoding: asciiOnly, as: UTF8.self)
    }
}
