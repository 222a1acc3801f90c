import ClaimsTestSupport
import Foundation
import Testing

/// `claims text`, run as a user runs it: the built binary, its output and exit status.
@Suite("claims text")
struct TextCommandTests {
    let binary = TestPaths.claimsBinary
    static let article = "<html><head><title>Dow record | Desk</title></head><body><article><h1>Dow record</h1><p>The Dow Jones Industrial Average closed at a record 46,397.89, up 5.2% in the quarter, as banks and industrials led.</p></article></body></html>"

    @Test("prints a page's article text")
    func singleFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = try folder.write("dow.html", Self.article)
        let r = try runProcess(binary, ["text", page.path])
        #expect(r.status == 0)
        #expect(r.stdout == "The Dow Jones Industrial Average closed at a record 46,397.89, up 5.2% in the quarter, as banks and industrials led.\n")
        #expect(r.stderr.isEmpty)
    }

    @Test("a folder run reports bad files on stderr, still prints the others, and exits 2")
    func folderWithFailures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a-good.html", Self.article)
        try folder.write("b-empty.html", [UInt8]())
        try folder.write("c-image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
        try FileManager.default.createSymbolicLink(atPath: folder.path("d-link.html"), withDestinationPath: folder.path("nowhere"))
        try folder.write("e-note.txt", "Nasdaq 22,660.01\n")
        let r = try runProcess(binary, ["text", folder.url.path, folder.path("missing.html")])
        #expect(r.status == 2)
        #expect(r.stdout.contains("==> a-good.html <==\nThe Dow Jones"))
        #expect(r.stdout.contains("==> e-note.txt <==\nNasdaq 22,660.01\n"))
        let errors = r.stderr.split(separator: "\n").map(String.init)
        #expect(errors.contains("claims: \(folder.path("missing.html")): no such file or folder"))
        #expect(errors.contains("claims: \(folder.path("b-empty.html")): empty file"))
        #expect(errors.contains("claims: \(folder.path("c-image.html")): binary content (PNG image), not text or HTML"))
        #expect(errors.contains("claims: \(folder.path("d-link.html")): broken symbolic link"))
        #expect(errors.count == 4)
    }

    @Test("--out mirrors the input tree with .txt files")
    func outFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/2025/q3/dow.html", Self.article)
        try folder.write("in/note.md", "# Note\nSPX 6,688.46\n")
        let r = try runProcess(binary, ["text", "--out", folder.path("out"), "--jobs", "2", folder.path("in")])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOfFile: folder.path("out/2025/q3/dow.txt"), encoding: .utf8).hasPrefix("The Dow Jones"))
        #expect(try String(contentsOfFile: folder.path("out/note.txt"), encoding: .utf8) == "# Note\nSPX 6,688.46\n")
    }

    @Test("--format json prints one document per line with its name, metadata and blocks")
    func jsonFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("dow.html", Self.article)
        try folder.write("documents.tsv", "file\tpublished\ndow.html\t2025-10-01\n")
        let r = try runProcess(binary, ["text", "--format", "json", folder.url.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["doc"] as? String == "dow.html")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["published"] as? String == "2025-10-01")
        #expect(metadata["publishedSource"] as? String == "documents.tsv")
        #expect(metadata["title"] as? String == "Dow record")
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.count == 1)
        #expect(blocks[0]["kind"] as? String == "paragraph")
        #expect(blocks[0]["start"] as? Int == 0)
        #expect(object["format"] as? String == "html")
    }

    @Test("- reads standard input")
    func standardInput() throws {
        let r = try runProcess(binary, ["text", "-"], stdin: Array("Russell 2000 2,436.48\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "Russell 2000 2,436.48\n")
    }

    @Test("bad arguments are usage errors (exit 64)")
    func usageErrors() throws {
        #expect(try runProcess(binary, ["text", "--jobs", "0", "x"]).status == 64)
        #expect(try runProcess(binary, ["text"]).status == 64)
        #expect(try runProcess(binary, ["text", "--date", "2025-13-01", "x"]).status == 64)
    }
}
