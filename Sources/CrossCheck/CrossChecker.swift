import ClaimModel
import Foundation
import MarketMetrics

/// A claim to check, with the document it came from.
public struct CheckClaim: Sendable {
    /// The document's unique key (its resolved path); claims of one document share it.
    public var document: String
    /// The claim.
    public var claim: Claim

    /// Creates one.
    public init(document: String, claim: Claim) {
        self.document = document
        self.claim = claim
    }
}

/// What a check found: the findings, in the contract's order, and a verdict per claim.
public struct CheckResult: Sendable {
    /// The findings, ordered by their first claim's document and offset, then kind.
    public var findings: [Finding]
    /// For each finding, the indexes of its claims in the input.
    public var findingClaims: [[Int]]
    /// The verdict of each input claim, in input order.
    public var verdicts: [Verdict]
    /// Groups of documents treated as one source (copies and syndicated reprints).
    public var copies: [[String]]
}

/// Finds the claims that cannot all be true: against each other (same key, bands that cannot
/// overlap), against their own document's arithmetic (points, percent and level), against their
/// own words (a verb or sign that says the opposite of the number), and against market data.
///
/// Copies of one article (documents that share most of their claim sentences) are one source:
/// their claims are never compared with each other and never support each other.
public struct CrossChecker: Sendable {
    /// Market data to compare with, when the user has some.
    public var data: MarketData?

    /// The dividend yield allowed for when a return may be a total return: 1.5% a year (the
    /// S&P 500's is about 1.2–1.5%: a quarter allows about 0.37 percentage points).
    public static let dividendYieldPerYear = 1.5

    /// Creates a checker.
    public init(data: MarketData? = nil) { self.data = data }

    /// Metrics whose claims are compared across documents and with data.
    static let comparable: Set<Metric> = [.return, .points, .level, .weight, .returnShare, .breadth, .marketCap, .rate, .valuation, .flows]

    /// Checks claims.
    public func check(_ input: [CheckClaim]) -> CheckResult {
        var state = State(input: input)
        state.clusterCopies()
        state.conflicts()
        state.arithmetic()
        state.signs()
        state.comparisons(data)
        if let data { state.dataChecks(data) }
        return state.result()
    }

    /// The working state of one check.
    struct State {
        let input: [CheckClaim]
        let bands: [ValueBand]
        /// Source cluster of each document (copies share one).
        var cluster: [String: Int] = [:]
        var copies: [[String]] = []
        var findings: [(Finding, [Int])] = []
        var supported = Set<Int>()
        var contradicted = Set<Int>()
        /// Per key, the claims of the consensus and the values they all allow.
        var consensus: [String: (claims: [Int], low: Double, high: Double)] = [:]

        init(input: [CheckClaim]) {
            self.input = input
            bands = input.map { ValueBand($0.claim) }
        }

        /// True for claims that can be compared with others of their key.
        func eligible(_ k: Int) -> Bool {
            let c = input[k].claim
            return c.subject != nil && c.period != nil && !c.forecast && !c.hypothetical && CrossChecker.comparable.contains(c.metric)
        }

        /// The key: subject, metric, period, unit family.
        func key(_ k: Int) -> String {
            let c = input[k].claim
            return "\(c.subject!)|\(c.metric.rawValue)|\(c.period!.start)|\(c.period!.end)|\(CanonicalUnit(c.unit).family)"
        }

        // MARK: copies

