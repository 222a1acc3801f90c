import ClaimModel
import ClaimsTestSupport
import Foundation
import Testing

/// `claims audit` and `claims check` on the Corpus, run as a user runs them.
@Suite("claims audit and check")
struct AuditCommandTests {
    let binary = TestPaths.claimsBinary
    static let present = TestPaths.exists(TestPaths.corpus.appendingPathComponent("expected/findings.jsonl"))

    /// kind, severity, and the first claim's document, quote and offset of each finding line.
    static func keys(_ jsonl: String) throws -> [String] {
        try jsonl.split(separator: "\n").map { line in
            let f = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let c = try #require((f["claims"] as? [[String: Any]])?.first)
            return "\(f["kind"]!) \(f["severity"]!) \(c["doc"]!):\(c["start"]!) \(c["quote"]!)"
        }.sorted()
    }

    @Test("auditing Corpus finds exactly the planted problems of expected/findings.jsonl and exits 1",
          .enabled(if: present, "Corpus/expected/findings.jsonl not present"))
    func corpus() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let r = try runProcess(binary, ["audit", TestPaths.corpus.path, "--store", folder.path("c.sqlite"), "--format", "jsonl", "--quiet"])
        #expect(r.status == 1, "\(r.stderr)")
        let expected = try String(contentsOf: TestPaths.corpus.appendingPathComponent("expected/findings.jsonl"), encoding: .utf8)
        #expect(try Self.keys(r.stdout) == Self.keys(expected))
        // the verdicts are stored: export prints them
        let export = try runProcess(binary, ["export", "--store", folder.path("c.sqlite")])
        let planted = export.stdout.split(separator: "\n").filter { $0.contains("\"quote\":\"8.4%\"") }
        #expect(planted.count == 1 && planted[0].contains("\"verdict\":\"contradicted\""))
        #expect(export.stdout.contains("\"verdict\":\"supported\""))
        // every finding names its check; explain --finding prints its claims' rules and its arithmetic
        let first = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        let id = try #require(first["id"] as? String), rule = try #require(first["rule"] as? String)
        #expect(RuleCatalog.check(rule) != nil, "\(rule)")
        let explained = try runProcess(binary, ["explain", "--finding", id, "--store", folder.path("c.sqlite"), "--data", TestPaths.corpus.appendingPathComponent("market").path])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("finding \(id)") && explained.stdout.contains("check \(rule)") && explained.stdout.contains("explanation: ")
                && explained.stdout.contains("tolerance: ") && explained.stdout.contains("subject: "), "\(explained.stdout)")
        let unknown = try runProcess(binary, ["explain", "--finding", "0000000000000000", "--store", folder.path("c.sqlite")])
        #expect(unknown.status == 1 && unknown.stderr.contains("no finding 0000000000000000"))
        // check over the store gives the same findings
        let check = try runProcess(binary, ["check", "--store", folder.path("c.sqlite"), "--data", TestPaths.corpus.appendingPathComponent("market").path, "--format", "jsonl"])
        #expect(check.status == 1)
        #expect(try Self.keys(check.stdout) == Self.keys(expected))
    }

    @Test("the text report groups findings, places quotes at doc:line:column, and ends with a summary",
          .enabled(if: present, "Corpus not present"))
    func text() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let r = try runProcess(binary, ["audit", TestPaths.corpus.path, "--store", folder.path("c.sqlite"), "--quiet"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("arithmetic · major (1)\n"))
        // oct10-selloff's table row is line 8 of its text; "-2.90%" starts at column 54
        #expect(r.stdout.contains("✗ oct10-selloff.html:8:54  \"-2.90%\"  DJI return 2025-10-10 [contradicted]"))
        #expect(r.stdout.contains("-878.82 / (45479.6 − -878.82) = -1.90%, but the text says -2.90%"))
        let last = try #require(r.stdout.split(separator: "\n").last)
        #expect(last.hasPrefix("14 documents, 250 claims: "))
        #expect(last.hasSuffix("findings: 2 conflict, 1 arithmetic, 3 direction, 2 data"))
        #expect(!r.stdout.contains("\u{1B}["))  // no colour when stdout is not a terminal
    }

    @Test("--format sarif: a SARIF 2.1.0 log with the schema's required properties, one result per finding, every location on its quote",
          .enabled(if: present, "Corpus not present"))
    func sarif() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // run from the package root, so the Corpus files get %SRCROOT%-relative URIs
        let r = try runProcess(binary, ["audit", "Corpus", "--store", folder.path("c.sqlite"), "--format", "sarif", "--quiet"],
                               currentDirectory: TestPaths.packageRoot)
        #expect(r.status == 1, "\(r.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["name"] as? String)?.isEmpty == false)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        for rule in rules { #expect(RuleCatalog.check(rule["id"] as? String ?? "") != nil, "\(rule)") }
        let base = try #require(((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String)
        let results = try #require(run["results"] as? [[String: Any]])
        let expected = try String(contentsOf: TestPaths.corpus.appendingPathComponent("expected/findings.jsonl"), encoding: .utf8)
        let severities = try expected.split(separator: "\n").map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["severity"] as? String)
        }
        #expect(results.count == severities.count)
        let levels: [String: String] = ["major": "error", "minor": "warning", "caveated": "note"]
        #expect(results.compactMap { $0["level"] as? String }.sorted() == severities.compactMap { levels[$0] }.sorted())
        var located = 0
        for result in results {
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let ruleId = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleId)
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(!locations.isEmpty)
            for location in locations {
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                let artifact = try #require(physical["artifactLocation"] as? [String: Any])
                var uri = try #require(artifact["uri"] as? String)
                if artifact["uriBaseId"] as? String == "%SRCROOT%" { uri = base + uri }
                let file = try #require(URL(string: uri)).path
                let region = try #require(physical["region"] as? [String: Any], "every Corpus quote is found in its file")
                let line = try #require(region["startLine"] as? Int), column = try #require(region["startColumn"] as? Int)
                let snippet = try #require((region["snippet"] as? [String: Any])?["text"] as? String)
                #expect(line >= 1 && column >= 1 && !snippet.isEmpty)
                let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                let text = Array(lines[line - 1].unicodeScalars)
                let at = String(String.UnicodeScalarView(text.dropFirst(column - 1).prefix(snippet.unicodeScalars.count)))
                #expect(at == snippet, "\(file):\(line):\(column) holds \(at), not \(snippet)")
                located += 1
            }
        }
        #expect(located >= results.count)
    }

    @Test("export --format claimreview: one ClaimReview per checked claim, each field the stored claim's",
          .enabled(if: present, "Corpus not present"))
    func claimReview() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path("c.sqlite")
        _ = try runProcess(binary, ["audit", TestPaths.corpus.path, "--store", store, "--quiet", "--format", "jsonl"])
        let stored = try runProcess(binary, ["export", "--store", store])
        let reviews = try runProcess(binary, ["export", "--store", store, "--format", "claimreview"])
        #expect(reviews.status == 0, "\(reviews.stderr)")
        func objects(_ s: String) throws -> [[String: Any]] {
            try s.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
        var claims: [String: [String: Any]] = [:]
        for c in try objects(stored.stdout) where c["verdict"] is String { claims["\(c["doc"]!):\(c["start"]!)"] = c }
        let parsed = try objects(reviews.stdout)
        #expect(parsed.count == claims.count && parsed.count > 200)
        let names = ["supported": "Supported", "contradicted": "Contradicted", "unverifiable": "Unverifiable"]
        for review in parsed {
            #expect(review["@context"] as? String == "https://schema.org" && review["@type"] as? String == "ClaimReview")
            let item = try #require(review["itemReviewed"] as? [String: Any])
            let appearance = try #require(item["appearance"] as? [String: Any])
            var properties: [String: Any] = [:]
            for p in try #require(review["additionalProperty"] as? [[String: Any]]) { properties[p["name"] as! String] = p["value"] }
            let key = "\(appearance["name"]!):\(properties["start"]!)"
            let claim = try #require(claims[key], "\(key) is not a stored checked claim")
            #expect(review["claimReviewed"] as? String == claim["quote"] as? String)
            #expect(item["text"] as? String == claim["sentence"] as? String)
            #expect((appearance["url"] as? String)?.hasSuffix("/" + (claim["doc"] as! String)) == true)
            let rating = try #require(review["reviewRating"] as? [String: Any])
            #expect(rating["alternateName"] as? String == names[claim["verdict"] as! String])
            #expect((properties["value"] as? NSNumber)?.doubleValue == (claim["value"] as? NSNumber)?.doubleValue)
            #expect((properties["end"] as? NSNumber)?.intValue == (claim["end"] as? NSNumber)?.intValue)
            for field in ["unit", "bound", "metric", "subject", "direction"] {
                #expect(properties[field] as? String == claim[field] as? String, "\(key) \(field)")
            }
            let period = claim["period"] as? [String: Any]
            #expect(properties["period_start"] as? String == period?["start"] as? String, "\(key) period")
            #expect(properties["period_end"] as? String == period?["end"] as? String, "\(key) period")
            #expect((properties["tolerance"] as? String)?.hasPrefix("[") == true || (properties["tolerance"] as? String)?.hasPrefix("(") == true)
        }
    }

    @Test("fail-on, baselines, isolated audits and json output", .enabled(if: present, "Corpus not present"))
    func options() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path("c.sqlite")
        let corpus = TestPaths.corpus.path
        #expect(try runProcess(binary, ["audit", corpus, "--store", store, "--quiet", "--fail-on", "never", "--format", "jsonl"]).status == 0)
        let baseline = folder.path("baseline.jsonl")
        let first = try runProcess(binary, ["audit", corpus, "--store", store, "--quiet", "--format", "jsonl", "--write-baseline", baseline])
        #expect(first.status == 1)
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == first.stdout)
        let accepted = try runProcess(binary, ["audit", corpus, "--store", store, "--quiet", "--format", "jsonl", "--baseline", baseline])
        #expect(accepted.status == 0)
        #expect(accepted.stdout.isEmpty)
        // a baseline of bare ids works the same
        let ids = try Self.ids(first.stdout).joined(separator: "\n")
        _ = try folder.write("ids.txt", ids + "\n")
        #expect(try runProcess(binary, ["audit", corpus, "--store", store, "--quiet", "--baseline", folder.path("ids.txt")]).status == 0)
        // one clean article on its own: nothing to report
        let clean = TestPaths.corpus.appendingPathComponent("daily-close-oct9.txt").path
        let alone = try runProcess(binary, ["audit", clean, "--store", folder.path("one.sqlite"), "--quiet", "--isolated"])
        #expect(alone.status == 0, "\(alone.stdout)")
        #expect(alone.stdout.hasSuffix("no findings\n"))
        let json = try runProcess(binary, ["audit", corpus, "--store", store, "--quiet", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["documents"] as? Int == 14)
        #expect((summary["findings"] as? [String: Int])?["arithmetic"] == 1)
        #expect((object["findings"] as? [Any])?.count == 8)
    }

    @Test("bad input: an unreadable --data folder or baseline exits 2; a missing input is reported and the rest audited")
    func badInput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("a.txt", "The S&P 500 rose 1.2% on Monday.\n")
        let data = try runProcess(binary, ["audit", folder.path("a.txt"), "--store", folder.path("s.sqlite"), "--data", folder.path("none")])
        #expect(data.status == 2)
        #expect(data.stderr.contains("no such folder"))
        let baseline = try runProcess(binary, ["audit", folder.path("a.txt"), "--store", folder.path("s.sqlite"), "--baseline", folder.path("none.jsonl")])
        #expect(baseline.status == 2)
        let missing = try runProcess(binary, ["audit", folder.path("a.txt"), folder.path("gone.txt"), "--store", folder.path("s.sqlite"), "--quiet"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("gone.txt"))
        #expect(missing.stdout.contains("1 documents, 1 claims"))
    }

    static func ids(_ jsonl: String) throws -> [String] {
        try jsonl.split(separator: "\n").map { line in
            let f = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(f["id"] as? String)
        }
    }
}
