import NewslintCore
import NewslintDOM

/// Tells, from an attribute name's bytes, which names cannot be presentational attributes of a profile, so that
/// `presentational-markup` makes strings only of the others.
///
/// It answers "may be" for every name that `profile.isPresentationalAttribute` accepts (see `AttributeNameBytes`
/// for why the byte comparisons agree with the string ones on ASCII names): for a name with a byte beyond ASCII,
/// and for every name when a configured attribute is not ASCII, as then no byte comparison stands in for the
/// string one.
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

    /// False only for a name (its bytes, as `Node.attributeNames(where:)` hands them out) whose string in
    /// `attributeNames` is not presentational.
    func mayBePresentational(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard comparesBytes, AttributeNameBytes.isASCII(name) else { return true }
        return names.contains { AttributeNameBytes.name(name, equals: $0) }
            || prefixes.contains { AttributeNameBytes.name(name, hasPrefix: $0) }
    }
}
