/// Writes a value as Swift source that rebuilds it: structs as memberwise initialiser calls, optionals,
/// arrays, strings and Booleans. `EmbeddedRuleFilesSource` uses it to compile the built-in profiles into the
/// binary as values, so a run does not parse and decode YAML at start-up.
enum SwiftLiteral {
    /// The source of `value`; nil-valued optional members are left to the initialiser's default.
    static func source(of value: Any, indent: String = "") -> String {
        let mirror = Mirror(reflecting: value)
        switch value {
        case let string as String: return quoted(string)
        case let bool as Bool: return bool ? "true" : "false"
        case let int as Int: return String(int)
        default: break
        }
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { source(of: $0.value, indent: indent) } ?? "nil"
        case .collection:
            let inner = indent + "    "
            let items = mirror.children.map { inner + source(of: $0.value, indent: inner) + ",\n" }
            return items.isEmpty ? "[]" : "[\n" + items.joined() + indent + "]"
        case .struct:
            let inner = indent + "    "
            let arguments = mirror.children.compactMap { child -> String? in
                guard let label = child.label else { preconditionFailure("unlabelled member in \(type(of: value))") }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional, childMirror.children.isEmpty { return nil }
                return inner + label + ": " + source(of: child.value, indent: inner)
            }
            let name = typeName(of: value)
            return arguments.isEmpty ? name + "()" : name + "(\n" + arguments.joined(separator: ",\n") + "\n" + indent + ")"
        default:
            preconditionFailure("SwiftLiteral cannot write a \(type(of: value))")
        }
    }

    /// `NewslintCore.SiteProfileData.Match` → `SiteProfileData.Match`: the generated file is in the module.
    private static func typeName(of value: Any) -> String {
        let name = String(reflecting: type(of: value))
        return name.hasPrefix("NewslintCore.") ? String(name.dropFirst("NewslintCore.".count)) : name
    }

    /// A string literal: printable characters as they are, the rest as `\u{…}` escapes.
    static func quoted(_ string: String) -> String {
        BackslashEscaping.quoted(string, needsEscape: { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format
        }, numericEscape: { scalar in "\\u{" + String(scalar.value, radix: 16) + "}" })
    }
}