        /// Documents that share at least 80% of the smaller one's claim sentences are copies.
        mutating func clusterCopies() {
            var sentences: [String: Set<String>] = [:]
            var order: [String] = []
            for c in input {
                if sentences[c.document] == nil { order.append(c.document) }
                sentences[c.document, default: []].insert(c.claim.sentence)
            }
            let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            var parent = Array(order.indices)
            func find(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { i = parent[i] }
                return i
            }
            // documents sharing a sentence, counted without an all-pairs scan of documents
            var bySentence: [String: [String]] = [:]
            for d in order { for s in sentences[d]! { bySentence[s, default: []].append(d) } }
            var shared: [String: [String: Int]] = [:]
            for docs in bySentence.values where docs.count > 1 && docs.count < 50 {
                for a in docs { for b in docs where a < b { shared[a, default: [:]][b, default: 0] += 1 } }
            }
            for (a, others) in shared {
                for (b, n) in others where n >= 2 && Double(n) >= 0.8 * Double(min(sentences[a]!.count, sentences[b]!.count)) {
                    let ra = find(index[a]!), rb = find(index[b]!)
                    if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
                }
            }
            var groups: [Int: [String]] = [:]
            for (i, d) in order.enumerated() {
                let r = find(i)
                cluster[d] = r
                groups[r, default: []].append(d)
            }
            copies = groups.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        }

        /// True when two claims may be compared: different sources, or the same document.
        func independent(_ a: Int, _ b: Int) -> Bool {
            let da = input[a].document, db = input[b].document
            return da == db || cluster[da] != cluster[db]
        }

        // MARK: conflicts

        mutating func conflicts() {
            var groups: [String: [Int]] = [:]
            for k in input.indices where eligible(k) { groups[key(k), default: []].append(k) }
            for (groupKey, members) in groups.sorted(by: { $0.key < $1.key }) {
                if members.count == 1 {
                    consensus[groupKey] = (members, bands[members[0]].low, bands[members[0]].high)
                    continue
                }
                // The consensus: the value covered by the most independent sources.
                var points = members.flatMap { [bands[$0].low, bands[$0].high] }.filter(\.isFinite)
                points.sort()
                var best: (point: Double, sources: Int, claims: Int)?
                for p in points {
                    let covering = members.filter { bands[$0].contains(p) }
                    let sources = Set(covering.map { cluster[input[$0].document]! }).count
                    if best == nil || sources > best!.sources || (sources == best!.sources && covering.count > best!.claims) {
                        best = (p, sources, covering.count)
                    }
                }
                guard let point = best?.point else { continue }
                let consensus = members.filter { bands[$0].contains(point) }
                self.consensus[groupKey] = (consensus, consensus.map { bands[$0].low }.max()!, consensus.map { bands[$0].high }.min()!)
                for k in members where !consensus.contains(k) {
                    let against = consensus.filter { independent(k, $0) }
                    guard !against.isEmpty else { continue }
                    report(conflict: k, against: against)
                }
                // agreement between independent sources supports
                for a in consensus where consensus.contains(where: { $0 != a && input[$0].document != input[a].document && independent(a, $0) }) {
                    supported.insert(a)
                }
            }
        }

        mutating func report(conflict k: Int, against: [Int]) {
            let c = input[k].claim
            let step = ([k] + against).map { bands[$0].step }.max() ?? 0
            let gap = against.map { bands[k].gap(to: bands[$0]) }.min() ?? 0
            // the same size with the other sign: the verb or sign is the error
            let mirrored = against.allSatisfy { bands[k].negated.overlaps(bands[$0]) } && c.value != 0
            let others = against.prefix(4).map { o in
                "\(input[o].claim.doc) says \(input[o].claim.quote) (\(Self.signed(input[o].claim)), covers \(bands[o]))"
            }.joined(separator: "; ")
            let explanation: String
            if mirrored {
                explanation = "\(c.doc) says \(c.quote) (\(Self.signed(c))) for \(Self.what(c)), but \(others): the same size with the opposite sign"
            } else {
                explanation = "\(c.doc) says \(c.quote) (\(Self.signed(c)), covers \(bands[k])) for \(Self.what(c)), but \(others): the bands do not overlap"
            }
            var caveat: String?
            var severity: Severity = gap <= step ? .minor : .major
            if !mirrored, c.metric == .return, let allowance = Self.dividendAllowance(c) {
                // one figure a total return and the other a price return?
                let values = against.map { input[$0].claim.value }
                let spread = abs(c.value - (values.reduce(0, +) / Double(values.count)))
                if spread <= allowance + step, Self.basisStated(c) != Self.basisStated(input[against[0]].claim) || Self.basisStated(c) == nil {
                    severity = .caveated
                    caveat = String(format: "a total return (with dividends) and a price return differ by about the period's dividend yield, up to %.2f percentage points here; check which each source quotes", allowance)
                }
            }
            let finding = Finding(kind: mirrored ? .direction : .conflict, severity: severity,
                                  claims: [c] + against.map { input[$0].claim }, computed: nil,
                                  tolerance: "stated \(c.quote) covers \(bands[k]); " + against.prefix(4).map { "\(input[$0].claim.quote) covers \(bands[$0])" }.joined(separator: "; "),
                                  explanation: explanation, caveat: caveat)
            add(finding, [k] + against)
        }

