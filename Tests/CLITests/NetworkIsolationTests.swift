import Foundation
import Testing

/// newslint reads posts that point at the network everywhere: a DTD and external entities in a DOCTYPE,
/// images, frames, scripts, thumbnails in the front matter. None of them may be fetched.
@Suite struct NetworkIsolationTests {
    @Test func noConnectionIsMadeForDoctypeImagesOrFrames() throws {
        let listener = try ConnectionCounter()
        // The listener counts: this connection must be seen, so a zero below means nothing connected.
        try listener.connectOnce()
        #expect(listener.waitForConnections(1, within: 10), "the listener does not count connections")

        let directory = try TemporaryDirectory()
        let origin = "http://127.0.0.1:\(listener.port)"
        try directory.write("html-body.md", Self.htmlPost(origin))
        try directory.write("bare-html-body.md", Self.htmlPost(origin).components(separatedBy: "---\n").last ?? "")
        try directory.write("markdown-body.md", Self.markdownPost(origin))
        for arguments in [["check"], ["fix"], ["fix", "--diff"], ["fix", "--write", "--unsafe-fixes"]] {
            let run = try BoundedRun.run(arguments + ["--no-cache", "."], in: directory.url, seconds: 60)
            #expect(!run.timedOut, "\(arguments) hung")
            #expect(run.result.status != 2, "\(arguments): \(run.result.stderr)")
        }
        // Give a late connection the time to arrive before counting.
        usleep(300_000)
        #expect(listener.stop() == 1, "newslint connected to \(origin)")
    }

    static func htmlPost(_ origin: String) -> String {
        """
        ---
        title: '外链测试'
        headimg: '\(origin)/headimg.png'
        thumbnail: '\(origin)/thumbnail.png'
        ---
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(origin)/xhtml1-strict.dtd" [
        <!ENTITY external SYSTEM "\(origin)/entity.txt">
        <!ENTITY % parameter SYSTEM "\(origin)/parameter.dtd">
        %parameter;
        ]>
        <div>
        <p>正文 &external; 结束。</p>
        <p><img src="\(origin)/image.png" srcset="\(origin)/image-2x.png 2x"></p>
        <iframe src="\(origin)/frame.html"></iframe>
        <link rel="stylesheet" href="\(origin)/style.css">
        <script src="\(origin)/script.js"></script>
        <object data="\(origin)/object.swf"></object>
        <video poster="\(origin)/poster.jpg" src="\(origin)/video.mp4"></video>
        <svg><image href="\(origin)/svg.png"/></svg>
        <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="\(origin)/xinclude.xml"/>
        <p><a href="\(origin)/link">链接</a></p>
        </div>

        """
    }

    static func markdownPost(_ origin: String) -> String {
        """
        ---
        title: '外链测试'
        thumbnail: '\(origin)/thumbnail.png'
        ---

        正文 ![图](\(origin)/markdown.png) <!-- ad -->

        <img src="\(origin)/inline.png">

        <iframe src="\(origin)/frame.html"></iframe>

        """
    }
}

/// A TCP listener on 127.0.0.1 (an ephemeral port) that accepts and counts connections on its own thread
/// until stopped, for at most two minutes.
final class ConnectionCounter: @unchecked Sendable {
    let port: UInt16
    private let descriptor: Int32
    private let condition = NSCondition()
    private var accepted = 0
    private var stopped = false
    private var finished = false

    init() throws {
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard server >= 0 else { throw ListenerError(step: "socket") }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(server, 16) == 0 else { throw ListenerError(step: "bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(server, $0, &length) }
        }
        guard named == 0 else { throw ListenerError(step: "getsockname") }
        descriptor = server
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { self.acceptLoop() }
    }

    /// Connects to the listener once from this process.
    func connectOnce() throws {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = Self.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ListenerError(step: "connect") }
    }

    func waitForConnections(_ count: Int, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while accepted < count {
                if !condition.wait(until: deadline) { return accepted >= count }
            }
            return true
        }
    }

    /// Stops listening and returns how many connections were accepted.
    func stop() -> Int {
        condition.withLock {
            stopped = true
            while !finished { condition.wait() }
            return accepted
        }
    }

    private func acceptLoop() {
        let deadline = Date().addingTimeInterval(120)
        while condition.withLock({ !stopped }), Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            close(client)
            condition.withLock {
                accepted += 1
                condition.broadcast()
            }
        }
        close(descriptor)
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    struct ListenerError: Error, CustomStringConvertible {
        let step: String
        var description: String { "loopback listener failed at \(step): \(String(cString: strerror(errno)))" }
    }
}
