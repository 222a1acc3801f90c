import ArgumentParser
import ClaimModel
import ClaimStore
import ClaimsKit
import Foundation

extension Claims {
    /// `claims search`: full-text search over stored sentences.
    struct SearchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find stored sentences by their words and print them with their claims.",
            discussion: """
            The words are searched as a phrase, with English stemming ("small caps" finds \
            "small-cap" and "small caps"); best matches first.
            """
        )

        @Argument(help: "The words to find.")
        var words: [String]

        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .long, help: "At most this many sentences.")
        var limit = 50

        @Option(name: .long, help: "text or jsonl (one object per sentence: doc, start, end, sentence, claims).")
        var format: SearchFormat = .text

        enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
            case text, jsonl
        }

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
            guard words.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ValidationError("give the words to search for")
            }
        }

        func run() throws {
            try StoreFailure.report {
                let database = try storeOptions.open()
                let hits = try database.search(words.joined(separator: " "), limit: limit)
                let output = StandardOutput()
                for hit in hits {
                    switch format {
                    case .text:
                        var text = "\(hit.doc):\(hit.start)  \(hit.sentence)\n"
                        for c in hit.claims {
                            let period = c.period.map { " \($0.text ?? "\($0.start)…\($0.end)")" } ?? ""
                            text += "    \(c.quote)  \(c.subject ?? "-") \(c.metric.rawValue) \(ClaimOutput.number(c.value)) \(c.unit)\(period)\n"
                        }
                        output.write(Array(text.utf8))
                    case .jsonl:
                        var line = "{\"doc\":\(ClaimOutput.quoted(hit.doc)),\"start\":\(hit.start),\"end\":\(hit.end),"
                        line += "\"sentence\":\(ClaimOutput.quoted(hit.sentence)),\"claims\":["
                        line += hit.claims.map { ClaimOutput.json($0, rules: false) }.joined(separator: ",") + "]}\n"
                        output.write(Array(line.utf8))
                    }
                }
                output.flush()
                if hits.isEmpty && format == .text { StandardError.print("claims: no stored sentence matches \"\(words.joined(separator: " "))\"") }
            }
        }
    }

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
