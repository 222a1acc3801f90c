import ArgumentParser
import ClaimExtraction
import ClaimModel
import ClaimsKit
import Foundation
import MarketMetrics

extension Claims {
    /// `claims explain`: the mentions, rules and claims of one sentence.
    struct ExplainCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show the mentions found in a sentence, the rules that fired, and the claims that result; or why a finding was reported.",
            discussion: """
            The tool to reach for when a claim comes out wrong: every entity, period, number and cue the \
            recognizers found, with the rule names, then each claim with the rule behind each of its fields. \
            With --finding ID (an id `claims audit` or `claims check` printed), the check that fired, the \
            claims it cites with the rule and provenance of each field, the arithmetic and the tolerance, \
            found again by checking the claims of the store.
            """
        )

        @Argument(help: "The sentence (or a short text; several sentences are read in order).")
        var sentence: String?

        @Flag(help: "List every rule instead: its id, the field it decides, where that field then comes from (read, carried, defaulted) and what it matches.")
        var rules = false

        @Option(name: .long, help: "Explain a finding instead: its id, as `claims audit` or `claims check` printed it.")
        var finding: String?

        @Option(name: .long, help: "With --finding: the market data folder the audit used, if any.")
        var data: String?

        @OptionGroup var documents: DocumentOptions
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if !rules && sentence == nil && finding == nil {
                throw ValidationError("Give a sentence to explain, --finding ID, or --rules to list the rules.")
            }
        }

        func run() throws {
            if let finding {
                try explain(finding: finding)
                return
            }
            if rules {
                var out = ""
                var field = ""
                for r in RuleCatalog.all + RuleCatalog.checks.map({ Rule($0.id, "check (\($0.field))", nil, $0.summary) }) {
                    if r.field != field {
                        field = r.field
                        out += (out.isEmpty ? "" : "\n") + "\(field):\n"
                    }
                    out += "  \(r.id)\(r.provenance.map { "  [\($0.rawValue)]" } ?? "")  \(r.summary)\n"
                }
                FileHandle.standardOutput.write(Data(out.utf8))
                return
            }
            guard let sentence else { return }
            let extractor = ClaimExtractor(lexicon: try documents.loadLexicon())
            let e = extractor.explain(sentence, date: documents.date)
            var out = "mentions:\n"
            for m in e.mentions { out += "  " + m + "\n" }
            out += "claims:\n"
            if e.claims.isEmpty { out += "  (none)\n" }
            for c in e.claims {
                let period = c.period.map { $0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)" } ?? "null"
                out += "  \(c.quote)  value \(JSONNumber.format(c.value))\(c.valueHigh.map { "–" + JSONNumber.format($0) } ?? "") \(c.unit.rawValue) \(c.bound.rawValue)"
                out += "  subject \(c.subject ?? "null")\(c.subjectText.map { " (\($0))" } ?? "")  metric \(c.metric.rawValue)"
                out += "  period \(period)  direction \(c.direction?.rawValue ?? "null")"
                if c.forecast { out += "  forecast" }
                if c.hypothetical { out += "  hypothetical" }
                out += "\n"
                for (field, rule) in c.rules.sorted(by: { $0.key < $1.key }) {
                    let provenance = c.provenance(of: field)
                    out += "      \(field): \(rule)\(provenance.map { " (\($0.rawValue))" } ?? "")\n"
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}

extension Claims.ExplainCommand {
    /// Prints why the finding `id` was reported: the check, each claim with its fields' rules and
    /// provenance, the computation, the tolerance, the caveat and the inferred fields.
    func explain(finding id: String) throws {
        let market = try data.map { folder -> MarketData in
            do { return try MarketData.load(folder: folder) } catch { throw ValidationError("--data \(folder): \(error)") }
        }
        var found: Finding?
        try StoreFailure.report {
            let report = try CheckRun(database: try storeOptions.open(), data: market).run()
            found = report.findings.first { $0.id == id || $0.id.hasPrefix(id) && id.count >= 6 }
        }
        guard let f = found else {
            StandardError.print("claims: no finding \(id) in the check of \(storeOptions.location) (run `claims audit` or `claims check` on it first; give --data if the audit had market data)")
            throw ExitCode(1)
        }
        var out = "finding \(f.id): \(f.kind.rawValue), \(f.severity.rawValue)\n"
        out += "check \(f.rule)\(RuleCatalog.check(f.rule).map { ": " + $0.summary } ?? "")\n"
        out += "claims:\n"
        for (n, c) in f.claims.enumerated() {
            let period = c.period.map { $0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)" } ?? "null"
            out += "  \(n == 0 ? "✗" : "·") \(c.doc) \"\(c.quote)\"  value \(JSONNumber.format(c.value)) \(c.unit.rawValue) \(c.bound.rawValue)"
            out += "  subject \(c.subject ?? "null")  metric \(c.metric.rawValue)  period \(period)\(c.verdict.map { "  [\($0.rawValue)]" } ?? "")\n"
            out += "      sentence: \(c.sentence)\n"
            for (field, rule) in c.rules.sorted(by: { $0.key < $1.key }) where field != "value" {
                out += "      \(field): \(rule)\(c.provenance(of: field).map { " (\($0.rawValue))" } ?? "")\n"
            }
        }
        out += "explanation: \(f.explanation)\n"
        if let x = f.computed { out += "computed: \(JSONNumber.format((x * 1e6).rounded() / 1e6))\n" }
        out += "tolerance: \(f.tolerance)\n"
        if let caveat = f.caveat { out += "caveat: \(caveat)\n" }
        out += "inferred: \(f.inferred.isEmpty ? "none (every key field read in its own clause)" : f.inferred.joined(separator: "; "))\n"
        for i in f.inputs { out += "data: \(i.symbol) \(i.date) \(JSONNumber.format(i.value)) (\(i.role))\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// Number formatting shared by the text outputs.
enum JSONNumber {
    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
