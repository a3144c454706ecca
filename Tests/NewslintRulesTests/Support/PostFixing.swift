import Foundation
import NewslintCore
import NewslintRules

/// Fixes whole posts with every built-in rule, as `newslint fix` does.
enum PostFixing {
    static let linter = Linter(rules: builtInRules, catalog: ExampleRunner.catalog)

    static func fix(_ text: String, path: String, unsafe: Bool = false) throws -> FixResult {
        let post = try PostReader.read(bytes: Array(text.utf8), path: path)
        return try linter.fix(post, original: text, unsafe: unsafe)
    }

    static func check(_ text: String, path: String) throws -> [Finding] {
        try linter.check(try PostReader.read(bytes: Array(text.utf8), path: path))
    }
}
