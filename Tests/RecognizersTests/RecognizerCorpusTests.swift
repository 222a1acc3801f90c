import ClaimModel
import ClaimsTestSupport
import Foundation
@testable import Recognizers
import Testing

/// Duckling-style example corpora (`Corpus/recognizers/*.tsv`): every positive example must give
/// exactly one mention of its dimension, covering the whole input, with the expected value; every
/// negative example must give none. One generic runner goes through all of them.
@Suite("Recognizer corpora")
struct RecognizerCorpusTests {
    static let folder = TestPaths.corpus.appendingPathComponent("recognizers")
    static let present = TestPaths.exists(folder)

    /// One example line of a table.
    typealias Example = ExampleLine

    static func load(_ name: String) -> [Example] { ExampleLine.load(folder, name) }

    static let quantities = load("quantity.tsv")
    static let periods = load("period.tsv")
    static let entities = load("entity.tsv")
    static let negatives = load("negative.tsv")

    static let context = RecognizerContext(documentDate: CalendarDate(iso: "2025-10-01"))

    /// True when a mention covers the whole example except a leading article or preposition
    /// ("the S&P 500", "in 2024") or the parentheses around a ticker ("(NYSE: DOW)"), which
    /// the examples include but mentions leave out.
    static func coversAllBut(_ a: SentenceAnalysis, _ start: Int, _ end: Int) -> Bool {
        var s = 0, e = a.tokens.count
        if s < start, ["the", "in", "on", "during", "for", "over"].contains(a.text(s).lowercased()) { s += 1 }
        if s < start, a.text(s) == "(" { s += 1 }
        if e > end, a.text(e - 1) == ")" { e -= 1 }
        return s == start && e == end
    }

    @Test("the corpora hold at least 300 positive and 100 negative examples", .enabled(if: present, "Corpus/recognizers not present"))
    func sizes() {
        #expect(Self.quantities.count + Self.periods.count + Self.entities.count >= 300)
        #expect(Self.negatives.count >= 100)
    }

    @Test("quantity examples", .enabled(if: present, "Corpus/recognizers not present"), arguments: quantities)
    func quantity(_ e: Example) throws {
        let a = SentenceAnalyzer.analyze(e.text, Self.context)
        let found = a.quantities.filter { $0.role == .quantity }
        try #require(found.count == 1, "\(e.testDescription): \(found.isEmpty ? "empty" : "ambiguous") (\(a.quantities.map { "\($0.role.rawValue) \(a.text($0.spanStart, $0.spanEnd))" }))")
        let m = found[0]
        #expect(m.spanStart == 0 && m.spanEnd == a.tokens.count, "\(e.testDescription): partial, covers \(a.text(m.spanStart, m.spanEnd))")
        #expect(abs(m.value - (Double(e[1]) ?? .nan)) <= 1e-9 * max(1, abs(m.value)), "\(e.testDescription): value \(m.value), expected \(e[1])")
        #expect(m.unit?.rawValue == e[2], "\(e.testDescription): unit \(m.unit?.rawValue ?? "nil"), expected \(e[2])")
        #expect(m.bound.rawValue == e[3], "\(e.testDescription): bound \(m.bound.rawValue), expected \(e[3])")
        if !e[4].isEmpty {
            #expect(m.valueHigh == Double(e[4]), "\(e.testDescription): high end \(String(describing: m.valueHigh)), expected \(e[4])")
        }
    }

    @Test("period examples", .enabled(if: present, "Corpus/recognizers not present"), arguments: periods)
    func period(_ e: Example) throws {
        let context = RecognizerContext(documentDate: CalendarDate(iso: e[1]))
        let a = SentenceAnalyzer.analyze(e.text, context)
        try #require(a.periods.count == 1, "\(e.testDescription): \(a.periods.isEmpty ? "empty" : "ambiguous") (\(a.periods.map { a.text($0.start, $0.end) }))")
        let p = a.periods[0]
        #expect(Self.coversAllBut(a, p.start, p.end), "\(e.testDescription): partial, covers \(a.text(p.start, p.end))")
        #expect(p.period?.start.description == e[2] && p.period?.end.description == e[3],
                "\(e.testDescription): \(p.period.map { "\($0.start)..\($0.end)" } ?? "nil"), expected \(e[2])..\(e[3]) (\(p.kind.rawValue))")
    }

    @Test("entity examples", .enabled(if: present, "Corpus/recognizers not present"), arguments: entities)
    func entity(_ e: Example) throws {
        let a = SentenceAnalyzer.analyze(e.text, Self.context)
        try #require(a.entities.count == 1, "\(e.testDescription): \(a.entities.isEmpty ? "empty" : "ambiguous") (\(a.entities.map { "\($0.entity.id) \(a.text($0.start, $0.end))" }))")
        let m = a.entities[0]
        #expect(Self.coversAllBut(a, m.start, m.end), "\(e.testDescription): partial, covers \(a.text(m.start, m.end))")
        #expect(m.entity.id == e[1], "\(e.testDescription): \(m.entity.id), expected \(e[1])")
    }

    @Test("negative examples", .enabled(if: present, "Corpus/recognizers not present"), arguments: negatives)
    func negative(_ e: Example) {
        let text = e[1]
        let a = SentenceAnalyzer.analyze(text, Self.context)
        switch e[0] {
        case "quantity":
            let found = a.quantities.filter { $0.role == .quantity }
            #expect(found.isEmpty, "\(e.testDescription): found \(found.map { a.text($0.spanStart, $0.spanEnd) })")
        case "period":
            #expect(a.periods.isEmpty, "\(e.testDescription): found \(a.periods.map { a.text($0.start, $0.end) })")
        case "entity":
            #expect(a.entities.isEmpty, "\(e.testDescription): found \(a.entities.map { $0.entity.id })")
        default:
            Issue.record("\(e.testDescription): unknown dimension \(e[0])")
        }
    }
}

extension ExampleLine {
    /// The text a recognizer example reads: its first column.
    var text: String { self[0] }
}
