import ArgumentParser
import ClaimExtraction
import ClaimModel
import ClaimStore
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

        /// What an ingest did, for the commands that run one first (`audit`).
        struct Outcome {
            var database: any ClaimDatabase
            var summary: IngestRun.Summary
            var inputs: [InputFile]
            /// Files that failed or were missing.
            var failed: Int
        }

        /// Ingests PATHs: progress and the summary line on standard error, errors listed.
        static func ingest(_ paths: [String], store: StoreOptions, documents: DocumentOptions, jobs: Int, prune: Bool,
                           progress: Bool, quiet: Bool, shard: Shard? = nil) throws -> Outcome {
            let texts = try documents.lexiconTexts()
            let lexicon = try documents.loadLexicon(texts)
            // what changes claims besides the files: the date and the user's lexicons
            let optionParts = [documents.date?.description ?? ""] + texts.map(\.text)
            var (inputs, missing) = InputDiscovery.discover(paths)
            if let shard { inputs = inputs.filter { shard.contains(resolvedPath: IngestRun.resolved($0.path)) } }
            for error in missing { StandardError.print("claims: \(error)") }
            let showProgress = !quiet && (progress || isatty(2) != 0)
            let database = try store.open()
            var run = IngestRun(database: database,
                                loader: documents.loader(for: inputs),
                                extractor: ClaimExtractor(lexicon: lexicon), jobs: jobs,
                                options: Pipeline.fingerprint(optionParts))
            run.prune = prune
            var lastShown = -1.0
            let summary = try run.run(inputs, arguments: CommandLine.arguments) { p in
                guard showProgress, p.elapsed - lastShown >= 0.2 || p.done == p.total else { return }
                lastShown = p.elapsed
                StandardError.write("\r" + Self.progressLine(p) + "\u{1B}[K")
                if p.done == p.total { StandardError.write("\n") }
            }
            for e in summary.errors { StandardError.print("claims: \(e.path): \(e.reason)") }
            if !quiet { StandardError.print("claims: " + Self.summaryLine(summary, missing: missing.count, store: database.location)) }
            return Outcome(database: database, summary: summary, inputs: inputs, failed: summary.counts.failed + missing.count)
        }

        static func progressLine(_ p: IngestRun.Progress) -> String {
            let rate = p.elapsed > 0 ? Double(p.bytesDone) / p.elapsed : 0
            let left = rate > 0 ? Double(p.bytesTotal - p.bytesDone) / rate : 0
            return "\(p.done)/\(p.total) files  " + String(format: "%.1f MB/s  %d:%02d left", rate / 1e6, Int(left) / 60, Int(left) % 60)
        }

        /// The one-line summary: documents new/changed/unchanged/failed, claims stored, time.
        static func summaryLine(_ s: IngestRun.Summary, missing: Int, store: String) -> String {
            let c = s.counts
            var line = "\(c.new) new, \(c.changed) changed, \(c.unchanged) unchanged, \(c.failed + missing) failed"
            if c.pruned > 0 { line += ", \(c.pruned) pruned" }
            line += " documents; \(c.claims) claims stored in \(store)"
            if s.otherWorkers > 0 { line += "; \(s.otherWorkers) files read by other workers" }
            let mb = Double(s.bytesParsed) / 1e6
            line += String(format: "; %.2f s", s.seconds)
            if s.parsed > 0, s.seconds > 0 {
                line += String(format: " (%.1f documents/s, %.1f MB/s parsed)", Double(s.parsed) / s.seconds, mb / s.seconds)
            }
            return line
        }
    }
}
