import ClaimModel
import Foundation

/// A claims database: documents, their sentences and claims, the lexicon's entities, findings,
/// and a log of ingest runs.
///
/// One protocol with one implementation per backend (SQLite through GRDB, the embedded default;
/// PostgreSQL through PostgresNIO, for teams), so the commands never know which they talk to. Every method is safe to call
/// from several threads and from several processes on the same database: writes are
/// transactions, and a document with its sentences and claims is stored or replaced in one.
///
/// ## Topics
/// - ``IngestedDocument``, ``StoreOutcome``: writing documents.
/// - ``ClaimQuery``, ``SearchHit``, ``StoreStatistics``: reading them back.
public protocol ClaimDatabase: Sendable {
    /// Where the database lives (a file path or a URL), for messages.
    var location: String { get }

    /// The stored state of every document, by resolved path: what incremental ingest compares.
    func documentStates() throws -> [String: DocumentState]

    /// Opens an ingest run and returns its id.
    func beginRun(arguments: [String]) throws -> Int64

    /// Closes an ingest run with its counts.
    func finishRun(_ run: Int64, counts: RunCounts) throws

    /// Stores documents in one transaction. A document whose path is stored already replaces the
    /// stored one with its sentences and claims, unless the stored one has the same sha256 and
    /// pipeline version (another process stored it meanwhile), which is kept.
    func store(_ documents: [IngestedDocument]) throws -> [StoreOutcome]

    /// Records that a stored document's file was seen again with unchanged content (its
    /// modification time moved).
    func refresh(_ states: [String: Double]) throws

    /// Records files that could not be ingested.
    func recordErrors(_ errors: [IngestProblem], run: Int64) throws

    /// Removes documents (with their sentences and claims) by resolved path; returns how many.
    func removeDocuments(paths: [String]) throws -> Int

    /// Replaces the entity and alias tables when `version` differs from the stored one.
    func loadEntities(_ entities: [EntityRow], version: String) throws

    /// The entity ids whose id, name or alias is `name` (ids first, then names and aliases,
    /// case-insensitively unless the alias is case-sensitive).
    func entityIDs(named name: String) throws -> [String]

    /// Claims matching a query, in document order (document name, then position).
    func claims(matching query: ClaimQuery) throws -> [Claim]

    /// Sentences matching a full-text query, best first, with their claims.
    func search(_ text: String, limit: Int) throws -> [SearchHit]

    /// Counts by document, metric, subject and unit.
    func statistics() throws -> StoreStatistics

    /// Every stored document with the claim count it was stored with and the count stored now.
    func documents() throws -> [StoredDocument]

    /// SQLite's `integrity_check` (or the backend's equivalent): `["ok"]` when sound.
    func integrityCheck() throws -> [String]

    /// Every stored claim with its row id and its document's path, in document order: the
    /// input of a cross-check. Of the rule names, only `direction` and `comparison` (what a check
    /// reads) need be loaded.
    func claimsForCheck() throws -> [StoredClaim]

    /// Replaces the stored findings with those of a check and sets the verdicts it gives, in one
    /// transaction (callers pass only the verdicts that changed).
    func saveCheck(_ check: StoredCheck) throws

    /// The stored findings, as saved (each a findings-contract JSON line), in order.
    func storedFindings() throws -> [String]

    /// The text of a stored document, by resolved path.
    func documentText(path: String) throws -> String?

    /// The columns a table has in the live database, in order (names as the backend reports
    /// them; PostgreSQL folds unquoted names to lower case): what ``StoreSchema`` is checked
    /// against. Empty for a table the database does not have.
    func liveColumns(of table: String) throws -> [StoreSchema.Column]

    /// Where each page of the PDF at `path` starts in its stored text (-1 for a page without
    /// text); nil for a document that is not a PDF, or not stored.
    func documentPages(path: String) throws -> [Int]?

    /// Shares an ingest's files with the other workers ingesting into this database at the same
    /// time, on any machine: the files are entered in a work table, and each is then handed to
    /// exactly one worker (see ``SharedIngestWork``). Nil when the backend has no shared queue
    /// (SQLite: its workers share one machine and skip what another stored, by sha256).
    func shareWork(_ items: [WorkItem]) throws -> (any SharedIngestWork)?
}

