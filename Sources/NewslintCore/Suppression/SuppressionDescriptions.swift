extension Suppressions {
    /// Documentation of the suppression checks, shown by `newslint rules`.
    public static let descriptions: [RuleDescription] = [
        RuleDescription(
            id: unusedID,
            summary: "A newslint-disable comment or front-matter key that suppresses nothing",
            rationale: """
                Suppressions outlive the problems they were written for. One that no longer hides a finding only \
                hides future ones by surprise; remove it. Suppressions of rules that did not run (turned off, or \
                not selected) are not reported.
                """,
            kind: .content, fixAvailability: .safe, formats: [.html, .markdown],
            triggering: [RuleExample("↓<!-- newslint-disable-next-line style-block -->\n<div><p>正文</p></div>\n")],
            nonTriggering: [RuleExample("<!-- newslint-disable-next-line style-block -->\n<div><style>p{}</style></div>\n")],
            corrections: [RuleCorrection(
                RuleExample("Text.\n\n<!-- newslint-disable style-block -->\n\nMore.\n"), "Text.\n\nMore.\n")]),
        RuleDescription(
            id: unknownID,
            summary: "A suppression names a rule that does not exist",
            rationale: """
                A misspelt rule id in a `newslint-disable` comment or the front-matter `newslint.disable` list \
                suppresses nothing, while its author thinks it does. `newslint rules` lists the ids.
                """,
            kind: .content, fixAvailability: .none, severity: .error, formats: [.html, .markdown],
            triggering: [RuleExample("↓<!-- newslint-disable style-blocks -->\n<div><style>p{}</style></div>\n")],
            nonTriggering: [RuleExample("<!-- newslint-disable style-block -->\n<div><style>p{}</style></div>\n")],
            corrections: []),
    ]
}
