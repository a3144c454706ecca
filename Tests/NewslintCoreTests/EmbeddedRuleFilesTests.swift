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
        let expected = EmbeddedRuleFilesSource.swiftSource(files: files)
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

    @Test func builtInCatalogLoadsEveryProfile() throws {
        let catalog = try SiteCatalog.builtIn()
        #expect(catalog.siteIDs.contains("sina-finance"))
        let sina = try #require(catalog.profile(id: "sina-finance"))
        #expect(sina.requiresEditorLine)
        #expect(sina.isHotlinkProtected("https://n.sinaimg.cn/finance/a.jpg"))
        #expect(!sina.isHotlinkProtected("https://example.com/a.jpg"))
        #expect(catalog.defaults.keepsComment(" more "))
    }
}
