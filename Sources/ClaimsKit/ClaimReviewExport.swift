import ClaimModel
import ClaimStore
import CrossCheck
import Foundation

/// Checked claims as schema.org `ClaimReview` objects (JSON-LD), the form fact-checking sites
/// publish and search engines read: one object per line, for every stored claim a check has
/// given a verdict.
///
/// Each object: `claimReviewed` is the quote; `itemReviewed` the `Claim`, with the sentence as its
/// text and the document (its name and `file://` address) as its `appearance`; `reviewRating` the
/// verdict (`alternateName` Supported, Contradicted or Unverifiable; `ratingValue` 3, 1 or 2 of
/// `worstRating` 1 to `bestRating` 3); `author` the tool. Everything checkable stays in
/// `additionalProperty` (`PropertyValue`s): the number, its high end, unit and what it counts,
/// bound, subject, metric, period (start, end, phrase), direction, forecast and hypothetical
/// flags, the rounding band the number covers as `tolerance`, and the quote's offsets.
public enum ClaimReviewExport {
    /// The rating of a verdict: its name and value on a 1–3 scale.
    public static func rating(_ verdict: Verdict) -> (name: String, value: Int) {
        switch verdict {
        case .supported: ("Supported", 3)
        case .unverifiable: ("Unverifiable", 2)
        case .contradicted: ("Contradicted", 1)
        }
    }

    /// One line per claim with a verdict, in the order given.
    public static func render(_ claims: [StoredClaim], version: String) -> String {
        var out = ""
        for stored in claims {
            guard let verdict = stored.claim.verdict else { continue }
            out += object(stored, verdict: verdict, version: version) + "\n"
        }
        return out
    }

    /// The JSON-LD object of one checked claim (no line break).
    public static func object(_ stored: StoredClaim, verdict: Verdict, version: String) -> String {
        let c = stored.claim
        func q(_ s: String) -> String { JSONWriter.quoted(s) }
        func n(_ x: Double) -> String { JSONWriter.number(x) }
        var properties: [(String, String)] = [
            ("value", n(c.value)),
            ("unit", q(c.unit.rawValue)),
            ("bound", q(c.bound.rawValue)),
            ("metric", q(c.metric.rawValue)),
            ("tolerance", q(ValueBand(c).description)),
            ("forecast", c.forecast ? "true" : "false"),
            ("hypothetical", c.hypothetical ? "true" : "false"),
            ("start", String(c.start)),
            ("end", String(c.end)),
        ]
        if let high = c.valueHigh { properties.insert(("value_high", n(high)), at: 1) }
        if let unitText = c.unitText { properties.append(("unit_text", q(unitText))) }
        if let subject = c.subject { properties.append(("subject", q(subject))) }
        if let subjectText = c.subjectText { properties.append(("subject_text", q(subjectText))) }
        if let period = c.period {
            properties.append(("period_start", q(period.start.description)))
            properties.append(("period_end", q(period.end.description)))
            if let text = period.text { properties.append(("period_text", q(text))) }
        }
        if let direction = c.direction { properties.append(("direction", q(direction.rawValue))) }
        let (name, value) = rating(verdict)
        var o = "{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\""
        o += ",\"claimReviewed\":\(q(c.quote))"
        o += ",\"itemReviewed\":{\"@type\":\"Claim\",\"text\":\(q(c.sentence))"
        o += ",\"appearance\":{\"@type\":\"CreativeWork\",\"name\":\(q(c.doc)),\"url\":\(q(SARIFReport.fileURI(stored.path)))}}"
        o += ",\"reviewRating\":{\"@type\":\"Rating\",\"alternateName\":\(q(name)),\"ratingValue\":\(value)"
        o += ",\"bestRating\":3,\"worstRating\":1}"
        o += ",\"author\":{\"@type\":\"Organization\",\"name\":\(q("claims " + version))}"
        o += ",\"additionalProperty\":["
        o += properties.map { "{\"@type\":\"PropertyValue\",\"name\":\(q($0.0)),\"value\":\($0.1)}" }.joined(separator: ",")
        o += "]}"
        return o
    }
}
