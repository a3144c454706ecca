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
            let url = (0..<Int.random(in: 0...12, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(LinkSyntax.destination(url) == Reference.destination(url), "\(url.debugDescription)")
            #expect(LinkSyntax.isAutolinkable(url) == Reference.isAutolinkable(url), "\(url.debugDescription)")
        }
    }

    /// The definitions, character by character.
    private enum Reference {
        static func destination(_ url: String) -> String {
            let scalars = Array(LinkSyntax.percentEncoded(url).unicodeScalars)
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
                if scalar == "&", MarkdownEscaping.startsEntityReference(scalars[(index + 1)...]) {
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
            guard LinkSyntax.percentEncoded(url) == url else { return false }
            let scalars = Array(url.unicodeScalars)
            return !scalars.indices.contains {
                scalars[$0] == "&" && MarkdownEscaping.startsEntityReference(scalars[($0 + 1)...])
            }
        }
    }
}