        mutating func add(_ f: Finding, _ claims: [Int]) {
            findings.append((f, claims))
            if f.severity != .caveated { contradicted.insert(claims[0]) }
        }

        // MARK: arithmetic

        /// Points, percent and level of one subject and day in one document must agree:
        /// percent = points / (level − points) and, with the last level before the period,
        /// points = level − start and percent = level / start − 1.
        mutating func arithmetic() {
            var byDocument: [String: [Int]] = [:]
            for k in input.indices where input[k].claim.subject != nil && input[k].claim.period != nil && !input[k].claim.forecast && !input[k].claim.hypothetical {
                byDocument[input[k].document, default: []].append(k)
            }
            for (_, claims) in byDocument.sorted(by: { $0.key < $1.key }) {
                // levels by subject and day
                var levels: [String: [CalendarDate: [Int]]] = [:]
                for k in claims where input[k].claim.metric == .level && input[k].claim.unit == .level && input[k].claim.period!.isPoint && input[k].claim.bound == .exact {
                    levels[input[k].claim.subject!, default: [:]][input[k].claim.period!.start, default: []].append(k)
                }
                func level(_ subject: String, _ day: CalendarDate, sentence: String) -> Int? {
                    guard let list = levels[subject]?[day] else { return nil }
                    // the level in the same sentence first; else one the document states once
                    if let same = list.first(where: { input[$0].claim.sentence == sentence }) { return same }
                    return Set(list.map { input[$0].claim.value }).count == 1 ? list[0] : nil
                }
                func startLevel(_ subject: String, before day: CalendarDate) -> Int? {
                    guard let days = levels[subject] else { return nil }
                    let candidates = days.keys.filter { $0 < day && day.daysSinceEpoch - $0.daysSinceEpoch <= 7 }
                    guard let d = candidates.max(), let list = days[d], Set(list.map { input[$0].claim.value }).count == 1 else { return nil }
                    return list[0]
                }
                // changes: one percent and one points claim per subject, period and sentence
                var changes: [String: (percent: Int?, points: Int?)] = [:]
                for k in claims where input[k].claim.bound == .exact {
                    let c = input[k].claim
                    let key = "\(c.subject!)|\(c.period!.start)|\(c.period!.end)|\(c.sentence)"
                    if c.metric == .return && c.unit == .percent { changes[key, default: (nil, nil)].percent = changes[key]?.percent ?? k }
                    if c.metric == .points && c.unit == .points { changes[key, default: (nil, nil)].points = changes[key]?.points ?? k }
                }
                for (_, change) in changes.sorted(by: { $0.key < $1.key }) {
                    let any = input[change.percent ?? change.points!].claim
                    let subject = any.subject!, period = any.period!
                    let end = level(subject, period.end, sentence: any.sentence)
                    let start = startLevel(subject, before: period.start)
                    checkChange(percent: change.percent, points: change.points, end: end, start: start)
                }
            }
        }

