import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims ingest`: extracts claims from files into the claims database, incrementally.
    struct IngestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Extract the claims of pages and text files into the claims database.",
            discussion: """
            Files are parsed on all cores and written through one writer in batched transactions. \
            A file is known by its resolved path: one whose content (sha256) and pipeline version \
            are unchanged is skipped, a changed one replaces its document and claims in one \
            transaction. Several ingests may run on one database at once. Exit code 2 when some \
            files failed (they are listed and recorded), 3 when the database cannot be used.
            """
        )

        @Argument(help: "Files and folders.")
        var paths: [String]

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var documents: DocumentOptions

        @OptionGroup var parallel: JobsOptions

        @Flag(name: .long, help: "Remove stored documents whose files are gone.")
        var prune = false

        @Option(name: .long, help: "Take part K of N of the files (by a hash of the path), e.g. 2/4: N workers on N machines split one folder.")
        var shard: String?

        @Flag(name: .long, help: "Show progress even when standard error is not a terminal.")
        var progress = false

        @Flag(name: .long, help: "Show neither progress nor the summary line (errors are still printed).")
        var quiet = false

        func validate() throws {
            if let shard, Shard(shard) == nil { throw ValidationError("--shard '\(shard)' is not K/N with 1 ≤ K ≤ N") }
            if shard != nil && prune { throw ValidationError("--prune cannot be used with --shard (each worker sees only its part)") }
            if progress && quiet { throw ValidationError("--progress and --quiet cannot be used together") }
        }

        func run() throws {
            try StoreFailure.report {
                let outcome = try Self.ingest(paths, store: storeOptions, documents: documents, jobs: parallel.count, prune: prune,
                                              progress: progress, quiet: quiet, shard: shard.flatMap(Shard.init))
                if outcome.failed > 0 { throw ExitCode(2) }
            }
        }

        /// Ingests PATHs with ``IngestJob``: progress and the summary line on standard error,
        /// errors listed.
        static func ingest(_ paths: [String], store: StoreOptions, documents: DocumentOptions, jobs: Int, prune: Bool,
                           progress: Bool, quiet: Bool, shard: Shard? = nil) throws -> IngestJob.Outcome {
            let job = IngestJob(paths: paths, setup: try documents.setup(), jobs: jobs, prune: prune, shard: shard)
            let showProgress = !quiet && (progress || isatty(2) != 0)
            var lastShown = -1.0
            let outcome = try job.run(into: store.location, arguments: CommandLine.arguments,
                                      problem: { StandardError.print("claims: \($0)") }) { p in
                guard showProgress, p.elapsed - lastShown >= 0.2 || p.done == p.total else { return }
                lastShown = p.elapsed
                StandardError.write("\r" + IngestJob.progressLine(p) + "\u{1B}[K")
                if p.done == p.total { StandardError.write("\n") }
            }
            if !quiet { StandardError.print("claims: " + outcome.summaryLine) }
            return outcome
        }
    }
}
