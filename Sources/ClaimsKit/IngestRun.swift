import ClaimExtraction
import ClaimModel
import ClaimStore
import Crypto
import DocumentText
import Foundation
import Recognizers

/// The version of the extraction pipeline, stored with every document: a document stored by
/// another version is extracted again. Bump it whenever a change of rules changes claims.
public enum Pipeline {
    /// The version of the extraction code, raised whenever a change to the recognizers or the
    /// claim rules changes the claims extracted. A test (`PipelineVersionTests`) holds it to
    /// that: it fails when the claims extracted from the Corpus differ from those recorded with
    /// this number in `Corpus/expected/pipeline.tsv`.
    public static let codeVersion = "16"

    /// The rules' version stored with every document: the code's version and the rule catalog
    /// (ids and the provenance each gives), so that the next ingest after an upgrade re-extracts.
    /// The lexicons and the run's options are folded in per document (`IngestRun`).
    public static let version: String = codeVersion + "." + fingerprint(RuleCatalog.all.map { "\($0.id) \($0.field) \($0.provenance?.rawValue ?? "-")" })

    /// A short fingerprint of texts (lexicons, options): FNV-1a over their bytes, in hex.
    public static func fingerprint(_ parts: [String]) -> String {
        var h = FNV1a()
        for part in parts {
            h.add(part)
            h.add(byte: 0xFF)   // separator: no UTF-8 text has this byte
        }
        return String(h.value, radix: 16)
    }

    /// The fingerprint of the built-in lexicons.
    public static let builtInLexicons: String = fingerprint(Lexicon.builtInFiles.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
}

/// `claims ingest` as a library call: extract claims from files into a claims database,
/// incrementally, parsing on every core and writing through one writer in batched transactions.
///
/// A document is identified by its resolved path. A file whose size, modification time and
/// pipeline version match the stored ones is skipped without being read; one whose time moved
/// but whose sha256 is unchanged is skipped after hashing; any other is parsed, and replaces the
/// stored document with its sentences and claims in one transaction.
public struct IngestRun: Sendable {
    /// Progress after each file.
    public struct Progress: Sendable {
        /// Files done (read, skipped or failed).
        public var done: Int
        /// Files to do.
        public var total: Int
        /// Bytes of the files done.
        public var bytesDone: Int
        /// Bytes of all files to do.
        public var bytesTotal: Int
        /// Seconds since the run started.
        public var elapsed: Double
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// The counts stored in the `run` table.
        public var counts: RunCounts
        /// Files that failed, with why.
        public var errors: [IngestProblem]
        /// Files parsed (new or changed content).
        public var parsed = 0
        /// Bytes of the files parsed.
        public var bytesParsed = 0
        /// Seconds the run took.
        public var seconds = 0.0
        /// Files to read that another worker sharing the work table read instead.
        public var otherWorkers = 0
    }

    /// The database.
    public var database: any ClaimDatabase
    /// How files become documents.
    public var loader: DocumentLoader
    /// The claim extractor.
    public var extractor: ClaimExtractor
    /// Worker threads.
    public var jobs: Int
    /// A fingerprint of the options that change claims (user lexicons, `--date`), folded into
    /// each document's pipeline version.
    public var options: String
    /// Remove stored documents whose files are gone.
    public var prune = false
    /// The rules' version stored with each document (`Pipeline.version`; tests set an older one).
    public var rulesVersion = Pipeline.version
    /// A batch is written when it holds this many documents…
    public var batchDocuments = 64
    /// … or this many bytes of text…
    public var batchBytes = 8 << 20
    /// … or this many seconds have passed since the last write.
    public var batchSeconds = 1.0
    /// Files taken at a time from a shared work table (PostgreSQL): they are held, read and
    /// stored before the next are taken.
    public var shareSize = 64

    /// Creates a run.
    public init(database: any ClaimDatabase, loader: DocumentLoader, extractor: ClaimExtractor = ClaimExtractor(),
                jobs: Int = ParallelRunner.coreCount, options: String = "") {
        self.database = database
        self.loader = loader
        self.extractor = extractor
        self.jobs = jobs
        self.options = options
    }

    /// A file to look at, with what is known of it before reading.
    struct Candidate: Sendable {
        var input: InputFile
        var path: String
        var size: Int
        var modified: Double
        var version: String
        var stored: DocumentState?
    }

    /// A worker's result for one file.
    enum Work: Sendable {
        case document(IngestedDocument, parsedBytes: Int)
        case sameContent(path: String, modified: Double)
        case failed(IngestProblem)
    }

