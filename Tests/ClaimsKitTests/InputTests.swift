import ClaimModel
import ClaimsKit
import ClaimsTestSupport
import Foundation
import Testing

@Suite("Input discovery")
struct InputDiscoveryTests {
    @Test("a folder walk yields document files by the contract's rule, sorted, with relative names")
    func walkRule() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["b.html", "a.txt", "c.md", "d.htm", "e.xhtml", "2025/q3/recap.html", "notes.pdf", "data.csv",
                     ".hidden.html", ".git/x.html", "expected/a.txt", "market/prices.txt", "Expected/b.txt", "documents.tsv"] {
            try folder.write(name, "x")
        }
        let (files, errors) = InputDiscovery.discover([folder.url.path])
        #expect(errors.isEmpty)
        #expect(files.map(\.doc) == ["2025/q3/recap.html", "a.txt", "b.html", "c.md", "d.htm", "e.xhtml", "notes.pdf"])
        #expect(files.first?.path == folder.path("2025/q3/recap.html"))
    }

    @Test("a file named on the command line is read whatever its name; a missing path is an error")
    func namedFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("page.data", "x")
        let (files, errors) = InputDiscovery.discover([folder.path("page.data"), folder.path("nope.html"), "-"])
        #expect(files.map(\.doc) == ["page.data", "stdin"])
        #expect(errors == [InputError(path: folder.path("nope.html"), reason: "no such file or folder")])
    }

    @Test("a dangling link is listed (and fails on reading); a folder named x.html is walked into")
    func unreadableEntries() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("x.html/inner.txt", "inside")
        try FileManager.default.createSymbolicLink(atPath: folder.path("gone.html"), withDestinationPath: folder.path("missing-target.html"))
        let (files, _) = InputDiscovery.discover([folder.url.path])
        #expect(files.map(\.doc) == ["gone.html", "x.html/inner.txt"])
        #expect(throws: InputError(path: folder.path("gone.html"), reason: "broken symbolic link")) {
            try FileBytes.read(folder.path("gone.html"), limit: 1 << 20)
        }
        #expect(throws: InputError(path: folder.path("x.html"), reason: "is a folder, not a file")) {
            try FileBytes.read(folder.path("x.html"), limit: 1 << 20)
        }
    }

    @Test("a symbolic link to a parent folder does not loop the walk")
    func linkCycle() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("sub/a.txt", "a")
        try FileManager.default.createSymbolicLink(atPath: folder.path("sub/loop"), withDestinationPath: folder.url.path)
        #expect(InputDiscovery.discover([folder.url.path]).files.map(\.doc) == ["sub/a.txt"])
    }

    @Test("files over the limit are refused before reading, naming size and limit")
    func readLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("big.txt", String(repeating: "x", count: 2000))
        #expect(throws: InputError(path: folder.path("big.txt"), reason: "file is 2000 bytes, over the limit of 1000 bytes")) {
            try FileBytes.read(folder.path("big.txt"), limit: 1000)
        }
        #expect(try FileBytes.read(folder.path("big.txt"), limit: 4000).count == 2000)
    }

    @Test("permission errors name the reason", .enabled(if: geteuid() != 0, "runs as root, for whom permissions do not bite"))
    func permissionDenied() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("secret.txt", "x")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        #expect(throws: InputError(path: file.path, reason: "permission denied")) { try FileBytes.read(file.path, limit: 100) }
    }
}

@Suite("Sidecars and dates")
struct SidecarTests {
    @Test("documents.tsv columns are found by their header, empty dates mean undated")
    func parse() {
        let sidecar = Sidecar(text: "title\tfile\tpublished\n# a comment\nQ3 wrap\ta.txt\t2025-10-01\nNo date\tb.txt\t\n\tc.txt\tnot-a-date\n")
        #expect(sidecar.entries["a.txt"]?.published?.description == "2025-10-01")
        #expect(sidecar.entries["a.txt"]?.title == "Q3 wrap")
        #expect(sidecar.entries["b.txt"] != nil && sidecar.entries["b.txt"]?.published == nil)
        #expect(sidecar.entries["c.txt"]?.published == nil)
        #expect(sidecar.entries.count == 3)
    }