        mutating func checkChange(percent: Int?, points: Int?, end: Int?, start: Int?) {
            func value(_ k: Int) -> Double { input[k].claim.value }
            func half(_ k: Int) -> Double { bands[k].step / 2 }
            // percent from points and the end level
            if let r = percent, let p = points, let l = end {
                let base = value(l) - value(p)
                guard base > 0 else { return }
                let computed = value(p) / base * 100
                let slack = abs(computed) * (half(p) / max(abs(value(p)), 1e-9) + half(l) / value(l)) + 1e-9
                if !bands[r].contains(computed, slack: slack) {
                    reportArithmetic(r, computed: computed, slack: slack, with: [p, l],
                                     how: "\(Self.plain(value(p))) / (\(Self.plain(value(l))) − \(Self.plain(value(p)))) = \(String(format: "%.2f", computed))%")
                }
                return
            }
            // with the level before the period: points = end − start; percent = end / start − 1
            if let s = start, let l = end {
                if let p = points {
                    let computed = value(l) - value(s)
                    let slack = half(l) + half(s) + 1e-9
                    if !bands[p].contains(computed, slack: slack) {
                        reportArithmetic(p, computed: computed, slack: slack, with: [l, s],
                                         how: "\(Self.plain(value(l))) − \(Self.plain(value(s))) = \(Self.plain(computed))")
                    }
                }
                if let r = percent {
                    let computed = (value(l) / value(s) - 1) * 100
                    let slack = abs(computed + 100) * (half(l) / value(l) + half(s) / value(s)) + 1e-9
                    if !bands[r].contains(computed, slack: slack) {
                        reportArithmetic(r, computed: computed, slack: slack, with: [l, s],
                                         how: "\(Self.plain(value(l))) / \(Self.plain(value(s))) − 1 = \(String(format: "%.2f", computed))%")
                    }
                }
            } else if let s = start, let r = percent, let p = points {
                let computed = value(p) / value(s) * 100
                let slack = abs(computed) * (half(p) / max(abs(value(p)), 1e-9) + half(s) / value(s)) + 1e-9
                if !bands[r].contains(computed, slack: slack) {
                    reportArithmetic(r, computed: computed, slack: slack, with: [p, s],
                                     how: "\(Self.plain(value(p))) / \(Self.plain(value(s))) = \(String(format: "%.2f", computed))%")
                }
            }
        }

        mutating func reportArithmetic(_ k: Int, computed: Double, slack: Double, with: [Int], how: String) {
            let c = input[k].claim
            let gap = bands[k].gap(to: computed) - slack
            let mirrored = bands[k].negated.contains(computed, slack: slack)
            let f = Finding(kind: mirrored ? .direction : .arithmetic, severity: gap <= bands[k].step ? .minor : .major,
                            claims: [c] + with.map { input[$0].claim }, computed: computed,
                            tolerance: "stated \(c.quote) covers \(bands[k]), widened by \(ValueBand.number(slack)) for the rounding of the other figures",
                            explanation: "\(how), but the text says \(c.quote) (\(Self.signed(c)))")
            add(f, [k] + with)
        }

        // MARK: written signs

        /// A written sign against the claim's own verb ("fell +2.3%").
        mutating func signs() {
            for k in input.indices {
                let c = input[k].claim
                guard let rule = c.rules["direction"], rule.hasPrefix("direction.word"), let direction = c.direction,
                      let first = c.quote.unicodeScalars.first else { continue }
                let written: Direction? = first == "+" ? .up : (first == "-" || first == "\u{2212}") ? .down : nil
                guard let written, written != direction, direction != .flat else { continue }
                let verb = rule.split(separator: ":").last.map(String.init) ?? "its verb"
                add(Finding(kind: .direction, severity: .major, claims: [c], computed: nil,
                            tolerance: "the sign written in \(c.quote) against \"\(verb)\"",
                            explanation: "\"\(verb)\" says \(direction.rawValue), but \(c.quote) is written with the sign of a move \(written.rawValue)"), [k])
            }
        }

