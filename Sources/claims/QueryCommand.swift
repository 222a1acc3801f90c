import ArgumentParser
import ClaimsKit
import Foundation

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

        @OptionGroup var window: PeriodOptions

        @Option(name: .long, help: "A document's name (as in the claims' doc field, with or without its extension).")
        var doc: String?

        @Option(name: .long, help: "At most this many claims.")
        var limit: Int?

        @Option(name: .long, help: "jsonl, json, csv or text (default: text on a terminal, jsonl otherwise).")
        var format: ClaimOutput.Format?

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        }

        func run() throws {
            try StoreFailure.report {
                let claims = try storeOptions.open().claims(subject: subject, metric: metric, from: window.bounds.from, to: window.bounds.to,
                                                            document: doc, limit: limit)
                ClaimPrinter.print(claims, format: format ?? (isatty(1) != 0 ? .text : .jsonl))
            }
        }
    }
}

extension Metric: ExpressibleByArgument {}