    @Test("the sidecar beats --date and the page; --date beats the page; the page is the last resort")
    func datePrecedence() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = "<html><head><meta property=\"article:published_time\" content=\"2025-09-01\"></head><body><p>The Dow rose 1% on Monday as banks rallied after strong earnings from the largest lenders.</p></body></html>"
        try folder.write("listed.html", page)
        try folder.write("undated.html", page)
        try folder.write("unlisted.html", page)
        try folder.write(Sidecar.fileName, "file\tpublished\nlisted.html\t2025-10-01\nundated.html\t\n")
        let (files, _) = InputDiscovery.discover([folder.url.path])
        let date = CalendarDate(iso: "2025-10-05")
        func published(_ name: String, date: CalendarDate?) throws -> String? {
            let loader = DocumentLoader(date: date, sidecars: Sidecar.load(for: files))
            let file = try #require(files.first { $0.doc == name })
            return try loader.load(file).get().metadata.published?.description
        }
        #expect(try published("listed.html", date: date) == "2025-10-01")
        #expect(try published("undated.html", date: date) == nil)
        #expect(try published("unlisted.html", date: date) == "2025-10-05")
        #expect(try published("unlisted.html", date: nil) == "2025-09-01")
    }
}

@Suite("Parallel runs")
struct ParallelRunnerTests {
    @Test("results come back in input order whatever the job count", arguments: [1, 2, 3, 8])
    func ordered(jobs: Int) {
        var seen: [Int] = []
        ParallelRunner.run(count: 200, jobs: jobs, work: { i -> Int in
            if i % 7 == 0 { usleep(UInt32(200 + (i % 5) * 100)) }   // uneven work
            return i * i
        }, deliver: { i, r in
            #expect(r == i * i)
            seen.append(i)
        })
        #expect(seen == Array(0..<200))
    }

    @Test("the unordered runner delivers every result once, following the schedule's work order")
    func unordered() {
        var seen = Set<Int>()
        let schedule = Array((0..<100).reversed())
        ParallelRunner.runUnordered(count: 100, jobs: 4, schedule: schedule, work: { $0 + 1 }) { i, r in
            #expect(r == i + 1)
            #expect(seen.insert(i).inserted)
        }
        #expect(seen == Set(0..<100))
    }

    @Test("output paths mirror the input tree and never climb out of the folder")
    func outputPaths() {
        #expect(TextRun.outputPath(for: InputFile(path: "/in/2025/q3/recap.html", doc: "2025/q3/recap.html"), in: "/out", extension: "txt")
                == "/out/2025/q3/recap.txt")
        #expect(TextRun.outputPath(for: InputFile(path: "/x/id.html", doc: "id.html"), in: "/out", extension: "txt") == "/out/id.txt")
        #expect(TextRun.outputPath(for: InputFile(path: "-", doc: "stdin"), in: "/out", extension: "txt") == "/out/stdin.txt")
        #expect(TextRun.outputPath(for: InputFile(path: "/a", doc: "../../etc/passwd"), in: "/out", extension: "txt") == "/out/etc/passwd.txt")
        #expect(TextRun.outputPath(for: InputFile(path: "/a", doc: "/etc/passwd"), in: "/out", extension: "txt") == "/out/etc/passwd.txt")
        #expect(TextRun.outputPath(for: InputFile(path: "/a", doc: "x/./../a\nb\u{7F}.html"), in: "/out", extension: "txt") == "/out/x/a_b_.txt")
        #expect(TextRun.outputPath(for: InputFile(path: "/a", doc: String(repeating: "é", count: 300) + ".html"), in: "/out", extension: "txt")
                == "/out/" + String(repeating: "é", count: 100) + ".txt")
    }
}
