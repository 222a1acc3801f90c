import ClaimsTestSupport
import Foundation
import Testing

/// `claims extract` and `claims explain`, run as a user runs them: the built binary, its output
/// and exit status.
@Suite("claims extract")
struct ExtractCommandTests {
    let binary = TestPaths.claimsBinary
    static let note = "The Nasdaq Composite fell 2.4% on Friday to 22,204.43.\n"

    static func jsonLines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("jsonl: one claim per line, the contract's fields, periods resolved against --date")
    func jsonl() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("notes/n.txt", Self.note)
        // 2025-10-12 is a Sunday: "Friday" is October 10
        let r = try runProcess(binary, ["extract", folder.url.path, "--format", "jsonl", "--date", "2025-10-12"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let lines = try Self.jsonLines(r.stdout)
        #expect(lines.count == 2)
        #expect(lines.map { $0["doc"] as? String } == ["notes/n.txt", "notes/n.txt"])
        #expect(lines.map { $0["quote"] as? String } == ["2.4%", "22,204.43"])
        #expect(lines.map { $0["value"] as? Double } == [-2.4, 22204.43])
        #expect(lines.map { $0["metric"] as? String } == ["return", "level"])
        #expect(lines.allSatisfy { ($0["period"] as? [String: Any])?["start"] as? String == "2025-10-10" })
        #expect(lines.allSatisfy { $0["rules"] is [String: String] })
    }

    @Test("json, csv and text formats carry the same claims")
    func formats() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("n.txt", Self.note)
        let json = try runProcess(binary, ["extract", file.path, "--format", "json", "--date", "2025-10-12", "--no-rules"])
        #expect(json.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(array.map { $0["quote"] as? String } == ["2.4%", "22,204.43"])
        #expect(array.allSatisfy { $0["rules"] == nil })

        let csv = try runProcess(binary, ["extract", file.path, "--format", "csv", "--date", "2025-10-12"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("doc,quote,start,end,value,"))
        #expect(rows[2].hasPrefix("n.txt,\"22,204.43\",44,53,22204.43,,level,exact,IXIC,"))

        let text = try runProcess(binary, ["extract", file.path, "--format", "text", "--date", "2025-10-12"])
        let table = text.stdout.split(separator: "\n").map(String.init)
        #expect(table.count == 3)
        #expect(table[0].hasPrefix("doc    quote      subject  metric"))
        #expect(table[1].contains("2.4%") && table[1].contains("IXIC") && table[1].contains("-2.4 percent") && table[1].contains("2025-10-10"))
    }

    @Test("a documents.tsv sidecar dates its files; --date covers the others")
    func sidecar() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.txt", "The S&P 500 rose 1.1% on Tuesday.\n")
        try folder.write("b.txt", "The S&P 500 rose 1.1% on Tuesday.\n")
        try folder.write("documents.tsv", "file\tpublished\na.txt\t2025-10-09\n")
        let r = try runProcess(binary, ["extract", folder.url.path, "--format", "jsonl", "--date", "2025-10-02"])
        let periods = try Self.jsonLines(r.stdout).map { ($0["period"] as? [String: Any])?["start"] as? String }
        // Tuesday before Thursday 2025-10-09 is October 7; before Thursday 2025-10-02, September 30
        #expect(periods == ["2025-10-07", "2025-09-30"])
    }

    @Test("--lexicon adds a user's entities; an unreadable or empty lexicon is a usage error")
    func userLexicon() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("n.txt", "Acme Widgets rose 3.5% after its results.\n")
        let lexicon = try folder.write("mine.tsv", "id\tkind\tname\taliases\nACME\tcompany\tAcme Widgets\tAcme\n")
        let without = try runProcess(binary, ["extract", file.path, "--format", "jsonl"])
        #expect(try Self.jsonLines(without.stdout).first?["subject"] is NSNull)
        let with = try runProcess(binary, ["extract", file.path, "--format", "jsonl", "--lexicon", lexicon.path])
        #expect(try Self.jsonLines(with.stdout).first?["subject"] as? String == "ACME")

        let empty = try folder.write("empty.tsv", "id\tkind\tname\taliases\n")
        let bad = try runProcess(binary, ["extract", file.path, "--lexicon", empty.path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("no entity rows"))
        let missing = try runProcess(binary, ["extract", file.path, "--lexicon", folder.path("nowhere.tsv")])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("cannot read the lexicon"))
    }

    @Test("bad inputs are named on stderr, the rest is still extracted, and the exit status is 2")
    func failures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.txt", Self.note)
        try folder.write("b.txt", [UInt8]())
        try folder.write("c.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])
        let r = try runProcess(binary, ["extract", folder.url.path, folder.path("missing.txt"), "--format", "jsonl", "--date", "2025-10-12"])
        #expect(r.status == 2)
        #expect(try Self.jsonLines(r.stdout).count == 2)
        #expect(r.stderr.contains("\(folder.path("b.txt")): empty file"))
        #expect(r.stderr.contains("\(folder.path("c.html")): binary content"))
        #expect(r.stderr.contains("\(folder.path("missing.txt")): no such file or folder"))
    }

    @Test("an impossible --date and an unknown format are usage errors")
    func usage() throws {
        let r = try runProcess(binary, ["extract", "x.txt", "--date", "2025-02-30"])
        #expect(r.status == 64)
        let f = try runProcess(binary, ["extract", "x.txt", "--format", "xml"])
        #expect(f.status == 64)
    }

    @Test("--stats reports documents, sentences, claims and throughput on stderr")
    func stats() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("n.txt", Self.note + "Nothing else happened.\n")
        let r = try runProcess(binary, ["extract", file.path, "--format", "jsonl", "--stats"])
        #expect(r.stderr.hasPrefix("claims: 1 documents, 2 sentences, 2 claims, "))
        #expect(r.stderr.contains("sentences/s)"))
    }

    @Test("explain shows the mentions, the rules behind each field and the claims")
    func explain() throws {
        let r = try runProcess(binary, ["explain", "The Nasdaq Composite fell 2.4% on Friday to 22,204.43.", "--date", "2025-10-12"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("entity    Nasdaq Composite  → IXIC (index, Nasdaq Composite)  rule name"))
        #expect(r.stdout.contains("period    on Friday  → 2025-10-10 (weekday)  rule period.weekday"))
        #expect(r.stdout.contains("cue       fell  → direction:down"))
        #expect(r.stdout.contains("2.4%  value -2.4 percent exact  subject IXIC (Nasdaq Composite)  metric return  period 2025-10-10  direction down"))
        #expect(r.stdout.contains("direction: direction.word-before:fell"))
    }
}
