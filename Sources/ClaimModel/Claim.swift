/// A quantitative claim: one number a text asserts, with what it is about.
///
/// The JSON form is the line format of `../shared/contracts/claims-jsonl.md`: every contract field
/// is always present (`null` where unknown), plus `value_high` for ranges, `unit_text` for counts, `forecast`,
/// `hypothetical`, the `rules` that decided each field, and `verdict` once a check has run.
public struct Claim: Sendable, Hashable, Codable {
    /// The document's name (its path relative to the command-line PATH it was found under).
    public var doc: String
    /// The quantity as written: number and unit together (`11.2%`, `$10.8 billion`).
    public var quote: String
    /// Offset of `quote` in the document text, in Unicode scalars.
    public var start: Int
    /// Offset just past `quote` (end exclusive).
    public var end: Int
    /// The whole sentence holding the quote.
    public var sentence: String
    /// The number in `unit`, negative only when the number is itself a change downwards.
    public var value: Double
    /// The high end of a range (`bound == .range`).
    public var valueHigh: Double?
    /// The unit.
    public var unit: QuantityUnit
    /// What a count counts, as written ("jobs" in "1,200 jobs"): the extra field `unit_text`.
    public var unitText: String?
    /// Exact, approximate, a lower or upper bound, or a range.
    public var bound: Bound
    /// The canonical id of the entity the number is about, or nil.
    public var subject: String?
    /// The entity's (or the unnamed subject's) text as it stands in the document.
    public var subjectText: String?
    /// What the number measures.
    public var metric: Metric
    /// The calendar interval the claim is about.
    public var period: Period?
    /// Up, down or flat, from the claim's verb or sign.
    public var direction: Direction?
    /// True for a projection rather than a reported fact.
    public var forecast: Bool
    /// True for an illustrative example ("if Company A …").
    public var hypothetical: Bool
    /// The names of the rules that decided each field (`value`, `subject`, `metric`, …).
    public var rules: [String: String]
    /// The verdict of a cross-check, once one has run.
    public var verdict: Verdict?

    /// Creates a claim.
    public init(doc: String, quote: String, start: Int, end: Int, sentence: String, value: Double,
                valueHigh: Double? = nil, unit: QuantityUnit, unitText: String? = nil, bound: Bound = .exact, subject: String? = nil,
                subjectText: String? = nil, metric: Metric, period: Period? = nil, direction: Direction? = nil,
                forecast: Bool = false, hypothetical: Bool = false, rules: [String: String] = [:],
                verdict: Verdict? = nil) {
        self.doc = doc
        self.quote = quote
        self.start = start
        self.end = end
        self.sentence = sentence
        self.value = value
        self.valueHigh = valueHigh
        self.unit = unit
        self.unitText = unitText
        self.bound = bound
        self.subject = subject
        self.subjectText = subjectText
        self.metric = metric
        self.period = period
        self.direction = direction
        self.forecast = forecast
        self.hypothetical = hypothetical
        self.rules = rules
        self.verdict = verdict
    }

    enum CodingKeys: String, CodingKey {
        case doc, quote, start, end, sentence, value, unit, bound, subject, metric, period, direction
        case valueHigh = "value_high", subjectText = "subject_text", unitText = "unit_text", forecast, hypothetical, rules, verdict
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doc = try c.decode(String.self, forKey: .doc)
        quote = try c.decode(String.self, forKey: .quote)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        sentence = try c.decode(String.self, forKey: .sentence)
        value = try c.decode(Double.self, forKey: .value)
        valueHigh = try c.decodeIfPresent(Double.self, forKey: .valueHigh)
        unit = try c.decode(QuantityUnit.self, forKey: .unit)
        unitText = try c.decodeIfPresent(String.self, forKey: .unitText)
        bound = try c.decode(Bound.self, forKey: .bound)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        subjectText = try c.decodeIfPresent(String.self, forKey: .subjectText)
        metric = try c.decode(Metric.self, forKey: .metric)
        period = try c.decodeIfPresent(Period.self, forKey: .period)
        direction = try c.decodeIfPresent(Direction.self, forKey: .direction)
        forecast = try c.decodeIfPresent(Bool.self, forKey: .forecast) ?? false
        hypothetical = try c.decodeIfPresent(Bool.self, forKey: .hypothetical) ?? false
        rules = try c.decodeIfPresent([String: String].self, forKey: .rules) ?? [:]
        verdict = try c.decodeIfPresent(Verdict.self, forKey: .verdict)
    }

