import NewslintCore
import Testing
@testable import NewslintRules

@Suite struct ProfileDerivedTests {
    /// A value is made once per profile and key, and never handed to another profile or key.
    @Test func aValueIsMadeOncePerProfileAndKey() throws {
        let catalog = try SiteCatalog.builtIn()
        let first = catalog.defaults
        let second = try #require(catalog.siteIDs.compactMap { catalog.profile(id: $0) }.first { $0 !== first })
        let key = "test-\(UInt64.random(in: 0...UInt64.max))"
        var made = 0
        func value(_ profile: SiteProfile, _ key: String, _ tag: String) -> String {
            ProfileDerived.value(key, of: profile) { made += 1; return tag }
        }
        #expect(value(first, key, "a") == "a")
        #expect(value(first, key, "b") == "a")
        #expect(value(second, key, "c") == "c")
        #expect(value(first, key + "-other", "d") == "d")
        #expect(made == 3)
        // The rules' values are those made from the profile's own data.
        #expect(ProfileDerived.value("redirect-hosts", of: first) { URLRewriting.redirectHosts(first.redirects) }
            == first.redirects.map { $0.host.lowercased() })
    }
}