/// A file an ingest worker would read: its resolved path and a signature of what it knows of it
/// before reading (size, modification time, pipeline version), so that a file done by another
/// worker with the same signature is not done again, and a changed one is.
public struct WorkItem: Sendable, Hashable {
    /// The resolved path.
    public var path: String
    /// Size, modification time and pipeline version, as one string.
    public var signature: String

    /// Creates an item.
    public init(path: String, signature: String) {
        self.path = path
        self.signature = signature
    }
}

/// A worker's share of files from a work table that several workers take from at once.
///
/// A worker takes a few files at a time and reports them finished after storing their
/// documents. While it lives, the files it took are its own; when it dies, the others take
/// them over (PostgreSQL: a session advisory lock marks the worker alive, and rows are taken
/// with `FOR UPDATE SKIP LOCKED`).
public protocol SharedIngestWork: AnyObject {
    /// Takes up to `limit` of this worker's files that no live worker has taken and none has
    /// finished; empty when there are none now (see ``remaining``).
    func take(limit: Int) throws -> [String]

    /// After the last ``take(limit:)``: files of this worker's list that no worker has finished,
    /// including those taken by this worker or another. When a take is empty and this is not
    /// zero, other workers hold the rest: look again later, in case one dies.
    var remaining: Int { get }

    /// Marks taken files as finished, after their documents are stored (`failed` ones are tried
    /// again by a worker that starts later).
    func finish(_ paths: [String], failed: Set<String>) throws

    /// Closes the worker's share: files it took and did not finish return to the others.
    func close()
}

/// A stored claim with what a cross-check needs to refer back to it.
public struct StoredClaim: Sendable {
    /// The claim's row id.
    public var id: Int64
    /// The resolved path of its document.
    public var path: String
    /// The claim (its `verdict` is the stored one).
    public var claim: Claim

    /// Creates one.
    public init(id: Int64, path: String, claim: Claim) {
        self.id = id
        self.path = path
        self.claim = claim
    }
}

/// A check's results as stored: findings with their claims, and verdicts.
public struct StoredCheck: Sendable {
    /// One finding: kind, severity, fingerprint, explanation, its contract JSON line, and its
    /// claims' row ids (the first is the claim it contradicts).
    public struct Item: Sendable {
        public var kind: String
        public var severity: String
        public var fingerprint: String
        public var explanation: String
        public var json: String
        public var claims: [Int64]

        /// Creates one.
        public init(kind: String, severity: String, fingerprint: String, explanation: String, json: String, claims: [Int64]) {
            self.kind = kind
            self.severity = severity
            self.fingerprint = fingerprint
            self.explanation = explanation
            self.json = json
            self.claims = claims
        }
    }
    /// The findings, in report order.
    public var findings: [Item]
    /// Claim row id → verdict: those that differ from the stored ones.
    public var verdicts: [Int64: Verdict]

    /// Creates one.
    public init(findings: [Item], verdicts: [Int64: Verdict]) {
        self.findings = findings
        self.verdicts = verdicts
    }
}

/// What incremental ingest knows about a stored document.
public struct DocumentState: Sendable, Hashable {
    /// The document's row id.
    public var id: Int64
    /// The sha256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// The file size in bytes.
    public var bytes: Int
    /// The file's modification time (seconds since 1970).
    public var modified: Double
    /// The pipeline version (with its options) that made the claims.
    public var pipelineVersion: String

    /// Creates a state.
    public init(id: Int64, sha256: String, bytes: Int, modified: Double, pipelineVersion: String) {
        self.id = id
        self.sha256 = sha256
        self.bytes = bytes
        self.modified = modified
        self.pipelineVersion = pipelineVersion
    }
}

/// A sentence of a stored document.
public struct SentenceRow: Sendable, Hashable {
    /// Offset of its first Unicode scalar in the document text.
    public var start: Int
    /// Offset just past its last scalar.
    public var end: Int
    /// Its text.
    public var text: String

