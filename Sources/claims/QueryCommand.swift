import ArgumentParser
import ClaimModel
import ClaimStore
import ClaimsKit
import Foundation

/// Writes claims read from the store in one of the claim formats.
enum ClaimPrinter {
    static func print(_ claims: [Claim], format: ClaimOutput.Format) {
        let output = StandardOutput()
        switch format {
        case .jsonl:
            var buffer: [UInt8] = []
            for c in claims {
                ClaimOutput.json(c, into: &buffer)
                buffer.append(0x0A)
                if buffer.count >= 1 << 16 { output.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            output.write(buffer)
        case .json:
            output.write(Array("[".utf8))
            for (i, c) in claims.enumerated() { output.write(Array(((i == 0 ? "\n" : ",\n") + ClaimOutput.json(c)).utf8)) }
            output.write(Array("\n]\n".utf8))
        case .csv:
            output.write(Array((ClaimOutput.csvHeader + "\n").utf8))
            for c in claims { output.write(Array((ClaimOutput.csv(c) + "\n").utf8)) }
        case .text:
            output.write(Array(ClaimOutput.table(claims).utf8))
        }
        output.flush()
    }
}

extension Claims {
    /// `claims query`: claims from the database, filtered.
    struct QueryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Print stored claims, filtered by subject, metric, period and document.",
            discussion: """
            Periods match by overlap: --period 2025-Q3 finds every claim whose period overlaps July \
            to September 2025. --subject takes an entity id (SPX) or any of its names ("S&P 500").
            """
        )

        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .long, help: "An entity id (SPX, NVDA) or a name or alias of one (\"S&P 500\").")
        var subject: String?

        @Option(name: .long, help: "A metric: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
        var metric: Metric?

        @Option(name: .long, help: "A period: 2025-Q3, 2025-H1, 2025-09, 2025 or 2025-09-30.")
        var period: String?

        @Option(name: .long, help: "Claims whose period ends on or after this date (YYYY-MM-DD).")
        var from: CalendarDate?

        @Option(name: .long, help: "Claims whose period starts on or before this date (YYYY-MM-DD).")
        var to: CalendarDate?

        @Option(name: .long, help: "A document's name (as in the claims' doc field, with or without its extension).")
        var doc: String?

        @Option(name: .long, help: "At most this many claims.")
        var limit: Int?

        @Option(name: .long, help: "jsonl, json, csv or text (default: text on a terminal, jsonl otherwise).")
        var format: ClaimOutput.Format?

        func validate() throws {
            if let period, PeriodQuery.parse(period) == nil {
                throw ValidationError("--period \(period): use 2025-Q3, 2025-H1, 2025-09, 2025 or 2025-09-30")
            }
            if period != nil && (from != nil || to != nil) { throw ValidationError("--period cannot be combined with --from or --to") }
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
            if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        }

        func run() throws {
            try StoreFailure.report {
                let database = try storeOptions.open()
                var query = ClaimQuery(metric: metric, from: from, to: to, document: doc, limit: limit)
                if let period, let range = PeriodQuery.parse(period) {
                    query.from = range.from
                    query.to = range.to
                }
                if let subject {
                    let ids = try database.entityIDs(named: subject)
                    query.subjects = ids.isEmpty ? [subject] : ids
                }
                let claims = try database.claims(matching: query)
                ClaimPrinter.print(claims, format: format ?? (isatty(1) != 0 ? .text : .jsonl))
            }
        }
    }

    /// `claims export`: every stored claim.
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every stored claim, in document order (jsonl is the claims contract)."
        )

        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .long, help: "jsonl, json, csv, text, or claimreview (one schema.org ClaimReview JSON-LD object a line for every checked claim) (default: jsonl).")
        var format: ExportFormat = .jsonl

        enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, json, csv, text, claimreview }

        func run() throws {
            try StoreFailure.report {
                let database = try storeOptions.open()
                if let claimFormat = ClaimOutput.Format(rawValue: format.rawValue) {
                    ClaimPrinter.print(try database.claims(matching: ClaimQuery()), format: claimFormat)
                } else {
                    let output = StandardOutput()
                    output.write(Array(ClaimReviewExport.render(try database.claimsForCheck(), version: Claims.configuration.version).utf8))
                    output.flush()
                }
            }
        }
    }
}

extension Metric: ExpressibleByArgument {}
