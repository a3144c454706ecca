import Foundation
import Testing

/// The test harness itself: a child that writes much to standard error must not block.
@Suite struct CLIRunnerTests {
    @Test func childFillingStandardErrorBeforeStandardOutputIsRead() throws {
        // 256 KiB to standard error, then a line to standard output, from one shell process. Reading standard
        // output to its end first left the child blocked on the full standard-error pipe; `timeout` kills it
        // (with SIGKILL: children of the test process inherit a mask that blocks SIGTERM), so this fails, not hangs.
        let script = "line=$(printf '%063d' 0); i=0; "
            + "while [ $i -lt 4096 ]; do echo \"$line\" >&2; i=$((i+1)); done; echo out"
        let result = try CLIRunner.launch(URL(fileURLWithPath: "/usr/bin/timeout"),
                                          ["-s", "KILL", "20", "/bin/sh", "-c", script])
        #expect(result.status == 0)
        #expect(result.stdout == "out\n")
        #expect(result.stderr.utf8.count == 262_144)
    }
}
