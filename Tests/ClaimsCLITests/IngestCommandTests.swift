import ClaimStore
import ClaimsTestSupport
import Foundation
import Testing

/// `claims ingest`, `query`, `search`, `export` and `stats` run as a user runs them, with the
/// database checked through `ClaimStore`.
@Suite("claims ingest and the database commands")
struct IngestCommandTests {
    let binary = TestPaths.claimsBinary
    static let corpusPresent = TestPaths.exists(TestPaths.corpus)

    /// The Corpus articles (text and HTML, with their sidecars) copied into `folder`.
    static func copyCorpus(to folder: TemporaryFolder) throws -> URL {
        let target = folder.url.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path) {
            let source = TestPaths.corpus.appendingPathComponent(name)
            if ["expected", "recognizers", "market", "README"].contains(name) || name.hasPrefix(".") { continue }
            try FileManager.default.copyItem(at: source, to: target.appendingPathComponent(name))
        }
        return target
    }

    /// The Corpus article files (not sidecars), as (relative name, contents).
    static func corpusArticles() throws -> [(String, Data)] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.corpus.path).filter {
            ($0.hasSuffix(".txt") || $0.hasSuffix(".html")) && !$0.hasPrefix("expected/") && !$0.hasPrefix("recognizers/")
                && !$0.hasPrefix("market/") && !$0.contains("/.")
        }.sorted()
        return try names.map { ($0, try Data(contentsOf: TestPaths.corpus.appendingPathComponent($0))) }
    }

    /// A folder of `copies` copies of every Corpus article under different names, with the
    /// number of claims each file must get (`claims extract` on the original, dated the same).
    static func bigFolder(_ folder: TemporaryFolder, copies: Int, binary: URL) throws -> (URL, [String: Int]) {
        let articles = try corpusArticles()
        let originals = folder.url.appendingPathComponent("originals")
        for (name, data) in articles {
            try folder.write("originals/" + name.replacingOccurrences(of: "/", with: "-"), Array(data))
        }
        let r = try runProcess(binary, ["extract", originals.path, "--format", "jsonl", "--date", "2025-10-12", "--no-rules"])
        var perOriginal: [String: Int] = [:]
        for line in r.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            perOriginal[object["doc"] as! String, default: 0] += 1
        }
        let big = folder.url.appendingPathComponent("big")
        var expected: [String: Int] = [:]
        for k in 0..<copies {
            for (name, data) in articles {
                let flat = name.replacingOccurrences(of: "/", with: "-")
                let copy = "c\(k)-" + flat
                try folder.write("big/" + copy, Array(data))
                expected[copy] = perOriginal[flat] ?? 0
            }
        }
        return (big, expected)
    }

    /// "3 new, 0 changed, 10 unchanged, 0 failed documents; …" → [new, changed, unchanged, failed].
    static func counts(_ stderr: String) -> [Int]? {
        guard let line = stderr.split(separator: "\n").last(where: { $0.contains(" new, ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).prefix(4).compactMap { Int($0) }
        return numbers.count == 4 ? numbers : nil
    }

    @Test("ingest then export gives exactly the claims extract gives", .enabled(if: corpusPresent, "Corpus/ not present"))
    func exportMatchesExtract() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path("claims.sqlite")
        let ingest = try runProcess(binary, ["ingest", TestPaths.corpus.path, "--store", store])
        #expect(ingest.status == 0)
        let articles = try Self.corpusArticles().count
        #expect(Self.counts(ingest.stderr) == [articles, 0, 0, 0])
        let export = try runProcess(binary, ["export", "--store", store])
        let extract = try runProcess(binary, ["extract", TestPaths.corpus.path, "--format", "jsonl"])
        #expect(export.status == 0)
        let exported = export.stdout.split(separator: "\n").sorted()
        #expect(exported.count > 200)
        #expect(exported == extract.stdout.split(separator: "\n").sorted())
        let stats = try runProcess(binary, ["stats", "--store", store])
        #expect(stats.stdout.hasPrefix("\(articles) documents, "))
        #expect(stats.stdout.contains("\(exported.count) claims"))
    }

    @Test("query filters as extract's own output says it should; search prints matching sentences",
          .enabled(if: corpusPresent, "Corpus/ not present"))
    func queryAndSearch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path("claims.sqlite")
        _ = try runProcess(binary, ["ingest", TestPaths.corpus.path, "--store", store, "--quiet"])
        let extract = try runProcess(binary, ["extract", TestPaths.corpus.path, "--format", "jsonl"])
        // the expectation, computed from extract's lines: S&P 500 claims whose period overlaps Q3 2025
        var expected: [String] = []
        for line in extract.stdout.split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard o["subject"] as? String == "SPX", let p = o["period"] as? [String: Any],
                  let s = p["start"] as? String, let e = p["end"] as? String, s <= "2025-09-30", e >= "2025-07-01" else { continue }
            expected.append("\(o["doc"]!):\(o["start"]!)")
        }
        #expect(expected.count >= 5)
        for subject in ["SPX", "S&P 500", "s&p 500"] {
            let q = try runProcess(binary, ["query", "--store", store, "--subject", subject, "--period", "2025-Q3", "--format", "jsonl"])
            #expect(q.status == 0)
            let got = try q.stdout.split(separator: "\n").map { line -> String in
                let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                return "\(o["doc"]!):\(o["start"]!)"
            }
            #expect(got.sorted() == expected.sorted())
        }
        let search = try runProcess(binary, ["search", "small caps", "--store", store])
        #expect(search.status == 0)
        let sentences = search.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") }
        #expect(sentences.count >= 3)
        #expect(sentences.allSatisfy { $0.lowercased().contains("small cap") || $0.lowercased().contains("small-cap") })
        let csv = try runProcess(binary, ["query", "--store", store, "--metric", "points", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",points,") })
        let bad = try runProcess(binary, ["query", "--store", store, "--period", "2025-Q5"])
        #expect(bad.status == 64)
    }

    @Test("incremental: unchanged files are skipped unread, a changed file alone is re-read, gone files are pruned",
          .enabled(if: corpusPresent, "Corpus/ not present"))
    func incremental() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let corpus = try Self.copyCorpus(to: folder)
        let store = folder.path("claims.sqlite")
        let n = try Self.corpusArticles().count
        let first = try runProcess(binary, ["ingest", corpus.path, "--store", store])
        #expect(Self.counts(first.stderr) == [n, 0, 0, 0])
        let again = try runProcess(binary, ["ingest", corpus.path, "--store", store])
        #expect(Self.counts(again.stderr) == [0, 0, n, 0])
        #expect(!again.stderr.contains("parsed"))   // nothing was read
        // one file's content changes; another is only touched
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }
            .sorted { ($0.hasSuffix(".txt") ? 0 : 1, $0) < ($1.hasSuffix(".txt") ? 0 : 1, $1) }
        let changed = corpus.appendingPathComponent(files[0])
        let handle = try FileHandle(forWritingTo: changed)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nThe Dow Jones Industrial Average rose 1.1% on Monday.\n".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)],
                                              ofItemAtPath: corpus.appendingPathComponent(files[1]).path)
        let before = try SQLiteClaimDatabase(path: store).documents().first { $0.name == files[0] }!.claimCount
        let third = try runProcess(binary, ["ingest", corpus.path, "--store", store])
        #expect(Self.counts(third.stderr) == [0, 1, n - 1, 0])
        let db = try SQLiteClaimDatabase(path: store)
        #expect(try db.documents().first { $0.name == files[0] }!.claimCount == before + 1)
        #expect(try db.documents().count == n)
        // a file removed: kept without --prune, removed with it
        try FileManager.default.removeItem(at: corpus.appendingPathComponent(files[2]))
        let kept = try runProcess(binary, ["ingest", corpus.path, "--store", store])
        #expect(Self.counts(kept.stderr) == [0, 0, n - 1, 0])
        #expect(try db.documents().count == n)
        let pruned = try runProcess(binary, ["ingest", corpus.path, "--store", store, "--prune"])
        #expect(pruned.stderr.contains("1 pruned"))
        #expect(try db.documents().count == n - 1)
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("a write stopped by a file-size limit (ulimit -f): a clear error naming the store; the database intact and usable",
          .enabled(if: corpusPresent, "Corpus/ not present"))
    func fileSizeLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (big, expected) = try Self.bigFolder(folder, copies: 8, binary: binary)
        try folder.write("first/good.txt", "The S&P 500 rose 1.2% to 6,552.51 on Oct. 9, 2025, while the Nasdaq gained 0.8%.\n")
        let store = folder.path("claims.sqlite")
        let first = try runProcess(binary, ["ingest", folder.path("first"), "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        let size = try #require(FileManager.default.attributesOfItem(atPath: store)[.size] as? Int)

        // the big folder under a limit of the database's size and 64 KB more, in the 512-byte
        // blocks of POSIX sh's ulimit: the write that crosses it fails with EFBIG (claims ignores
        // SIGXFSZ, which would otherwise kill it mid-write)
        let blocks = (size + 64 * 1024) / 512
        let limited = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                                     ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", binary.path,
                                      "ingest", big.path, "--store", store, "--date", "2025-10-12"])
        #expect(limited.status == 3, "the database cannot be used: exit 3; \(limited.stderr)")
        #expect(limited.stderr.contains("\(store): the write failed ("), "\(limited.stderr)")
        #expect(limited.stderr.contains("the database is unchanged by it"))
        #expect(!limited.stderr.contains("Fatal error") && !limited.stderr.contains("Stack dump"))

        // intact: the first document whole, every stored document whole, the file sound
        let db = try SQLiteClaimDatabase(path: store)
        #expect(try db.integrityCheck() == ["ok"])
        let partial = try db.documents()
        #expect(partial.contains { $0.name == "good.txt" && $0.claimCount == 3 && $0.storedClaims == 3 })
        #expect(partial.count < expected.count + 1, "the limit stopped nothing")
        for d in partial where d.name != "good.txt" {
            #expect(d.storedClaims == d.claimCount && d.claimCount == expected[d.name], "\(d.name): half stored")
        }
        // usable: without the limit the same ingest finishes the rest
        let again = try runProcess(binary, ["ingest", big.path, "--store", store, "--date", "2025-10-12"])
        #expect(again.status == 0, "\(again.stderr)")
        let all = try db.documents()
        #expect(all.count == expected.count + 1)
        #expect(all.allSatisfy { $0.storedClaims == $0.claimCount && ($0.name == "good.txt" || $0.claimCount == expected[$0.name]) })
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("a killed ingest leaves a sound database of whole documents; the next ingest finishes the rest",
          .enabled(if: corpusPresent, "Corpus/ not present"))
    func crashSafety() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (big, expected) = try Self.bigFolder(folder, copies: 60, binary: binary)
        let store = folder.path("claims.sqlite")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ingest", big.path, "--store", store, "--date", "2025-10-12", "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // wait for the first batches to be committed, then kill without warning
        var stored = 0
        let deadline = Date(timeIntervalSinceNow: 120)
        while process.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: store),
               let db = try? SQLiteClaimDatabase(path: store), let n = try? db.documents().count, n > 0 {
                stored = n
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedMidway, "the ingest finished before it could be killed; make the folder larger")
        #expect(process.terminationReason == .uncaughtSignal)

        let db = try SQLiteClaimDatabase(path: store)
        #expect(try db.integrityCheck() == ["ok"])
        let partial = try db.documents()
        #expect(partial.count >= stored)
        #expect(partial.count < expected.count)
        for d in partial {
            #expect(d.storedClaims == d.claimCount, "\(d.name): half stored")
            #expect(d.claimCount == expected[d.name], "\(d.name)")
        }

        let second = try runProcess(binary, ["ingest", big.path, "--store", store, "--date", "2025-10-12"])
        #expect(second.status == 0)
        #expect(Self.counts(second.stderr) == [expected.count - partial.count, 0, partial.count, 0])
        let all = try db.documents()
        #expect(all.count == expected.count)
        #expect(Set(all.map(\.path)).count == expected.count)
        #expect(all.allSatisfy { $0.storedClaims == $0.claimCount && $0.claimCount == expected[$0.name] })
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("two ingests of one folder into one database at once: both finish, nothing lost or doubled",
          .enabled(if: corpusPresent, "Corpus/ not present"))
    func concurrentIngests() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (big, expected) = try Self.bigFolder(folder, copies: 15, binary: binary)
        let store = folder.path("claims.sqlite")
        // standard error goes to files (reading pipes while children exit meets EINTR in Foundation)
        var processes: [(Process, URL)] = []
        for k in 0..<2 {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["ingest", big.path, "--store", store, "--date", "2025-10-12", "--jobs", "1"]
            let log = try folder.write("stderr-\(k).txt", "")
            p.standardError = try FileHandle(forWritingTo: log)
            p.standardOutput = FileHandle.nullDevice
            processes.append((p, log))
        }
        for (p, _) in processes { try p.run() }
        var errors: [String] = []
        for (p, log) in processes {
            p.waitUntilExit()
            let text = try String(contentsOf: log, encoding: .utf8)
            #expect(p.terminationStatus == 0, "\(text)")
            errors.append(text)
        }
        #expect(!errors.joined().contains("locked"))
        let db = try SQLiteClaimDatabase(path: store)
        let docs = try db.documents()
        #expect(docs.count == expected.count)
        #expect(Set(docs.map(\.path)).count == expected.count)
        #expect(docs.allSatisfy { $0.storedClaims == $0.claimCount && $0.claimCount == expected[$0.name] })
        #expect(try db.claims(matching: ClaimQuery()).count == expected.values.reduce(0, +))
        // between them, every file was stored once: new documents add up to the file count
        let news = errors.compactMap { Self.counts($0)?[0] }
        #expect(news.count == 2 && news.reduce(0, +) == expected.count)
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("bad store paths and missing inputs are clear errors; SQL in filters is only text",
          .enabled(if: corpusPresent, "Corpus/ not present"))
    func badInput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let corpus = TestPaths.corpus.path
        let missingFolder = try runProcess(binary, ["ingest", corpus, "--store", folder.path("no/such/claims.sqlite")])
        #expect(missingFolder.status == 3)
        #expect(missingFolder.stderr.contains("does not exist"))
        try FileManager.default.createDirectory(atPath: folder.path("d.sqlite"), withIntermediateDirectories: true)
        let directory = try runProcess(binary, ["query", "--store", folder.path("d.sqlite")])
        #expect(directory.status == 3)
        #expect(directory.stderr.contains("is a directory"))
        try folder.write("notes.sqlite", "not a database\n")
        let text = try runProcess(binary, ["stats", "--store", folder.path("notes.sqlite")])
        #expect(text.status == 3)
        #expect(text.stderr.contains("is not an SQLite database"))
        #expect(try String(contentsOfFile: folder.path("notes.sqlite"), encoding: .utf8) == "not a database\n")

        let store = folder.path("claims.sqlite")
        let partly = try runProcess(binary, ["ingest", folder.path("missing-folder"), corpus, "--store", store])
        #expect(partly.status == 2)
        #expect(partly.stderr.contains("missing-folder"))
        let n = try Self.corpusArticles().count
        #expect(try SQLiteClaimDatabase(path: store).documents().count == n)

        let all = try runProcess(binary, ["export", "--store", store]).stdout
        for option in ["--subject", "--doc"] {
            let q = try runProcess(binary, ["query", "--store", store, option, "'; DROP TABLE claim; --", "--format", "jsonl"])
            #expect(q.status == 0)
            #expect(q.stdout.isEmpty)
        }
        let s = try runProcess(binary, ["search", "'; DROP TABLE claim; --", "--store", store])
        #expect(s.status == 0)
        #expect(try runProcess(binary, ["export", "--store", store]).stdout == all)
    }
}

