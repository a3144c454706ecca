import Yams

/// Extracts a line and a short reason from Yams' errors, whose descriptions embed the whole input.
enum YAMLErrorLine {
    static func of(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return max(mark.line, 1) - 1
        default:
            return 0
        }
    }

    /// The problem, with the construct it interrupted and where that started (`firstLine` is the file
    /// line of the YAML's first line).
    static func reason(_ error: YamlError, firstLine: Int) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            guard let context else { return problem }
            return "\(problem) (\(context.text) from line \(firstLine + max(context.mark.line, 1) - 1))"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
        }
    }
}
