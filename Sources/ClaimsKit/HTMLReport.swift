import ClaimModel
import CrossCheck
import Foundation

/// The audit as one self-contained web page: the summary, the findings with their quotes and
/// computations (and, for conflicts, a chart of each source's value with its rounding band and
/// the value computed from data), then each document's text with its claims marked by verdict;
/// hovering or focusing a claim shows its fields.
///
/// Safe by construction: every piece of document text is escaped, the page has no script at
/// all, and its Content-Security-Policy forbids scripts, network loads and external fonts, so a
/// page quoted in a report cannot run or fetch anything.
public enum HTMLReport {
    /// A document of the report: its text and its claims (with verdicts).
    public struct DocumentView: Sendable {
        public var name: String
        public var text: String
        public var claims: [Claim]

        /// Creates one.
        public init(name: String, text: String, claims: [Claim]) {
            self.name = name
            self.text = text
            self.claims = claims
        }
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // control characters other than tab and line breaks are not text
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { out += "\u{FFFD}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// The page.
    public static func render(_ report: CheckRun.Report, documents: [DocumentView], generated: String) -> String {
        var h = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>claims audit</title>
        <style>\(style)</style></head><body>
        <header><h1>claims audit</h1>
        """
        var kinds: [FindingKind: Int] = [:]
        for f in report.findings { kinds[f.kind, default: 0] += 1 }
        let majors = report.findings.filter { $0.severity == .major }.count
        h += "<p class=\"lead\">\(report.findings.isEmpty ? "No findings." : "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") (\(majors) major)") in \(report.documents) documents and \(report.claims) claims.</p>"
        h += "<ul class=\"counts\">"
        for v in Verdict.allCases { h += "<li class=\"v-\(v.rawValue)\">\(report.verdicts[v] ?? 0) \(v.rawValue)</li>" }
        for k in FindingKind.allCases where kinds[k] != nil { h += "<li>\(kinds[k]!) \(k.rawValue)</li>" }
        h += "</ul><p class=\"small\">\(escape(generated))</p></header>\n<main>\n<section id=\"findings\"><h2>Findings</h2>\n"
        // data values by key, for the conflict charts
        var computed: [String: Double] = [:]
        for f in report.findings where f.kind == .data || f.kind == .direction {
            if let x = f.computed, let c = f.claims.first { computed[key(c)] = x }
        }
        for (n, f) in report.findings.enumerated() {
            h += "<article class=\"finding \(f.severity.rawValue)\" id=\"f\(n + 1)\"><h3><span class=\"badge\">\(f.kind.rawValue) · \(f.severity.rawValue)</span> "
            h += "\(escape(f.claims[0].doc)): “\(escape(f.claims[0].quote))”</h3>\n"
            h += "<p class=\"explanation\">\(escape(f.explanation))</p><ul class=\"claims\">"
            for c in f.claims {
                let period = c.period.map { $0.isPoint ? "\($0.start)" : "\($0.start)…\($0.end)" } ?? "no period"
                h += "<li class=\"v-\(c.verdict?.rawValue ?? "none")\"><b>“\(escape(c.quote))”</b> \(escape(c.doc)) · \(escape(c.subject ?? "-")) \(c.metric.rawValue) · \(period)"
                h += "<br><span class=\"sentence\">\(escape(c.sentence))</span></li>"
            }
            h += "</ul><p class=\"small\">tolerance: \(escape(f.tolerance))</p>"
            if let caveat = f.caveat { h += "<p class=\"caveat\">caveat: \(escape(caveat))</p>" }
            if f.kind == .conflict || (f.kind == .direction && f.claims.count > 1) {
                h += chart(f, data: computed[key(f.claims[0])])
            }
            if !f.inferred.isEmpty { h += "<p class=\"small\">inferred: \(escape(f.inferred.joined(separator: "; ")))</p>" }
            h += "<p class=\"small\">id \(escape(f.id)) · check \(escape(f.rule))</p></article>\n"
        }
        h += "</section>\n<section id=\"documents\"><h2>Documents</h2>\n"
        for d in documents {
            h += "<article class=\"document\"><h3>\(escape(d.name))</h3><div class=\"text\">\(marked(d))</div></article>\n"
        }
        h += "</section></main></body></html>\n"
        return h
    }

    static func key(_ c: Claim) -> String {
        "\(c.subject ?? "")|\(c.metric.rawValue)|\(c.period?.description ?? "")"
    }

    /// A document's text with its claims marked; a claim's fields show on hover or focus.
    static func marked(_ d: DocumentView) -> String {
        let scalars = Array(d.text.unicodeScalars)
        var out = ""
        var at = 0
        for c in d.claims.sorted(by: { $0.start < $1.start }) where c.start >= at && c.end <= scalars.count && c.start < c.end {
            out += escape(String(String.UnicodeScalarView(scalars[at..<c.start])))
            let verdict = c.verdict?.rawValue ?? "none"
            let period = c.period.map { $0.isPoint ? "\($0.start)" : "\($0.start) … \($0.end)" } ?? "—"
            let fields = "value \(ValueBand.number(c.value)) \(c.unit.rawValue) (\(c.bound.rawValue)) · subject \(c.subject ?? "—") · metric \(c.metric.rawValue) · period \(period) · direction \(c.direction?.rawValue ?? "—") · \(verdict)"
            out += "<mark class=\"v-\(verdict)\" tabindex=\"0\" title=\"\(escape(fields))\">\(escape(String(String.UnicodeScalarView(scalars[c.start..<c.end]))))"
            out += "<span class=\"tip\">\(escape(fields))</span></mark>"
            at = c.end
        }
        out += escape(String(String.UnicodeScalarView(scalars[at...])))
        return out
    }

    /// An inline SVG: each claim's value (dot) and rounding band (bar), and the data's value.
    static func chart(_ f: Finding, data: Double?) -> String {
        let rows = f.claims.map { ($0, ValueBand($0)) }
        var lows = rows.map { $0.1.low.isFinite ? $0.1.low : $0.0.value }
        var highs = rows.map { $0.1.high.isFinite ? $0.1.high : $0.0.value }
        if let data { lows.append(data); highs.append(data) }
        var lo = lows.min()!, hi = highs.max()!
        let pad = max((hi - lo) * 0.1, 0.01)
        lo -= pad
        hi += pad
        let width = 520.0, left = 190.0, rowHeight = 20.0
        let height = Double(rows.count) * rowHeight + 28
        func x(_ v: Double) -> Double { left + (min(max(v, lo), hi) - lo) / (hi - lo) * (width - left - 10) }
        var s = "<svg class=\"chart\" role=\"img\" aria-label=\"values and rounding bands\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        for (n, (c, band)) in rows.enumerated() {
            let y = 10 + Double(n) * rowHeight
            let colour = n == 0 ? "#c0392b" : "#2e86c1"
            s += "<text x=\"4\" y=\"\(fmt(y + 4))\" font-size=\"11\">\(escape(String(c.doc.prefix(24)))) \(escape(c.quote))</text>"
            s += "<rect x=\"\(fmt(x(band.low.isFinite ? band.low : lo)))\" y=\"\(fmt(y - 5))\" width=\"\(fmt(max(2, x(band.high.isFinite ? band.high : hi) - x(band.low.isFinite ? band.low : lo))))\" height=\"10\" fill=\"\(colour)\" opacity=\"0.25\"/>"
            s += "<circle cx=\"\(fmt(x(c.value)))\" cy=\"\(fmt(y))\" r=\"3.5\" fill=\"\(colour)\"/>"
        }
        let axis = Double(rows.count) * rowHeight + 12
        s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(axis))\" x2=\"\(fmt(width - 10))\" y2=\"\(fmt(axis))\" stroke=\"#888\"/>"
        s += "<text x=\"\(fmt(left))\" y=\"\(fmt(axis + 12))\" font-size=\"10\">\(escape(ValueBand.number(lo)))</text>"
        s += "<text x=\"\(fmt(width - 10))\" y=\"\(fmt(axis + 12))\" font-size=\"10\" text-anchor=\"end\">\(escape(ValueBand.number(hi)))</text>"
        if let data {
            s += "<line x1=\"\(fmt(x(data)))\" y1=\"2\" x2=\"\(fmt(x(data)))\" y2=\"\(fmt(axis))\" stroke=\"#27ae60\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
            s += "<text x=\"\(fmt(x(data) + 3))\" y=\"\(fmt(axis - 2))\" font-size=\"10\" fill=\"#27ae60\">data \(escape(ValueBand.number(data)))</text>"
        }
        return s + "</svg>"
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static let style = """
    body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1c1c1c;background:#fafafa}
    header{background:#1f2d3d;color:#fff;padding:16px 28px}header h1{margin:0 0 4px;font-size:22px}
    .lead{font-size:18px;margin:4px 0}.counts{list-style:none;padding:0;margin:6px 0;display:flex;gap:14px;flex-wrap:wrap}
    .counts li{background:rgba(255,255,255,.12);padding:2px 10px;border-radius:10px}
    main{padding:8px 28px;max-width:1100px}
    .finding{background:#fff;border-left:6px solid #999;margin:14px 0;padding:8px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
    .finding.major{border-color:#c0392b}.finding.minor{border-color:#e67e22}.finding.caveated{border-color:#2e86c1}
    .finding h3{margin:4px 0;font-size:16px}.badge{font-size:12px;text-transform:uppercase;background:#eee;padding:2px 6px;border-radius:4px}
    .explanation{font-family:ui-monospace,monospace;font-size:13px;background:#f4f4f4;padding:6px 8px}
    .claims li{margin:3px 0}.sentence{color:#555;font-size:13px}.small{color:#666;font-size:12px}.caveat{color:#1f618d}
    .document{background:#fff;margin:14px 0;padding:8px 16px}.text{white-space:pre-wrap}
    mark{position:relative;border-radius:3px;padding:0 1px;cursor:help}
    mark.v-supported{background:#d5f5e3}mark.v-contradicted{background:#f5b7b1}mark.v-unverifiable{background:#fcf3cf}mark.v-none{background:#eee}
    li.v-contradicted b{color:#c0392b}li.v-supported b{color:#1e8449}
    .tip{display:none;position:absolute;left:0;top:1.6em;z-index:2;width:340px;background:#1f2d3d;color:#fff;font-size:12px;padding:6px 8px;border-radius:4px;white-space:normal}
    mark:hover .tip,mark:focus .tip{display:block}
    .counts .v-contradicted{background:#c0392b}.counts .v-supported{background:#1e8449}
    """
}
