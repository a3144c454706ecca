/// Produces the Swift source of `EmbeddedRuleFiles.swift` from the files under `rules/`.
///
/// The profiles are compiled into the binary so that an installed `newslint` works from any folder: as YAML
/// text (for `rules validate`, the fingerprint and the profiles' examples) and as decoded values without the
/// examples, which is what a run loads, so start-up decodes no YAML.
/// A test compares the committed file with this output; run
/// `NEWSLINT_UPDATE_EMBEDDED=1 swift test --filter EmbeddedRuleFilesTests` after editing `rules/`.
public enum EmbeddedRuleFilesSource {
    /// Throws when a file is not a valid profile.
    public static func swiftSource(files: [(path: String, contents: String)]) throws -> String {
        var source = """
        // GENERATED from rules/ by `NEWSLINT_UPDATE_EMBEDDED=1 swift test --filter EmbeddedRuleFilesTests`.
        // Do not edit: change the YAML under rules/ and regenerate.

        /// The site knowledge under `rules/`, embedded in the binary.
        enum EmbeddedRuleFiles {
            static let files: [(path: String, contents: String)] = [

        """
        for file in files.sorted(by: { $0.path < $1.path }) {
            source += "        (\"\(file.path)\", ##\"\"\"\n\(file.contents)\n\"\"\"##),\n"
        }
        source += "    ]\n\n"
        source += "    /// The same files decoded, without their examples, in the same order.\n"
        source += "    static let profiles: [SiteProfileData] = [\n"
        for file in files.sorted(by: { $0.path < $1.path }) {
            let data = try RuleFile(path: file.path, contents: file.contents).decode(examples: false)
            source += "        " + SwiftLiteral.source(of: data, indent: "        ") + ",\n"
        }
        source += "    ]\n\n"
        source += "    /// `SiteCatalog.fingerprint(of:)` of `files`, worked out here: hashing them at every start-up cost a\n"
        source += "    /// one-file run about a tenth of its instructions.\n"
        source += "    static let fingerprint = \"\(SiteCatalog.fingerprint(of: files))\"\n}\n"
        return source
    }
}
