/// CommonMark's delimiter-run rules ("left-flanking delimiter run", spec 0.31, 6.2): whether a `*`/`**` run
/// the writer is about to emit can open (left-flanking) or close (right-flanking) emphasis.
///
/// Punctuation comes in two definitions: spec 0.31's Unicode P* and S*, and the earlier ASCII punctuation
/// plus P* that cmark-gfm 0.29 and other deployed renderers still use. Callers check both, so a symbol such
/// as `€` or an emoji next to a run cannot make renderers disagree.
enum EmphasisFlanking {
    /// Left-flanking: not followed by whitespace, and either not followed by punctuation or preceded by
    /// whitespace or punctuation. `nil` is a line start or end, which counts as whitespace.
    static func isLeftFlanking(
        before: Unicode.Scalar?, after: Unicode.Scalar?, isPunctuation: (Unicode.Scalar) -> Bool
    ) -> Bool {
        guard let after, !isWhitespace(after) else { return false }
        guard isPunctuation(after) else { return true }
        guard let before else { return true }
        return isWhitespace(before) || isPunctuation(before)
    }

    /// Right-flanking: the mirror image of left-flanking.
    static func isRightFlanking(
        before: Unicode.Scalar?, after: Unicode.Scalar?, isPunctuation: (Unicode.Scalar) -> Bool
    ) -> Bool {
        guard let before, !isWhitespace(before) else { return false }
        guard isPunctuation(before) else { return true }
        guard let after else { return true }
        return isWhitespace(after) || isPunctuation(after)
    }

    /// Unicode whitespace: general category Zs, tab, line feed, form feed, carriage return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\u{0C}", "\r", " ": true
        // The space is the only ASCII scalar in Zs, and no CJK ideograph is one: the lookup is for the others.
        case _ where scalar.isASCII || scalar.isCJKUnifiedIdeograph: false
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Unicode punctuation as spec 0.31 defines it: general categories P* and S*.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        // In ASCII, P* and S* are exactly the ASCII punctuation, and no CJK ideograph is either: the lookup is
        // for the others.
        if scalar.isASCII { return isASCIIPunctuation(scalar) }
        if scalar.isCJKUnifiedIdeograph { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Punctuation before spec 0.31: ASCII punctuation and general categories P*.
    static func isLegacyPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIPunctuation(scalar) }
        if scalar.isCJKUnifiedIdeograph { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
