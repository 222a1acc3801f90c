import ClaimModel
import ClaimStore
import Foundation
import MarketMetrics

/// The claims database as the commands use it: opened from a location (a file path for SQLite,
/// a `postgres://` URL for PostgreSQL), with the work each command does on it and the reports
/// it prints. A program that needs the store's own protocol takes ``database``.
public struct Store: Sendable {
    /// The backend's connection.
    public let database: any ClaimDatabase

    /// Wraps an open database.
    public init(_ database: any ClaimDatabase) { self.database = database }

    /// Where a store is when none is named: `./claims.sqlite`.
    public static var defaultLocation: String { ClaimDatabases.defaultLocation }

    /// Opens (creating or migrating) the store at `location`.
    public static func open(_ location: String) throws(StoreFailure) -> Store {
        do { return Store(try ClaimDatabases.open(location)) } catch { throw StoreFailure(error) }
    }

    /// The location as shown to the user (a PostgreSQL password left out).
    public var location: String { database.location }

    /// Stored claims, in document order: those of `subject` (an entity id, or a name or alias
    /// of one), `metric`, a period overlapping `from`…`to`, and document `document` (its name,
    /// with or without the extension); at most `limit`.
    public func claims(subject: String? = nil, metric: Metric? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                       document: String? = nil, limit: Int? = nil) throws(StoreFailure) -> [Claim] {
        try StoreFailure.wrap {
            var query = ClaimQuery(metric: metric, from: from, to: to, document: document, limit: limit)
            if let subject {
                let ids = try database.entityIDs(named: subject)
                query.subjects = ids.isEmpty ? [subject] : ids
            }
            return try database.claims(matching: query)
        }
    }

    /// Every checked claim as schema.org `ClaimReview` JSON-LD, one object a line.
    public func claimReview(version: String) throws(StoreFailure) -> String {
        try StoreFailure.wrap { ClaimReviewExport.render(try database.claimsForCheck(), version: version) }
    }

    /// Cross-checks the stored claims against each other and `data` (see ``CheckRun/run(scope:isolated:)``).
    public func check(data: MarketFigures.DataSet?, scope: Set<String>? = nil, isolated: Bool = false) throws(StoreFailure) -> CheckRun.Report {
        try StoreFailure.wrap { try CheckRun(database: database, data: data).run(scope: scope, isolated: isolated) }
    }

    /// The report of a check in one form (the documents' texts, which reports quote, read from
    /// this store).
    public func render(_ report: CheckRun.Report, as format: FindingReport.Format, version: String, colour: Bool) -> String {
        FindingReport(database: database, version: version).render(report, as: format, colour: colour)
    }

    /// The forms `claims search` prints.
    public enum SearchFormat: String, Sendable, CaseIterable {
        /// `doc:offset  sentence`, then its claims indented.
        case text
        /// One object a sentence: doc, start, end, sentence, claims.
        case jsonl
    }

    /// The stored sentences that hold `words` as a phrase (stemmed), best first, with their
    /// claims, in one form; and how many were found.
    public func search(_ words: String, limit: Int, format: SearchFormat) throws(StoreFailure) -> (output: String, hits: Int) {
        let hits = try StoreFailure.wrap { try database.search(words, limit: limit) }
        var out = ""
        for hit in hits {
            switch format {
            case .text:
                out += "\(hit.doc):\(hit.start)  \(hit.sentence)\n"
                for c in hit.claims {
                    let period = c.period.map { " \($0.text ?? "\($0.start)…\($0.end)")" } ?? ""
                    out += "    \(c.quote)  \(c.subject ?? "-") \(c.metric.rawValue) \(ClaimOutput.number(c.value)) \(c.unit)\(period)\n"
                }
            case .jsonl:
                out += "{\"doc\":\(ClaimOutput.quoted(hit.doc)),\"start\":\(hit.start),\"end\":\(hit.end),"
                out += "\"sentence\":\(ClaimOutput.quoted(hit.sentence)),\"claims\":["
                out += hit.claims.map { ClaimOutput.json($0, rules: false) }.joined(separator: ",") + "]}\n"
            }
        }
        return (out, hits.count)
    }

    /// The forms `claims stats` prints.
    public enum StatisticsFormat: String, Sendable, CaseIterable {
        /// Totals, then a table each of claims by document, metric, subject and unit.
        case text
        /// The counts as one JSON object.
        case json
    }

    /// Counts of stored documents and claims, in one form; `top` rows a table in text (0: all).
    public func statistics(format: StatisticsFormat, top: Int) throws(StoreFailure) -> String {
        let s = try StoreFailure.wrap { try database.statistics() }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: (try? encoder.encode(s)) ?? Data(), as: UTF8.self) + "\n"
        case .text:
            var text = "\(s.documents) documents, \(s.sentences) sentences, \(s.claims) claims in \(location)"
            text += " (\(s.runs) ingest runs; \(s.lastRunErrors) files failed in the last)\n"
            for (title, counts) in [("document", s.byDocument), ("metric", s.byMetric), ("subject", s.bySubject), ("unit", s.byUnit)] {
                text += "\nclaims by \(title)\n"
                let shown = top > 0 ? Array(counts.prefix(top)) : counts
                let width = shown.map(\.key.count).max() ?? 0
                for c in shown {
                    text += "  " + c.key + String(repeating: " ", count: width - c.key.count) + "  \(c.count)\n"
                }
                if shown.count < counts.count { text += "  … \(counts.count - shown.count) more\n" }
            }
            return text
        }
    }
}

/// The claims database could not be opened, read or written (the command line's exit code 3):
/// the store's own error, whichever backend raised it.
public struct StoreFailure: Error, CustomStringConvertible {
    /// The error the store raised.
    public let error: any Error

    /// Wraps an error of the store.
    public init(_ error: any Error) { self.error = error }

    /// The error as a store failure when the store raised it (or it already is one); nil for
    /// any other error.
    public static func from(_ error: any Error) -> StoreFailure? {
        if let failure = error as? StoreFailure { return failure }
        if error is StoreError { return StoreFailure(error) }
        return nil
    }

    /// Runs `body`, turning the store's errors into store failures (any other error is a
    /// failure too: the store's work is all `body` does).
    static func wrap<T>(_ body: () throws -> T) throws(StoreFailure) -> T {
        do { return try body() } catch { throw from(error) ?? StoreFailure(error) }
    }

    public var description: String { "\(error)" }
}
