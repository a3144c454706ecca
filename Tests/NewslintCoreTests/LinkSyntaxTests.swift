import NewslintTestSupport
import Testing
@testable import NewslintCore

/// Link destinations are written from their bytes; these tests hold them to the rules stated scalar by scalar.
@Suite struct LinkSyntaxTests {
    @Test func destinationsAreEncodedAsRenderersEncodeThem() {
        #expect(LinkSyntax.destination("https://a.com/a b") == "https://a.com/a%20b")
        #expect(LinkSyntax.destination("https://a.com/美") == "https://a.com/%E7%BE%8E")
        #expect(LinkSyntax.destination("https://a.com/?a=1&amp;b") == "https://a.com/?a=1&amp;amp;b")
        #expect(LinkSyntax.destination("https://a.com/?a=1&b") == "https://a.com/?a=1&b")
        #expect(LinkSyntax.destination("https://a.com/x)") == "https://a.com/x\\)")
        #expect(LinkSyntax.destination("https://a.com/(x)") == "https://a.com/(x)")
        #expect(LinkSyntax.destination("a<b>\"c\"[d]") == "a%3Cb%3E%22c%22%5Bd%5D")
    }

    @Test func autolinksAreTheURLsThatRenderBackUnchanged() {
        #expect(LinkSyntax.isAutolinkable("https://a.com/x?y=1"))
        #expect(LinkSyntax.isAutolinkable("HTTP://A.COM/"))
        #expect(!LinkSyntax.isAutolinkable("ftp://a.com/"))
        #expect(!LinkSyntax.isAutolinkable("https://a.com/a b"))
        #expect(!LinkSyntax.isAutolinkable("https://a.com/美"))
        #expect(!LinkSyntax.isAutolinkable("https://a.com/?a&amp;b"))
        #expect(LinkSyntax.isAutolinkable("https://a.com/?a&b"))
        #expect(!LinkSyntax.isAutolinkable("https://a.com/?q=&#39;x"))
    }

    /// On random URLs, the byte functions answer what the scalar definitions answer.
    @Test func bytesAgreeWithTheScalarDefinitions() {
        let pieces = ["https://", "http://", "HTTPS://", "a", "Z", "0", "&", "amp;", "#", "x", "X", "1F", "39;", ";",
                      "(", ")", " ", "%", "20", "美", "é", "\"", "<", "\\", "`", "~", "?", "=", "\u{212A}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let url = pieces.randomText(count: 0...12, using: &generator)
            #expect(LinkSyntax.destination(url) == Reference.destination(url), "\(url.debugDescription)")
            #expect(LinkSyntax.isAutolinkable(url) == Reference.isAutolinkable(url), "\(url.debugDescription)")
        }
    }

    /// The definitions, character by character, as the writer had them before it read bytes: nothing here calls
    /// the code under test.
    private enum Reference {
        static func destination(_ url: String) -> String {
            let scalars = Array(percentEncoded(url).unicodeScalars)
            var depth = 0
            var balanced = true
            for scalar in scalars {
                if scalar == "(" { depth += 1 }
                if scalar == ")" { depth -= 1; if depth < 0 { balanced = false } }
            }
            balanced = balanced && depth == 0
            var result = String.UnicodeScalarView()
            for index in scalars.indices {
                let scalar = scalars[index]
                if scalar == "&", startsEntityReference(scalars[(index + 1)...]) {
                    result += "&amp;".unicodeScalars
                    continue
                }
                if (scalar == "(" || scalar == ")") && !balanced { result.append("\\") }
                result.append(scalar)
            }
            return String(result)
        }

        static func isAutolinkable(_ url: String) -> Bool {
            let lowered = url.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
            guard percentEncoded(url) == url else { return false }
            let scalars = Array(url.unicodeScalars)
            return !scalars.indices.contains {
                scalars[$0] == "&" && startsEntityReference(scalars[($0 + 1)...])
            }
        }

        static func percentEncoded(_ url: String) -> String {
            var result = ""
            for byte in url.utf8 {
                if byte < 0x80, isSafe(byte) {
                    result.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return result
        }

        static func isSafe(_ byte: UInt8) -> Bool {
            let scalar = Unicode.Scalar(byte)
            return scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
                || "-_.+!*'(),%#@?=;:/&$~".unicodeScalars.contains(scalar)
        }

        static func startsEntityReference(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
            guard let first = rest.first else { return false }
            let body: ArraySlice<Unicode.Scalar>
            let allowed: (Unicode.Scalar) -> Bool
            let maximum: Int
            if first == "#" {
                let afterHash = rest.dropFirst()
                if let marker = afterHash.first, marker == "x" || marker == "X" {
                    body = afterHash.dropFirst()
                    allowed = { $0.isASCII && $0.properties.isASCIIHexDigit }
                    maximum = 6
                } else {
                    body = afterHash
                    allowed = { ("0"..."9").contains($0) }
                    maximum = 7
                }
            } else {
                guard first.isASCII, first.properties.isAlphabetic else { return false }
                body = rest
                allowed = { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
                maximum = 32
            }
            let name = body.prefix { allowed($0) }
            guard !name.isEmpty, name.count <= maximum else { return false }
            return body.dropFirst(name.count).first == ";"
        }
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