        // MARK: comparisons

        /// "A outpaced B" (`comparison.above:B` on A's claim) while B's figure for the same
        /// period, from the data or from the claims that agree on it, is higher.
        mutating func comparisons(_ data: MarketData?) {
            for k in input.indices where eligible(k) {
                let c = input[k].claim
                guard let rule = c.rules["comparison"], rule.hasPrefix("comparison."), c.unit == .percent || c.unit == .points else { continue }
                let parts = rule.dropFirst("comparison.".count).split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let period = c.period else { continue }
                let above = parts[0] == "above", other = parts[1]
                var otherValue: (low: Double, high: Double, what: String, claims: [Int], inputs: [FindingInput])?
                if let data, data.symbol(for: other) != nil,
                   let v = try? (c.metric == .points ? data.pointChange(other, over: period) : data.periodReturn(other, over: period)) {
                    let closes = v.inputs.map { "\($0.date) \(Self.plain($0.value))" }.joined(separator: " → ")
                    otherValue = (v.value, v.value, String(format: "%.2f", v.value) + (c.unit == .percent ? "%" : " points") + " in the data (\(v.symbol) \(closes))", [],
                                  v.inputs.map { FindingInput(symbol: $0.symbol, date: $0.date, value: $0.value, role: $0.role) })
                } else if let agreed = consensus["\(other)|\(c.metric.rawValue)|\(period.start)|\(period.end)|\(CanonicalUnit(c.unit).family)"] {
                    let quotes = agreed.claims.prefix(3).map { "\(input[$0].claim.quote) (\(input[$0].claim.doc))" }.joined(separator: ", ")
                    otherValue = (agreed.low, agreed.high, quotes, agreed.claims, [])
                }
                guard let o = otherValue else { continue }
                let contradicts = above ? bands[k].high < o.low : bands[k].low > o.high
                guard contradicts else { continue }
                let verb = above ? "did better than" : "did worse than"
                let span = period.isPoint ? "on \(period.start)" : "over \(period.start)..\(period.end)"
                add(Finding(kind: .direction, severity: .major, claims: [c] + o.claims.prefix(3).map { input[$0].claim }, computed: nil,
                            tolerance: "stated \(c.quote) covers \(bands[k]); \(other)'s figure covers [\(Self.plain(o.low)), \(Self.plain(o.high))]",
                            explanation: "the text says \(c.subject!) \(verb) \(other) \(span), with \(c.quote), but \(other)'s figure is \(o.what)",
                            inputs: o.inputs), [k] + o.claims.prefix(3))
            }
        }

        // MARK: data