    /// Creates a sentence.
    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A document ready to store: the file's identity, its text and metadata, its sentences and
/// claims.
public struct IngestedDocument: Sendable {
    /// The resolved absolute path: what identifies the document.
    public var path: String
    /// The name written in its claims' `doc` field (relative to the PATH it was found under).
    public var name: String
    /// The sha256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// The file size in bytes.
    public var bytes: Int
    /// The file's modification time (seconds since 1970).
    public var modified: Double
    /// The pipeline version (with its options) that made the claims.
    public var pipelineVersion: String
    /// The article text.
    public var text: String
    /// The metadata.
    public var metadata: DocumentMetadata
    /// The sentences, in order.
    public var sentences: [SentenceRow]
    /// The claims, in order.
    public var claims: [Claim]

    /// Creates a document to store.
    public init(path: String, name: String, sha256: String, bytes: Int, modified: Double, pipelineVersion: String,
                text: String, metadata: DocumentMetadata, sentences: [SentenceRow], claims: [Claim]) {
        self.path = path
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
        self.modified = modified
        self.pipelineVersion = pipelineVersion
        self.text = text
        self.metadata = metadata
        self.sentences = sentences
        self.claims = claims
    }
}

/// What storing one document did.
public enum StoreOutcome: String, Sendable, Hashable {
    /// A new document.
    case inserted
    /// A stored document replaced by a changed file (or a new pipeline version).
    case replaced
    /// The same version was stored already (by another process); nothing changed.
    case unchanged
}

/// A file that could not be ingested, and why.
public struct IngestProblem: Sendable, Hashable {
    /// The file's path as given.
    public var path: String
    /// Why it failed.
    public var reason: String

    /// Creates a problem.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The counts an ingest run ends with.
public struct RunCounts: Sendable, Hashable, Codable {
    /// Documents stored for the first time.
    public var new = 0
    /// Documents replaced because their file changed.
    public var changed = 0
    /// Documents skipped because nothing changed.
    public var unchanged = 0
    /// Files that failed.
    public var failed = 0
    /// Documents removed by `--prune`.
    public var pruned = 0
    /// Claims stored.
    public var claims = 0

    /// Creates counts.
    public init(new: Int = 0, changed: Int = 0, unchanged: Int = 0, failed: Int = 0, pruned: Int = 0, claims: Int = 0) {
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.failed = failed
        self.pruned = pruned
        self.claims = claims
    }
}

/// An entity of the lexicon with its names.
public struct EntityRow: Sendable, Hashable {
    /// A name or alias of the entity.
    public struct Alias: Sendable, Hashable {
        /// The name as the lexicon writes it.
        public var text: String
        /// True when it matches only as written.
        public var caseSensitive: Bool

        /// Creates an alias.
        public init(text: String, caseSensitive: Bool) {
            self.text = text
            self.caseSensitive = caseSensitive
        }
    }

    /// The canonical id (`SPX`, `NVDA`).
    public var id: String
    /// Its kind (`index`, `company`, `etf`, …).
    public var kind: String
    /// Its display name.
    public var name: String
    /// Its sector, for companies.
    public var sector: String?
    /// Its names and aliases.
    public var aliases: [Alias]

    /// Creates an entity row.
    public init(id: String, kind: String, name: String, sector: String? = nil, aliases: [Alias] = []) {
        self.id = id
        self.kind = kind
        self.name = name
        self.sector = sector
        self.aliases = aliases
    }
}

/// A filter over stored claims; every field left nil matches everything.
public struct ClaimQuery: Sendable, Hashable {
    /// Claims about any of these entity ids.
    public var subjects: [String]?
    /// Claims of this metric.
    public var metric: Metric?
    /// Claims whose period overlaps `from...to` (claims without a period never match).
    public var from: CalendarDate?
    /// See `from`.
    public var to: CalendarDate?
    /// Claims of the document with this name: its `doc` name, that name without its extension,
    /// or the end of its path.
    public var document: String?
    /// At most this many claims.
    public var limit: Int?