    /// Ingests `inputs` (found by `InputDiscovery`); `arguments` are recorded in the run.
    ///
    /// - Throws: `StoreError` when the database fails; failures of single files are counted and
    ///   recorded instead, and the other files are still processed.
    public func run(_ inputs: [InputFile], arguments: [String], progress: (Progress) -> Void = { _ in }) throws -> Summary {
        let clock = ContinuousClock()
        let started = clock.now
        func seconds() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        try database.loadEntities(entityRows(), version: Pipeline.builtInLexicons + "/" + options)
        let runID = try database.beginRun(arguments: arguments)
        var summary = Summary(counts: RunCounts(), errors: [])
        let states = try database.documentStates()

        // what must be read: new files, and files whose size, time or pipeline version moved
        var candidates: [Candidate] = []
        var seen = Set<String>()
        for input in inputs {
            if input.isStandardInput {
                summary.errors.append(IngestProblem(path: "stdin", reason: "standard input cannot be ingested: a stored document needs a file"))
                continue
            }
            let path = Self.resolved(input.path)
            guard seen.insert(path).inserted else { continue }   // the same file named twice
            var info = stat()
            guard stat(path, &info) == 0 else {
                summary.errors.append(IngestProblem(path: input.path, reason: String(cString: strerror(errno))))
                continue
            }
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            let version = documentVersion(input)
            let stored = states[path]
            if let s = stored, s.bytes == Int(info.st_size), s.modified == modified, s.pipelineVersion == version {
                summary.counts.unchanged += 1
                continue
            }
            candidates.append(Candidate(input: input, path: path, size: Int(info.st_size), modified: modified,
                                        version: version, stored: stored))
        }

        var total = candidates.count
        var bytesTotal = candidates.reduce(0) { $0 + $1.size }
        let averageSize = candidates.isEmpty ? 0 : bytesTotal / candidates.count
        var done = 0, bytesDone = 0
        var batch: [IngestedDocument] = []
        var batchText = 0
        var refreshed: [String: Double] = [:]
        var lastWrite = seconds()
        var storeFailure: (any Error)? = nil

        func flush() {
            guard storeFailure == nil else { return }
            do {
                let outcomes = try database.store(batch)
                for (d, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .inserted: summary.counts.new += 1; summary.counts.claims += d.claims.count
                    case .replaced: summary.counts.changed += 1; summary.counts.claims += d.claims.count
                    case .unchanged: summary.counts.unchanged += 1
                    }
                }
                try database.refresh(refreshed)
            } catch {
                storeFailure = error
            }
            batch.removeAll(keepingCapacity: true)
            refreshed.removeAll()
            batchText = 0
            lastWrite = seconds()
        }

        let this = self
        let todo = candidates
        var failedPaths = Set<String>()
        func deliver(_ i: Int, _ work: Work) {
            switch work {
            case .document(let d, let parsed):
                batch.append(d)
                batchText += d.text.utf8.count
                summary.parsed += 1
                summary.bytesParsed += parsed
            case .sameContent(let path, let modified):
                refreshed[path] = modified
                summary.counts.unchanged += 1
            case .failed(let problem):
                summary.errors.append(problem)
                failedPaths.insert(candidates[i].path)
            }
            done += 1
            bytesDone += candidates[i].size
            if batch.count >= batchDocuments || batchText >= batchBytes || refreshed.count >= 1024
                || (seconds() - lastWrite >= batchSeconds && (!batch.isEmpty || !refreshed.isEmpty)) {
                flush()
            }
            progress(Progress(done: done, total: total, bytesDone: bytesDone, bytesTotal: bytesTotal, elapsed: seconds()))
        }

        // the threads read and extract; this thread stores, in the order the files were added.
        // They run up to two batches (or two shares) ahead, so they keep parsing while a batch
        // is written and while the next share is taken.
        let feed = ParallelFeed<Int, Work>(jobs: jobs, window: max(2 * batchDocuments, 2 * shareSize)) { this.work(todo[$0]) }
        defer { feed.close() }
        var order: [Int] = []   // candidates' indices in the order added to the feed

