import ClaimExtraction
import ClaimModel
import ClaimStore
@testable import ClaimsKit
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// The rules' version stored with every document follows the rules: a change that changes the
/// claims extracted from the Corpus or from the rule examples (which exercise every rule) must
/// raise `Pipeline.codeVersion` (and record the new claims'
/// fingerprint), so that the next ingest re-extracts a database stored with the old rules.
@Suite("Pipeline version")
struct PipelineVersionTests {
    static let record = TestPaths.corpus.appendingPathComponent("expected/pipeline.tsv")
    static let present = TestPaths.exists(TestPaths.corpus.appendingPathComponent("expected"))

    /// A fingerprint of every claim the Corpus gives, all fields and rules, in a stable order.
    static func corpusFingerprint() -> (String, Int) {
        let (inputs, _) = InputDiscovery.discover([TestPaths.corpus.path])
        let run = ExtractRun(loader: DocumentLoader(date: nil, sidecars: Sidecar.load(for: inputs)), jobs: 2)
        var lines: [String] = []
        run.run(inputs) { outcome in
            if case .success(let claims) = outcome.result {
                // the document's name without its folder: the same wherever the Corpus lies
                lines += claims.map { c in
                    var c = c
                    c.doc = (c.doc as NSString).lastPathComponent
                    return ClaimOutput.json(c)
                }
            }
        }
        // and the claims of the rule examples (Corpus/rules), which exercise every rule by name
        let rules = TestPaths.corpus.appendingPathComponent("rules")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []).sorted()
        where name.hasSuffix(".tsv") && name != "recognizers.tsv" {
            for e in ExampleLine.load(rules, name) {
                guard let date = CalendarDate(iso: e[1]) else { continue }
                let body = e[2].replacingOccurrences(of: "\\n", with: "\n") + "\n"
                guard var document = try? DocumentReader().read(Array(body.utf8), fileName: "example.txt") else { continue }
                document.metadata.published = date
                lines += ClaimExtractor().extract(document, doc: "\(name):\(e.line)").map { ClaimOutput.json($0) }
            }
        }
        lines.sort()
        return (Pipeline.fingerprint(lines), lines.count)
    }

    @Test("the claims extracted from the Corpus and the rule examples are those recorded with this code version",
          .enabled(if: present, "Corpus/expected not present"))
    func versionFollowsClaims() throws {
        let (fingerprint, count) = Self.corpusFingerprint()
        let text = (try? String(contentsOf: Self.record, encoding: .utf8)) ?? ""
        var recorded: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", maxSplits: 1).map(String.init)
            if f.count == 2 { recorded[f[0]] = f[1] }
        }
        func lines(_ version: String) -> String { "code_version\t\(version)\nclaims\t\(fingerprint)\nclaim_count\t\(count)" }
        let wanted = lines(Pipeline.codeVersion)
        if recorded["code_version"] == Pipeline.codeVersion {
            #expect(recorded["claims"] == fingerprint, """
                The Corpus claims changed while Pipeline.codeVersion stayed \(Pipeline.codeVersion): raise it (so that \
                databases stored with the old rules are re-extracted) and record in Corpus/expected/pipeline.tsv:
                \(lines("<new version>"))
                """)
        } else {
            Issue.record("Pipeline.codeVersion is \(Pipeline.codeVersion) but Corpus/expected/pipeline.tsv records \(recorded["code_version"] ?? "none"); record:\n\(wanted)")
        }
        #expect(recorded["claim_count"] == String(count))
    }

    @Test("a database ingested with older rules is re-extracted by the next ingest, and only once")
    func olderRulesAreReExtracted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("articles/a.txt", "The S&P 500 rose 1.2% on Tuesday, October 7, 2025, to 6,740.28.\n")
        _ = try folder.write("articles/b.txt", "The Nasdaq Composite fell 0.8% on Friday, October 10, 2025.\n")
        let database = try ClaimDatabases.open(folder.path("claims.sqlite"))
        let (inputs, errors) = InputDiscovery.discover([folder.path("articles")])
        #expect(errors.isEmpty)
        var old = IngestRun(database: database, loader: DocumentLoader(date: nil, sidecars: [:]), jobs: 1)
        old.rulesVersion = "1"   // the version before the rule catalog
        let first = try old.run(inputs, arguments: ["ingest"])
        #expect(first.parsed == 2)

        let current = IngestRun(database: database, loader: DocumentLoader(date: nil, sidecars: [:]), jobs: 1)
        #expect(current.rulesVersion != old.rulesVersion)
        let second = try current.run(inputs, arguments: ["ingest"])
        #expect(second.parsed == 2, "both documents re-read under the new rules")
        let third = try current.run(inputs, arguments: ["ingest"])
        #expect(third.parsed == 0, "nothing re-read when neither the files nor the rules changed")
    }
}