    public func encode(to encoder: any Encoder) throws {
        // Contract fields are always written, null where unknown.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(quote, forKey: .quote)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(bound, forKey: .bound)
        try c.encode(subject, forKey: .subject)
        try c.encode(subjectText, forKey: .subjectText)
        try c.encode(metric, forKey: .metric)
        try c.encode(period, forKey: .period)
        try c.encode(direction, forKey: .direction)
        if let valueHigh { try c.encode(valueHigh, forKey: .valueHigh) }
        if let unitText { try c.encode(unitText, forKey: .unitText) }
        try c.encode(forecast, forKey: .forecast)
        try c.encode(hypothetical, forKey: .hypothetical)
        if !rules.isEmpty { try c.encode(rules, forKey: .rules) }
        if let verdict { try c.encode(verdict, forKey: .verdict) }
    }
}

/// Units of the claims contract. Currencies are ISO 4217 codes in lower case.
public struct QuantityUnit: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Anything written with `%`.
    public static let percent = QuantityUnit(rawValue: "percent")
    /// Percentage points.
    public static let pp = QuantityUnit(rawValue: "pp")
    /// Basis points, kept in basis points.
    public static let bp = QuantityUnit(rawValue: "bp")
    /// A multiple: `33.1x`, "18 times earnings".
    public static let multiple = QuantityUnit(rawValue: "multiple")
    /// Index points of a move.
    public static let points = QuantityUnit(rawValue: "points")
    /// An index level or a price.
    public static let level = QuantityUnit(rawValue: "level")
    /// A plain count.
    public static let count = QuantityUnit(rawValue: "count")
    /// US dollars.
    public static let usd = QuantityUnit(rawValue: "usd")

    /// A currency by its ISO code.
    public static func currency(_ code: String) -> QuantityUnit { QuantityUnit(rawValue: code.lowercased()) }

    /// True for ISO currency codes.
    public var isCurrency: Bool {
        ![.percent, .pp, .bp, .multiple, .points, .level, .count].contains(self) && rawValue.count == 3
    }
}

/// How the number relates to the truth it states.
public enum Bound: String, Sendable, Hashable, Codable, CaseIterable {
    /// As stated.
    case exact
    /// About, nearly, roughly.
    case approx
    /// Over, more than, at least.
    case over
    /// Under, less than, at most.
    case under
    /// Between `value` and `value_high`.
    case range
}

/// What a claim measures (the contract's metric names).
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    case `return`, points, level, weight
    case returnShare = "return_share"
    case valuation, breadth, flows
    case marketCap = "market_cap"
    case rate, growth, amount, other
}

/// The direction of a move.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case up, down, flat
}

/// A cross-check's verdict on a claim.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case supported, contradicted, unverifiable
}

/// A calendar interval a claim is about; a point in time has `start == end`.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first day.
    public var start: CalendarDate
    /// The last day (inclusive).
    public var end: CalendarDate
    /// The phrase the period was taken from.
    public var text: String?

    /// Creates a period; `end` before `start` is swapped.
    public init(start: CalendarDate, end: CalendarDate, text: String? = nil) {
        self.start = min(start, end)
        self.end = max(start, end)
        self.text = text
    }

    /// True when the two periods share at least one day.
    public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }

    /// True for a single day.
    public var isPoint: Bool { start == end }

    public var description: String { isPoint ? "\(start)" : "\(start)..\(end)" }

    enum CodingKeys: String, CodingKey { case start, end, text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
    }
}

/// An entity of the lexicons: an index, a fund, a company, a group, a rate, a commodity.
public struct EntityRef: Sendable, Hashable, Codable {
    /// The canonical id (`SPX`, `NVDA`).
    public var id: String
    /// The kind (`index`, `etf`, `company`, `group`, `rate`, `commodity`, `sector`).
    public var kind: String
    /// The canonical name.
    public var name: String

    /// Creates a reference.
    public init(id: String, kind: String, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }
}
