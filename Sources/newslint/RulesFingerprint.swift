import NewslintCore
import NewslintRules

/// The identity of the built-in rule list, part of the rule-set hash.
enum NewslintRulesFingerprint {
    static var ruleIDs: String {
        builtInRules.map { "\($0.id):\($0.description.fixAvailability.rawValue):\($0.description.severity.rawValue)" }
            .joined(separator: ",")
    }
}
