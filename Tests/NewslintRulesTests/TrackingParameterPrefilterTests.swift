import Foundation
import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct TrackingParameterPrefilterTests {
    /// Pattern lists: the built-in profiles', one with capitals (which no lowered name matches), a bare `*`, an
    /// empty pattern, and patterns that are not ASCII.
    private static func patternLists() throws -> [[String]] {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        return profiles.map(\.trackingParameters) + [
            ["utm_*", "from=pc", "wechat_redirect", "id_token"],
            ["UTM_*", "From=PC", "spm", "x=", "=y"],
            ["*"], [""], ["a", "\u{37E}"], ["é", "utm_*"],
        ]
    }

    /// Whenever the prefilter turns an address away, removing the parameters finds nothing to remove: over random
    /// addresses of separators, listed names in either case, values, CJK, combining marks and a Prepend character
    /// before `&`, for every pattern list.
    @Test func anAddressTurnedAwayHasNothingToRemove() throws {
        let pieces = ["https://a.cn/p", "?", "#", "&", "=", "utm_source", "UTM_Medium", "utm", "_", "from", "pc", "PC",
                      "mobile", "spm", "SPM", "wechat_redirect", "Wechat_Redirect", "id_token", "x", "1", "中文",
                      "\u{600}", "e\u{301}", "%20", "\r\n", ";", "\u{37E}", "é"]
        var generator = SystemRandomNumberGenerator()
        var turnedAway = 0
        var candidates = 0
        for patterns in try Self.patternLists() {
            let prefilter = TrackingParameterPrefilter(patterns)
            for _ in 0..<3000 {
                let url = pieces.randomText(count: 0...10, using: &generator)
                let removed = URLRewriting.removingParameters(from: url, matching: patterns)
                if prefilter.mayRemove(from: url) {
                    candidates += 1
                } else {
                    turnedAway += 1
                    #expect(removed == nil, "\(url.debugDescription) \(patterns)")
                }
            }
        }
        // Both answers are given often: the test means something only if many addresses are turned away.
        #expect(turnedAway > 5_000 && candidates > 5_000, "\(turnedAway) \(candidates)")
    }

    /// The addresses of the example posts and the corpus (anything that starts like a URL, up to a quote, a
    /// bracket or white space).
    @Test func anAddressOfARealPostTurnedAwayHasNothingToRemove() throws {
        let lists = try Self.patternLists().map { ($0, TrackingParameterPrefilter($0)) }
        let urls = try RepositoryWebAddresses.all()
        for url in urls {
            for (patterns, prefilter) in lists where !prefilter.mayRemove(from: url) {
                #expect(URLRewriting.removingParameters(from: url, matching: patterns) == nil,
                        "\(url.debugDescription) \(patterns)")
            }
        }
        #expect(urls.count > 100)
    }
}
