import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims audit`: ingest, check and report in one go — the main job.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Ingest articles, cross-check their claims, and report what cannot all be true.",
            discussion: """
            The articles are ingested into the store (default ./claims.sqlite; unchanged files \
            are skipped), every stored claim is checked against each other and the market data \
            (--data, or a market/ folder inside an audited folder), and the findings that involve \
            at least one of the given documents are printed. --isolated checks the given \
            documents only and stores nothing. Exit status: 0 clean, 1 findings at or above \
            --fail-on (default minor), 2 some input could not be read (the others are audited), \
            3 database unusable, 64 usage.
            """
        )

        @Argument(help: "Files and folders of articles.")
        var paths: [String]

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var reportOptions: ReportOptions

        @Flag(name: .long, help: "Check the given documents against each other only; store no findings.")
        var isolated = false

        @OptionGroup var parallel: JobsOptions

        @Flag(name: .long, help: "Print no progress or ingest summary on standard error.")
        var quiet = false

        func run() throws {
            let market = try reportOptions.marketData(fallbacks: paths.map { ($0 as NSString).appendingPathComponent("market") })
            var status: Int32 = 0
            try StoreFailure.report {
                let outcome = try IngestCommand.ingest(paths, store: storeOptions, documents: documents, jobs: parallel.count, prune: false,
                                                       progress: false, quiet: quiet)
                let report = try outcome.store.check(data: market, scope: outcome.scope, isolated: isolated)
                status = try reportOptions.report(report, store: outcome.store)
                if outcome.failed > 0 { status = 2 }
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
