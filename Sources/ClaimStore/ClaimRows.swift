import ClaimModel
import Foundation

/// A result row read by column position, whichever backend it came from: the one face the
/// shared row decoders read.
protocol PositionalRow {
    func string(_ i: Int) throws -> String
    func optionalString(_ i: Int) throws -> String?
    func int(_ i: Int) throws -> Int
    func optionalInt(_ i: Int) throws -> Int?
    func int64(_ i: Int) throws -> Int64
    func double(_ i: Int) throws -> Double
    func optionalDouble(_ i: Int) throws -> Double?
    func bool(_ i: Int) throws -> Bool
}

/// The SQL dialects of the two backends: where they differ in the statements both run.
enum SQLDialect {
    /// SQLite through GRDB: `?` placeholders.
    case sqlite
    /// PostgreSQL through PostgresNIO: `$1`, `$2`, … placeholders.
    case postgres

    /// The placeholder of the `n`th argument (1-based).
    func placeholder(_ n: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(n)"
        }
    }

    /// What follows a `LIKE` pattern so that a backslash escapes `%` and `_` (PostgreSQL's
    /// default; SQLite needs it said).
    var likeEscape: String {
        switch self {
        case .sqlite: #" ESCAPE '\'"#
        case .postgres: ""
        }
    }

    /// Document names sorted byte by byte on both backends (SQLite's default; PostgreSQL's `C`
    /// collation), so both list claims in the same order.
    var nameOrder: String {
        switch self {
        case .sqlite: "document.name"
        case .postgres: #"document.name COLLATE "C""#
        }
    }
}

/// An argument of a statement built here.
enum SQLValue: Equatable {
    case text(String)
    case int(Int)
}

/// The claim table's columns as the stores read and write them, for both backends: the column
/// list, the one row decoder, the rules column's JSON both ways, and the one query builder for
/// ``ClaimQuery``.
enum ClaimRows {
    /// The claim columns, in the order ``decode(_:from:onlyRules:)`` reads them after the
    /// document name.
    static let columns = """
        claim.quote, claim.start, claim."end", claim.sentence, claim.value, claim.valueHigh, claim.unit, claim.bound, \
        claim.subject, claim.subjectText, claim.metric, claim.periodStart, claim.periodEnd, claim.periodText, \
        claim.direction, claim.forecast, claim.hypothetical, claim.rules, claim.verdict
        """

    /// A claim from a row whose columns `o...` are the document name and ``columns``; with
    /// `onlyRules`, only those rule names are read.
    static func decode(_ r: some PositionalRow, from o: Int, onlyRules: Set<String>? = nil) throws -> Claim {
        var period: Period?
        if let s = try r.optionalString(o + 12), let e = try r.optionalString(o + 13),
           let a = CalendarDate(iso: s), let b = CalendarDate(iso: e) {
            period = Period(start: a, end: b, text: try r.optionalString(o + 14))
        }
        return Claim(doc: try r.string(o), quote: try r.string(o + 1), start: try r.int(o + 2), end: try r.int(o + 3),
                     sentence: try r.string(o + 4), value: try r.double(o + 5), valueHigh: try r.optionalDouble(o + 6),
                     unit: QuantityUnit(rawValue: try r.string(o + 7)), bound: Bound(rawValue: try r.string(o + 8)) ?? .exact,
                     subject: try r.optionalString(o + 9), subjectText: try r.optionalString(o + 10),
                     metric: Metric(rawValue: try r.string(o + 11)) ?? .other, period: period,
                     direction: try r.optionalString(o + 15).flatMap(Direction.init(rawValue:)),
                     forecast: try r.bool(o + 16), hypothetical: try r.bool(o + 17),
                     rules: rules(try r.optionalString(o + 18), only: onlyRules),
                     verdict: try r.optionalString(o + 19).flatMap(Verdict.init(rawValue:)))
    }