/// Several workers on one store: shards, and concurrent workers on PostgreSQL.
@Suite("ingest workers")
struct IngestWorkerTests {
    let binary = TestPaths.claimsBinary

    @Test("four shards ingested one after another store every Corpus document exactly once",
          .enabled(if: IngestCommandTests.corpusPresent, "Corpus not present"))
    func shards() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let corpus = try IngestCommandTests.copyCorpus(to: folder)
        let store = folder.path("s.sqlite")
        for k in 1...4 {
            let r = try runProcess(binary, ["ingest", corpus.path, "--store", store, "--shard", "\(k)/4"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let whole = try runProcess(binary, ["ingest", corpus.path, "--store", folder.path("w.sqlite")])
        let a = try runProcess(binary, ["export", "--store", store]).stdout
        let b = try runProcess(binary, ["export", "--store", folder.path("w.sqlite")]).stdout
        #expect(whole.status == 0)
        #expect(!a.isEmpty && a == b)
        let again = try runProcess(binary, ["ingest", corpus.path, "--store", store])
        #expect(again.stderr.contains("0 new, 0 changed, 14 unchanged"))
        #expect(try runProcess(binary, ["ingest", corpus.path, "--store", store, "--shard", "5/4"]).status == 64)
    }

    @Test("four concurrent workers on one PostgreSQL store: every document once, the claims of one SQLite ingest",
          .enabled(if: PostgresTestServer.url != nil && IngestCommandTests.corpusPresent,
                   "CLAIMS_TEST_POSTGRES not set: PostgreSQL worker test skipped (.ci/run starts a server)"))
    func concurrentPostgres() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (big, expected) = try IngestCommandTests.bigFolder(folder, copies: 8, binary: binary)
        let url = try PostgresTestServer.newDatabase()
        // the four workers: two take shards, two the whole folder, all at once
        let workers = [["--shard", "1/2"], ["--shard", "2/2"], [], []].map { extra in
            let p = Process()
            p.executableURL = binary
            p.arguments = ["ingest", big.path, "--store", url, "--quiet", "--jobs", "1"] + extra
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for w in workers { try w.run() }
        for w in workers { w.waitUntilExit() }
        #expect(workers.allSatisfy { $0.terminationStatus == 0 })
        let single = folder.path("one.sqlite")
        #expect(try runProcess(binary, ["ingest", big.path, "--store", single, "--quiet"]).status == 0)
        let fromPostgres = try runProcess(binary, ["export", "--store", url]).stdout
        let fromSQLite = try runProcess(binary, ["export", "--store", single]).stdout
        #expect(!fromSQLite.isEmpty && fromPostgres == fromSQLite)
        let stats = try runProcess(binary, ["stats", "--store", url, "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any]
        #expect(object?["documents"] as? Int == expected.count)
    }

    @Test("four workers sharing a PostgreSQL work table, one killed with SIGKILL: every document once all the same",
          .enabled(if: PostgresTestServer.url != nil && IngestCommandTests.corpusPresent,
                   "CLAIMS_TEST_POSTGRES not set: PostgreSQL worker test skipped (.ci/run starts a server)"))
    func killedWorker() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (big, expected) = try IngestCommandTests.bigFolder(folder, copies: 8, binary: binary)
        let url = try PostgresTestServer.newDatabase()
        let workers = (0..<4).map { _ in
            let p = Process()
            p.executableURL = binary
            p.arguments = ["ingest", big.path, "--store", url, "--quiet", "--jobs", "1"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for w in workers { try w.run() }
        // kill the first worker once documents are being stored (it holds files at that moment,
        // or has just finished some: either way nothing may be lost or stored twice)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let count = try runProcess(binary, ["stats", "--store", url, "--format", "json"]).stdout
            if let o = try? JSONSerialization.jsonObject(with: Data(count.utf8)) as? [String: Any], (o["documents"] as? Int ?? 0) > 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(workers[0].processIdentifier, SIGKILL)
        for w in workers { w.waitUntilExit() }
        #expect(workers[0].terminationReason == .uncaughtSignal)
        #expect(workers.dropFirst().allSatisfy { $0.terminationStatus == 0 })
        let single = folder.path("one.sqlite")
        #expect(try runProcess(binary, ["ingest", big.path, "--store", single, "--quiet"]).status == 0)
        let fromPostgres = try runProcess(binary, ["export", "--store", url]).stdout
        let fromSQLite = try runProcess(binary, ["export", "--store", single]).stdout
        #expect(!fromSQLite.isEmpty && fromPostgres == fromSQLite)
        let stats = try runProcess(binary, ["stats", "--store", url, "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any]
        #expect(object?["documents"] as? Int == expected.count)
        // a rerun has nothing to do
        let again = try runProcess(binary, ["ingest", big.path, "--store", url])
        #expect(again.stderr.contains("0 new, 0 changed, \(expected.count) unchanged, 0 failed"))
    }
}
