/// Double-quoted string syntax with C-style backslash escapes, as YAML and Swift both write it: `\\`, `\"`, `\n`,
/// `\r` and `\t`, and every other scalar the syntax cannot hold as it is written as a numeric escape.
enum BackslashEscaping {
    /// `text` between double quotes. `needsEscape` picks the scalars, besides the five above, that are written by
    /// `numericEscape` (YAML's `\u0006`, Swift's `\u{6}`).
    static func quoted(_ text: String, needsEscape: (Unicode.Scalar) -> Bool,
                       numericEscape: (Unicode.Scalar) -> String) -> String {
        "\"" + escaped(text, escapingQuotes: true, needsEscape: needsEscape, numericEscape: numericEscape) + "\""
    }

    /// `text` with `\\`, `\n`, `\r` and `\t` written as escapes, `"` too when `escapingQuotes`, and the scalars
    /// `needsEscape` picks by `numericEscape`.
    static func escaped(_ text: String, escapingQuotes: Bool, needsEscape: (Unicode.Scalar) -> Bool = { _ in false },
                        numericEscape: (Unicode.Scalar) -> String = { _ in "" }) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"" where escapingQuotes: result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += numericEscape(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