        let shared = candidates.isEmpty ? nil
            : try database.shareWork(candidates.map { WorkItem(path: $0.path, signature: "\($0.size)/\($0.modified)/\($0.version)") })
        if let shared {
            // several workers share a work table: take a few files at a time, store them, then
            // mark them finished; take the next ones while the threads still parse the last
            defer { shared.close() }
            let index = Dictionary(candidates.indices.map { (candidates[$0].path, $0) }, uniquingKeysWith: { a, _ in a })
            var shares: [(end: Int, paths: [String])] = []   // taken, not finished: where each ends in `order`
            var delivered = 0
            func takeMore() throws {
                while feed.pending < 2 * shareSize {
                    let paths = try shared.take(limit: shareSize)
                    total = done + shared.remaining
                    bytesTotal = bytesDone + shared.remaining * averageSize
                    if paths.isEmpty { return }
                    let indices = paths.compactMap { index[$0] }
                    order += indices
                    feed.add(indices)
                    shares.append((order.count, paths))
                }
            }
            while storeFailure == nil {
                try takeMore()
                guard let work = feed.next() else {
                    if shared.remaining == 0 { break }
                    // the files left are held by other workers: look again, in case one dies
                    Thread.sleep(forTimeInterval: 0.2)
                    continue
                }
                deliver(order[delivered], work)
                delivered += 1
                if let first = shares.first, delivered == first.end {
                    flush()
                    if storeFailure != nil { break }
                    try shared.finish(first.paths, failed: failedPaths.intersection(first.paths))
                    failedPaths.subtract(first.paths)
                    shares.removeFirst()
                }
            }
            summary.otherWorkers = candidates.count - order.count
        } else {
            order = Array(candidates.indices)
            feed.add(order)
            var delivered = 0
            while let work = feed.next() {
                deliver(order[delivered], work)
                delivered += 1
            }
            flush()
        }
        if let storeFailure { throw storeFailure }

        if prune {
            let gone = states.keys.filter { !FileManager.default.fileExists(atPath: $0) }.sorted()
            summary.counts.pruned = try database.removeDocuments(paths: gone)
        }
        summary.counts.failed = summary.errors.count
        try database.recordErrors(summary.errors, run: runID)
        try database.finishRun(runID, counts: summary.counts)
        summary.seconds = seconds()
        return summary
    }

    /// Reads, hashes and (when its content is new) extracts one file.
    func work(_ c: Candidate) -> Work {
        let deadline = loader.deadline()
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(c.input.path, limit: loader.reader.options.maxBytes)
        } catch {
            return .failed(IngestProblem(path: c.input.path, reason: (error as? InputError)?.reason ?? "\(error)"))
        }
        let sha = Self.hex(SHA256.hash(data: bytes))
        if let s = c.stored, s.sha256 == sha, s.pipelineVersion == c.version {
            return .sameContent(path: c.path, modified: c.modified)
        }
        switch loader.load(c.input, bytes: bytes, deadline: deadline) {
        case .failure(let error):
            return .failed(IngestProblem(path: c.input.path, reason: error.reason))
        case .success(let document):
            let x: ClaimExtractor.Extraction
            do throws(TimeBudgetExceeded) {
                x = try extractor.extraction(document, doc: c.input.doc, deadline: deadline)
            } catch {
                return .failed(IngestProblem(path: c.input.path, reason: error.description))
            }
            var text = document.text
            let sentences = text.withUTF8 { utf8 in
                x.spans.map { s in
                    SentenceRow(start: s.start, end: s.end, text: String(decoding: UnsafeBufferPointer(rebasing: utf8[s.byteStart..<s.byteEnd]), as: UTF8.self))
                }
            }
            return .document(IngestedDocument(
                path: c.path, name: c.input.doc, sha256: sha, bytes: bytes.count, modified: c.modified,
                pipelineVersion: c.version, text: document.text, metadata: document.metadata,
                sentences: sentences, claims: x.claims), parsedBytes: bytes.count)
        }
    }

    /// The pipeline version of one document: the rules' version, the lexicons and options, and
    /// the document's sidecar row (a new date there changes its claims).
    func documentVersion(_ input: InputFile) -> String {
        var parts = [Pipeline.builtInLexicons, options]
        if let e = loader.sidecars[input.folder]?.entries[input.fileName] {
            parts += [e.published?.description ?? "undated", e.url ?? "", e.title ?? "", e.source ?? ""]
        }
        return rulesVersion + "/" + Pipeline.fingerprint(parts)
    }

    /// The lexicon's entities with their names.
    func entityRows() -> [EntityRow] {
        let lexicon = extractor.lexicon
        var aliases: [String: [EntityRow.Alias]] = [:]
        for a in lexicon.aliases { aliases[a.entity, default: []].append(EntityRow.Alias(text: a.alias, caseSensitive: a.caseSensitive)) }
        return lexicon.entities.map { e in
            EntityRow(id: e.id, kind: e.kind, name: e.name, sector: e.sector, aliases: aliases[e.id] ?? [])
        }
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A path made absolute, with symbolic links and `.`/`..` resolved: one file, one document.
    public static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
