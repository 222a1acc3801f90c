import ClaimsTestSupport
import Foundation
import Testing

/// Pages from anywhere: every hostile file gets a clear error naming it, or a correct result,
/// and the rest of the folder is still processed.
@Suite("hostile input")
struct HostileInputTests {
    let binary = TestPaths.claimsBinary

    static let good = "The S&P 500 rose 1.2% to 6,552.51 on Oct. 9, 2025, while the Nasdaq gained 0.8%.\n"

    @Test("a folder of hostile files: each a clear error or a correct result, the good file's claims all there")
    func hostileFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/good.txt", Self.good)
        // binary: an image and a run of random bytes with a text name
        try folder.write("in/image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        var generator = SystemRandomNumberGenerator()
        try folder.write("in/noise.txt", (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        // 100,000 nested elements around a sentence
        try folder.write("in/nested.html", "<html><body>" + String(repeating: "<div>", count: 100_000)
                         + "<p>The Dow fell 1.1% to 45,000 on Oct. 10, 2025.</p>" + String(repeating: "</div>", count: 100_000) + "</body></html>")
        // a page that says UTF-8 and is Windows-1252
        try folder.write("in/mislabelled.html", Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf".utf8) + [0xE9]
                         + Array(" chains: the Russell 2000 rose 2.5% on Oct. 3, 2025, and Caf".utf8) + [0xE9] + Array(" stocks gained 3%.</p></article></body></html>".utf8))
        // NUL bytes: in the first 8 KB the file is sniffed as binary; past them they are dropped
        try folder.write("in/nul-start.txt", Array("The Nasdaq rose 1.5% on Oct. 9, 2025.\n".utf8) + [0, 0, 0] + Array("Oil fell 2%.\n".utf8))
        try folder.write("in/nul.txt", Array("The Nasdaq rose 1.5% on Oct. 9, 2025.\n".utf8) + Array(repeating: 0x20, count: 9000) + [0, 0, 0]
                         + Array("Oil fell 2% on the day.\n".utf8))
        // a 1 MB line, numbers past Double's range, and a folder, a broken link and a pipe named like documents
        try folder.write("in/longline.txt", String(repeating: "The index rose 1% and fell 2% as yields moved 3 bp; ", count: 20_000))
        try folder.write("in/huge-numbers.txt", "Debt rose 1e400% to $1e400 trillion, or 10^400 points; the S&P 500 gained 99999999999999999999999999999999999999% on Oct. 9, 2025.\n")
        try FileManager.default.createDirectory(atPath: folder.path("in/folder.txt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/broken.txt"), withDestinationPath: folder.path("nowhere.txt"))
        #expect(mkfifo(folder.path("in/pipe.txt"), 0o644) == 0)

        let started = Date()
        // the 1 MB line holds 60,000 claims: about 50 s in the debug build the tests run in (a
        // few seconds in release), so on a loaded machine it can pass the default budget of 60 s
        let r = try runProcess(binary, ["extract", folder.path("in"), "--format", "jsonl", "--date", "2025-10-10", "--time-budget", "10m"])
        #expect(Date().timeIntervalSince(started) < 240, "the hostile folder took too long")
        #expect(r.status == 2, "some files fail: exit 2")
        // the clear errors, each naming its file
        #expect(r.stderr.contains("image.html: binary content (PNG image)"), "\(r.stderr)")
        #expect(r.stderr.contains("noise.txt: binary content"), "\(r.stderr)")
        #expect(r.stderr.contains("nul-start.txt: binary content (NUL or control bytes)"), "\(r.stderr)")
        #expect(r.stderr.contains("pipe.txt: is a named pipe, not a regular file"), "\(r.stderr)")
        #expect(r.stderr.contains("broken.txt: broken symbolic link"), "\(r.stderr)")
        // the correct results
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func quotes(_ doc: String) -> [String] {
            lines.compactMap { line -> String? in
                guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], o["doc"] as? String == doc else { return nil }
                return o["quote"] as? String
            }
        }
        #expect(quotes("good.txt") == ["1.2%", "6,552.51", "0.8%"])
        #expect(quotes("nested.html") == ["1.1%", "45,000"])
        #expect(quotes("mislabelled.html") == ["2.5%", "3%"])
        #expect(r.stdout.contains("Caf\u{E9} chains"))
        #expect(quotes("nul.txt") == ["1.5%", "2%"])
        #expect(quotes("longline.txt").count == 60_000)
        #expect(!r.stdout.contains("\\u0000"))
        // numbers past Double's range are not claims with infinite values: none is written as such
        // (as JSON values: the words "inf" and "nan" also occur inside field names such as "provenance")
        for bad in [":inf", ":-inf", ":nan", ":-nan", ":infinity", ":Infinity", ":NaN"] {
            #expect(!r.stdout.contains(bad), "a value written as \(bad)")
        }
    }

    @Test("pathological repetition takes linear time: four times the input, at most about four times as long")
    func linearTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let unit = "1% 2% ((( $ $$ 3.5 bp, 1,2,3,4,5 up up down 10-for-1 S&P S&P 500 500 <<<>>> & "
        func seconds(_ n: Int, _ name: String) throws -> Double {
            try folder.write(name, String(repeating: unit, count: n))
            let started = Date()
            // no time budget: this test measures the time itself, and a debug build on a busy
            // machine can pass the default minute on the large input
            let r = try runProcess(binary, ["extract", folder.path(name), "--format", "jsonl", "--time-budget", "none"])
            #expect(r.status == 0, "\(r.stderr)")
            return Date().timeIntervalSince(started)
        }
        let small = try seconds(2_000, "small.txt")
        let large = try seconds(8_000, "large.txt")
        #expect(large < max(6 * small, 2.0), "2,000 units \(small) s, 8,000 units \(large) s")
    }