    /// The rule names as a JSON object with sorted keys. Written by hand: JSONSerialization
    /// (through `Any` and `NSDictionary`) was 3% of a whole ingest for these small objects.
    static func rulesJSON(_ rules: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (i, key) in rules.keys.sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONString.append(rules[key]!, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The rule names of a claim, from the flat JSON object the store writes. Objects without
    /// escapes (all of ours: rule names are ASCII words) are split directly; anything else goes
    /// through Foundation's parser.
    static func rules(_ json: String?, only: Set<String>? = nil) -> [String: String] {
        guard let json, !json.isEmpty else { return [:] }
        // only some keys of an object without escapes: find `"key":"` and read to the next quote
        if let only, !json.utf8.contains(UInt8(ascii: "\\")) {
            var out: [String: String] = [:]
            var copy = json
            copy.withUTF8 { bytes in
                for key in only {
                    let needle = Array("\"\(key)\":\"".utf8)
                    guard bytes.count > needle.count else { continue }
                    var i = 0
                    while i + needle.count <= bytes.count {
                        if bytes[i] == needle[0], (1..<needle.count).allSatisfy({ bytes[i + $0] == needle[$0] }) {
                            let start = i + needle.count
                            var end = start
                            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                            out[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                            break
                        }
                        i += 1
                    }
                }
            }
            return out
        }
        if !json.utf8.contains(UInt8(ascii: "\\")) {
            var out: [String: String] = [:]
            let parts = json.utf8.split(separator: UInt8(ascii: "\""), omittingEmptySubsequences: false)
            // {"k":"v","k2":"v2"} splits into: {  k  :  v  ,  k2  :  v2  }
            if parts.count % 4 == 1 {
                var k = 1
                while k + 2 < parts.count {
                    let key = String(decoding: parts[k], as: UTF8.self)
                    if only?.contains(key) ?? true { out[key] = String(decoding: parts[k + 2], as: UTF8.self) }
                    k += 4
                }
                return out
            }
        }
        let all = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]) ?? [:]
        return only.map { keys in all.filter { keys.contains($0.key) } } ?? all
    }

    /// The rule names a cross-check reads (the written sign's verb, comparisons, and the rules behind the
    /// key fields, whose provenance decides how sure a finding is); `claimsForCheck`
    /// loads only these.
    static let checkedRules: Set<String> = ["direction", "comparison", "subject", "metric", "period"]

    /// A PDF's page starts as stored: offsets, comma-separated; nil for a document without pages.
    static func pages(_ starts: [Int]?) -> String? {
        starts.map { $0.map(String.init).joined(separator: ",") }
    }

    /// A LIKE pattern that matches `s` literally (a backslash escapes `%`, `_` and itself).
    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The statement that selects the claims a query asks for (document name, then ``columns``),
    /// in document order; nil when no claim can match (an empty subject list).
    static func select(_ query: ClaimQuery, _ dialect: SQLDialect) -> (sql: String, values: [SQLValue])? {
        var conditions: [String] = []
        var values: [SQLValue] = []
        func bind(_ v: SQLValue) -> String {
            values.append(v)
            return dialect.placeholder(values.count)
        }
        if let subjects = query.subjects {
            guard !subjects.isEmpty else { return nil }
            conditions.append("claim.subject IN (" + subjects.map { bind(.text($0)) }.joined(separator: ",") + ")")
        }
        if let metric = query.metric { conditions.append("claim.metric = " + bind(.text(metric.rawValue))) }
        // periods match by overlap; ISO dates compare as text
        if let to = query.to { conditions.append("claim.periodStart <= " + bind(.text(to.description))) }
        if let from = query.from { conditions.append("claim.periodEnd >= " + bind(.text(from.description))) }
        if let name = query.document {
            let like = likeEscaped(name)
            let e = dialect.likeEscape
            conditions.append("(document.name = \(bind(.text(name))) OR document.name LIKE \(bind(.text(like + ".%")))\(e) "
                + "OR document.path LIKE \(bind(.text("%/" + like)))\(e) OR document.path LIKE \(bind(.text("%/" + like + ".%")))\(e))")
        }
        var sql = "SELECT document.name, \(columns) FROM claim JOIN document ON document.id = claim.documentId"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY \(dialect.nameOrder), document.id, claim.ordinal"
        if let limit = query.limit { sql += " LIMIT " + bind(.int(limit)) }
        return (sql, values)
    }

    /// The statement that reads the claims of one sentence (its id the one argument), in order.
    static func ofSentence(_ dialect: SQLDialect) -> String {
        """
        SELECT document.name, \(columns) FROM claim JOIN document ON document.id = claim.documentId
        WHERE claim.sentenceId = \(dialect.placeholder(1)) ORDER BY claim.ordinal
        """
    }

    /// The statement that reads every claim for a check: row id, document path, then the
    /// document name and ``columns``, in document order.
    static func forCheck(_ dialect: SQLDialect) -> String {
        """
        SELECT claim.id, document.path, document.name, \(columns)
        FROM claim JOIN document ON document.id = claim.documentId
        ORDER BY \(dialect.nameOrder), document.id, claim.ordinal
        """
    }
}

/// The one description of the tables both stores hold: names, columns in order, each column's
/// kind of value and whether it may be null. Each backend's migrations must produce exactly
/// these (`ClaimStoreTests` reads the live schema of both); a backend's own machinery is listed
/// apart. Migrations are SQL of their own and never read this (an old database must always
/// migrate the same way): this is what they are checked against.
public enum StoreSchema {
    /// The kind of value a column holds, as both backends' declared types map to it.
    public enum Kind: String, Sendable, Hashable {
        /// SQLite `INTEGER`; PostgreSQL `integer` or `bigint`.
        case integer
        /// SQLite `DOUBLE`; PostgreSQL `double precision`.
        case real
        /// `TEXT` (JSON included) on both.
        case text
        /// `BOOLEAN` on both.
        case boolean
        /// SQLite `DATETIME` (GRDB's text form); PostgreSQL `timestamp with time zone`.
        case timestamp
        /// Anything else (PostgreSQL's `tsvector`, say).
        case other
    }

