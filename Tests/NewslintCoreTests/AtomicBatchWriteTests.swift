import Foundation
import Testing
@testable import NewslintCore

/// Files written together keep each file's guarantees: every file that can be written is in place with its
/// new bytes, every file that cannot is as it was with its own error, and no temporary file is left.
@Suite struct AtomicBatchWriteTests {
    @Test func eachFileIsWrittenOrRefusedOnItsOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old\n".write(toFile: folder + "/existing.md", atomically: false, encoding: .utf8)
        try "locked\n".write(toFile: folder + "/locked.md", atomically: false, encoding: .utf8)
        #expect(chmod(folder + "/locked.md", 0o444) == 0)
        try "kept mode\n".write(toFile: folder + "/sub/mode.md", atomically: false, encoding: .utf8)
        #expect(chmod(folder + "/sub/mode.md", 0o640) == 0)

        let errors = AtomicFileWriter.write([
            (text: "new\n", path: folder + "/existing.md", mustExist: true),
            (text: "x\n", path: folder + "/locked.md", mustExist: true),
            (text: "created\n", path: folder + "/created.md", mustExist: false),
            (text: "gone\n", path: folder + "/deleted.md", mustExist: true),
            (text: "replaced\n", path: folder + "/sub/mode.md", mustExist: true),
        ])

        #expect(errors.map { $0 == nil } == [true, false, true, false, true])
        #expect("\(errors[1]!)" == "cannot write the file: the file is read-only (mode 0444)")
        #expect("\(errors[3]!)".contains("deleted while newslint was running"))
        #expect(try String(contentsOfFile: folder + "/existing.md", encoding: .utf8) == "new\n")
        #expect(try String(contentsOfFile: folder + "/locked.md", encoding: .utf8) == "locked\n")
        #expect(try String(contentsOfFile: folder + "/created.md", encoding: .utf8) == "created\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/deleted.md"))
        #expect(try String(contentsOfFile: folder + "/sub/mode.md", encoding: .utf8) == "replaced\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/sub/mode.md")[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                    == ["created.md", "existing.md", "locked.md", "sub"], "temporary file left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/sub") == ["mode.md"])
    }

    @Test func anEmptyBatchWritesNothing() {
        #expect(AtomicFileWriter.write([]).isEmpty)
    }
}
