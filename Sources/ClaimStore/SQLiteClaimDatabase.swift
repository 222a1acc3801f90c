import ClaimModel
import Foundation
import GRDB

/// The claims database in an SQLite file (the embedded default), through GRDB.
///
/// The file is opened as a WAL-mode `DatabasePool`: readers never block the writer, and several
/// processes may write to one file; a writer waits for the others (a busy timeout) instead of
/// failing with "database is locked". Every write is one IMMEDIATE transaction, so a process killed
/// at any moment leaves either all of a batch of documents or none of it.
public final class SQLiteClaimDatabase: ClaimDatabase {
    public let location: String
    private let writer: any DatabaseWriter

    /// How long a writer waits for another process's transaction before failing.
    public static let busyTimeout: TimeInterval = 300

    /// Opens (creating if needed) the database at `path` and migrates it.
    ///
    /// - Throws: `StoreError` when the folder is missing, the path is a directory, the file is
    ///   not an SQLite database or is another program's database, or it was written by a newer
    ///   version of the tool.
    public init(path: String) throws {
        location = path
        var isDirectory: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.isDirectory(path: path) }
            // an empty file is a new database; anything else must start with SQLite's header
            if let handle = FileHandle(forReadingAtPath: path) {
                let head = (try? handle.read(upToCount: 16)) ?? Data()
                try? handle.close()
                if !head.isEmpty, head != Data("SQLite format 3\0".utf8) { throw StoreError.notADatabase(path: path, engine: "SQLite") }
            }
        } else if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw StoreError.folderMissing(path: path)
        }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a killed process loses nothing committed; only a power
            // cut may lose the last transactions, never the database's consistency
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            writer = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path)
        }
        try migrate()
    }

    /// An empty database in memory (for tests and one-off runs).
    public init() throws {
        location = ":memory:"
        writer = try DatabaseQueue()
        try migrate()
    }

    private func migrate() throws {
        let migrator = Schema.migrator
        do {
            let known = Set(Schema.migrationIdentifiers)
            let (tables, applied) = try writer.read { db -> ([String], [String]) in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let applied = tables.contains("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
                return (tables, Array(applied))
            }
            if !tables.isEmpty, !tables.contains("grdb_migrations") {
                throw StoreError.notAClaimsDatabase(path: location, engine: "SQLite", tables: tables.sorted())
            }
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw StoreError.newerSchema(path: location, migration: unknown)
            }
            if applied.count == known.count { return }
            // Two processes opening a new file at once may both try to migrate; the loser's
            // transaction fails and rolls back, and the migrations are then found applied.
            var attempt = 0
            while true {
                do {
                    try migrator.migrate(writer)
                    return
                } catch {
                    attempt += 1
                    if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                    if attempt >= 5 { throw error }
                    Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
                }
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, location)
        }
    }

    /// Maps GRDB's errors to ours, keeping SQLite's message.
    static func storeError(_ error: DatabaseError, _ path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path, engine: "SQLite")
        case .SQLITE_FULL, .SQLITE_IOERR: return .full(path: path, message: error.message ?? "\(error.resultCode)")
        case .SQLITE_CANTOPEN: return .failed(path: path, message: "cannot open the database file")
        default: return .failed(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs a write in an IMMEDIATE transaction (it takes the write lock at once, so two processes
    /// queue instead of deadlocking on an upgrade from read to write).
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, location)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, location)
        }
    }

    // MARK: - Ingest

    public func documentStates() throws -> [String: DocumentState] {
        try read { db in
            var states: [String: DocumentState] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, sha256, bytes, modified, pipelineVersion FROM document")
            while let row = try rows.next() {
                states[row["path"]] = DocumentState(id: row["id"], sha256: row["sha256"], bytes: row["bytes"],
                                                    modified: row["modified"], pipelineVersion: row["pipelineVersion"])
            }
            return states
        }
    }

    public func beginRun(arguments: [String]) throws -> Int64 {
        try write { db in
            var run = RunRecord(started: Date(), arguments: arguments)
            try run.insert(db)
            return run.id!
        }
    }

    public func finishRun(_ run: Int64, counts: RunCounts) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE run SET finished = ?, documentsNew = ?, documentsChanged = ?, documentsUnchanged = ?,
                  documentsFailed = ?, documentsPruned = ?, claimsStored = ? WHERE id = ?
                """, arguments: [Date(), counts.new, counts.changed, counts.unchanged, counts.failed, counts.pruned, counts.claims, run])
        }
    }

    public func store(_ documents: [IngestedDocument]) throws -> [StoreOutcome] {
        guard !documents.isEmpty else { return [] }
        return try write { db in
            var outcomes: [StoreOutcome] = []
            let now = Date()
            var firstNewDocument: Int64? = nil
            for d in documents {
                var outcome = StoreOutcome.inserted
                if let row = try Row.fetchOne(db, sql: "SELECT id, sha256, pipelineVersion FROM document WHERE path = ?", arguments: [d.path]) {
                    if row["sha256"] == d.sha256, row["pipelineVersion"] == d.pipelineVersion {
                        try db.execute(sql: "UPDATE document SET modified = ? WHERE id = ?", arguments: [d.modified, row["id"] as Int64])
                        outcomes.append(.unchanged)
                        continue
                    }
                    try Self.deleteDocument(db, id: row["id"])
                    outcome = .replaced
                }
                var record = DocumentRecord(
                    path: d.path, name: d.name, sha256: d.sha256, bytes: d.bytes, modified: d.modified,
                    title: d.metadata.title, published: d.metadata.published?.description, url: d.metadata.url,
                    author: d.metadata.author, language: d.metadata.language, text: d.text, claimCount: d.claims.count,
                    ingestedAt: now, pipelineVersion: d.pipelineVersion, pages: ClaimRows.pages(d.metadata.pageStarts))
                try record.insert(db)
                let documentID = record.id!
                firstNewDocument = firstNewDocument ?? documentID
                let insertSentence = try db.cachedStatement(sql: """
                    INSERT INTO sentence (documentId, ordinal, start, "end", text) VALUES (?, ?, ?, ?, ?)
                    """)
                var sentenceIDs: [Int64] = []
                sentenceIDs.reserveCapacity(d.sentences.count)
                for (i, s) in d.sentences.enumerated() {
                    try insertSentence.execute(arguments: [documentID, i, s.start, s.end, s.text])
                    sentenceIDs.append(db.lastInsertedRowID)
                }
                let insertClaim = try db.cachedStatement(sql: """
                    INSERT INTO claim (documentId, sentenceId, ordinal, quote, start, "end", sentence, value, valueHigh, unit,
                      bound, subject, subjectText, metric, periodStart, periodEnd, periodText, direction, forecast,
                      hypothetical, rules, verdict)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                var k = 0   // sentences and claims are both in document order: one pass
                for (i, c) in d.claims.enumerated() {
                    while k < d.sentences.count, d.sentences[k].end <= c.start { k += 1 }
                    let sentenceID: Int64? = k < d.sentences.count && d.sentences[k].start <= c.start ? sentenceIDs[k] : nil
                    let values: [(any DatabaseValueConvertible)?] = [
                        documentID, sentenceID, i, c.quote, c.start, c.end, c.sentence, c.value, c.valueHigh,
                        c.unit.rawValue, c.bound.rawValue, c.subject, c.subjectText, c.metric.rawValue,
                        c.period?.start.description, c.period?.end.description, c.period?.text,
                        c.direction?.rawValue, c.forecast, c.hypothetical, ClaimRows.rulesJSON(c.rules), c.verdict?.rawValue,
                    ]
                    try insertClaim.execute(arguments: StatementArguments(values))
                }
                outcomes.append(outcome)
            }
            // the batch's new rows enter the search indexes in one statement each (ids only grow:
            // every row from the batch's first new document on is new)
            if let first = firstNewDocument {
                try db.execute(sql: "INSERT INTO sentenceSearch(rowid, text) SELECT id, text FROM sentence WHERE documentId >= ?",
                               arguments: [first])
            }
            return outcomes
        }
    }

    /// Deletes a document with its sentences and claims (foreign keys cascade), removing its
    /// entries from the search indexes first (they need the indexed text to find them).
    private static func deleteDocument(_ db: Database, id: Int64) throws {
        try db.execute(sql: """
            INSERT INTO sentenceSearch(sentenceSearch, rowid, text) SELECT 'delete', id, text FROM sentence WHERE documentId = ?;
            DELETE FROM document WHERE id = ?;
            """, arguments: [id, id])
    }

    public func refresh(_ states: [String: Double]) throws {
        guard !states.isEmpty else { return }
        try write { db in
            let update = try db.cachedStatement(sql: "UPDATE document SET modified = ? WHERE path = ?")
            for (path, modified) in states { try update.execute(arguments: [modified, path]) }
        }
    }

    public func recordErrors(_ errors: [IngestProblem], run: Int64) throws {
        guard !errors.isEmpty else { return }
        try write { db in
            for e in errors { try IngestErrorRecord(runId: run, path: e.path, reason: e.reason).insert(db) }
        }
    }

    public func removeDocuments(paths: [String]) throws -> Int {
        guard !paths.isEmpty else { return 0 }
        return try write { db in
            var removed = 0
            for path in paths {
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE path = ?", arguments: [path]) {
                    try Self.deleteDocument(db, id: id)
                    removed += 1
                }
            }
            return removed
        }
    }

    public func loadEntities(_ entities: [EntityRow], version: String) throws {
        let stored = try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'entities'") }
        guard stored != version else { return }
        try write { db in
            // re-checked inside the transaction: another process may have loaded them meanwhile
            if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'entities'") == version { return }
            try db.execute(sql: "DELETE FROM alias; DELETE FROM entity")
            for e in entities {
                try EntityRecord(id: e.id, kind: e.kind, name: e.name, sector: e.sector).insert(db)
                for a in e.aliases { try AliasRecord(entityId: e.id, alias: a.text, caseSensitive: a.caseSensitive).insert(db) }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('entities', ?)", arguments: [version])
        }
    }

    // MARK: - Reading

    public func entityIDs(named name: String) throws -> [String] {
        try read { db in
            if try String.fetchOne(db, sql: "SELECT id FROM entity WHERE id = ?", arguments: [name]) != nil { return [name] }
            return try String.fetchAll(db, sql: """
                SELECT DISTINCT entityId FROM alias
                WHERE (caseSensitive AND alias = ?) OR (NOT caseSensitive AND alias = ? COLLATE NOCASE)
                ORDER BY entityId
                """, arguments: [name, name])
        }
    }

    public func claims(matching query: ClaimQuery) throws -> [Claim] {
        try read { try StoreQueries.claims(query, GRDBRunner(db: $0)) }
    }

    public func search(_ text: String, limit: Int) throws -> [SearchHit] {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return [] }
        // the user's words as one phrase, quoted: FTS5 operators in the input are plain words
        let phrase = "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT sentence.id, sentence.start, sentence."end", sentence.text, document.name
                FROM sentenceSearch
                JOIN sentence ON sentence.id = sentenceSearch.rowid
                JOIN document ON document.id = sentence.documentId
                WHERE sentenceSearch MATCH ?
                ORDER BY sentenceSearch.rank, document.name, sentence.start
                LIMIT ?
                """, arguments: [phrase, limit])
            return try rows.map { row in
                let claims = try Row.fetchAll(db, sql: ClaimRows.ofSentence(.sqlite), arguments: [row["id"] as Int64])
                    .map { try ClaimRows.decode($0, from: 0) }
                return SearchHit(doc: row["name"], start: row["start"], end: row["end"], sentence: row["text"], claims: claims)
            }
        }
    }

    public func statistics() throws -> StoreStatistics {
        try read { try StoreQueries.statistics(GRDBRunner(db: $0)) }
    }

    public func documents() throws -> [StoredDocument] {
        try read { try StoreQueries.documents(GRDBRunner(db: $0)) }
    }

    public func integrityCheck() throws -> [String] {
        // on the writer: FTS5's check is written as an INSERT, which read-only connections refuse
        try write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            // the search indexes against their content tables ('integrity-check' with rank 1)
            for table in ["sentenceSearch"] {
                do {
                    try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('integrity-check', 1)")
                } catch let error as DatabaseError {
                    problems.append("\(table): \(error.message ?? "corrupt")")
                }
            }
            return problems == ["ok"] ? ["ok"] : problems.filter { $0 != "ok" }
        }
    }

    public func claimsForCheck() throws -> [StoredClaim] {
        try read { db in
            // Columns by position: GRDB's lookup by name lower-cases each name on every row,
            // which was a quarter of `claims check` over 100,000 claims.
            let cursor = try Row.fetchCursor(db, sql: ClaimRows.forCheck(.sqlite))
            var out: [StoredClaim] = []
            while let row = try cursor.next() {
                out.append(StoredClaim(id: try row.int64(0), path: try row.string(1),
                                       claim: try ClaimRows.decode(row, from: 2, onlyRules: ClaimRows.checkedRules)))
            }
            return out
        }
    }

    public func saveCheck(_ check: StoredCheck) throws {
        try write { try StoreQueries.saveCheck(check, GRDBRunner(db: $0)) }
    }

    public func storedFindings() throws -> [String] {
        try read { try StoreQueries.storedFindings(GRDBRunner(db: $0)) }
    }

    public func liveColumns(of table: String) throws -> [StoreSchema.Column] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\" OR pk > 0 FROM pragma_table_info(?) ORDER BY cid", arguments: [table]).map {
                StoreSchema.Column(name: $0[0], kind: StoreSchema.kind(declared: $0[1]), nullable: !($0[2] as Bool))
            }
        }
    }

    public func documentPages(path: String) throws -> [Int]? {
        try read { try StoreQueries.documentPages(path: path, GRDBRunner(db: $0)) }
    }

    public func documentText(path: String) throws -> String? {
        try read { try StoreQueries.documentText(path: path, GRDBRunner(db: $0)) }
    }

    /// Nil: SQLite's workers share one machine; one that finds a document stored by another
    /// with the same sha256 leaves it (`StoreOutcome.unchanged`).
    public func shareWork(_ items: [WorkItem]) throws -> (any SharedIngestWork)? { nil }

}

/// GRDB's rows read by position for the shared decoders (``ClaimRows``).
extension Row: PositionalRow {
    func string(_ i: Int) throws -> String { self[i] }
    func optionalString(_ i: Int) throws -> String? { self[i] }
    func int(_ i: Int) throws -> Int { self[i] }
    func optionalInt(_ i: Int) throws -> Int? { self[i] }
    func int64(_ i: Int) throws -> Int64 { self[i] }
    func double(_ i: Int) throws -> Double { self[i] }
    func optionalDouble(_ i: Int) throws -> Double? { self[i] }
    func bool(_ i: Int) throws -> Bool { self[i] }
}

/// GRDB's connection as the shared statements' runner: statements are prepared once per
/// connection and reused (`cachedStatement`).
struct GRDBRunner: SQLRunner {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [Row] {
        let arguments = StatementArguments(values.map { v -> (any DatabaseValueConvertible)? in
            switch v {
            case .text(let s): s
            case .int(let n): n
            }
        })
        return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments)
    }
}
