import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims export`: every stored claim.
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every stored claim, in document order (jsonl is the claims contract)."
        )

        @OptionGroup var storeOptions: StoreOptions

        @Option(name: .long, help: "jsonl, json, csv, text, or claimreview (one schema.org ClaimReview JSON-LD object a line for every checked claim).")
        var format: ExportFormat = .jsonl

        enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, json, csv, text, claimreview }

        func run() throws {
            try StoreFailure.report {
                let store = try storeOptions.open()
                if let claimFormat = ClaimOutput.Format(rawValue: format.rawValue) {
                    ClaimPrinter.print(try store.claims(), format: claimFormat)
                } else {
                    let output = StandardOutput()
                    output.write(Array(try store.claimReview(version: Claims.configuration.version).utf8))
                    output.flush()
                }
            }
        }
    }
}
