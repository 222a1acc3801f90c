import ClaimsKit
import ClaimsTestSupport
import Foundation
import Testing

/// The library face the command line uses, through `ClaimsKit` alone: ingest, the store's
/// queries and reports, explanations and the command-line value forms.
@Suite("ClaimsKit façade")
struct FacadeTests {
    /// Two notes that disagree on one quarter's return, ingested into a new SQLite store.
    func ingested(_ folder: TemporaryFolder) throws -> (IngestJob.Outcome, [String]) {
        try folder.write("notes/a.txt", "The S&P 500 rose 7.8% in the third quarter of 2025. Small caps lagged.\n")
        try folder.write("notes/b.txt", "The S&P 500 gained 8.4% in the third quarter of 2025.\n")
        let setup = try ExtractionSetup(DocumentSettings(date: CalendarDate(iso: "2025-10-10")))
        var problems: [String] = []
        let job = IngestJob(paths: [folder.path("notes"), folder.path("gone.txt")], setup: setup, jobs: 1)
        let outcome = try job.run(into: folder.path("claims.sqlite"), arguments: ["test"], problem: { problems.append($0) })
        return (outcome, problems)
    }

    @Test("an ingest job stores what it finds, lists what it cannot read, and reports both in one line")
    func ingest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (outcome, problems) = try ingested(folder)
        #expect(problems == ["\(folder.path("gone.txt")): no such file or folder"])
        #expect(outcome.inputs.map(\.doc) == ["a.txt", "b.txt"])
        #expect(outcome.failed == 1)
        #expect(outcome.scope == Set([folder.path("notes/a.txt"), folder.path("notes/b.txt")].map(IngestRun.resolved)))
        #expect(outcome.summaryLine.hasPrefix("2 new, 0 changed, 0 unchanged, 1 failed documents; 2 claims stored in \(folder.path("claims.sqlite")); "))
        // again: nothing changed
        let (again, _) = try ingested(folder)
        #expect(again.summaryLine.hasPrefix("0 new, 0 changed, 2 unchanged, 1 failed documents; 0 claims stored in "))
    }

    @Test("the store answers queries by entity name, searches, counts and checks")
    func store() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ingested(folder).0.store
        // a name or alias resolves to the entity id
        #expect(try store.claims(subject: "S&P 500").map(\.quote) == ["7.8%", "8.4%"])
        #expect(try store.claims(subject: "SPX", document: "b").map(\.quote) == ["8.4%"])
        #expect(try store.claims(metric: .level).isEmpty)
        #expect(try store.claims(from: CalendarDate(iso: "2025-10-01"), to: CalendarDate(iso: "2025-12-31")).isEmpty)

        let text = try store.search("small caps", limit: 5, format: .text)
        #expect(text.hits == 1)
        #expect(text.output == "a.txt:52  Small caps lagged.\n")
        let jsonl = try store.search("third quarter", limit: 5, format: .jsonl)
        #expect(jsonl.hits == 2)
        #expect(jsonl.output.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"doc\":") && $0.hasSuffix("]}") })
        #expect(try store.search("nothing like this", limit: 5, format: .text).hits == 0)

        let stats = try store.statistics(format: .text, top: 0)
        #expect(stats.hasPrefix("2 documents, 3 sentences, 2 claims in "))
        #expect(stats.contains("\nclaims by subject\n  SPX  2\n"))
        let json = try JSONSerialization.jsonObject(with: Data(try store.statistics(format: .json, top: 0).utf8)) as? [String: Any]
        #expect(json?["documents"] as? Int == 2)

        // 7.8% and 8.4% for one quarter cannot both be right
        let report = try store.check(data: nil)
        #expect(report.findings.map(\.rule) == ["conflict.sources"])
        #expect(FindingReport.exitStatus(report, failOn: .minor) == 1)
        let explained = Explanation.finding(report.findings[0])
        #expect(explained.hasPrefix("finding \(report.findings[0].id): conflict, major\ncheck conflict.sources: "))
        #expect(explained.contains("period 2025-07-01..2025-09-30"))
    }

    @Test("a file that is not a database is a store failure naming the engine")
    func notADatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("notes.sqlite", "plain text, not a database")
        do {
            _ = try Store.open(folder.path("notes.sqlite"))
            Issue.record("opened a text file as a database")
        } catch {
            #expect(error.description == "\(folder.path("notes.sqlite")): is not an SQLite database")
        }
    }

    @Test("a lexicon file that cannot be read is refused before any file is read")
    func missingLexicon() {
        do {
            _ = try ExtractionSetup(DocumentSettings(lexiconFiles: ["/no/such/lexicon.tsv"]))
            Issue.record("a missing lexicon file was accepted")
        } catch {
            #expect(error.description == "cannot read the lexicon /no/such/lexicon.tsv")
        }
    }

    @Test("explain lists the rules and checks, and takes a sentence apart")
    func explain() throws {
        let rules = Explanation.rules()
        #expect(rules.contains("\n  conflict.sources  ") && rules.contains("\n  subject.nearest-before  "))
        let setup = try ExtractionSetup(DocumentSettings(date: CalendarDate(iso: "2025-10-10")))
        let text = Explanation.sentence("The S&P 500 rose 7.8% in the third quarter of 2025.", setup)
        #expect(text.hasPrefix("mentions:\n"))
        #expect(text.contains("\nclaims:\n  7.8%  value 7.8 percent exact  subject SPX (S&P 500)  metric return  period 2025-07-01..2025-09-30  direction up\n"))
        #expect(Explanation.sentence("Nothing to see.", setup).hasSuffix("claims:\n  (none)\n"))
    }

    @Test("time budgets and byte counts in the command line's forms")
    func valueForms() {
        #expect(TimeBudget("250ms")?.seconds == 0.25)
        #expect(TimeBudget("30")?.seconds == 30)
        #expect(TimeBudget("2m")?.seconds == 120)
        #expect(TimeBudget("none")?.seconds == nil && TimeBudget("none") != nil)
        #expect(TimeBudget("0")?.seconds == nil)
        #expect(TimeBudget("soon") == nil && TimeBudget("-1") == nil)
        #expect(ByteCount("64M")?.bytes == 64 << 20)
        #expect(ByteCount("512kb")?.bytes == 512 << 10)
        #expect(ByteCount("1000")?.bytes == 1000)
        #expect(ByteCount("0") == nil && ByteCount("lots") == nil && ByteCount("99999999999G") == nil)
        #expect(ByteCount(64 << 20).description == "64M" && ByteCount(1000).description == "1000")
    }
}

@Suite("Where a claim stands")
struct PlaceTests {
    let text = "Title\n\nThe S&P 500 rose 1.2% on Tuesday.\n\nNext page.\nThe Dow fell 0.5%."

    func claim(_ quote: String) -> Claim {
        let scalars = Array(text.unicodeScalars), q = Array(quote.unicodeScalars)
        let start = (0...(scalars.count - q.count)).first { Array(scalars[$0..<($0 + q.count)]) == q }!
        return Claim(doc: "note.pdf", quote: quote, start: start, end: start + q.count, sentence: "", value: 0, unit: .percent,
                     metric: .return)
    }

    @Test("a text's claims at line:column; a PDF's at page:line:column, the line counted from its page's top")
    func places() {
        #expect(FindingOutput.place(claim("1.2%"), in: text, pages: nil) == "note.pdf:3:18")
        // page 2 starts at "Next page." (offset 42); page 3 has no text
        let pages = [0, 42, -1]
        #expect(FindingOutput.place(claim("1.2%"), in: text, pages: pages) == "note.pdf:p1:3:18")
        #expect(FindingOutput.place(claim("0.5%"), in: text, pages: pages) == "note.pdf:p2:2:14")
    }
}
