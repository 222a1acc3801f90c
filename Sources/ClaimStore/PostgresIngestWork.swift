import ClaimModel
import Foundation
import PostgresNIO

extension PostgresClaimDatabase {
    /// Enters the files in the shared work table and returns this worker's share of them, on a
    /// connection of its own (its session lock is what says the worker is alive).
    public func shareWork(_ items: [WorkItem]) throws -> (any SharedIngestWork)? {
        try PostgresIngestWork(database: self, connection: connect(id: 2), items: items)
    }
}

/// Ingest work shared through the `ingestWork` table: one row per file — `todo`, `taken` (by
/// the worker numbered `owner`), `done` or `failed` — with the signature it was entered with.
///
/// - A worker numbers itself from the sequence `ingestWorker` and holds the session advisory
///   lock (727171, number) on its own connection for as long as it runs: PostgreSQL releases
///   it when the connection ends, however the process ends (SIGKILL, a lost machine).
/// - Entering: the worker's files go to a temporary table on its connection; those not in the
///   work table are added as `todo`; a finished one whose signature differs (the file changed,
///   or a new pipeline version) and a `failed` one are set back to `todo`.
/// - Taking: one `UPDATE … WHERE path IN (SELECT … FOR UPDATE SKIP LOCKED)` sets up to n rows
///   to `taken` by this worker: rows `todo`, or `taken` by a worker whose lock is gone (it
///   died). Two workers taking at once never take the same row.
/// - Finishing: after the documents are stored (on the store's own connection), the rows are
///   set `done`/`failed`. A worker killed between storing and finishing leaves files stored
///   but `taken`: the worker that takes them over finds the same sha256 stored and leaves the
///   document as it is, so it is still stored once.
final class PostgresIngestWork: SharedIngestWork {
    private let database: PostgresClaimDatabase
    private let connection: PostgresConnection
    private let worker: String
    private let number: Int
    private var closed = false
    private(set) var remaining = 0

    /// The first key of the workers' advisory locks (the second is the worker's number).
    static let lockClass = 727171

    init(database: PostgresClaimDatabase, connection: PostgresConnection, items: [WorkItem]) throws {
        self.database = database
        self.connection = connection
        worker = ProcessInfo.processInfo.hostName + ":" + String(getpid())
        do {
            number = try database.exec("SELECT nextval('ingestWorker')::int", on: connection)[0][0].decode(Int.self)
            try database.exec("SELECT pg_advisory_lock($1::int, $2::int)", [.int(Self.lockClass), .int(number)], on: connection)
            try database.exec("CREATE TEMP TABLE mine (path TEXT PRIMARY KEY, signature TEXT NOT NULL)", on: connection)
            var json: [UInt8] = [UInt8(ascii: "[")]
            for (i, item) in items.enumerated() {
                json += Array((i > 0 ? ",{\"path\":" : "{\"path\":").utf8)
                JSONString.append(item.path, to: &json)
                PostgresClaimDatabase.field("signature", item.signature, &json)
                json.append(UInt8(ascii: "}"))
            }
            json.append(UInt8(ascii: "]"))
            try database.exec("""
                INSERT INTO mine (path, signature) SELECT r.path, r.signature
                FROM json_to_recordset($1::json) AS r(path text, signature text) ON CONFLICT DO NOTHING
                """, [.text(String(decoding: json, as: UTF8.self))], on: connection)
            try database.exec("""
                INSERT INTO ingestWork (path, signature, state) SELECT path, signature, 'todo' FROM mine ON CONFLICT (path) DO NOTHING
                """, on: connection)
            try database.exec("""
                UPDATE ingestWork w SET state = 'todo', signature = m.signature, owner = NULL, worker = NULL, finished = NULL
                FROM mine m
                WHERE w.path = m.path AND (w.state = 'failed' OR (w.state = 'done' AND w.signature <> m.signature))
                """, on: connection)
        } catch {
            try? connection.close().wait()
            throw error
        }
    }

    deinit { close() }

    func take(limit: Int) throws -> [String] {
        let rows = try database.exec("""
            WITH live AS (SELECT objid::bigint AS owner FROM pg_locks
                          WHERE locktype = 'advisory' AND classid::bigint = $3 AND objsubid = 2 AND granted)
            UPDATE ingestWork w SET state = 'taken', owner = $2, worker = $4
            WHERE w.path IN (
              SELECT o.path FROM ingestWork o JOIN mine m ON m.path = o.path
              WHERE o.state = 'todo' OR (o.state = 'taken' AND o.owner NOT IN (SELECT owner FROM live))
              ORDER BY o.path LIMIT $1 FOR UPDATE OF o SKIP LOCKED)
            RETURNING w.path
            """, [.int(limit), .int(number), .int(Self.lockClass), .text(worker)], on: connection)
        remaining = try database.exec("""
            SELECT count(*)::int FROM ingestWork w JOIN mine m ON m.path = w.path WHERE w.state IN ('todo', 'taken')
            """, on: connection)[0][0].decode(Int.self)
        return try rows.map { try $0[0].decode(String.self) }.sorted()
    }

    func finish(_ paths: [String], failed: Set<String>) throws {
        guard !paths.isEmpty else { return }
        try database.exec("""
            UPDATE ingestWork SET state = CASE WHEN path IN (SELECT json_array_elements_text($2::json)) THEN 'failed' ELSE 'done' END,
              finished = now()
            WHERE path IN (SELECT json_array_elements_text($1::json)) AND owner = $3 AND state = 'taken'
            """, [.text(PostgresClaimDatabase.jsonArray(paths)), .text(PostgresClaimDatabase.jsonArray(paths.filter(failed.contains))),
                  .int(number)], on: connection)
    }

    func close() {
        guard !closed else { return }
        closed = true
        try? connection.close().wait()   // ends the session: its lock goes, and with it any claim on unfinished rows
    }
}
