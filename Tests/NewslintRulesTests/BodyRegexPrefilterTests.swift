import Foundation
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct BodyRegexPrefilterTests {
    /// The block pattern is run over a Markdown body only when the byte prefilter lets the body through. Whenever
    /// it turns a body away, the pattern must find nothing there: over random bodies of opening and closing tags
    /// in mixed cases, look-alike names, names cut short by the end of the body, and names spelled with
    /// letters that fold to ASCII ones (`ſ`, `ﬆ`, the Kelvin sign).
    @Test func aBodyTurnedAwayHasNoBlock() {
        let pieces = ["正文。", "\n\n", "<style>", "<STYLE type=\"text/css\">", "<Script src=\"a.js\">", "<script>",
                      "</style>", "</StYlE >", "</script>", "</SCRIPT\n>", "</strong>", "</s", "</", "</styl", "</scrip",
                      "</\u{17F}tyle>", "</\u{FB06}yle>", "</\u{17F}cript>", "<\u{17F}tyle>", "</stylesheet>",
                      ".x{color:red}", "`<style>`", "\\<style>", "</st", "</sty", "<span>", "</span>", "</\u{212A}>"]
        expectPrefilter(StyleBlockRule.mayHoldBlock, holdsTo: StyleBlockRule.blockPattern, over: pieces, matches: 500)
    }

    /// The content-image pattern is run over a Markdown body only when the body holds `![` or `<img`: whenever
    /// it holds neither, the pattern finds nothing, over random bodies of images, links, tags and near misses.
    @Test func aBodyWithoutImageSyntaxHasNoImage() {
        let pieces = ["正文。", "\n\n", "![图](https://a.cn/a.png)", "! [x](b.png)", "[![c](d.png)](e)", "![a\\]b](<f.png>)",
                      "<img src=\"g.png\">", "<IMG src=\"h.png\">", "<image src=\"i.png\">", "<img\nsrc=\"j.png\">", "!",
                      "[", "](k.png)", "<im", "g src=\"l.png\">", " src=\"m.png\"", "\\![n](o.png)", "`![p](q.png)`"]
        expectPrefilter(AdThumbnailRule.mayHoldImage, holdsTo: AdThumbnailRule.imageSource, over: pieces, matches: 1000)
    }

    /// The proxy-prefix pattern is run over a Markdown body only when a `//` in it may be followed by a proxy's
    /// prefix: whenever the prefilter turns a body away, the pattern finds nothing, over random bodies of
    /// prefixes in mixed cases, cut short, and spelled with letters that fold to ASCII ones (`ſ`, the Kelvin sign).
    @Test func aBodyTurnedAwayHasNoProxyPrefix() throws {
        let proxies = ["https://cors.zfour.workers.dev/?", "http://Img.Proxy.example/fetch?u="]
        let pattern = try #require(URLRewriting.proxyPrefixPattern(proxies))
        let pieces = ["正文", "`", "\n", "//", "https:", "http://", "ftp://", "https://a.cn/b.png", "cors.zfour.workers.dev/?",
                      "CORS.ZFour.WORKERS.dev/?", "cors.zfour.workers.dev/", "cor\u{17F}.zfour.workers.dev/?",
                      "img.proxy.example/fetch?u=", "IMG.PROXY.EXAMPLE/FETCH?U=", "img.proxy.example/fetch?u", "\u{212A}",
                      "img.proxy.exa\u{17F}", "//cors.zfour.workers.dev/?https://a.cn/c.png",
                      "https://cor\u{17F}.zfour.workers.dev/?http://a.cn/d.png", "//Img.Proxy.Example/fetch?u=ftp://e"]
        expectPrefilter({ URLRewriting.mayHoldProxyPrefix(proxies, in: $0) }, holdsTo: pattern, over: pieces, matches: 300)
    }

    /// Over 5,000 random joins of `pieces`, `pattern` finds nothing in a body `mayMatch` turns away; more than
    /// 1,000 are turned away and more than `matches` matched, so that both sides are exercised.
    private func expectPrefilter(_ mayMatch: (String) -> Bool, holdsTo pattern: NSRegularExpression,
                                 over pieces: [String], matches: Int) {
        var generator = SystemRandomNumberGenerator()
        var turnedAway = 0
        var matched = 0
        for _ in 0..<5000 {
            let body = pieces.randomText(count: 0...7, using: &generator)
            let hasMatch = pattern.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil
            if hasMatch { matched += 1 }
            guard !mayMatch(body) else { continue }
            turnedAway += 1
            #expect(!hasMatch, "\(body.debugDescription)")
        }
        #expect(turnedAway > 1000)
        #expect(matched > matches)
    }
}
