import ClaimModel
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The claims database on a PostgreSQL server, for teams: the same tables, rules and results as
/// ``SQLiteClaimDatabase``, with PostgreSQL's own full-text search (`tsvector`, English stemming).
///
/// One connection, used by one caller at a time (a lock), through PostgresNIO's future API waited
/// on from the caller's thread: the protocol is synchronous, and the ingest has one writer.
/// Every write is one transaction; documents are stored under an advisory lock on their path, so
/// several workers on several machines never store one document twice.
public final class PostgresClaimDatabase: ClaimDatabase, @unchecked Sendable {
    public let location: String
    private let group: MultiThreadedEventLoopGroup
    let connection: PostgresConnection
    private let configuration: PostgresConnection.Configuration
    private let lock = NSLock()
    let logger = Logger(label: "claims.store.postgres")

    /// Opens (and migrates) the database at a `postgres://user[:password]@host[:port]/database`
    /// URL; `?host=/path/to/socket/folder` connects through a Unix socket.
    public init(url: String) throws {
        let shown = Self.redacted(url)
        location = shown
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let database = parts.path.split(separator: "/").first.map(String.init) else {
            throw StoreError.unsupported(location: shown, reason: "expected postgres://user@host:port/database")
        }
        let user = parts.user ?? "postgres"
        let socketFolder = parts.queryItems?.first { $0.name == "host" }?.value
        if let socketFolder {
            configuration = .init(unixSocketPath: socketFolder + "/.s.PGSQL.\(parts.port ?? 5432)", username: user,
                                  password: parts.password, database: database)
        } else {
            configuration = .init(host: parts.host ?? "localhost", port: parts.port ?? 5432, username: user,
                                  password: parts.password, database: database, tls: .disable)
        }
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw StoreError.failed(path: shown, message: "cannot connect: \(Self.message(error))")
        }
        try migrate()
    }

    /// Another connection to the same database.
    func connect(id: Int) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch {
            throw StoreError.failed(path: location, message: "cannot connect: \(Self.message(error))")
        }
    }

    deinit {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    static func message(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let m = e.serverInfo?[.message] { return m }
            return "\(e.code)"
        }
        return "\(error)"
    }

    // MARK: - Running SQL

    /// A value bound to a `$n` placeholder.
    enum Bind {
        case text(String?), int(Int?), double(Double?), bool(Bool?)
    }

    /// Runs one statement (the caller holds the lock) and returns its rows.
    @discardableResult
    private func exec(_ sql: String, _ values: [Bind] = []) throws -> [PostgresRandomAccessRow] {
        try exec(sql, values, on: connection)
    }

    /// Runs one statement on a connection and returns its rows.
    @discardableResult
    func exec(_ sql: String, _ values: [Bind] = [], on connection: PostgresConnection) throws -> [PostgresRandomAccessRow] {
        var binds = PostgresBindings(capacity: values.count)
        for v in values {
            switch v {
            case .text(let s): if let s { binds.append(s) } else { binds.appendNull() }
            case .int(let i): if let i { binds.append(i) } else { binds.appendNull() }
            case .double(let d): if let d { binds.append(d) } else { binds.appendNull() }
            case .bool(let b): if let b { binds.append(b) } else { binds.appendNull() }
            }
        }
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
            return result.rows.map { $0.makeRandomAccess() }
        } catch {
            throw StoreError.failed(path: location, message: Self.message(error))
        }
    }

    @discardableResult
    private func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// One transaction: everything in `body` or nothing.
    @discardableResult
    private func transaction<T>(_ body: () throws -> T) throws -> T {
        try locked {
            try exec("BEGIN")
            do {
                let value = try body()
                try exec("COMMIT")
                return value
            } catch {
                _ = try? exec("ROLLBACK")
                throw error
            }
        }
    }


    // MARK: - Schema

    /// The migrations, in order, as PostgreSQL DDL: the same tables as the SQLite store's
    /// `v1-documents-claims-entities-runs` and `v2-search-index-written-per-batch`, whose
    /// identifiers they share (the search index is a generated `tsvector` column here).
    static let migrations: [(String, String)] = [
        ("v1-documents-claims-entities-runs", """
        CREATE TABLE document (id BIGSERIAL PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT NOT NULL, sha256 TEXT NOT NULL,
          bytes BIGINT NOT NULL, modified DOUBLE PRECISION NOT NULL, title TEXT, published TEXT, url TEXT, author TEXT,
          language TEXT, text TEXT NOT NULL, claimCount INT NOT NULL, ingestedAt TIMESTAMPTZ NOT NULL, pipelineVersion TEXT NOT NULL);
        CREATE INDEX document_on_name ON document(name);
        CREATE TABLE sentence (id BIGSERIAL PRIMARY KEY, documentId BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          ordinal INT NOT NULL, start INT NOT NULL, "end" INT NOT NULL, text TEXT NOT NULL);
        CREATE INDEX sentence_on_documentId ON sentence(documentId, ordinal);
        CREATE TABLE claim (id BIGSERIAL PRIMARY KEY, documentId BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          sentenceId BIGINT REFERENCES sentence(id) ON DELETE CASCADE, ordinal INT NOT NULL, quote TEXT NOT NULL, start INT NOT NULL,
          "end" INT NOT NULL, sentence TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, valueHigh DOUBLE PRECISION, unit TEXT NOT NULL,
          bound TEXT NOT NULL, subject TEXT, subjectText TEXT, metric TEXT NOT NULL, periodStart TEXT, periodEnd TEXT, periodText TEXT,
          direction TEXT, forecast BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, rules TEXT NOT NULL, verdict TEXT);
        CREATE INDEX claim_on_documentId ON claim(documentId, ordinal);
        CREATE INDEX claim_on_sentenceId ON claim(sentenceId);
        CREATE INDEX claim_on_subject_metric ON claim(subject, metric);
        CREATE INDEX claim_on_metric ON claim(metric);
        CREATE INDEX claim_on_period ON claim(periodStart, periodEnd);
        CREATE TABLE entity (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, sector TEXT);
        CREATE TABLE alias (id BIGSERIAL PRIMARY KEY, entityId TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
          alias TEXT NOT NULL, caseSensitive BOOLEAN NOT NULL);
        CREATE INDEX alias_on_alias ON alias(lower(alias));
        CREATE TABLE run (id BIGSERIAL PRIMARY KEY, started TIMESTAMPTZ NOT NULL, finished TIMESTAMPTZ, arguments TEXT NOT NULL,
          documentsNew INT NOT NULL DEFAULT 0, documentsChanged INT NOT NULL DEFAULT 0, documentsUnchanged INT NOT NULL DEFAULT 0,
          documentsFailed INT NOT NULL DEFAULT 0, documentsPruned INT NOT NULL DEFAULT 0, claimsStored INT NOT NULL DEFAULT 0);
        CREATE TABLE ingestError (id BIGSERIAL PRIMARY KEY, runId BIGINT REFERENCES run(id) ON DELETE CASCADE, path TEXT NOT NULL,
          reason TEXT NOT NULL);
        CREATE TABLE finding (id BIGSERIAL PRIMARY KEY, runId BIGINT REFERENCES run(id) ON DELETE SET NULL, kind TEXT NOT NULL,
          severity TEXT NOT NULL, key TEXT, message TEXT NOT NULL, details TEXT, createdAt TIMESTAMPTZ NOT NULL);
        CREATE TABLE findingClaim (findingId BIGINT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
          claimId BIGINT NOT NULL REFERENCES claim(id) ON DELETE CASCADE, role TEXT, PRIMARY KEY (findingId, claimId));
        CREATE INDEX findingClaim_on_claimId ON findingClaim(claimId);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """),
        ("v2-search-index-written-per-batch", """
        ALTER TABLE sentence ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
        CREATE INDEX sentence_search ON sentence USING GIN (search);
        """),
        // PostgreSQL only: the work table that ingest workers on several machines share
        ("v3-shared-ingest-work", """
        CREATE TABLE ingestWork (path TEXT PRIMARY KEY, signature TEXT NOT NULL, state TEXT NOT NULL, owner INT, worker TEXT,
          finished TIMESTAMPTZ);
        CREATE INDEX ingestWork_open ON ingestWork(path) WHERE state IN ('todo', 'taken');
        CREATE SEQUENCE ingestWorker AS INT CYCLE
        """),
        // every ingest error belongs to a run, as in SQLite (the first migration left it nullable)
        ("v4-ingest-error-run-required", """
        DELETE FROM ingestError WHERE runId IS NULL;
        ALTER TABLE ingestError ALTER COLUMN runId SET NOT NULL
        """),
        // where each page of a PDF starts in its text (SQLite's v3-document-pages)
        ("v5-document-pages", """
        ALTER TABLE document ADD COLUMN pages TEXT
        """),
    ]

    /// Applies the migrations not applied yet, under an advisory lock so that several processes
    /// starting at once migrate once; refuses a database migrated by a newer version.
    private func migrate() throws {
        try locked {
            try exec("SELECT pg_advisory_lock(7271700)")
            defer { _ = try? exec("SELECT pg_advisory_unlock(7271700)") }
            try exec("CREATE TABLE IF NOT EXISTS claims_migration (identifier TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = try exec("SELECT identifier FROM claims_migration").compactMap { try $0.optionalString(0) }
            let known = Self.migrations.map(\.0)
            if let newer = applied.first(where: { !known.contains($0) }) {
                throw StoreError.newerSchema(path: location, migration: newer)
            }
            for (identifier, sql) in Self.migrations where !applied.contains(identifier) {
                try exec("BEGIN")
                do {
                    for statement in sql.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !statement.isEmpty {
                        try exec(statement)
                    }
                    try exec("INSERT INTO claims_migration (identifier) VALUES ($1)", [.text(identifier)])
                    try exec("COMMIT")
                } catch {
                    _ = try? exec("ROLLBACK")
                    throw error
                }
            }
        }
    }

    // MARK: - Ingest

    public func documentStates() throws -> [String: DocumentState] {
        try locked {
            var states: [String: DocumentState] = [:]
            for row in try exec("SELECT id, path, sha256, bytes, modified, pipelineVersion FROM document") {
                states[try row[1].decode(String.self)] = DocumentState(
                    id: try row[0].decode(Int64.self), sha256: try row[2].decode(String.self), bytes: try row[3].decode(Int.self),
                    modified: try row[4].decode(Double.self), pipelineVersion: try row[5].decode(String.self))
            }
            return states
        }
    }

    public func beginRun(arguments: [String]) throws -> Int64 {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (i, a) in arguments.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(a, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        let json = String(decoding: bytes, as: UTF8.self)
        return try locked {
            try exec("INSERT INTO run (started, arguments) VALUES (now(), $1) RETURNING id", [.text(json)])[0][0].decode(Int64.self)
        }
    }

    public func finishRun(_ run: Int64, counts: RunCounts) throws {
        try locked {
            try exec("""
                UPDATE run SET finished = now(), documentsNew = $1, documentsChanged = $2, documentsUnchanged = $3,
                  documentsFailed = $4, documentsPruned = $5, claimsStored = $6 WHERE id = $7
                """, [.int(counts.new), .int(counts.changed), .int(counts.unchanged), .int(counts.failed), .int(counts.pruned),
                      .int(counts.claims), .int(Int(run))])
        }
    }

    /// Stores a batch in a fixed number of statements whatever its size (a few round trips per
    /// batch rather than per document): rows go to the server as JSON arrays read by
    /// `json_to_recordset`.
    public func store(_ documents: [IngestedDocument]) throws -> [StoreOutcome] {
        guard !documents.isEmpty else { return [] }
        if Set(documents.map(\.path)).count < documents.count {
            return try documents.flatMap { try store([$0]) }   // the same path twice: one at a time, in order
        }
        return try transaction {
            let paths = Self.jsonArray(documents.map(\.path))
            // one document, one writer: other workers storing the same paths wait here; locks
            // are taken in one order (by hash), so two batches never wait on each other
            try exec("""
                SELECT pg_advisory_xact_lock(h) FROM
                  (SELECT DISTINCT hashtext(value) AS h FROM json_array_elements_text($1::json) ORDER BY 1) s
                """, [.text(paths)])
            var stored: [String: (id: Int64, sha256: String?, version: String?)] = [:]
            for row in try exec("""
                SELECT id, path, sha256, pipelineVersion FROM document WHERE path IN (SELECT json_array_elements_text($1::json))
                """, [.text(paths)]) {
                stored[try row[1].decode(String.self)] = (try row[0].decode(Int64.self), try row.optionalString(2), try row.optionalString(3))
            }
            var outcomes: [StoreOutcome] = []
            var unchanged: [UInt8] = [UInt8(ascii: "[")]
            var replaced: [Int64] = []
            var inserting: [Int] = []
            for (i, d) in documents.enumerated() {
                guard let s = stored[d.path] else {
                    outcomes.append(.inserted)
                    inserting.append(i)
                    continue
                }
                if s.sha256 == d.sha256, s.version == d.pipelineVersion {
                    if unchanged.count > 1 { unchanged.append(UInt8(ascii: ",")) }
                    unchanged += Array("{\"id\":\(s.id),\"modified\":\(d.modified)}".utf8)
                    outcomes.append(.unchanged)
                } else {
                    replaced.append(s.id)
                    outcomes.append(.replaced)
                    inserting.append(i)
                }
            }
            unchanged.append(UInt8(ascii: "]"))
            if unchanged.count > 2 {
                try exec("""
                    UPDATE document d SET modified = r.modified FROM json_to_recordset($1::json) AS r(id bigint, modified double precision)
                    WHERE d.id = r.id
                    """, [.text(String(decoding: unchanged, as: UTF8.self))])
            }
            if !replaced.isEmpty {
                try exec("DELETE FROM document WHERE id IN (SELECT value::bigint FROM json_array_elements_text($1::json))",
                         [.text(Self.jsonArray(replaced.map(String.init)))])
            }
            guard !inserting.isEmpty else { return outcomes }

            var rows: [UInt8] = [UInt8(ascii: "[")]
            for (k, i) in inserting.enumerated() {
                let d = documents[i], m = d.metadata
                if k > 0 { rows.append(UInt8(ascii: ",")) }
                rows += Array("{\"k\":\(k),\"bytes\":\(d.bytes),\"modified\":\(d.modified),\"claimcount\":\(d.claims.count)".utf8)
                Self.field("path", d.path, &rows)
                Self.field("name", d.name, &rows)
                Self.field("sha256", d.sha256, &rows)
                Self.field("title", m.title, &rows)
                Self.field("published", m.published?.description, &rows)
                Self.field("url", m.url, &rows)
                Self.field("author", m.author, &rows)
                Self.field("language", m.language, &rows)
                Self.field("text", d.text, &rows)
                Self.field("pipelineversion", d.pipelineVersion, &rows)
                Self.field("pages", ClaimRows.pages(m.pageStarts), &rows)
                rows.append(UInt8(ascii: "}"))
            }
            rows.append(UInt8(ascii: "]"))
            // ids in the batch's order (ORDER BY k), as one document at a time would give them
            let position = Dictionary(uniqueKeysWithValues: inserting.enumerated().map { (documents[$0.element].path, $0.offset) })
            var ids = [Int64](repeating: 0, count: inserting.count)
            for row in try exec("""
                WITH added AS (
                  INSERT INTO document (path, name, sha256, bytes, modified, title, published, url, author, language, text,
                    claimCount, ingestedAt, pipelineVersion, pages)
                  SELECT r.path, r.name, r.sha256, r.bytes, r.modified, r.title, r.published, r.url, r.author, r.language, r.text,
                    r.claimcount, now(), r.pipelineversion, r.pages
                  FROM json_to_recordset($1::json) AS r(k int, path text, name text, sha256 text, bytes bigint,
                    modified double precision, title text, published text, url text, author text, language text, text text,
                    claimcount int, pipelineversion text, pages text)
                  ORDER BY r.k
                  RETURNING id, path)
                SELECT id, path FROM added
                """, [.text(String(decoding: rows, as: UTF8.self))]) {
                let path = try row[1].decode(String.self)
                if let k = position[path] { ids[k] = try row[0].decode(Int64.self) }
            }

            // every sentence of the batch in one statement, then every claim
            var sentences: [UInt8] = [UInt8(ascii: "[")]
            var claims: [UInt8] = [UInt8(ascii: "[")]
            for (k, i) in inserting.enumerated() {
                let d = documents[i]
                for (n, s) in d.sentences.enumerated() {
                    if sentences.count > 1 { sentences.append(UInt8(ascii: ",")) }
                    sentences += Array("{\"documentid\":\(ids[k]),\"ordinal\":\(n),\"start\":\(s.start),\"end\":\(s.end),\"text\":".utf8)
                    JSONString.append(s.text, to: &sentences)
                    sentences.append(UInt8(ascii: "}"))
                }
                Self.appendClaims(d, documentID: ids[k], to: &claims)
            }
            sentences.append(UInt8(ascii: "]"))
            claims.append(UInt8(ascii: "]"))
            if sentences.count > 2 {
                try exec("""
                    INSERT INTO sentence (documentId, ordinal, start, "end", text)
                    SELECT r.documentid, r.ordinal, r.start, r."end", r.text
                    FROM json_to_recordset($1::json) AS r(documentid bigint, ordinal int, start int, "end" int, text text)
                    ORDER BY r.documentid, r.ordinal
                    """, [.text(String(decoding: sentences, as: UTF8.self))])
            }
            if claims.count > 2 {
                try exec("""
                    INSERT INTO claim (documentId, sentenceId, ordinal, quote, start, "end", sentence, value, valueHigh, unit, bound,
                      subject, subjectText, metric, periodStart, periodEnd, periodText, direction, forecast, hypothetical, rules, verdict)
                    SELECT r.documentid, s.id, r.ordinal, r.quote, r.start, r."end", r.sentence, r.value, r.valueHigh, r.unit, r.bound,
                      r.subject, r.subjectText, r.metric, r.periodStart, r.periodEnd, r.periodText, r.direction, r.forecast,
                      r.hypothetical, r.rules, r.verdict
                    FROM json_to_recordset($1::json) AS r(documentid bigint, sentenceOrdinal int, ordinal int, quote text, start int,
                      "end" int, sentence text, value double precision, valueHigh double precision, unit text, bound text,
                      subject text, subjectText text, metric text, periodStart text, periodEnd text, periodText text,
                      direction text, forecast boolean, hypothetical boolean, rules text, verdict text)
                    LEFT JOIN sentence s ON s.documentId = r.documentid AND s.ordinal = r.sentenceOrdinal
                    ORDER BY r.documentid, r.ordinal
                    """, [.text(String(decoding: claims, as: UTF8.self))])
            }
            return outcomes
        }
    }

    /// Strings as a JSON array.
    static func jsonArray(_ strings: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, s) in strings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(s, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `,"name":value` (or `null`) to a JSON object being written.
    static func field(_ name: String, _ value: String?, _ out: inout [UInt8]) {
        out += Array(",\"\(name)\":".utf8)
        if let value { JSONString.append(value, to: &out) } else { out += Array("null".utf8) }
    }

    /// Appends a document's claims to a JSON array being written, each row with its document id
    /// and the ordinal of its sentence. Keys are lower case: `json_to_recordset` matches them to
    /// PostgreSQL's folded column names.
    static func appendClaims(_ d: IngestedDocument, documentID: Int64, to out: inout [UInt8]) {
        var k = 0
        for (i, c) in d.claims.enumerated() {
            while k < d.sentences.count, d.sentences[k].end <= c.start { k += 1 }
            let sentence = k < d.sentences.count && d.sentences[k].start <= c.start ? String(k) : "null"
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            out += Array("{\"documentid\":\(documentID),\"sentenceordinal\":\(sentence),\"ordinal\":\(i),\"start\":\(c.start),\"end\":\(c.end)".utf8)
            out += Array(",\"value\":\(c.value.isFinite ? "\(c.value)" : "0"),\"valuehigh\":\(c.valueHigh.map { "\($0)" } ?? "null")".utf8)
            out += Array(",\"forecast\":\(c.forecast),\"hypothetical\":\(c.hypothetical)".utf8)
            field("quote", c.quote, &out)
            field("sentence", c.sentence, &out)
            field("unit", c.unit.rawValue, &out)
            field("bound", c.bound.rawValue, &out)
            field("subject", c.subject, &out)
            field("subjecttext", c.subjectText, &out)
            field("metric", c.metric.rawValue, &out)
            field("periodstart", c.period?.start.description, &out)
            field("periodend", c.period?.end.description, &out)
            field("periodtext", c.period?.text, &out)
            field("direction", c.direction?.rawValue, &out)
            field("rules", ClaimRows.rulesJSON(c.rules), &out)
            field("verdict", c.verdict?.rawValue, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    public func refresh(_ states: [String: Double]) throws {
        guard !states.isEmpty else { return }
        try transaction {
            for (path, modified) in states { try exec("UPDATE document SET modified = $1 WHERE path = $2", [.double(modified), .text(path)]) }
        }
    }

    public func recordErrors(_ errors: [IngestProblem], run: Int64) throws {
        guard !errors.isEmpty else { return }
        try transaction {
            for e in errors {
                try exec("INSERT INTO ingestError (runId, path, reason) VALUES ($1, $2, $3)", [.int(Int(run)), .text(e.path), .text(e.reason)])
            }
        }
    }

    public func removeDocuments(paths: [String]) throws -> Int {
        guard !paths.isEmpty else { return 0 }
        return try transaction {
            var removed = 0
            for path in paths {
                removed += try exec("DELETE FROM document WHERE path = $1 RETURNING id", [.text(path)]).count
                try exec("DELETE FROM ingestWork WHERE path = $1", [.text(path)])
            }
            return removed
        }
    }

    public func loadEntities(_ entities: [EntityRow], version: String) throws {
        if try locked({ try exec("SELECT value FROM meta WHERE key = 'entities'").first.flatMap { try $0.optionalString(0) } }) == version { return }
        try transaction {
            try exec("LOCK TABLE meta IN EXCLUSIVE MODE")
            if try exec("SELECT value FROM meta WHERE key = 'entities'").first.flatMap({ try $0.optionalString(0) }) == version { return }
            try exec("DELETE FROM alias")
            try exec("DELETE FROM entity")
            var rows: [UInt8] = [UInt8(ascii: "[")], aliases: [UInt8] = [UInt8(ascii: "[")]
            for e in entities {
                if rows.count > 1 { rows.append(UInt8(ascii: ",")) }
                rows += Array("{\"id\":".utf8); JSONString.append(e.id, to: &rows)
                rows += Array(",\"kind\":".utf8); JSONString.append(e.kind, to: &rows)
                rows += Array(",\"name\":".utf8); JSONString.append(e.name, to: &rows)
                rows += Array(",\"sector\":".utf8)
                if let s = e.sector { JSONString.append(s, to: &rows) } else { rows += Array("null".utf8) }
                rows.append(UInt8(ascii: "}"))
                for a in e.aliases {
                    if aliases.count > 1 { aliases.append(UInt8(ascii: ",")) }
                    aliases += Array("{\"entityid\":".utf8); JSONString.append(e.id, to: &aliases)
                    aliases += Array(",\"alias\":".utf8); JSONString.append(a.text, to: &aliases)
                    aliases += Array(",\"casesensitive\":\(a.caseSensitive)}".utf8)
                }
            }
            rows.append(UInt8(ascii: "]"))
            aliases.append(UInt8(ascii: "]"))
            try exec("INSERT INTO entity (id, kind, name, sector) SELECT * FROM json_to_recordset($1::json) AS r(id text, kind text, name text, sector text)",
                     [.text(String(decoding: rows, as: UTF8.self))])
            try exec("INSERT INTO alias (entityId, alias, caseSensitive) SELECT * FROM json_to_recordset($1::json) AS r(entityId text, alias text, caseSensitive boolean)",
                     [.text(String(decoding: aliases, as: UTF8.self))])
            try exec("INSERT INTO meta (key, value) VALUES ('entities', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [.text(version)])
        }
    }

    // MARK: - Reading

    public func entityIDs(named name: String) throws -> [String] {
        try locked {
            if !(try exec("SELECT id FROM entity WHERE id = $1", [.text(name)]).isEmpty) { return [name] }
            return try exec("""
                SELECT entityId FROM (SELECT DISTINCT entityId FROM alias
                  WHERE (caseSensitive AND alias = $1) OR (NOT caseSensitive AND lower(alias) = lower($1))) AS found
                ORDER BY entityId COLLATE "C"
                """, [.text(name)]).compactMap { try $0.optionalString(0) }
        }
    }

    public func claims(matching query: ClaimQuery) throws -> [Claim] {
        try locked { try StoreQueries.claims(query, runner) }
    }

    public func search(_ text: String, limit: Int) throws -> [SearchHit] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !words.isEmpty else { return [] }
        return try locked {
            // the words as one phrase (phraseto_tsquery: operators in the input are plain words)
            let rows = try exec("""
                SELECT sentence.id, sentence.start, sentence."end", sentence.text, document.name
                FROM sentence JOIN document ON document.id = sentence.documentId
                WHERE sentence.search @@ phraseto_tsquery('english', $1)
                ORDER BY ts_rank(sentence.search, phraseto_tsquery('english', $1)) DESC, document.name COLLATE "C", sentence.start
                LIMIT $2
                """, [.text(words), .int(limit)])
            return try rows.map { row in
                let claims = try exec(ClaimRows.ofSentence(.postgres), [.int(Int(try row[0].decode(Int64.self)))])
                    .map { try ClaimRows.decode($0, from: 0) }
                return SearchHit(doc: try row[4].decode(String.self), start: try row[1].decode(Int.self), end: try row[2].decode(Int.self),
                                 sentence: try row[3].decode(String.self), claims: claims)
            }
        }
    }

    public func statistics() throws -> StoreStatistics {
        try locked { try StoreQueries.statistics(runner) }
    }

    public func documents() throws -> [StoredDocument] {
        try locked { try StoreQueries.documents(runner) }
    }

    /// PostgreSQL checks its own pages; this checks what the claims database itself promises:
    /// every claim belongs to a stored document, and each document has the claims it was
    /// stored with.
    public func integrityCheck() throws -> [String] {
        try locked {
            var problems: [String] = []
            let orphans = try exec("SELECT COUNT(*)::int FROM claim WHERE documentId NOT IN (SELECT id FROM document)").first.flatMap { try $0.optionalInt(0) } ?? 0
            if orphans > 0 { problems.append("\(orphans) claims without a document") }
            for row in try exec("""
                SELECT name, claimCount, (SELECT COUNT(*)::int FROM claim WHERE claim.documentId = document.id) FROM document
                WHERE claimCount <> (SELECT COUNT(*) FROM claim WHERE claim.documentId = document.id)
                """) {
                problems.append("\(try row.optionalString(0) ?? "?") has \(try row.optionalInt(2) ?? 0) of its \(try row.optionalInt(1) ?? 0) claims")
            }
            return problems.isEmpty ? ["ok"] : problems
        }
    }

    // MARK: - Checks

    public func claimsForCheck() throws -> [StoredClaim] {
        try locked {
            try exec(ClaimRows.forCheck(.postgres)).map { row in
                StoredClaim(id: try row.int64(0), path: try row.string(1),
                            claim: try ClaimRows.decode(row, from: 2, onlyRules: ClaimRows.checkedRules))
            }
        }
    }

    public func saveCheck(_ check: StoredCheck) throws {
        try transaction { try StoreQueries.saveCheck(check, runner) }
    }

    public func storedFindings() throws -> [String] {
        try locked { try StoreQueries.storedFindings(runner) }
    }

    public func liveColumns(of table: String) throws -> [StoreSchema.Column] {
        try locked {
            try exec("""
                SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = lower($1) ORDER BY ordinal_position
                """, [.text(table)]).map {
                StoreSchema.Column(name: try $0.string(0), kind: StoreSchema.kind(declared: try $0.string(1)), nullable: try $0.bool(2))
            }
        }
    }

    public func documentPages(path: String) throws -> [Int]? {
        try locked { try StoreQueries.documentPages(path: path, runner) }
    }

    public func documentText(path: String) throws -> String? {
        try locked { try StoreQueries.documentText(path: path, runner) }
    }

    /// The connection as the shared statements' runner (the caller holds the lock).
    private var runner: PostgresRunner { PostgresRunner(database: self) }
}

/// The PostgreSQL connection as the shared statements' runner.
struct PostgresRunner: SQLRunner {
    let database: PostgresClaimDatabase
    var dialect: SQLDialect { .postgres }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [PostgresRandomAccessRow] {
        try database.exec(sql, values.map { v -> PostgresClaimDatabase.Bind in
            switch v {
            case .text(let s): .text(s)
            case .int(let n): .int(n)
            }
        }, on: database.connection)
    }
}

/// PostgresNIO's rows read by position for the shared decoders (``ClaimRows``).
extension PostgresRandomAccessRow: PositionalRow {
    func string(_ i: Int) throws -> String { try self[i].decode(String.self) }
    func optionalString(_ i: Int) throws -> String? { try self[i].decode(String?.self) }
    func int(_ i: Int) throws -> Int { try self[i].decode(Int.self) }
    func optionalInt(_ i: Int) throws -> Int? { try self[i].decode(Int?.self) }
    func int64(_ i: Int) throws -> Int64 { try self[i].decode(Int64.self) }
    func double(_ i: Int) throws -> Double { try self[i].decode(Double.self) }
    func optionalDouble(_ i: Int) throws -> Double? { try self[i].decode(Double?.self) }
    func bool(_ i: Int) throws -> Bool { try self[i].decode(Bool.self) }
}
