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

    static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
        }
    }
}
