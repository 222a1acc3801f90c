import ClaimModel
@testable import ClaimStore
import ClaimsTestSupport
import Foundation
import Synchronization
import Testing

/// Documents and claims written by hand, so every expectation below is checked against values
/// we chose, not against the extractor's output.
enum Fixture {
    static let q3 = Period(start: CalendarDate(iso: "2025-07-01")!, end: CalendarDate(iso: "2025-09-30")!, text: "Q3 2025")
    static let oct10 = Period(start: CalendarDate(iso: "2025-10-10")!, end: CalendarDate(iso: "2025-10-10")!, text: "Friday")

    static let s1 = "The Russell 2000 rose 9.4% in Q3 2025, outpacing the S&P 500's 7.8%."
    static let s2 = "Small caps slid on Friday."
    static let s3 = "The Nasdaq Composite fell 3.6% to 22,204.43 on Friday."

    /// A document of three sentences; the first and third hold claims.
    static func document(path: String = "/data/recap.txt", name: String = "recap.txt", sha: String = "aa",
                         version: String = "1/x") -> IngestedDocument {
        let text = s1 + " " + s2 + "\n" + s3 + "\n"
        let c1 = s1.unicodeScalars.count
        let start2 = c1 + 1, end2 = start2 + s2.unicodeScalars.count
        let start3 = end2 + 1, end3 = start3 + s3.unicodeScalars.count
        let sentences = [SentenceRow(start: 0, end: c1, text: s1), SentenceRow(start: start2, end: end2, text: s2),
                         SentenceRow(start: start3, end: end3, text: s3)]
        let claims = [
            Claim(doc: name, quote: "9.4%", start: 22, end: 26, sentence: s1, value: 9.4, unit: .percent, subject: "RUT",
                  subjectText: "Russell 2000", metric: .return, period: q3, direction: .up,
                  rules: ["subject": "subject.nearest-before", "value": "number+unit.percent"]),
            Claim(doc: name, quote: "7.8%", start: 64, end: 68, sentence: s1, value: 7.8, unit: .percent, subject: "SPX",
                  subjectText: "S&P 500", metric: .return, period: q3, direction: .up),
            Claim(doc: name, quote: "3.6%", start: start3 + 26, end: start3 + 30, sentence: s3, value: -3.6, unit: .percent,
                  bound: .approx, subject: "IXIC", subjectText: "Nasdaq Composite", metric: .return, period: oct10,
                  direction: .down, forecast: true, rules: ["note": "quote \" and \\ and\ttab"]),
            Claim(doc: name, quote: "22,204.43", start: start3 + 34, end: start3 + 43, sentence: s3, value: 22204.43,
                  valueHigh: 22300, unit: .level, bound: .range, subject: "IXIC", subjectText: "Nasdaq Composite",
                  metric: .level, period: oct10, direction: .down, hypothetical: true),
        ]
        return IngestedDocument(path: path, name: name, sha256: sha, bytes: text.utf8.count, modified: 1_760_000_000.5,
                                pipelineVersion: version, text: text,
                                metadata: DocumentMetadata(title: "Recap", published: CalendarDate(iso: "2025-10-12")),
                                sentences: sentences, claims: claims)
    }

    static let entities = [
        EntityRow(id: "SPX", kind: "index", name: "S&P 500",
                  aliases: [.init(text: "S&P 500", caseSensitive: false), .init(text: "SPX", caseSensitive: true)]),
        EntityRow(id: "RUT", kind: "index", name: "Russell 2000", aliases: [.init(text: "Russell 2000", caseSensitive: false)]),
    ]
}

/// The backends the store tests run on: SQLite always, PostgreSQL when `CLAIMS_TEST_POSTGRES`
/// names a server (`.ci/run` starts one; the PostgreSQL-only suite says when it is absent).
enum Backend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [Backend] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new, empty database.
    func open() throws -> any ClaimDatabase {
        switch self {
        case .sqlite: return try SQLiteClaimDatabase()
        case .postgres: return try PostgresClaimDatabase(url: try PostgresTestServer.newDatabase())
        }
    }
}

