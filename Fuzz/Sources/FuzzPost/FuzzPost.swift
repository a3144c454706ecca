import Foundation
import NewslintCore
import NewslintRules

/// Starts libFuzzer, which parses its own command-line flags and calls `fuzzOneInput` for every input.
///
/// SwiftPM links an executable's entry point as `main`, which shadows the `main` of libFuzzer's runtime,
/// so the driver is started explicitly.
@main
enum FuzzPost {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs one input through the whole pipeline and aborts on a broken promise. Exported under libFuzzer's
/// name because its runtime refers to it even when the driver is started explicitly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    PostProperties.verify(bytes)
    return 0
}

/// The promises `newslint fix` makes for every input, checked the way the CLI uses the library.
///
/// The input is a whole file, read as `post.md` (so the body format is detected from the content). A hash
/// of it picks whether unsafe fixes run, so a saved crash input replays exactly. `.html` paths are refused as
/// posts, so they are not fuzzed (see Fuzz/README.md).
/// An input that is not a post (bad UTF-8, unclosed front matter, …) must be rejected with a `PostError`;
/// one that is a post must be checked, fixed, read back and fixed again, and then:
///
/// - fixing the output changes nothing (`fix(fix(x)) == fix(x)`);
/// - checking the output reports no finding that the same fix run could have fixed;
/// - no `content-loss` finding was raised by the built-in rules;
/// - the fixer converged.
///
/// `NEWSLINT_FUZZ_TOLERATE` (comma-separated: `converge`, `idempotent`, `fixable`, `content-loss`,
/// `reread`) lists broken promises to print instead of aborting on, so a long run can go on past a known bug.
enum PostProperties {
    static let linter = Linter(rules: builtInRules, catalog: loadCatalog())
    static let tolerated: Set<String> = Set(
        (ProcessInfo.processInfo.environment["NEWSLINT_FUZZ_TOLERATE"] ?? "").split(separator: ",").map(String.init))

    static func verify(_ bytes: [UInt8]) {
        let hash = fnv1a(bytes)
        let path = "post.md"
        let unsafe = hash & 1 == 1
        let post: Post
        do {
            post = try PostReader.read(bytes: bytes, path: path)
        } catch is PostError {
            return
        } catch {
            fail("reader", "PostReader threw a non-PostError: \(error)", bytes)
            return
        }
        let original = String(decoding: bytes, as: UTF8.self)
        do {
            _ = try linter.check(post)
        } catch is PostError {
            return
        } catch {
            fail("check", "check threw: \(error)", bytes)
            return
        }
        guard let first = fix(post, original: original, unsafe: unsafe, input: bytes) else { return }
        if first.remaining.contains(where: { $0.ruleID == ContentLoss.id }) {
            let messages = first.remaining.filter { $0.ruleID == ContentLoss.id }.map(\.message)
            fail("content-loss", "content-loss: \(messages)", bytes)
            return
        }
        let reread: Post
        do {
            reread = try PostReader.read(bytes: Array(first.output.utf8), path: path)
        } catch {
            fail("reread", "the fixed output cannot be read back: \(error)\n--- output ---\n\(first.output)", bytes)
            return
        }
        guard let second = fix(reread, original: first.output, unsafe: unsafe, input: bytes) else { return }
        if second.output != first.output {
            fail("idempotent", "fix is not idempotent\n--- fix(x) ---\n\(first.output)\n--- fix(fix(x)) ---\n"
                 + second.output, bytes)
        }
        let leftovers: [Finding]
        do {
            leftovers = try linter.check(reread).filter { $0.isFixable || unsafe && $0.hasUnsafeFix }
        } catch {
            fail("reread", "checking the fixed output threw: \(error)", bytes)
            return
        }
        if !leftovers.isEmpty {
            let list = leftovers.map { "\($0.location) [\($0.ruleID)] \($0.message)" }
            fail("fixable", "fixable findings after fix: \(list)\n--- output ---\n\(first.output)", bytes)
        }
    }

    private static func fix(_ post: Post, original: String, unsafe: Bool, input: [UInt8]) -> FixResult? {
        do {
            return try linter.fix(post, original: original, unsafe: unsafe)
        } catch let error as FixError {
            fail("converge", "\(error)", input)
        } catch is PostError {
            // A body libxml2 or the DOM limits refuse is reported to the user as an error, not a crash.
        } catch {
            fail("fix", "fix threw: \(error)", input)
        }
        return nil
    }

    private static func fail(_ promise: String, _ message: String, _ input: [UInt8]) {
        FileHandle.standardError.write(Data("newslint-fuzz: broken promise '\(promise)': \(message)\n".utf8))
        guard !tolerated.contains(promise) else { return }
        let header = Data("--- input (\(input.count) bytes) ---\n".utf8)
        FileHandle.standardError.write(header + Data(input) + Data("\n".utf8))
        abort()
    }

    private static func loadCatalog() -> SiteCatalog {
        do {
            return try SiteCatalog.builtIn()
        } catch {
            fatalError("built-in site profiles do not load: \(error)")
        }
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
