import ClaimExtraction
import ClaimModel
import ClaimsKit
import ClaimsTestSupport
import Foundation
import Testing

/// The claims of the Corpus articles, checked by hand into `Corpus/expected/*.claims.jsonl`:
/// every expected claim must come out with the same fields, and nothing else may.
@Suite("Corpus claims")
struct CorpusClaimsTests {
    static let present = TestPaths.exists(TestPaths.corpus.appendingPathComponent("expected"))

    /// The scored fields of a claim in JSON form, as one comparable line.
    static func key(_ o: [String: Any]) -> String {
        func s(_ k: String) -> String { (o[k] as? String) ?? "null" }
        func n(_ k: String) -> String { (o[k] as? NSNumber).map { String(format: "%.6f", $0.doubleValue) } ?? "null" }
        func b(_ k: String) -> String { (o[k] as? Bool).map { $0 ? "true" : "false" } ?? "false" }
        let doc = ((s("doc") as NSString).lastPathComponent as NSString).deletingPathExtension
        var period = "null"
        if let p = o["period"] as? [String: Any] { period = "\(p["start"] ?? "?")..\(p["end"] ?? "?")" }
        return [doc, s("quote"), n("start"), n("end"), n("value"), n("value_high"), s("unit"), s("bound"), s("subject"),
                s("metric"), period, s("direction"), b("forecast"), b("hypothetical")].joined(separator: " | ")
    }

    static func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test("every Corpus article gives exactly its expected claims", .enabled(if: present, "Corpus/expected not present"))
    func corpus() throws {
        let expectedFolder = TestPaths.corpus.appendingPathComponent("expected")
        var expected: [String] = []
        for folder in [expectedFolder, expectedFolder.appendingPathComponent("notes")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".claims.jsonl") {
                expected += try Self.lines(folder.appendingPathComponent(name)).map(Self.key)
            }
        }
        #expect(expected.count >= 200)

        let (inputs, errors) = InputDiscovery.discover([TestPaths.corpus.path])
        #expect(errors.isEmpty)
        let run = ExtractRun(loader: DocumentLoader(date: nil, sidecars: Sidecar.load(for: inputs)), jobs: 2)
        var predicted: [String] = []
        run.run(inputs) { outcome in
            if case .success(let claims) = outcome.result {
                predicted += claims.map { Self.key(try! JSONSerialization.jsonObject(with: Data(ClaimOutput.json($0).utf8)) as! [String: Any]) }
            }
        }
        let missing = expected.filter { !predicted.contains($0) }
        let extra = predicted.filter { !expected.contains($0) }
        #expect(missing.isEmpty, "expected but not extracted:\n\(missing.joined(separator: "\n"))")
        #expect(extra.isEmpty, "extracted but not expected:\n\(extra.joined(separator: "\n"))")
    }
}

/// The output formats: JSON Lines exactly per `../shared/contracts/claims-jsonl.md`, CSV with
/// RFC 4180 quoting, and the aligned text table.
@Suite("Claim output")
struct ClaimOutputTests {
    static let claim = Claim(doc: "notes/q3.txt", quote: "11.2%", start: 32, end: 37,
                             sentence: "The Nasdaq \"Composite\" surged 11.2% in Q3 2025,\nup\tsharply.", value: 11.2, valueHigh: nil,
                             unit: .percent, bound: .exact, subject: "IXIC", subjectText: "Nasdaq Composite", metric: .return,
                             period: Period(start: CalendarDate(year: 2025, month: 7, day: 1)!, end: CalendarDate(year: 2025, month: 9, day: 30)!, text: "Q3 2025"),
                             direction: .up, forecast: false, hypothetical: false, rules: ["subject": "subject.clause", "metric": "metric.move"])

    @Test("a JSON line has the contract's fields, in its order, with nulls rather than missing keys")
    func jsonFields() throws {
        let line = ClaimOutput.json(Self.claim)
        #expect(!line.contains("\n"))
        // the keys in the order written: the contract's, then ours
        let keys = try NSRegularExpression(pattern: "\"([a-z_]+)\":").matches(in: line, range: NSRange(line.startIndex..., in: line))
            .map { String(line[Range($0.range(at: 1), in: line)!]) }
        #expect(Array(keys.prefix(15)) == ["doc", "quote", "start", "end", "sentence", "value", "unit", "bound", "subject", "subject_text",
                                           "metric", "period", "start", "end", "text"])
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(o["sentence"] as? String == Self.claim.sentence)
        #expect(o["value"] as? Double == 11.2)
        #expect(o["direction"] as? String == "up")
        #expect((o["rules"] as? [String: String])?["metric"] == "metric.move")

        var unknown = Self.claim
        unknown.subject = nil
        unknown.period = nil
        unknown.direction = nil
        let u = try JSONSerialization.jsonObject(with: Data(ClaimOutput.json(unknown, rules: false).utf8)) as! [String: Any]
        for key in ["subject", "period", "direction"] { #expect(u[key] is NSNull, "\(key) must be null, not missing") }
        #expect(u["rules"] == nil)
    }

    @Test("ranges carry value_high; a value that is not finite is written null, never inf")
    func numbers() throws {
        var range = Self.claim
        range.value = 4
        range.valueHigh = 4.25
        range.bound = .range
        #expect(ClaimOutput.json(range).contains("\"value\":4,\"value_high\":4.25,"))
        var broken = Self.claim
        broken.value = .infinity
        #expect(ClaimOutput.json(broken).contains("\"value\":null"))
        #expect(!ClaimOutput.json(broken).contains("inf"))
    }

    @Test("CSV quotes cells with commas, quotes and line breaks")
    func csv() throws {
        let line = ClaimOutput.csv(Self.claim)
        #expect(line.hasPrefix("notes/q3.txt,11.2%,32,37,11.2,,percent,exact,IXIC,Nasdaq Composite,return,2025-07-01,2025-09-30,Q3 2025,up,false,false,"))
        #expect(line.hasSuffix("\"The Nasdaq \"\"Composite\"\" surged 11.2% in Q3 2025,\nup\tsharply.\""))
        #expect(ClaimOutput.csvHeader.split(separator: ",").count == 18)
    }
}