@Suite("Claim store")
struct ClaimStoreTests {
    @Test("a stored document's claims come back exactly, in order, with its name", arguments: Backend.available)
    func roundTrip(_ backend: Backend) throws {
        let db = try backend.open()
        let d = Fixture.document()
        #expect(try db.store([d]) == [.inserted])
        #expect(try db.claims(matching: ClaimQuery()) == d.claims)
        let docs = try db.documents()
        #expect(docs.map(\.name) == ["recap.txt"])
        #expect(docs.map(\.claimCount) == [4])
        #expect(docs.map(\.storedClaims) == [4])
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("a PDF's page starts are stored with it and read back; other documents have none", arguments: Backend.available)
    func pages(_ backend: Backend) throws {
        let db = try backend.open()
        var pdf = Fixture.document(path: "/data/note.pdf", name: "note.pdf")
        pdf.metadata.pageStarts = [0, -1, 40]
        #expect(try db.store([pdf, Fixture.document()]) == [.inserted, .inserted])
        #expect(try db.documentPages(path: "/data/note.pdf") == [0, -1, 40])
        #expect(try db.documentPages(path: "/data/recap.txt") == nil)
        #expect(try db.documentPages(path: "/data/none.pdf") == nil)
    }

    @Test("both backends' live schemas are the one description of the tables (StoreSchema)", arguments: Backend.available)
    func schema(_ backend: Backend) throws {
        let db = try backend.open()
        for (table, columns) in StoreSchema.tables {
            var expected = columns
            if backend == .postgres { expected += StoreSchema.postgresOnlyColumns[table] ?? [] }
            let live = try db.liveColumns(of: table)
            // names, kinds of value and nullability, in order (PostgreSQL folds names to lower case)
            #expect(live.map { $0.description.lowercased() } == expected.map { $0.description.lowercased() }, "\(backend) \(table)")
        }
        #expect(try db.liveColumns(of: "noSuchTable").isEmpty)
    }

    @Test("the same path with new content replaces the document; the same content is kept", arguments: Backend.available)
    func replaceAndKeep(_ backend: Backend) throws {
        let db = try backend.open()
        #expect(try db.store([Fixture.document()]) == [.inserted])
        #expect(try db.store([Fixture.document()]) == [.unchanged])
        // a new pipeline version is a change too
        #expect(try db.store([Fixture.document(version: "2/x")]) == [.replaced])
        var changed = Fixture.document(sha: "bb", version: "2/x")
        changed.claims = Array(changed.claims.prefix(1))
        changed.sentences = Array(changed.sentences.prefix(1))
        #expect(try db.store([changed]) == [.replaced])
        #expect(try db.documents().count == 1)
        #expect(try db.claims(matching: ClaimQuery()).map(\.quote) == ["9.4%"])
        // the replaced sentences left the search index
        #expect(try db.search("small caps", limit: 10).isEmpty)
        #expect(try db.search("outpacing", limit: 10).count == 1)
        #expect(try db.integrityCheck() == ["ok"])
        #expect(try db.documentStates()["/data/recap.txt"]?.sha256 == "bb")
    }

    @Test("queries filter by subject, metric, overlapping period and document name", arguments: Backend.available)
    func queries(_ backend: Backend) throws {
        let db = try backend.open()
        _ = try db.store([Fixture.document(), Fixture.document(path: "/data/2025/other.html", name: "2025/other.html", sha: "cc")])
        func quotes(_ q: ClaimQuery) throws -> [String] { try db.claims(matching: q).map { "\($0.doc):\($0.quote)" } }
        #expect(try quotes(ClaimQuery(subjects: ["SPX"])) == ["2025/other.html:7.8%", "recap.txt:7.8%"])
        #expect(try quotes(ClaimQuery(metric: .level)) == ["2025/other.html:22,204.43", "recap.txt:22,204.43"])
        // September overlaps Q3 only; October 1–31 overlaps Friday, October 10 only
        let sept = ClaimQuery(from: CalendarDate(iso: "2025-09-01"), to: CalendarDate(iso: "2025-09-30"), document: "recap")
        #expect(try quotes(sept) == ["recap.txt:9.4%", "recap.txt:7.8%"])
        let oct = ClaimQuery(from: CalendarDate(iso: "2025-10-01"), to: CalendarDate(iso: "2025-10-31"), document: "recap.txt")
        #expect(try quotes(oct) == ["recap.txt:3.6%", "recap.txt:22,204.43"])
        #expect(try quotes(ClaimQuery(to: CalendarDate(iso: "2025-06-30"))).isEmpty)
        #expect(try quotes(ClaimQuery(document: "other", limit: 1)) == ["2025/other.html:9.4%"])
        #expect(try quotes(ClaimQuery(document: "2025/other.html", limit: 1)) == ["2025/other.html:9.4%"])
        // "%" and "_" in a name are literal
        #expect(try quotes(ClaimQuery(document: "%")).isEmpty)
        #expect(try quotes(ClaimQuery(subjects: [])).isEmpty)
    }

    @Test("filter values are bound as parameters: SQL in them is text and changes nothing", arguments: Backend.available)
    func injection(_ backend: Backend) throws {
        let db = try backend.open()
        _ = try db.store([Fixture.document()])
        let hostile = "'; DROP TABLE claim; --"
        #expect(try db.claims(matching: ClaimQuery(subjects: [hostile])).isEmpty)
        #expect(try db.claims(matching: ClaimQuery(document: hostile)).isEmpty)
        #expect(try db.entityIDs(named: hostile).isEmpty)
        #expect(try db.search(hostile, limit: 5).isEmpty)
        #expect(try db.search("\"unbalanced OR NEAR(", limit: 5).isEmpty)
        #expect(try db.claims(matching: ClaimQuery()).count == 4)
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("full-text search finds sentences by stemmed phrase, with their claims", arguments: Backend.available)
    func search(_ backend: Backend) throws {
        let db = try backend.open()
        _ = try db.store([Fixture.document()])
        let hits = try db.search("small cap", limit: 10)
        #expect(hits.map(\.sentence) == [Fixture.s2])
        #expect(hits.first?.claims.isEmpty == true)
        let nasdaq = try db.search("NASDAQ composite fell", limit: 10)
        #expect(nasdaq.map(\.sentence) == [Fixture.s3])
        #expect(nasdaq.first?.claims.map(\.quote) == ["3.6%", "22,204.43"])
        #expect(nasdaq.first.map { Array(Fixture.document().text.unicodeScalars)[$0.start..<$0.end] }
            .map { String(String.UnicodeScalarView($0)) } == Fixture.s3)
        #expect(try db.search("composite Nasdaq", limit: 10).isEmpty)   // a phrase: word order counts
        #expect(try db.search("   ", limit: 10).isEmpty)
    }

    @Test("statistics count by document, metric, subject and unit", arguments: Backend.available)
    func statistics(_ backend: Backend) throws {
        let db = try backend.open()
        _ = try db.store([Fixture.document()])
        let s = try db.statistics()
        #expect(s.documents == 1)
        #expect(s.claims == 4)
        #expect(s.sentences == 3)
        #expect(s.byMetric.map { "\($0.key)=\($0.count)" } == ["return=3", "level=1"])
        #expect(s.bySubject.map { "\($0.key)=\($0.count)" } == ["IXIC=2", "RUT=1", "SPX=1"])
        #expect(s.byUnit.map { "\($0.key)=\($0.count)" } == ["percent=3", "level=1"])
    }

    @Test("entities resolve by id, by name in any case, and by a cased alias only as written", arguments: Backend.available)
    func entities(_ backend: Backend) throws {
        let db = try backend.open()
        try db.loadEntities(Fixture.entities, version: "v1")
        #expect(try db.entityIDs(named: "SPX") == ["SPX"])
        #expect(try db.entityIDs(named: "s&p 500") == ["SPX"])
        #expect(try db.entityIDs(named: "russell 2000") == ["RUT"])
        #expect(try db.entityIDs(named: "spx").isEmpty)
        // a new version replaces the tables; the same version is not loaded again
        try db.loadEntities([Fixture.entities[1]], version: "v2")
        #expect(try db.entityIDs(named: "S&P 500").isEmpty)
        try db.loadEntities(Fixture.entities, version: "v2")
        #expect(try db.entityIDs(named: "S&P 500").isEmpty)
    }

    @Test("runs, errors, pruning and refreshed times are recorded", arguments: Backend.available)
    func runsAndPrune(_ backend: Backend) throws {
        let db = try backend.open()
        let run = try db.beginRun(arguments: ["claims", "ingest", "x"])
        _ = try db.store([Fixture.document(), Fixture.document(path: "/data/b.txt", name: "b.txt")])
        try db.refresh(["/data/b.txt": 42])
        #expect(try db.documentStates()["/data/b.txt"]?.modified == 42)
        try db.recordErrors([IngestProblem(path: "bad.html", reason: "is a folder, not a file")], run: run)
        try db.finishRun(run, counts: RunCounts(new: 2, failed: 1, claims: 8))
        #expect(try db.statistics().lastRunErrors == 1)
        #expect(try db.statistics().runs == 1)
        #expect(try db.removeDocuments(paths: ["/data/b.txt", "/data/none.txt"]) == 1)
        #expect(try db.documents().map(\.name) == ["recap.txt"])
        #expect(try db.search("small caps", limit: 10).count == 1)
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("rule names survive as JSON with quotes, backslashes and control characters")
    func rulesJSON() throws {
        #expect(ClaimRows.rulesJSON([:]) == "{}")
        #expect(ClaimRows.rulesJSON(["b": "x", "a": "q\"\\\n\u{1}"]) == #"{"a":"q\"\\\n\u0001","b":"x"}"#)
        for rules in [[:], ["a": "x"], ["direction": "direction.word-before:fell", "metric": "metric.points"], ["b": "x", "a": "q\"\\\n\u{1}"]] {
            #expect(ClaimRows.rules(ClaimRows.rulesJSON(rules)) == rules)
        }
    }

    @Test("a check's input is every claim with its row id and path; saving a check stores findings and verdicts", arguments: Backend.available)
    func checkStorage(_ backend: Backend) throws {
        let db = try backend.open()
        let a = Fixture.document(), b = Fixture.document(path: "/data/other.txt", name: "other.txt", sha: "bb")
        _ = try db.store([a, b])
        let stored = try db.claimsForCheck()
        // in document-name order: other.txt, then recap.txt; of the rules, only those a check reads
        let expected = (b.claims + a.claims).map { c in
            var c = c
            c.rules = c.rules.filter { ["direction", "comparison", "subject", "metric", "period"].contains($0.key) }
            return c
        }
        #expect(stored.map(\.claim) == expected)
        #expect(stored.map(\.path) == Array(repeating: "/data/other.txt", count: 4) + Array(repeating: "/data/recap.txt", count: 4))
        #expect(Set(stored.map(\.id)).count == 8)
        let first = stored[0].id, second = stored[4].id
        try db.saveCheck(StoredCheck(findings: [.init(kind: "conflict", severity: "major", fingerprint: "f1", explanation: "e",
                                                      json: #"{"id":"f1"}"#, claims: [first, second])],
                                     verdicts: [first: .contradicted, second: .supported]))
        #expect(try db.storedFindings() == [#"{"id":"f1"}"#])
        let verdicts = try db.claimsForCheck().map(\.claim.verdict)
        #expect(verdicts.filter { $0 == .contradicted }.count == 1 && verdicts.filter { $0 == .supported }.count == 1)
        #expect(verdicts.filter { $0 == nil }.count == 6)
        // a new check replaces the findings and sets the verdicts it changes
        try db.saveCheck(StoredCheck(findings: [], verdicts: [second: .unverifiable]))
        #expect(try db.storedFindings().isEmpty)
        #expect(try db.claimsForCheck().compactMap(\.claim.verdict).sorted { $0.rawValue < $1.rawValue } == [.contradicted, .unverifiable])
        #expect(try db.documentText(path: "/data/recap.txt") == a.text)
        #expect(try db.documentText(path: "/nowhere") == nil)
        #expect(try db.integrityCheck() == ["ok"])
    }
}

@Suite("Claim store files")
struct ClaimStoreFileTests {
    @Test("a missing folder, a directory, a text file and a damaged file are clear errors")
    func badLocations() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: StoreError.folderMissing(path: folder.path("no/such/claims.sqlite"))) {
            try SQLiteClaimDatabase(path: folder.path("no/such/claims.sqlite"))
        }
        try FileManager.default.createDirectory(atPath: folder.path("dir.sqlite"), withIntermediateDirectories: true)
        #expect(throws: StoreError.isDirectory(path: folder.path("dir.sqlite"))) {
            try SQLiteClaimDatabase(path: folder.path("dir.sqlite"))
        }
        try folder.write("notes.txt", "The S&P 500 rose 1%.\n")
        #expect(throws: StoreError.notADatabase(path: folder.path("notes.txt"), engine: "SQLite")) {
            try SQLiteClaimDatabase(path: folder.path("notes.txt"))
        }
        // SQLite's header followed by garbage: an error, never a crash, and the file is untouched
        let damaged = Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xA5, count: 8192)
        try folder.write("damaged.sqlite", damaged)
        #expect(throws: StoreError.self) { try SQLiteClaimDatabase(path: folder.path("damaged.sqlite")) }
        #expect(try Array(Data(contentsOf: folder.url.appendingPathComponent("damaged.sqlite"))) == damaged)
        #expect(throws: StoreError.self) { try ClaimDatabases.open("postgres://localhost/claims") }
    }

    @Test("a file database reopens with its data; two connections write at once without losing a row")
    func fileDatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("claims.sqlite")
        do {
            let db = try SQLiteClaimDatabase(path: path)
            _ = try db.store([Fixture.document()])
        }
        let a = try SQLiteClaimDatabase(path: path)
        let b = try SQLiteClaimDatabase(path: path)
        #expect(try a.claims(matching: ClaimQuery()).count == 4)
        // two writers, each storing the same 40 documents in its own order
        let paths = (0..<40).map { "/data/d\($0).txt" }
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let db = k == 0 ? a : b
            for p in (k == 0 ? paths : paths.reversed()) {
                do { _ = try db.store([Fixture.document(path: p, name: p)]) } catch { errors.withLock { $0.append("\(error)") } }
            }
        }
        #expect(errors.withLock { $0 } == [])
        #expect(try a.documents().count == 41)
        #expect(Set(try b.documents().map(\.path)).count == 41)
        #expect(try b.claims(matching: ClaimQuery()).count == 41 * 4)
        #expect(try a.integrityCheck() == ["ok"])
    }
}
