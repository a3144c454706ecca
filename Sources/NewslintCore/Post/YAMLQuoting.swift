import Foundation

import Yams

/// Writes a YAML scalar in the same quoting style as the value it replaces.
enum YAMLQuoting {
    static func quote(_ value: String, like original: Substring) -> String {
        if original.hasPrefix("'") { return singleQuoted(value) }
        if original.hasPrefix("\"") { return doubleQuoted(value) }
        return isSafePlain(value) ? value : singleQuoted(value)
    }

    static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func doubleQuoted(_ value: String) -> String {
        let escaped = value
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }

    /// A plain scalar is safe when YAML reads it back as the same string.
    static func isSafePlain(_ value: String) -> Bool {
        guard !value.isEmpty, value.first != " ", value.last != " " else { return false }
        guard let first = value.unicodeScalars.first, !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) else {
            return false
        }
        guard !value.contains(": "), !value.contains(" #") else { return false }
        guard let node = try? Yams.compose(yaml: "k: " + value), case .mapping(let mapping) = node,
              let scalar = mapping["k"]?.scalar else { return false }
        return scalar.string == value && scalar.resolvedTag == nil
    }
}

private extension Node.Scalar {
    /// Non-nil when YAML would read the plain scalar as something other than a string.
    var resolvedTag: String? {
        let resolved = Resolver.default.resolveTag(of: Node.scalar(self))
        return resolved == .str ? nil : resolved.rawValue
    }
}
