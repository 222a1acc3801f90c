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
}
