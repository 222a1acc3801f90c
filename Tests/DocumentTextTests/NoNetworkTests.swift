@testable import DocumentText
import Foundation
import Testing

/// The parser never loads anything: a page full of references to a server we listen on leaves
/// the server without a single connection attempt.
@Suite("No network")
struct NoNetworkTests {
    /// A TCP socket listening on a free loopback port.
    final class Listener {
        let fd: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            self.fd = fd
            port = UInt16(bigEndian: address.sin_port)
        }

        /// True when a connection arrived within `seconds`.
        func connected(within seconds: Double) -> Bool {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&p, 1, Int32(seconds * 1000)) > 0
        }

        deinit { close(fd) }
    }

    @Test("external DTDs, entities, stylesheets, scripts, images, frames and XIncludes are never fetched")
    func noConnection() throws {
        let listener = try Listener()
        let base = "http://127.0.0.1:\(listener.port)"
        // first make sure the listener works: a real connection is seen
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = listener.port.bigEndian
        let connected = withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0 && listener.connected(within: 1))
        close(probe)
        let drained = accept(listener.fd, nil, nil)
        if drained >= 0 { close(drained) }

        let page = """
            <?xml version="1.0"?>
            <?xml-stylesheet type="text/xsl" href="\(base)/style.xsl"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(base)/xhtml1-strict.dtd" [
              <!ENTITY remote SYSTEM "\(base)/entity.txt">
              <!ENTITY % param SYSTEM "\(base)/param.dtd"> %param;
            ]>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">
            <head><link rel="stylesheet" href="\(base)/site.css"><script src="\(base)/app.js"></script>
            <meta http-equiv="refresh" content="0; url=\(base)/moved"></head>
            <body><article><p>&remote; The S&amp;P 500 rose 1.2% on Oct. 9, 2025.</p>
            <img src="\(base)/chart.png"><iframe src="\(base)/frame.html"></iframe>
            <xi:include href="\(base)/include.xml"/><object data="\(base)/o.swf"></object>
            </article></body></html>
            """
        for name in ["page.html", "page.xhtml", "page.txt"] {
            let document = try DocumentReader().read(Array(page.utf8), fileName: name)
            #expect(document.text.contains("rose 1.2%"))
        }
        #expect(!listener.connected(within: 0.5), "the parser connected to the listener")
    }
}