        mutating func dataChecks(_ data: MarketData) {
            for k in input.indices where eligible(k) {
                let c = input[k].claim
                guard [.return, .points, .level].contains(c.metric), let subject = c.subject, let period = c.period,
                      data.symbol(for: subject) != nil else { continue }
                let computed: MetricValue
                switch (c.metric, c.unit) {
                case (.return, .percent): guard let v = try? data.periodReturn(subject, over: period) else { continue }; computed = v
                case (.points, .points): guard let v = try? data.pointChange(subject, over: period) else { continue }; computed = v
                case (.level, .level) where period.isPoint: guard let v = try? data.level(subject, on: period.start) else { continue }; computed = v
                default: continue
                }
                // sources differ by a few hundredths, and now and then by points (README of the data)
                let slack = c.metric == .return ? 0.02 : max(0.01, abs(computed.value) * 0.0005)
                let inputs = computed.inputs.map { FindingInput(symbol: $0.symbol, date: $0.date, value: $0.value, role: $0.role) }
                if bands[k].contains(computed.value, slack: slack) {
                    supported.insert(k)
                    continue
                }
                // A figure "to date" is as of the last close the writer had: published before
                // the close, a year-to-date return runs to the previous day's close.
                if !period.isPoint, period.end > period.start {
                    let earlier = Period(start: period.start, end: CalendarDate(daysSinceEpoch: period.end.daysSinceEpoch - 1))
                    let again: MetricValue? = switch c.metric {
                    case .return: try? data.periodReturn(subject, over: earlier)
                    case .points: try? data.pointChange(subject, over: earlier)
                    default: nil
                    }
                    if let again, again.inputs.last?.date != computed.inputs.last?.date, bands[k].contains(again.value, slack: slack) {
                        supported.insert(k)
                        continue
                    }
                }
                let mirrored = bands[k].negated.contains(computed.value, slack: slack)
                let gap = bands[k].gap(to: computed.value) - slack
                var severity: Severity = gap <= bands[k].step ? .minor : .major
                var caveat: String?
                if !mirrored, c.metric == .return, let allowance = Self.dividendAllowance(c),
                   c.value > computed.value, c.value - computed.value <= allowance + bands[k].step / 2, Self.basisStated(c) != .price {
                    severity = .caveated
                    caveat = String(format: "the data gives a price return; a total return adds the period's dividends, up to about %.2f percentage points here", allowance)
                }
                let closes = inputs.map { "\($0.date) \(Self.plain($0.value))" }.joined(separator: " → ")
                let unit = c.metric == .return ? "%" : c.metric == .points ? " points" : ""
                let f = Finding(kind: mirrored ? .direction : .data, severity: severity, claims: [c],
                                computed: computed.value,
                                tolerance: "stated \(c.quote) covers \(bands[k]); data tolerance \(ValueBand.number(slack))",
                                explanation: "\(computed.symbol) \(closes): \(String(format: "%.2f", computed.value))\(unit) (\(computed.convention)), but the text says \(c.quote) (\(Self.signed(c)))",
                                caveat: caveat, inputs: inputs)
                add(f, [k])
            }
        }

        // MARK: helpers

        /// The claim's value with its sign, as the check reads it.
        static func signed(_ c: Claim) -> String {
            let v = ValueBand.number(c.value)
            switch c.unit {
            case .percent: return (c.value > 0 && c.metric == .return ? "+" : "") + v + "%"
            case .points: return (c.value > 0 ? "+" : "") + v + " points"
            default: return v + " " + c.unit.rawValue
            }
        }

        /// "SPX return over 2025-07-01..2025-09-30"
        static func what(_ c: Claim) -> String {
            let p = c.period.map { $0.isPoint ? "on \($0.start)" : "over \($0.start)..\($0.end)" } ?? ""
            return "\(c.subject ?? "?") \(c.metric.rawValue) \(p)"
        }

        static func plain(_ x: Double) -> String { ValueBand.number(x) }

        /// The dividend allowance of a return claim's period, in percentage points.
        static func dividendAllowance(_ c: Claim) -> Double? {
            guard let p = c.period else { return nil }
            let years = Double(p.end.daysSinceEpoch - p.start.daysSinceEpoch + 1) / 365.25
            return max(0.02, CrossChecker.dividendYieldPerYear * years)
        }

        /// The basis a sentence states, if any.
        static func basisStated(_ c: Claim) -> ReturnBasis? {
            let s = c.sentence.lowercased()
            if s.contains("total return") || s.contains("including dividends") || s.contains("with dividends") { return .total }
            if s.contains("price return") || s.contains("excluding dividends") { return .price }
            return nil
        }

        func result() -> CheckResult {
            let ordered = findings.sorted { a, b in
                let x = a.0.claims[0], y = b.0.claims[0]
                return (x.doc, x.start, a.0.kind.rawValue, a.0.id) < (y.doc, y.start, b.0.kind.rawValue, b.0.id)
            }
            let verdicts: [Verdict] = input.indices.map { k in
                contradicted.contains(k) ? .contradicted : supported.contains(k) ? .supported : .unverifiable
            }
            return CheckResult(findings: ordered.map(\.0), findingClaims: ordered.map(\.1), verdicts: verdicts, copies: copies)
        }
    }
}
