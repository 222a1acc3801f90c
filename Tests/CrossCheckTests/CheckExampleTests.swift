import ClaimExtraction
import ClaimModel
import ClaimsTestSupport
@testable import CrossCheck
import DocumentText
import Foundation
import MarketMetrics
import Testing

/// Every check of the cross-check proved by examples of our own (`Corpus/rules/checks.tsv`), in
/// the shape of the extraction rules' examples: texts are extracted as the audit extracts them,
/// cross-checked, and must give a finding made by that check, with the severity given.
@Suite("Check examples")
struct CheckExampleTests {
    static let file = TestPaths.corpus.appendingPathComponent("rules")
    static let present = TestPaths.exists(file.appendingPathComponent("checks.tsv"))
    static let examples = ExampleLine.load(file, "checks.tsv")

    static func claims(_ text: String, doc: String, date: String) throws -> [CheckClaim] {
        let body = text.replacingOccurrences(of: "\\n", with: "\n") + "\n"
        var document = try DocumentReader().read(Array(body.utf8), fileName: doc)
        document.metadata.published = CalendarDate(iso: date)
        return ClaimExtractor().extract(document, doc: doc).map { CheckClaim(document: doc, claim: $0) }
    }

    @Test("every check has an example, and every example names a check", .enabled(if: present, "Corpus/rules/checks.tsv not present"))
    func coverage() {
        let named = Set(Self.examples.map { $0[0] })
        for check in RuleCatalog.checks { #expect(named.contains(check.id), "check \(check.id) has no example") }
        for e in Self.examples { #expect(RuleCatalog.check(e[0]) != nil, "\(e.testDescription): no check \(e[0])") }
    }

    @Test("a defined term the text only says is near, or applies to a move past the floor, is no finding",
          .enabled(if: present, "Corpus/rules/checks.tsv not present"))
    func definitionTraps() throws {
        for text in ["A correction is a drop of 10% or more from a recent high.\\nThe Nasdaq Composite is near a correction on Friday after falling 8.5% from its peak.",
                     "A correction is a drop of 10% or more from a recent high.\\nThe Nasdaq Composite entered a correction on Friday after falling 11.2% from its peak."] {
            let result = CrossChecker().check(try Self.claims(text, doc: "a.txt", date: "2025-10-13"))
            #expect(!result.findings.contains { $0.rule == "arithmetic.definition" }, "\(text): \(result.findings.map(\.explanation))")
        }
    }

    @Test("check examples", .enabled(if: present, "Corpus/rules/checks.tsv not present"), arguments: examples)
    func example(_ e: ExampleLine) throws {
        var input = try Self.claims(e[2], doc: "a.txt", date: e[1])
        if e[3] != "-" { input += try Self.claims(e[3], doc: "b.txt", date: e[1]) }
        let data = e[4] == "market" ? try MarketData.load(folder: TestPaths.corpus.appendingPathComponent("market").path) : nil
        let result = CrossChecker(data: data).check(input)
        let made = result.findings.filter { $0.rule == e[0] }
        try #require(!made.isEmpty, "\(e.testDescription): no \(e[0]) finding among \(result.findings.map { "\($0.rule) \($0.explanation)" }) from \(input.map { "\($0.claim.quote) \($0.claim.subject ?? "-") \($0.claim.metric.rawValue)" })")
        #expect(made.contains { $0.severity.rawValue == e[5] }, "\(e.testDescription): severities \(made.map(\.severity.rawValue)), expected \(e[5])")
        #expect(made.allSatisfy { RuleCatalog.check($0.rule)?.field == $0.kind.rawValue }, "\(e.testDescription): kind \(made.map(\.kind.rawValue))")
    }
}
