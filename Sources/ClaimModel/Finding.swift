/// What kind of problem a finding is (the findings contract's `kind`).
public enum FindingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Claims with the same key whose values cannot all be right after rounding.
    case conflict
    /// A figure its neighbours in the same text do not reproduce (points vs percent vs level).
    case arithmetic
    /// A verb or comparison that contradicts the numbers.
    case direction
    /// A claim the supplied market data contradicts.
    case data
}

/// How sure a finding is (the findings contract's `severity`).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Explainable by a stated ambiguity (price vs total return, net vs gross).
    case caveated
    /// Off by a rounding step or less.
    case minor
    /// No reading makes it right.
    case major

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One number of market data a finding used (a close and its date).
public struct FindingInput: Sendable, Hashable, Codable {
    /// The symbol of the series.
    public var symbol: String
    /// The day.
    public var date: CalendarDate
    /// The value.
    public var value: Double
    /// Its part in the computation.
    public var role: String

    /// Creates an input.
    public init(symbol: String, date: CalendarDate, value: Double, role: String) {
        self.symbol = symbol
        self.date = date
        self.value = value
        self.role = role
    }
}

/// A set of claims that cannot all be true, with the evidence a reader needs to check it by hand.
/// Its JSON form is the line format of `../shared/contracts/findings-jsonl.md`.
public struct Finding: Sendable, Hashable {
    /// Conflict, arithmetic, direction or data.
    public var kind: FindingKind
    /// Major, minor or caveated.
    public var severity: Severity
    /// The claims it rests on; the first is the one it contradicts.
    public var claims: [Claim]
    /// The value the check computed, in the unit of the first claim, where there is one.
    public var computed: Double?
    /// The band used, in words ("stated 27.8% covers [27.75, 27.85)").
    public var tolerance: String
    /// One line a reader can check by hand.
    public var explanation: String
    /// What could make it right, where something could.
    public var caveat: String?
    /// Market data the check used (data findings).
    public var inputs: [FindingInput]
    /// The id of the check that fired (`RuleCatalog.checks`: `conflict.sources`, `arithmetic.move`, …).
    public var rule: String
    /// The key fields of its claims that were inferred rather than read, each as "period of
    /// d49.txt 522.09 points (period.carried)": why a finding is only minor.
    public var inferred: [String]

    /// Creates a finding.
    public init(kind: FindingKind, severity: Severity, claims: [Claim], computed: Double? = nil, tolerance: String,
                explanation: String, caveat: String? = nil, inputs: [FindingInput] = [], rule: String = "", inferred: [String] = []) {
        self.rule = rule
        self.inferred = inferred
        self.kind = kind
        self.severity = severity
        self.claims = claims
        self.computed = computed
        self.tolerance = tolerance
        self.explanation = explanation
        self.caveat = caveat
        self.inputs = inputs
    }

    /// A fingerprint stable across runs: the kind and the claims' documents, quotes and offsets
    /// (FNV-1a, 64 bits, as 16 hex digits), so a baseline can name a reviewed finding.
    public var id: String {
        var hash = FNV1a()
        func mix(_ s: String) {
            hash.add(s)
            hash.add(byte: 0xFF)
        }
        mix(kind.rawValue)
        for c in claims.sorted(by: { ($0.doc, $0.start) < ($1.doc, $1.start) }) {
            mix(c.doc)
            mix(c.quote)
            mix("\(c.start):\(c.end)")
        }
        let hex = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