    @Test("--max-bytes refuses larger files with their size and the limit; the others are read")
    func maxBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/good.txt", Self.good)
        try folder.write("in/big.txt", String(repeating: "The index rose 1%.\n", count: 10_000))
        let r = try runProcess(binary, ["extract", folder.path("in"), "--format", "jsonl", "--max-bytes", "100K"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("big.txt: file is 190000 bytes, over the limit of 102400 bytes"), "\(r.stderr)")
        #expect(r.stdout.contains("\"doc\":\"good.txt\""))
        #expect(try runProcess(binary, ["extract", folder.path("in"), "--max-bytes", "lots"]).status == 64)
    }

    /// Root reads any file whatever its permissions, so as root the command runs as `nobody`.
    static let canDropRoot = geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test("an unreadable file (permission denied) is a clear error naming it; the others are read",
          .enabled(if: canDropRoot, "runs as root without setpriv to run the command as another user"))
    func unreadableFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/good.txt", Self.good)
        let secret = try folder.write("in/secret.txt", "The Dow fell 1.1% on Oct. 10, 2025.\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        var arguments = ["extract", folder.path("in"), "--format", "jsonl"]
        var executable = binary
        if geteuid() == 0 {
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
        }
        let r = try runProcess(executable, arguments)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("secret.txt: permission denied"), "\(r.stderr)")
        #expect(r.stdout.contains("\"doc\":\"good.txt\""))
        #expect(!r.stdout.contains("secret.txt"))
    }

    @Test("--time-budget: a document over it is a clear error naming it; the others are read, by extract and by ingest")
    func timeBudget() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/good.txt", Self.good)
        // 210 KB of prose with 9,000 claims: seconds in the debug build the tests run in (about
        // 50 KB/s), while good.txt takes about a millisecond there
        try folder.write("in/big.txt", String(repeating: "The index rose 1% and fell 2% as yields moved 3 bp on Oct. 9, 2025. ", count: 3_000))
        let r = try runProcess(binary, ["extract", folder.path("in"), "--format", "jsonl", "--time-budget", "100ms"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("big.txt: took longer than the time budget of 100 ms (stopped while "), "\(r.stderr)")
        #expect(r.stderr.contains("raise it with --time-budget"))
        #expect(!r.stdout.contains("\"doc\":\"big.txt\""), "no partial claims of the stopped document")
        #expect(r.stdout.contains("\"doc\":\"good.txt\""))

        let store = folder.path("claims.sqlite")
        let ingest = try runProcess(binary, ["ingest", folder.path("in"), "--store", store, "--time-budget", "0.1"])
        #expect(ingest.stderr.contains("big.txt: took longer than the time budget of 100 ms"), "\(ingest.stderr)")
        #expect(ingest.stderr.contains("1 new, 0 changed, 0 unchanged, 1 failed"), "\(ingest.stderr)")
        // no limit: both read
        let unlimited = try runProcess(binary, ["ingest", folder.path("in"), "--store", store, "--time-budget", "none"])
        #expect(unlimited.status == 0, "\(unlimited.stderr)")
        #expect(unlimited.stderr.contains("1 new, 0 changed, 1 unchanged, 0 failed"), "\(unlimited.stderr)")
        #expect(try runProcess(binary, ["extract", folder.path("in/good.txt"), "--time-budget", "soon"]).status == 64)
    }

    @Test("claims text --out never writes outside its folder: control characters in names, links that lead out")
    func outPaths() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a\nb.txt", Self.good)
        try folder.write("in/linked/x.txt", Self.good)
        // a symbolic link inside the output folder that leads out of it
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("out/linked"), withDestinationPath: folder.path("elsewhere"))
        let r = try runProcess(binary, ["text", folder.path("in"), "--out", folder.path("out")])
        #expect(r.status == 2)
        #expect(r.stderr.contains("linked/x.txt: would be written outside the output folder"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("elsewhere")).isEmpty)
        #expect(try String(contentsOfFile: folder.path("out/a_b.txt"), encoding: .utf8).hasPrefix("The S&P 500 rose 1.2%"))
    }
}
