import ArgumentParser
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
        var format: Store.SearchFormat = .text

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
            guard words.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ValidationError("give the words to search for")
            }
        }

        func run() throws {
            try StoreFailure.report {
                let (text, hits) = try storeOptions.open().search(words.joined(separator: " "), limit: limit, format: format)
                let output = StandardOutput()
                output.write(Array(text.utf8))
                output.flush()
                if hits == 0 && format == .text { StandardError.print("claims: no stored sentence matches \"\(words.joined(separator: " "))\"") }
            }
        }
    }
}

extension Store.SearchFormat: ExpressibleByArgument {}
