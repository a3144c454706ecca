import Foundation
import Testing
@testable import NewslintCore

/// The profiles compiled into the binary must be exactly the YAML under `rules/`.
@Suite struct EmbeddedRuleFilesTests {
    @Test func embeddedFileMatchesRulesDirectory() throws {
        let rulesDirectory = RepositoryPaths.path("rules")
        let generatedPath = RepositoryPaths.path("Sources/NewslintCore/Sites/EmbeddedRuleFiles.swift")
        let manager = FileManager.default
        var files: [(path: String, contents: String)] = []
        for relative in try #require(manager.subpaths(atPath: rulesDirectory)).sorted() where relative.hasSuffix(".yml") {
            files.append((relative, try String(contentsOfFile: rulesDirectory + "/" + relative, encoding: .utf8)))
        }
        let expected = try EmbeddedRuleFilesSource.swiftSource(files: files)
        if ProcessInfo.processInfo.environment["NEWSLINT_UPDATE_EMBEDDED"] == "1" {
            try expected.write(toFile: generatedPath, atomically: false, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: generatedPath, encoding: .utf8)
        #expect(committed == expected, """
            Sources/NewslintCore/Sites/EmbeddedRuleFiles.swift is out of date with rules/. \
            Run `NEWSLINT_UPDATE_EMBEDDED=1 swift test --filter EmbeddedRuleFilesTests`.
            """)
    }

    @Test func embeddedFilesEqualTheYAML() throws {
        for file in EmbeddedRuleFiles.files {
            let onDisk = try String(contentsOfFile: RepositoryPaths.path("rules/" + file.path), encoding: .utf8)
            #expect(file.contents == onDisk, "rules/\(file.path) differs from its embedded copy")
        }
        #expect(EmbeddedRuleFiles.files.contains { $0.path == "defaults.yml" })
        #expect(EmbeddedRuleFiles.files.contains { $0.path == "sites/sina-finance.yml" })
    }

    @Test func builtInFingerprintHashesTheEmbeddedFiles() {
        #expect(SiteCatalog.builtInFingerprint == SiteCatalog.fingerprint(of: EmbeddedRuleFiles.files))
        #expect(SiteCatalog.builtInFingerprint.count == 64)
        var edited = EmbeddedRuleFiles.files
        edited[0].contents += " "
        #expect(SiteCatalog.fingerprint(of: edited) != SiteCatalog.builtInFingerprint)
    }

    @Test func builtInCatalogLoadsEveryProfile() throws {
        let catalog = try SiteCatalog.builtIn()
        #expect(catalog.siteIDs.contains("sina-finance"))
        let sina = try #require(catalog.profile(id: "sina-finance"))
        #expect(sina.requiresEditorLine)
        #expect(sina.isHotlinkProtected("https://n.sinaimg.cn/finance/a.jpg"))
        #expect(!sina.isHotlinkProtected("https://example.com/a.jpg"))
        #expect(catalog.defaults.keepsComment(" more "))
    }

    /// The built-in catalog compiles a site's profile when a post first asks for it; every one must compile,
    /// and compile to what loading the rule files compiles.
    @Test func everyBuiltInSiteCompilesWhenAskedFor() throws {
        let catalog = try SiteCatalog.builtIn()
        let loaded = try SiteCatalog(files: SiteCatalog.embeddedFiles)
        for id in catalog.siteIDs {
            let profile = try #require(catalog.profile(id: id))
            let expected = try #require(loaded.profile(id: id))
            #expect(profile.name == expected.name)
            #expect(profile.creditLinePatterns.map(\.source) == expected.creditLinePatterns.map(\.source))
            #expect(profile.promoBlocks.map(\.selector) == expected.promoBlocks.map(\.selector))
        }
    }
}

/// A run skips the profiles' examples; the tests read them.
@Suite struct RuleFileExamplesTests {
    @Test func removingExamplesKeepsEveryOtherKeyAndTheLineNumbers() throws {
        let text = """
            id: demo
            examples:
            - rule: credit-line
              input: |
                来源：x
            # a comment
            - rule: editor-line
              input: y
            credit_lines:
              patterns:
                - '^来源'
            """
        let stripped = RuleFile.removingExamples(from: text)
        #expect(stripped.split(separator: "\n", omittingEmptySubsequences: false).count
                    == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!stripped.contains("rule:"))
        let data = try RuleFile(path: "demo.yml", contents: text).decode(examples: false)
        #expect(data.examples == nil)
        #expect(data.creditLines?.patterns == ["^来源"])
        #expect(try RuleFile(path: "demo.yml", contents: text).decode().examples?.count == 2)
    }

    @Test func theCompiledInProfilesEqualTheYAML() throws {
        let decoded = try SiteCatalog(files: SiteCatalog.embeddedFiles).siteData
        let compiled = try SiteCatalog.builtIn().siteData
        #expect(decoded.map { SwiftLiteral.source(of: $0) } == compiled.map { SwiftLiteral.source(of: $0) })
    }
}
