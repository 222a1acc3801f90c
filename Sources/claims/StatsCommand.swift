import ArgumentParser
import ClaimModel
import ClaimStore
import ClaimsKit
import Foundation

extension Claims {
    /// `claims stats`: counts over the database.
    struct StatsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count stored documents and claims by document, metric, subject and unit."
        )

        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .long, help: "text or json.")
        var format: StatsFormat = .text

        @Option(name: .long, help: "Rows shown per table in text (0 for all).")
        var top = 20

        enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func run() throws {
            try StoreFailure.report {
                let database = try storeOptions.open()
                let s = try database.statistics()
                let output = StandardOutput()
                switch format {
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    output.write(Array(try encoder.encode(s)) + [0x0A])
                case .text:
                    var text = "\(s.documents) documents, \(s.sentences) sentences, \(s.claims) claims in \(database.location)"
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
                    output.write(Array(text.utf8))
                }
                output.flush()
            }
        }
    }
}
