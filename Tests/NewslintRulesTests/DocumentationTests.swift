import Foundation
import NewslintRules
import Testing

/// The README must describe every rule the binary has.
@Suite struct DocumentationTests {
    @Test func readmeListsEveryRule() throws {
        let readme = try String(contentsOf: Repository.url("README.md"), encoding: .utf8)
        for rule in builtInRules {
            #expect(readme.contains("| `\(rule.id)` |"), "README.md's rule table lacks \(rule.id)")
        }
    }
}
