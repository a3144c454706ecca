import Foundation

import Yams

/// Writes a YAML scalar in the same quoting style as the value it replaces.
///
/// A value YAML cannot hold literally (a control character, a line break, which single quotes fold into a
/// space) is written double-quoted with escapes whatever the style was, so that it reads back unchanged: a
/// front matter that no longer parses would keep its old value, and the fix that wrote it would run forever.
enum YAMLQuoting {
    static func quote(_ value: String, like original: Substring) -> String {
        if value.unicodeScalars.contains(where: needsEscape) { return doubleQuoted(value) }
        if original.hasPrefix("'") { return singleQuoted(value) }
        if original.hasPrefix("\"") { return doubleQuoted(value) }
        return isSafePlain(value) ? value : singleQuoted(value)
    }

    static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func doubleQuoted(_ value: String) -> String {
        BackslashEscaping.quoted(value, needsEscape: needsEscape) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// True for a scalar a quoted YAML scalar cannot hold as it is: outside YAML's printable set, or a line break.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        case 0x09, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: false
        default: true
        }
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
