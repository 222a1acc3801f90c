import ClaimModel
import Foundation

/// Writes claims in the formats `claims extract` offers: JSON Lines exactly per the claims
/// contract, a JSON array, CSV, and aligned text for people.
///
/// JSON is written by hand rather than with `JSONEncoder`: the fields come out in the contract's
/// order, and the claims benchmark writes hundreds of thousands of lines.
public enum ClaimOutput {
    /// A number as the JSON output writes it (`7.4`, `10800000000`).
    public static func number(_ v: Double) -> String { JSONWriter.number(v) }

    /// A JSON string literal.
    public static func quoted(_ s: String) -> String { JSONWriter.quoted(s) }

    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object per claim, per `../shared/contracts/claims-jsonl.md`.
        case jsonl
        /// One JSON array of every claim.
        case json
        /// Comma-separated values with a header line.
        case csv
        /// Aligned columns for reading in a terminal.
        case text
    }

    /// One claim as a JSON object (no line break).
    public static func json(_ c: Claim, rules: Bool = true) -> String {
        var out: [UInt8] = []
        json(c, rules: rules, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one claim as a JSON object (no line break) to a byte buffer: the contract's fields
    /// in its order, written as a template of literal pieces and escaped values.
    public static func json(_ c: Claim, rules: Bool = true, into out: inout [UInt8]) {
        typealias W = JSONWriter
        W.literal("{\"doc\":", &out); W.quote(c.doc, into: &out)
        W.literal(",\"quote\":", &out); W.quote(c.quote, into: &out)
        W.literal(",\"start\":", &out); W.integer(c.start, &out)
        W.literal(",\"end\":", &out); W.integer(c.end, &out)
        W.literal(",\"sentence\":", &out); W.quote(c.sentence, into: &out)
        W.literal(",\"value\":", &out); W.number(c.value, &out)
        if let high = c.valueHigh { W.literal(",\"value_high\":", &out); W.number(high, &out) }
        W.literal(",\"unit\":", &out); W.quote(c.unit.rawValue, into: &out)
        if let noun = c.unitText { W.literal(",\"unit_text\":", &out); W.quote(noun, into: &out) }
        W.literal(",\"bound\":", &out); W.quote(c.bound.rawValue, into: &out)
        W.literal(",\"subject\":", &out); W.optional(c.subject, &out)
        W.literal(",\"subject_text\":", &out); W.optional(c.subjectText, &out)
        W.literal(",\"metric\":", &out); W.quote(c.metric.rawValue, into: &out)
        W.literal(",\"period\":", &out); W.period(c.period, &out)
        W.literal(",\"direction\":", &out); W.optional(c.direction?.rawValue, &out)
        W.literal(c.forecast ? ",\"forecast\":true" : ",\"forecast\":false", &out)
        W.literal(c.hypothetical ? ",\"hypothetical\":true" : ",\"hypothetical\":false", &out)
        if let v = c.verdict { W.literal(",\"verdict\":", &out); W.quote(v.rawValue, into: &out) }
        if rules && !c.rules.isEmpty {
            W.literal(",\"rules\":{", &out)
            for (n, (k, v)) in c.rules.sorted(by: { $0.key < $1.key }).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                W.quote(k, into: &out)
                out.append(UInt8(ascii: ":"))
                W.quote(v, into: &out)
            }
            W.literal("}", &out)
            // where each field came from (read, carried, defaulted), for a reader judging sureness
            var first = true
            for field in Claim.provenanceFields {
                guard let p = c.provenance(of: field) else { continue }
                W.literal(first ? ",\"provenance\":{" : ",", &out)
                first = false
                W.quote(field, into: &out)
                out.append(UInt8(ascii: ":"))
                W.quote(p.rawValue, into: &out)
            }
            if !first { W.literal("}", &out) }
        }
        W.literal("}", &out)
    }

    /// The CSV header.
    public static let csvHeader = "doc,quote,start,end,value,value_high,unit,bound,subject,subject_text,metric,period_start,period_end,period_text,direction,forecast,hypothetical,sentence"

    /// One claim as a CSV line (RFC 4180 quoting).
    public static func csv(_ c: Claim) -> String {
        func cell(_ s: String?) -> String {
            guard let s else { return "" }
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        return [cell(c.doc), cell(c.quote), String(c.start), String(c.end), JSONWriter.number(c.value),
                c.valueHigh.map(JSONWriter.number) ?? "", c.unit.rawValue, c.bound.rawValue, cell(c.subject), cell(c.subjectText),
                c.metric.rawValue, c.period.map { "\($0.start)" } ?? "", c.period.map { "\($0.end)" } ?? "", cell(c.period?.text),
                c.direction?.rawValue ?? "", c.forecast ? "true" : "false", c.hypothetical ? "true" : "false", cell(c.sentence)]
            .joined(separator: ",")
    }

    /// Claims as aligned columns: document, quote, subject, metric, value, period.
    public static func table(_ claims: [Claim]) -> String {
        let rows: [[String]] = [["doc", "quote", "subject", "metric", "value", "period", "direction"]] + claims.map { c in
            [c.doc, c.quote, c.subject ?? (c.subjectText.map { "(\($0))" } ?? "-"), c.metric.rawValue,
             JSONWriter.number(c.value) + (c.valueHigh.map { "–" + JSONWriter.number($0) } ?? "") + " " + c.unit.rawValue,
             c.period.map { $0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)" } ?? "-", c.direction?.rawValue ?? "-"]
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for r in rows { for (k, cell) in r.enumerated() { widths[k] = min(max(widths[k], cell.count), 48) } }
        return rows.map { r in
            r.enumerated().map { k, cell in
                let clipped = cell.count > 48 ? String(cell.prefix(47)) + "…" : cell
                return k == r.count - 1 ? clipped : clipped.padding(toLength: widths[k], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

/// Pieces of JSON written into a byte buffer, strings escaped per RFC 8259.
enum JSONWriter {
    /// Appends literal JSON text.
    @inline(__always)
    static func literal(_ s: StaticString, _ out: inout [UInt8]) {
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount { out.append(p[k]) }
    }

    /// Appends a string, or null.
    static func optional(_ s: String?, _ out: inout [UInt8]) {
        if let s { quote(s, into: &out) } else { literal("null", &out) }
    }

    /// Appends an integer.
    static func integer(_ v: Int, _ out: inout [UInt8]) { out.append(contentsOf: String(v).utf8) }

    /// Appends a number: integers without a fraction, others in Swift's shortest round-trip
    /// form; never `inf` or `nan` (written as null, which the contract's readers refuse loudly).
    static func number(_ v: Double, _ out: inout [UInt8]) {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { integer(Int(v), &out); return }
        out.append(contentsOf: number(v).utf8)
    }

    /// Appends a period as the contract writes it (`{"start", "end", "text"}`), or `null`.
    static func period(_ p: Period?, _ out: inout [UInt8]) {
        guard let p else { literal("null", &out); return }
        literal("{\"start\":\"", &out); date(p.start, &out)
        literal("\",\"end\":\"", &out); date(p.end, &out)
        literal("\",\"text\":", &out); optional(p.text, &out)
        literal("}", &out)
    }

    /// Appends a day as `YYYY-MM-DD`.
    static func date(_ d: CalendarDate, _ out: inout [UInt8]) {
        func two(_ n: Int) {
            out.append(UInt8(ascii: "0") + UInt8(n / 10 % 10))
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
        }
        if d.year >= 0 && d.year <= 9999 {
            two(d.year / 100)
            two(d.year % 100)
        } else {
            out.append(contentsOf: String(d.year).utf8)
        }
        out.append(UInt8(ascii: "-"))
        two(d.month)
        out.append(UInt8(ascii: "-"))
        two(d.day)
    }

    /// A number as JSON: integers without a fraction, others in Swift's shortest round-trip form;
    /// never `inf` or `nan` (written as null, which the contract's readers refuse loudly).
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a JSON string literal.
    static func quote(_ s: String, into out: inout [UInt8]) { JSONString.append(s, to: &out) }

}
