import Foundation
import NewslintCore
import NewslintRules

/// Runs rule examples: reads the example as a post, checks or fixes it with one rule, and reports the
/// locations of its findings.
enum ExampleRunner {
    static let catalog: SiteCatalog = {
        do { return try SiteCatalog.builtIn(examples: true) } catch { fatalError("built-in profiles do not load: \(error)") }
    }()

    /// Where the `↓` markers stand once they are removed, as file locations.
    static func markerLocations(in text: String) -> [Location] {
        var locations: [Location] = []
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if String(scalar) == RuleExample.marker {
                locations.append(Location(line: line, column: column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return locations
    }

    static func post(_ example: RuleExample) throws -> Post {
        try PostReader.read(text: example.postText, path: "example.md")
    }

    static func findings(of rule: any Rule, in example: RuleExample) throws -> [Finding] {
        let linter = Linter(rules: [rule], catalog: catalog, forcedSite: example.site)
        return try linter.check(try post(example))
    }

    /// The example after the rule's fixes, as the file text.
    static func corrected(by rule: any Rule, _ example: RuleExample, unsafe: Bool) throws -> String {
        let linter = Linter(rules: [rule], catalog: catalog, forcedSite: example.site)
        let text = example.postText
        return try linter.fix(try post(example), original: text, unsafe: unsafe).output
    }

    static func rule(_ id: String) -> (any Rule)? {
        builtInRules.first { $0.id == id }
    }
}

extension String {
    var trimmedForComparison: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
