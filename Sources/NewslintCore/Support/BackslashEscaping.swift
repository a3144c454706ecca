/// Double-quoted string syntax with C-style backslash escapes, as YAML and Swift both write it: `\\`, `\"`, `\n`,
/// `\r` and `\t`, and every other scalar the syntax cannot hold as it is written as a numeric escape.
enum BackslashEscaping {
    /// `text` between double quotes. `needsEscape` picks the scalars, besides the five above, that are written by
    /// `numericEscape` (YAML's `\u0006`, Swift's `\u{6}`).
    static func quoted(_ text: String, needsEscape: (Unicode.Scalar) -> Bool,
                       numericEscape: (Unicode.Scalar) -> String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += numericEscape(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
