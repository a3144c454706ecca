import NewslintCore

/// The text `newslint rules <id>` prints: summary, why, fixability and the examples.
enum RuleDocumentation {
    static func render(_ rule: RuleDescription) -> String {
        var text = "\(rule.id): \(rule.summary)\n\n"
        text += "Severity: \(rule.severity.rawValue). Fix: \(rule.fixAvailability.rawValue). "
        text += "Reads: \(rule.formats.map(\.rawValue).sorted().joined(separator: " and ")) bodies.\n\n"
        text += "Why:\n\(indent(rule.rationale))\n"
        if !rule.triggering.isEmpty {
            text += "\nFlagged (↓ marks the finding):\n"
            text += rule.triggering.map { example(\.text, $0) }.joined(separator: "\n")
        }
        if !rule.nonTriggering.isEmpty {
            text += "\nNot flagged:\n"
            text += rule.nonTriggering.map { example(\.text, $0) }.joined(separator: "\n")
        }
        if !rule.corrections.isEmpty {
            text += "\nFixed:\n"
            text += rule.corrections.map { correction in
                let label = correction.unsafe ? "  becomes, with --unsafe-fixes:\n" : "  becomes:\n"
                return example(\.text, correction.input) + label + indent(correction.expected, by: 4) + "\n"
            }.joined(separator: "\n")
        }
        return text
    }

    private static func example(_ text: KeyPath<RuleExample, String>, _ example: RuleExample) -> String {
        let site = example.site.map { " (site: \($0))" } ?? ""
        return "  -\(site)\n" + indent(example[keyPath: text], by: 4) + "\n"
    }

    private static func indent(_ text: String, by width: Int = 2) -> String {
        let pad = String(repeating: " ", count: width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
            .trimmingTrailingNewlines
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
