import ClaimModel
import Foundation

/// One backend's connection as the shared statements see it: run a statement with positional
/// arguments, get rows read by position. Each store wraps its own connection in one (GRDB's
/// `Database`, the PostgreSQL connection under its lock), inside its own read or transaction.
protocol SQLRunner {
    /// The rows this backend returns.
    associatedtype Rows: PositionalRow
    /// The dialect the statements are written in.
    var dialect: SQLDialect { get }
    /// Runs one statement and returns its rows.
    func rows(_ sql: String, _ values: [SQLValue]) throws -> [Rows]
}

/// The statements both stores run, written once: reading claims, statistics, the document list,
/// saving a check, stored findings and document text. Where the backends differ is said by
/// ``SQLDialect``; what is left in each store is what only it has (SQLite's FTS5 and GRDB
/// migrations, PostgreSQL's COPY-based ingest, generated search column and shared work table).
enum StoreQueries {
    /// The claims a query asks for, in document order.
    static func claims(_ query: ClaimQuery, _ r: some SQLRunner) throws -> [Claim] {
        guard let (sql, values) = ClaimRows.select(query, r.dialect) else { return [] }
        return try r.rows(sql, values).map { try ClaimRows.decode($0, from: 0) }
    }

    /// Counts of what is stored.
    static func statistics(_ r: some SQLRunner) throws -> StoreStatistics {
        let d = r.dialect
        let n = d.count
        func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> Int { try r.rows(sql, values).first?.optionalInt(0) ?? 0 }
        func counts(_ sql: String) throws -> [StoreStatistics.Count] {
            try r.rows(sql, []).map { StoreStatistics.Count(key: try $0.optionalString(0) ?? "-", count: try $0.int(1)) }
        }
        let lastRun = try r.rows("SELECT MAX(id) FROM run", []).first?.optionalInt(0)
        return StoreStatistics(
            documents: try scalar("SELECT \(n) FROM document"),
            claims: try scalar("SELECT \(n) FROM claim"),
            sentences: try scalar("SELECT \(n) FROM sentence"),
            byDocument: try counts("SELECT name, claimCount FROM document ORDER BY \(d.byteOrder("name")), id"),
            byMetric: try counts("SELECT metric, \(n) AS n FROM claim GROUP BY metric ORDER BY n DESC, \(d.byteOrder("metric"))"),
            bySubject: try counts("SELECT subject, \(n) AS n FROM claim GROUP BY subject ORDER BY n DESC, \(d.byteOrder("subject"))"),
            byUnit: try counts("SELECT unit, \(n) AS n FROM claim GROUP BY unit ORDER BY n DESC, \(d.byteOrder("unit"))"),
            runs: try scalar("SELECT \(n) FROM run"),
            lastRunErrors: try lastRun.map { try scalar("SELECT \(n) FROM ingestError WHERE runId = \(d.placeholder(1))", [.int($0)]) } ?? 0)
    }

    /// Every stored document with its claim counts, by name.
    static func documents(_ r: some SQLRunner) throws -> [StoredDocument] {
        try r.rows("""
            SELECT document.id, path, name, sha256, claimCount,
              (SELECT \(r.dialect.count) FROM claim WHERE claim.documentId = document.id) AS stored
            FROM document ORDER BY \(r.dialect.byteOrder("name")), id
            """, []).map {
            StoredDocument(id: try $0.int64(0), path: try $0.string(1), name: try $0.string(2), sha256: try $0.string(3),
                           claimCount: try $0.int(4), storedClaims: try $0.int(5))
        }
    }