    /// Creates a query.
    public init(subjects: [String]? = nil, metric: Metric? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                document: String? = nil, limit: Int? = nil) {
        self.subjects = subjects
        self.metric = metric
        self.from = from
        self.to = to
        self.document = document
        self.limit = limit
    }
}

/// A sentence found by full-text search.
public struct SearchHit: Sendable, Hashable {
    /// The document's name.
    public var doc: String
    /// Offset of the sentence in the document text (Unicode scalars).
    public var start: Int
    /// Offset just past it.
    public var end: Int
    /// The sentence.
    public var sentence: String
    /// The claims made in it.
    public var claims: [Claim]
}

/// Counts over the whole database.
public struct StoreStatistics: Sendable, Hashable, Codable {
    /// Documents stored.
    public var documents: Int
    /// Claims stored.
    public var claims: Int
    /// Sentences stored.
    public var sentences: Int
    /// Claims per document name.
    public var byDocument: [Count]
    /// Claims per metric.
    public var byMetric: [Count]
    /// Claims per subject id (`-` for claims without a subject).
    public var bySubject: [Count]
    /// Claims per unit.
    public var byUnit: [Count]
    /// Ingest runs recorded.
    public var runs: Int
    /// Files that failed in the last run.
    public var lastRunErrors: Int

    /// A key and its count.
    public struct Count: Sendable, Hashable, Codable {
        /// The key.
        public var key: String
        /// The count.
        public var count: Int
    }
}

/// A stored document as the crash-safety checks see it.
public struct StoredDocument: Sendable, Hashable {
    /// Row id.
    public var id: Int64
    /// Resolved path.
    public var path: String
    /// Name in the claims.
    public var name: String
    /// sha256 of the file.
    public var sha256: String
    /// Claims the document had when it was stored.
    public var claimCount: Int
    /// Claims stored for it now.
    public var storedClaims: Int
}

/// Why the claims database could not be used.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder that should hold the database does not exist.
    case folderMissing(path: String)
    /// The database path is a directory.
    case isDirectory(path: String)
    /// The location holds something that is not a database of this backend (`engine`: "SQLite").
    case notADatabase(path: String, engine: String)
    /// The location is a database of this backend made by something else.
    case notAClaimsDatabase(path: String, engine: String, tables: [String])
    /// The database was made by a newer version of the tool.
    case newerSchema(path: String, migration: String)
    /// The disk or a file-size limit stopped a write; nothing of the failed transaction was kept.
    case full(path: String, message: String)
    /// This store location is not supported (yet).
    case unsupported(location: String, reason: String)
    /// Any other database failure.
    case failed(path: String, message: String)

    public var description: String {
        switch self {
        case .folderMissing(let path):
            return "\(path): the folder \((path as NSString).deletingLastPathComponent) does not exist"
        case .isDirectory(let path):
            return "\(path): is a directory, not a database file"
        case .notADatabase(let path, let engine):
            return "\(path): is not an \(engine) database"
        case .notAClaimsDatabase(let path, let engine, let tables):
            return "\(path): is an \(engine) database but not a claims database (it has tables \(tables.prefix(5).joined(separator: ", ")))"
        case .newerSchema(let path, let migration):
            return "\(path): was written by a newer version of claims (migration \(migration)); update claims"
        case .full(let path, let message):
            return "\(path): the write failed (\(message)); the database is unchanged by it"
        case .unsupported(let location, let reason):
            return "\(location): \(reason)"
        case .failed(let path, let message):
            return "\(path): \(message)"
        }
    }
}

/// Opens the claims database a `--store` value names.
public enum ClaimDatabases {
    /// The default store: `claims.sqlite` in the current folder.
    public static let defaultLocation = "claims.sqlite"

    /// Opens `location`: a `postgres://user@host:port/database` URL (PostgreSQL), or a file
    /// path (SQLite, created when missing).
    public static func open(_ location: String) throws -> any ClaimDatabase {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            return try PostgresClaimDatabase(url: location)
        }
        return try SQLiteClaimDatabase(path: location)
    }
}
