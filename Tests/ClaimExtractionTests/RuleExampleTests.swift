import ClaimExtraction
import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
@testable import Recognizers
import Testing

/// Every rule of the catalog (`RuleCatalog`) proved by name on examples of our own
/// (`Corpus/rules/*.tsv`), Duckling-style: each claim-rule example must produce a claim whose
/// field was decided by that rule, with the fields its checks name; each recognizer example must
/// give a mention made by that rule, resolving as expected. A rule without an example fails.
@Suite("Rule examples")
struct RuleExampleTests {
    static let folder = TestPaths.corpus.appendingPathComponent("rules")
    static let present = TestPaths.exists(folder)

    typealias Example = ExampleLine

    static func load(_ include: (String) -> Bool) -> [Example] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".tsv") && include($0) }.flatMap { ExampleLine.load(folder, $0) }
    }

    static let claimExamples = load { $0 != "recognizers.tsv" && $0 != "checks.tsv" }  // checks.tsv: CheckExampleTests
    static let recognizerExamples = load { $0 == "recognizers.tsv" }

    @Test("every rule of the catalog has an example of its own, and every example names a rule of the catalog",
          .enabled(if: present, "Corpus/rules not present"))
    func everyRuleHasAnExample() {
        let named = Set((Self.claimExamples + Self.recognizerExamples).map { $0[0] })
        for rule in RuleCatalog.all {
            #expect(named.contains(rule.id), "rule \(rule.id) (\(rule.field)) has no example in Corpus/rules")
        }
        for e in Self.claimExamples + Self.recognizerExamples {
            #expect(RuleCatalog.rule(e[0]) != nil, "\(e.testDescription): no rule \(e[0]) in the catalog")
        }
    }

    /// A claim field as the checks write it.
    static func field(_ c: Claim, _ name: String) -> String? {
        switch name {
        case "subject": return c.subject ?? "null"
        case "metric": return c.metric.rawValue
        case "direction": return c.direction?.rawValue ?? "null"
        case "unit": return c.unit.rawValue
        case "period": return c.period.map { $0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)" } ?? "null"
        case "bound": return c.bound.rawValue
        default: return nil
        }
    }

    @Test("claim rule examples", .enabled(if: present, "Corpus/rules not present"), arguments: claimExamples)
    func claimRule(_ e: Example) throws {
        let rule = try #require(RuleCatalog.rule(e[0]), "\(e.testDescription): unknown rule")
        // the text, with `\n` turned into line breaks (and a final one)
        let text = e[2].replacingOccurrences(of: "\\n", with: "\n") + "\n"
        var document = try DocumentReader().read(Array(text.utf8), fileName: "example.txt")
        document.metadata.published = CalendarDate(iso: e[1])
        let claims = ClaimExtractor().extract(document, doc: "example.txt")
        let c = try #require(claims.first { $0.quote == e[3] },
                             "\(e.testDescription): no claim quoted \(e[3]) among \(claims.map(\.quote))")
        let decided = c.rules[rule.field] ?? "none"
        #expect(RuleCatalog.rule(decided)?.id == rule.id, "\(e.testDescription): \(rule.field) decided by \(decided), not \(rule.id)")
        for check in e[4].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !check.isEmpty {
            let parts = check.split(separator: "=", maxSplits: 1).map(String.init)
            try #require(parts.count == 2, "\(e.testDescription): bad check \(check)")
            if parts[0] == "value" {
                #expect(abs(c.value - (Double(parts[1]) ?? .nan)) < 1e-9 * max(1, abs(c.value)), "\(e.testDescription): value \(c.value), expected \(parts[1])")
            } else {
                let got = try #require(Self.field(c, parts[0]), "\(e.testDescription): unknown field \(parts[0])")
                // a one-day period may be written START or START..START
                var wanted = parts[1]
                let ends = wanted.components(separatedBy: "..")
                if ends.count == 2, ends[0] == ends[1] { wanted = ends[0] }
                #expect(got == wanted, "\(e.testDescription): \(parts[0]) \(got), expected \(parts[1])")
            }
        }
    }

    @Test("recognizer rule examples", .enabled(if: present, "Corpus/rules not present"), arguments: recognizerExamples)
    func recognizerRule(_ e: Example) throws {
        let rule = try #require(RuleCatalog.rule(e[0]), "\(e.testDescription): unknown rule")
        let context = RecognizerContext(documentDate: CalendarDate(iso: e[1]))
        let a = SentenceAnalyzer.analyze(e[2], context)
        let expect = e[4]
        switch rule.field {
        case "period-mention" where rule.id == "period.invalid":
            #expect(a.invalidPeriods.contains { a.text($0.lowerBound, $0.upperBound) == e[3] },
                    "\(e.testDescription): \(e[3]) not among the invalid periods \(a.invalidPeriods.map { a.text($0.lowerBound, $0.upperBound) })")
            #expect(!a.periods.contains { a.text($0.start, $0.end) == e[3] }, "\(e.testDescription): \(e[3]) made a period")
        case "period-mention":
            let p = try #require(a.periods.first { a.text($0.start, $0.end) == e[3] },
                                 "\(e.testDescription): no period \(e[3]) among \(a.periods.map { a.text($0.start, $0.end) })")
            #expect(p.rule == rule.id, "\(e.testDescription): made by \(p.rule)")
            let resolved = p.period.map { $0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)" } ?? "unresolved"
            if expect != "-" { #expect(resolved == expect, "\(e.testDescription): \(resolved), expected \(expect)") }
        case "entity":
            let m = try #require(a.entities.first { a.text($0.start, $0.end) == e[3] },
                                 "\(e.testDescription): no entity \(e[3]) among \(a.entities.map { a.text($0.start, $0.end) })")
            #expect(m.rule == rule.id, "\(e.testDescription): made by \(m.rule)")
            if expect != "-" { #expect(m.entity.id == expect, "\(e.testDescription): \(m.entity.id), expected \(expect)") }
        default:
            let q = try #require(a.quantities.first { a.text($0.spanStart, $0.spanEnd) == e[3] },
                                 "\(e.testDescription): no number \(e[3]) among \(a.quantities.map { a.text($0.spanStart, $0.spanEnd) })")
            #expect(q.rules.contains { RuleCatalog.rule($0)?.id == rule.id }, "\(e.testDescription): rules \(q.rules)")
            if expect != "-" {
                // "VALUE UNIT" or "LOW–HIGH UNIT", compared as numbers
                let parts = expect.split(separator: " ").map(String.init)
                let values = parts[0].split(separator: "–").compactMap { Double($0) }
                #expect(abs(q.value - (values.first ?? .nan)) < 1e-9 * max(1, abs(q.value)), "\(e.testDescription): value \(q.value)")
                if values.count == 2 { #expect(q.valueHigh.map { abs($0 - values[1]) < 1e-9 * max(1, abs($0)) } == true, "\(e.testDescription): high end \(String(describing: q.valueHigh))") }
                if parts.count > 1 { #expect(q.unit?.rawValue == parts[1], "\(e.testDescription): unit \(q.unit?.rawValue ?? "nil")") }
            }
        }
    }

    /// The rule ids written in the sources of the recognizers and the claim rules.
    static func sourceRuleIDs() -> [String] {
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        var ids = Set<String>()
        let pattern = try! Regex(#""((?:subject|metric|period|direction|table|unit|ticker|scale|currency|range|role|sign|number)[.][a-z0-9-]+)"#)
        for module in ["ClaimExtraction", "Recognizers"] {
            let folder = sources.appendingPathComponent(module)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".swift") && name != "EmbeddedLexicons.swift" {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                for m in text.matches(of: pattern) { ids.insert(String(m.output[1].substring ?? "")) }
            }
        }
        return ids.sorted()
    }

    @Test("every rule id written in the sources is in the catalog",
          .enabled(if: TestPaths.exists(TestPaths.packageRoot.appendingPathComponent("Sources")), "Sources not present"))
    func sourcesUseCatalogIDs() {
        // prefixes the rules test against ("period.default" for both defaults) are not rules
        let prefixes: Set<String> = ["period.default"]
        for id in Self.sourceRuleIDs() where !prefixes.contains(id) {
            #expect(RuleCatalog.rule(id) != nil, "rule \(id) is written in Sources but is not in RuleCatalog")
        }
    }
}