    /// Replaces the stored findings with `check`'s and writes its verdicts; the caller holds a
    /// transaction.
    static func saveCheck(_ check: StoredCheck, _ r: some SQLRunner) throws {
        let d = r.dialect
        _ = try r.rows("DELETE FROM finding", [])
        let insertFinding = """
            INSERT INTO finding (kind, severity, key, message, details, createdAt)
            VALUES (\((1...5).map(d.placeholder).joined(separator: ", ")), \(d.now)) RETURNING id
            """
        let insertLink = d.insertIgnoring("INSERT INTO findingClaim (findingId, claimId, role) VALUES (\(d.placeholders(3)))")
        for f in check.findings {
            guard let id = try r.rows(insertFinding, [.text(f.kind), .text(f.severity), .text(f.fingerprint), .text(f.explanation),
                                                      .text(f.json)]).first?.int64(0) else { continue }
            for (n, claim) in f.claims.enumerated() {
                _ = try r.rows(insertLink, [.int(Int(id)), .int(Int(claim)), .text(n == 0 ? "contradicted" : "evidence")])
            }
        }
        guard !check.verdicts.isEmpty else { return }
        switch d {
        case .sqlite:
            // one prepared statement a claim: SQLite runs in the process, a statement costs little
            for (claim, verdict) in check.verdicts {
                _ = try r.rows("UPDATE claim SET verdict = ? WHERE id = ?", [.text(verdict.rawValue), .int(Int(claim))])
            }
        case .postgres:
            // the verdicts in one statement: each one is a round trip to the server
            var json: [UInt8] = [UInt8(ascii: "[")]
            for (claim, verdict) in check.verdicts {
                if json.count > 1 { json.append(UInt8(ascii: ",")) }
                json += Array("{\"id\":\(claim),\"verdict\":\"\(verdict.rawValue)\"}".utf8)
            }
            json.append(UInt8(ascii: "]"))
            _ = try r.rows("""
                UPDATE claim SET verdict = r.verdict FROM json_to_recordset($1::json) AS r(id bigint, verdict text) WHERE claim.id = r.id
                """, [.text(String(decoding: json, as: UTF8.self))])
        }
    }

    /// The stored findings' contract lines, in report order.
    static func storedFindings(_ r: some SQLRunner) throws -> [String] {
        try r.rows("SELECT details FROM finding ORDER BY id", []).compactMap { try $0.optionalString(0) }
    }

    /// Where each page of the PDF at `path` starts in its stored text (-1: a page without text);
    /// nil for a document that is not a PDF.
    static func documentPages(path: String, _ r: some SQLRunner) throws -> [Int]? {
        guard let stored = try r.rows("SELECT pages FROM document WHERE path = \(r.dialect.placeholder(1))", [.text(path)]).first?.optionalString(0)
        else { return nil }
        return stored.split(separator: ",").compactMap { Int($0) }
    }

    /// The stored text of the document at `path`.
    static func documentText(path: String, _ r: some SQLRunner) throws -> String? {
        try r.rows("SELECT text FROM document WHERE path = \(r.dialect.placeholder(1))", [.text(path)]).first?.optionalString(0)
    }
}

extension SQLDialect {
    /// `COUNT(*)` as an integer both backends decode as `Int` (PostgreSQL's is a bigint).
    var count: String {
        switch self {
        case .sqlite: "COUNT(*)"
        case .postgres: "COUNT(*)::int"
        }
    }

    /// `column` in an ORDER BY, sorted byte by byte with nulls first on both backends (SQLite's
    /// defaults; PostgreSQL's `C` collation, and nulls said).
    func byteOrder(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: #"\#(column) COLLATE "C" NULLS FIRST"#
        }
    }

    /// The current time as stored in a timestamp column (SQLite: GRDB's text form of a date,
    /// in UTC with milliseconds).
    var now: String {
        switch self {
        case .sqlite: "strftime('%Y-%m-%d %H:%M:%f', 'now')"
        case .postgres: "now()"
        }
    }

    /// Placeholders for `n` arguments, comma-separated.
    func placeholders(_ n: Int) -> String { (1...n).map(placeholder).joined(separator: ", ") }

    /// An INSERT statement that skips rows whose key is already stored.
    func insertIgnoring(_ insert: String) -> String {
        switch self {
        case .sqlite: insert.replacingOccurrences(of: "INSERT INTO", with: "INSERT OR IGNORE INTO")
        case .postgres: insert + " ON CONFLICT DO NOTHING"
        }
    }
}
