import NewslintCore
import NewslintDOM

/// Tells, from the attribute names' bytes, which elements cannot carry a presentational attribute of a profile, so
/// that `presentational-markup` makes the names' strings only for the others.
///
/// It answers "may carry one" for every element on which `node.attributeNames.contains(where:
/// profile.isPresentationalAttribute)` holds (see `AttributeNameBytes` for why the byte comparisons agree with
/// the string ones on ASCII names): a name with a byte beyond ASCII may carry one, and so does every element when
/// a configured attribute is not ASCII, as then no byte comparison stands in for the string one.
struct PresentationalAttributeFilter {
    /// Whole names, as `SiteProfile` splits `presentationalAttributes`: the entries not ending in `*`.
    private let names: [[UInt8]]
    /// The entries ending in `*`, without it.
    private let prefixes: [[UInt8]]
    /// False when a configured entry is not ASCII: every element may then carry one.
    private let comparesBytes: Bool

    init(_ attributes: [String]) {
        comparesBytes = attributes.allSatisfy(AttributeNameBytes.isASCII)
        names = attributes.filter { !$0.hasSuffix("*") }.map { Array($0.utf8) }
        prefixes = attributes.filter { $0.hasSuffix("*") }.map { Array($0.utf8.dropLast()) }
    }

    /// The filter for `profile`, made once per profile.
    static func of(_ profile: SiteProfile) -> PresentationalAttributeFilter {
        ProfileDerived.value("presentational-attribute-filter", of: profile) {
            PresentationalAttributeFilter(profile.presentationalAttributes)
        }
    }

    /// False only when no attribute of `node` is presentational.
    func mayCarryPresentationalAttribute(_ node: Node) -> Bool {
        guard comparesBytes else { return true }
        return node.containsAttributeName { name in
            !AttributeNameBytes.isASCII(name)
                || names.contains { AttributeNameBytes.name(name, equals: $0) }
                || prefixes.contains { AttributeNameBytes.name(name, hasPrefix: $0) }
        }
    }
}
