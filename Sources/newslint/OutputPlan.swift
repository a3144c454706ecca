import ArgumentParser
import NewslintCore

/// Where each requested report format goes: standard output or a file.
struct OutputPlan {
    enum Format: String, CaseIterable {
        case text, json, sarif, github, junit
    }

    struct Target: Equatable {
        let format: Format
        /// nil for standard output.
        let path: String?
    }

    let targets: [Target]
    /// True when the user asked for formats, rather than taking the default.
    let explicit: Bool

    init(formats: [String], outputFile: String?) throws {
        explicit = !formats.isEmpty
        var targets: [Target] = []
        for spec in formats.isEmpty ? ["text"] : formats {
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            guard let format = Format(rawValue: parts[0].lowercased()) else {
                throw ValidationError("unknown format '\(parts[0])'; use one of "
                                      + Format.allCases.map(\.rawValue).joined(separator: ", "))
            }
            targets.append(Target(format: format, path: parts.count > 1 ? parts[1] : nil))
        }
        let toStandardOutput = targets.filter { $0.path == nil }
        if let outputFile {
            guard toStandardOutput.count == 1 else {
                throw ValidationError("--output-file applies to one format; give the others a path as format:path")
            }
            targets = targets.map { $0.path == nil ? Target(format: $0.format, path: outputFile) : $0 }
        } else if toStandardOutput.count > 1 {
            throw ValidationError("only one format can write to standard output; give the others a path as format:path")
        }
        self.targets = targets
    }

    /// The format that writes to standard output, if any.
    var standardOutput: Format? { targets.first { $0.path == nil }?.format }

    /// Whether any format needs fix edits (JSON and SARIF carry them).
    var needsEdits: Bool { targets.contains { $0.format == .json || $0.format == .sarif } }

    static func reporter(_ format: Format, text: TextReporter) -> any Reporter {
        streamingReporter(format) ?? text
    }

    /// The reporter of a format whose document can be written as files complete (see `StreamingReporter`);
    /// nil for text, whose streamed findings and summary the session writes.
    static func streamingReporter(_ format: Format) -> (any StreamingReporter)? {
        switch format {
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(rules: RulesCommand.documented)
        case .github: return GitHubReporter()
        case .junit: return JUnitReporter()
        case .text: return nil
        }
    }
}
