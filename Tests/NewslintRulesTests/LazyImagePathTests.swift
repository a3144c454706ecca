import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct LazyImagePathTests {
    /// The file part of an image path is what splitting the path at `/` gives last, read from bytes or not.
    @Test func lastComponentAgreesWithSplitting() {
        let pieces = ["/", "//", "a", "loading.gif", "x.png", "中", "/\u{301}", "é", "-", ".", "?"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let path = pieces.randomText(count: 0...8, using: &generator)
            #expect(LazyImageRule.lastComponent(of: path) == (path.split(separator: "/").last.map(String.init) ?? ""),
                    "\(path.debugDescription)")
        }
        #expect(LazyImageRule.lastComponent(of: "https://a.com/img/loading.gif/") == "loading.gif")
    }
}
