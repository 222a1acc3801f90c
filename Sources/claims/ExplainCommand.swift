import ArgumentParser
import ClaimExtraction
import ClaimModel
import ClaimsKit
import Foundation

extension Claims {
    /// `claims explain`: the mentions, rules and claims of one sentence.
    struct ExplainCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show the mentions found in a sentence, the rules that fired, and the claims that result.",
            discussion: "The tool to reach for when a claim comes out wrong: every entity, period, number and cue the recognizers found, with the rule names, then each claim with the rule behind each of its fields."
        )

        @Argument(help: "The sentence (or a short text; several sentences are read in order).")
        var sentence: String?

        @Flag(help: "List every rule instead: its id, the field it decides, where that field then comes from (read, carried, defaulted) and what it matches.")
        var rules = false

        @OptionGroup var documents: DocumentOptions

        func validate() throws {
            if !rules && sentence == nil { throw ValidationError("Give a sentence to explain, or --rules to list the rules.") }
        }

        func run() throws {
            if rules {
                var out = ""
                var field = ""
                for r in RuleCatalog.all {
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

/// Number formatting shared by the text outputs.
enum JSONNumber {
    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
