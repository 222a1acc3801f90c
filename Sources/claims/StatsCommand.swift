import ArgumentParser
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
        var format: Store.StatisticsFormat = .text

        @Option(name: .long, help: "Rows shown per table in text (0 for all).")
        var top = 20

        func run() throws {
            try StoreFailure.report {
                let output = StandardOutput()
                output.write(Array(try storeOptions.open().statistics(format: format, top: top).utf8))
                output.flush()
            }
        }
    }
}

extension Store.StatisticsFormat: ExpressibleByArgument {}
