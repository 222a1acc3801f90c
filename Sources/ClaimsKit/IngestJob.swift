import ClaimModel
import Foundation

/// `claims ingest` (and the ingest `claims audit` starts with) from paths to a stored summary:
/// finding the files, taking a shard of them, the pipeline version's options, the run, and the
/// lines that report it. The command line only shows what this reports.
public struct IngestJob: Sendable {
    /// Files and folders as given.
    public var paths: [String]
    /// How files are read, with the lexicons.
    public var setup: ExtractionSetup
    /// Files processed at once.
    public var jobs: Int
    /// Remove stored documents whose files are gone.
    public var prune = false
    /// Take only this worker's part of the files.
    public var shard: Shard?

    /// Creates a job.
    public init(paths: [String], setup: ExtractionSetup, jobs: Int, prune: Bool = false, shard: Shard? = nil) {
        self.paths = paths
        self.setup = setup
        self.jobs = jobs
        self.prune = prune
        self.shard = shard
    }

    /// What an ingest did.
    public struct Outcome: Sendable {
        /// The store written to.
        public var store: Store
        /// The run's counts.
        public var summary: IngestRun.Summary
        /// The files found (after sharding).
        public var inputs: [InputFile]
        /// Paths given that could not be read at all.
        public var missing: Int
        /// Files that failed or were missing.
        public var failed: Int { summary.counts.failed + missing }
        /// The resolved paths of the files found: the documents an audit reports on.
        public var scope: Set<String> { Set(inputs.map { IngestRun.resolved($0.path) }) }
        /// The one-line summary: documents new/changed/unchanged/failed, claims stored, time.
        public var summaryLine: String { IngestJob.summaryLine(summary, missing: missing, store: store.location) }
    }

    /// Ingests into the store at `location`. `problem` receives each path that could not be
    /// found or read, as a line (before and after the run); `progress` the run's progress.
    public func run(into location: String, arguments: [String], problem: (String) -> Void,
                    progress: (IngestRun.Progress) -> Void = { _ in }) throws(StoreFailure) -> Outcome {
        var (inputs, missing) = InputDiscovery.discover(paths)
        if let shard { inputs = inputs.filter { shard.contains(resolvedPath: IngestRun.resolved($0.path)) } }
        for error in missing { problem("\(error)") }
        let store = try Store.open(location)
        var run = IngestRun(database: store.database, loader: setup.settings.loader(for: inputs), extractor: setup.extractor,
                            jobs: jobs, options: setup.optionsFingerprint)
        run.prune = prune
        let summary = try StoreFailure.wrap { try run.run(inputs, arguments: arguments, progress: progress) }
        for e in summary.errors { problem("\(e.path): \(e.reason)") }
        return Outcome(store: store, summary: summary, inputs: inputs, missing: missing.count)
    }

    /// A progress line: files done, throughput, time left.
    public static func progressLine(_ p: IngestRun.Progress) -> String {
        let rate = p.elapsed > 0 ? Double(p.bytesDone) / p.elapsed : 0
        let left = rate > 0 ? Double(p.bytesTotal - p.bytesDone) / rate : 0
        return "\(p.done)/\(p.total) files  " + String(format: "%.1f MB/s  %d:%02d left", rate / 1e6, Int(left) / 60, Int(left) % 60)
    }

    /// The one-line summary: documents new/changed/unchanged/failed, claims stored, time.
    public static func summaryLine(_ s: IngestRun.Summary, missing: Int, store: String) -> String {
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