    /// One column: its name, kind and nullability (a primary key is never null).
    public struct Column: Sendable, Hashable, CustomStringConvertible {
        public var name: String
        public var kind: Kind
        public var nullable: Bool

        /// Creates one.
        public init(name: String, kind: Kind, nullable: Bool) {
            self.name = name
            self.kind = kind
            self.nullable = nullable
        }

        /// `"name kind"`, with `?` after the kind when the column may be null.
        init(_ spec: String) {
            let parts = spec.split(separator: " ")
            let kind = parts[1].hasSuffix("?") ? parts[1].dropLast() : parts[1]
            self.init(name: String(parts[0]), kind: Kind(rawValue: String(kind))!, nullable: parts[1].hasSuffix("?"))
        }

        public var description: String { "\(name) \(kind.rawValue)\(nullable ? "?" : "")" }
    }

    /// Every shared table with its columns, in order (`?`: may be null).
    public static let tables: [(name: String, columns: [Column])] = [
        ("document", ["id integer", "path text", "name text", "sha256 text", "bytes integer", "modified real", "title text?",
                      "published text?", "url text?", "author text?", "language text?", "text text", "claimCount integer",
                      "ingestedAt timestamp", "pipelineVersion text", "pages text?"]),
        ("sentence", ["id integer", "documentId integer", "ordinal integer", "start integer", "end integer", "text text"]),
        ("claim", ["id integer", "documentId integer", "sentenceId integer?", "ordinal integer", "quote text", "start integer",
                   "end integer", "sentence text", "value real", "valueHigh real?", "unit text", "bound text", "subject text?",
                   "subjectText text?", "metric text", "periodStart text?", "periodEnd text?", "periodText text?",
                   "direction text?", "forecast boolean", "hypothetical boolean", "rules text", "verdict text?"]),
        ("entity", ["id text", "kind text", "name text", "sector text?"]),
        ("alias", ["id integer", "entityId text", "alias text", "caseSensitive boolean"]),
        ("run", ["id integer", "started timestamp", "finished timestamp?", "arguments text", "documentsNew integer",
                 "documentsChanged integer", "documentsUnchanged integer", "documentsFailed integer", "documentsPruned integer",
                 "claimsStored integer"]),
        ("ingestError", ["id integer", "runId integer", "path text", "reason text"]),
        ("finding", ["id integer", "runId integer?", "kind text", "severity text", "key text?", "message text", "details text?",
                     "createdAt timestamp"]),
        ("findingClaim", ["findingId integer", "claimId integer", "role text?"]),
        ("meta", ["key text", "value text"]),
    ].map { table in (table.0, table.1.map(Column.init)) }

    /// Columns only PostgreSQL has: its full-text index is a generated column of `sentence`
    /// (SQLite keeps an FTS5 table, `sentenceSearch`, beside it).
    public static let postgresOnlyColumns: [String: [Column]] = ["sentence": [Column(name: "search", kind: .other, nullable: true)]]

    /// The kind a backend's declared type stands for.
    static func kind(declared type: String) -> Kind {
        switch type.lowercased() {
        case "integer", "bigint", "int": .integer
        case "double", "double precision", "real": .real
        case "text", "jsontext", "json": .text
        case "boolean": .boolean
        case "datetime", "timestamp with time zone": .timestamp
        default: .other
        }
    }
}
