import ClaimExtraction
import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// Quantities of general financial news (`Corpus/recognizers/news.tsv`): counts with their noun,
/// money in any currency and in cents or pence, percent in all its spellings, ranges sharing a
/// scale, "point" read by what it is a point of, scale words and suffixes, subjects no lexicon
/// knows, and the numbers that are no claim (ages, temperatures, distances, times, names). Each
/// line is one sentence of our own read as a whole document; a claim line must give a claim with
/// that exact quote and those fields, a `nonclaim.*` line must give no claim over its number.
@Suite("News quantities")
struct NewsQuantityTests {
    static let folder = TestPaths.corpus.appendingPathComponent("recognizers")
    static let present = TestPaths.exists(folder.appendingPathComponent("news.tsv"))
    static let examples = ExampleLine.load(folder, "news.tsv")

    static func claims(_ text: String) throws -> [Claim] {
        var document = try DocumentReader().read(Array((text + "\n").utf8), fileName: "news.txt")
        document.metadata.published = CalendarDate(iso: "2025-06-02")
        return ClaimExtractor().extract(document, doc: "news.txt")
    }

    @Test("every class of the issue has at least ten examples", .enabled(if: present, "Corpus/recognizers/news.tsv not present"))
    func classes() {
        let counts = Dictionary(grouping: Self.examples, by: { $0[0] }).mapValues(\.count)
        for name in ["count.noun", "money.currency", "money.minor", "percent.spelling", "range.shared", "point.reading",
                     "nonclaim.measure", "scale.suffix", "subject.unlisted"] {
            #expect((counts[name] ?? 0) >= 10, "\(name): \(counts[name] ?? 0) examples")
        }
    }

    @Test("news examples", .enabled(if: present, "Corpus/recognizers/news.tsv not present"), arguments: examples)
    func example(_ e: ExampleLine) throws {
        let found = try Self.claims(e[1])
        if e[0].hasPrefix("nonclaim") {
            // the number's place in the sentence, in scalars (the document is the sentence)
            let scalars = Array(e[1].unicodeScalars), needle = Array(e[2].unicodeScalars)
            let start = try #require((0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle },
                                     "\(e.testDescription): \(e[2]) is not in the sentence")
            let end = start + needle.count
            let over = found.filter { $0.start < end && start < $0.end }
            #expect(over.isEmpty, "\(e.testDescription): \(over.map { "\($0.quote) \($0.unit.rawValue)" })")
            return
        }
        let c = try #require(found.first { $0.quote == e[2] }, "\(e.testDescription): no claim \(e[2]) among \(found.map(\.quote))")
        let value = try #require(Double(e[3]), "\(e.testDescription): bad value \(e[3])")
        #expect(abs(abs(c.value) - value) <= 1e-9 * max(1, value), "\(e.testDescription): value \(c.value), expected \(e[3])")
        #expect(c.unit.rawValue == e[4], "\(e.testDescription): unit \(c.unit.rawValue), expected \(e[4])")
        #expect(c.bound.rawValue == e[5], "\(e.testDescription): bound \(c.bound.rawValue), expected \(e[5])")
        if !e[6].isEmpty {
            #expect(c.valueHigh == Double(e[6]), "\(e.testDescription): high end \(String(describing: c.valueHigh)), expected \(e[6])")
        }
        for check in e[7].split(separator: ";") where !check.isEmpty {
            let parts = check.split(separator: "=", maxSplits: 1).map(String.init)
            try #require(parts.count == 2, "\(e.testDescription): bad check \(check)")
            let got: String?
            switch parts[0] {
            case "unit_text": got = c.unitText
            case "subject_text": got = c.subjectText
            case "subject": got = c.subject
            default: Issue.record("\(e.testDescription): unknown check \(parts[0])"); continue
            }
            #expect(got == parts[1], "\(e.testDescription): \(parts[0]) \(got ?? "nil"), expected \(parts[1])")
        }
    }
}
