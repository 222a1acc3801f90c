import ClaimExtraction
import ClaimModel
import Foundation

/// What `claims explain` prints: the rule catalogue, the mentions and claims of a sentence with
/// the rule behind each field, and why a finding was reported.
public enum Explanation {
    /// Every rule, grouped by the field it decides: id, provenance, what it matches; then the
    /// checks.
    public static func rules() -> String {
        var out = ""
        var field = ""
        for r in RuleCatalog.all + RuleCatalog.checks.map({ Rule($0.id, "check (\($0.field))", nil, $0.summary) }) {
            if r.field != field {
                field = r.field
                out += (out.isEmpty ? "" : "\n") + "\(field):\n"
            }
            out += "  \(r.id)\(r.provenance.map { "  [\($0.rawValue)]" } ?? "")  \(r.summary)\n"
        }
        return out
    }

    /// The mentions the recognizers found in `sentence` (a short text is read sentence by
    /// sentence), then each claim with the rule and provenance of each field.
    public static func sentence(_ sentence: String, _ setup: ExtractionSetup) -> String {
        let e = setup.extractor.explain(sentence, date: setup.settings.date)
        var out = "mentions:\n"
        for m in e.mentions { out += "  " + m + "\n" }
        out += "claims:\n"
        if e.claims.isEmpty { out += "  (none)\n" }
        for c in e.claims {
            out += "  \(c.quote)  value \(ClaimOutput.number(c.value))\(c.valueHigh.map { "–" + ClaimOutput.number($0) } ?? "") \(c.unit.rawValue) \(c.bound.rawValue)"
            out += "  subject \(c.subject ?? "null")\(c.subjectText.map { " (\($0))" } ?? "")  metric \(c.metric.rawValue)"
            out += "  period \(period(c.period))  direction \(c.direction?.rawValue ?? "null")"
            if c.forecast { out += "  forecast" }
            if c.hypothetical { out += "  hypothetical" }
            out += "\n"
            for (field, rule) in c.rules.sorted(by: { $0.key < $1.key }) {
                out += "      \(field): \(rule)\(c.provenance(of: field).map { " (\($0.rawValue))" } ?? "")\n"
            }
        }
        return out
    }

    /// Why `f` was reported: the check, each claim with its fields' rules and provenance, the
    /// computation, the tolerance, the caveat, the inferred fields and the market data used.
    public static func finding(_ f: Finding) -> String {
        var out = "finding \(f.id): \(f.kind.rawValue), \(f.severity.rawValue)\n"
        out += "check \(f.rule)\(RuleCatalog.check(f.rule).map { ": " + $0.summary } ?? "")\n"
        out += "claims:\n"
        for (n, c) in f.claims.enumerated() {
            out += "  \(n == 0 ? "✗" : "·") \(c.doc) \"\(c.quote)\"  value \(ClaimOutput.number(c.value)) \(c.unit.rawValue) \(c.bound.rawValue)"
            out += "  subject \(c.subject ?? "null")  metric \(c.metric.rawValue)  period \(period(c.period))\(c.verdict.map { "  [\($0.rawValue)]" } ?? "")\n"
            out += "      sentence: \(c.sentence)\n"
            for (field, rule) in c.rules.sorted(by: { $0.key < $1.key }) where field != "value" {
                out += "      \(field): \(rule)\(c.provenance(of: field).map { " (\($0.rawValue))" } ?? "")\n"
            }
        }
        out += "explanation: \(f.explanation)\n"
        if let x = f.computed { out += "computed: \(ClaimOutput.number((x * 1e6).rounded() / 1e6))\n" }
        out += "tolerance: \(f.tolerance)\n"
        if let caveat = f.caveat { out += "caveat: \(caveat)\n" }
        out += "inferred: \(f.inferred.isEmpty ? "none (every key field read in its own clause)" : f.inferred.joined(separator: "; "))\n"
        for i in f.inputs { out += "data: \(i.symbol) \(i.date) \(ClaimOutput.number(i.value)) (\(i.role))\n" }
        return out
    }

    /// A period as `start..end`, a day as itself, none as `null`.
    static func period(_ p: Period?) -> String {
        p.map { $0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)" } ?? "null"
    }
}
