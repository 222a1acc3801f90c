import ClaimModel
import Foundation

/// Writes claims in the formats `claims extract` offers: JSON Lines exactly per the claims
/// contract, a JSON array, CSV, and aligned text for people.
///
/// JSON is written by hand rather than with `JSONEncoder`: the fields come out in the contract's
/// order, and the claims benchmark writes hundreds of thousands of lines.
public enum ClaimOutput {
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

    /// Appends one claim as a JSON object (no line break) to a byte buffer.
    public static func json(_ c: Claim, rules: Bool = true, into out: inout [UInt8]) {
        var o = JSONWriter()
        swap(&o.out, &out)
        defer { swap(&o.out, &out) }
        o.open()
        o.field("doc", c.doc)
        o.field("quote", c.quote)
        o.field("start", c.start)
        o.field("end", c.end)
        o.field("sentence", c.sentence)
        o.field("value", c.value)
        if let high = c.valueHigh { o.field("value_high", high) }
        o.field("unit", c.unit.rawValue)
        o.field("bound", c.bound.rawValue)
        o.field("subject", c.subject)
        o.field("subject_text", c.subjectText)
        o.field("metric", c.metric.rawValue)
        if let p = c.period {
            o.key("period")
            o.open()
            o.field("start", p.start.description)
            o.field("end", p.end.description)
            o.field("text", p.text)
            o.close()
        } else {
            o.raw("period", "null")
        }
        o.field("direction", c.direction?.rawValue)
        o.field("forecast", c.forecast)
        o.field("hypothetical", c.hypothetical)
        if let v = c.verdict { o.field("verdict", v.rawValue) }
        if rules && !c.rules.isEmpty {
            o.key("rules")
            o.open()
            for (k, v) in c.rules.sorted(by: { $0.key < $1.key }) { o.field(dynamic: k, v) }
            o.close()
        }
        o.close()
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

/// A minimal JSON object writer over a byte buffer: fields in the order given, strings escaped
/// per RFC 8259.
struct JSONWriter {
    var out: [UInt8] = []
    /// Per open object: no field written yet.
    private var first: [Bool] = []

    /// Opens an object (as a value: after `key`, or at the top).
    mutating func open() {
        out.append(UInt8(ascii: "{"))
        first.append(true)
    }

    /// Closes the innermost object.
    mutating func close() {
        out.append(UInt8(ascii: "}"))
        first.removeLast()
    }

    /// Writes `"key":` (after a comma from the object's second field on).
    mutating func key(_ key: String) {
        comma()
        JSONWriter.quote(key, into: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// Writes `"key":` for a key known to need no escaping (the contract's field names).
    mutating func key(_ key: StaticString) {
        comma()
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    private mutating func comma() {
        if first.last == false { out.append(UInt8(ascii: ",")) }
        if !first.isEmpty { first[first.count - 1] = false }
    }

    mutating func raw(_ key: StaticString, _ value: String) {
        self.key(key)
        out.append(contentsOf: value.utf8)
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { JSONWriter.quote(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }
    mutating func field(_ key: StaticString, _ value: Int) { raw(key, String(value)) }
    mutating func field(_ key: StaticString, _ value: Double) { raw(key, JSONWriter.number(value)) }
    mutating func field(_ key: StaticString, _ value: Bool) { raw(key, value ? "true" : "false") }

    /// A string field with a key made at run time (the rule names).
    mutating func field(dynamic key: String, _ value: String) {
        self.key(key)
        JSONWriter.quote(value, into: &out)
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

    /// Appends a JSON string literal, escaped byte by byte over the UTF-8 (only ASCII bytes ever
    /// need it).
    static func quote(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            out.append(UInt8(ascii: "\""))
            var clean = 0   // bytes up to here are written
            var k = 0
            while k < b.count {
                let c = b[k]
                if c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") { k += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[clean..<k]))
                switch c {
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0xF)])
                default: out.append(UInt8(ascii: "\\")); out.append(c)
                }
                k += 1
                clean = k
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[clean..<b.count]))
            out.append(UInt8(ascii: "\""))
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
