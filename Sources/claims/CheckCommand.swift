import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims check`: cross-checks what is stored.
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Cross-check the stored claims against each other and market data; store and print the findings.",
            discussion: """
            Stores the findings and a verdict per claim (supported, contradicted, unverifiable), \
            which `query` and `export` then print. Exit status: 0 no findings at or above \
            --fail-on (default minor), 1 some, 2 unreadable --data or baseline, 3 database \
            unusable, 64 usage.
            """
        )

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var reportOptions: ReportOptions

        func run() throws {
            let market = try reportOptions.marketData()
            var status: Int32 = 0
            try StoreFailure.report {
                let store = try storeOptions.open()
                status = try reportOptions.report(try store.check(data: market), store: store)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
