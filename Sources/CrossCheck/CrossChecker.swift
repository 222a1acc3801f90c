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
        state.sentenceChecks()
        state.definitions()
        state.comparisons(data)
        if let data { state.dataChecks(data) }
        return state.result()
    }

    /// What claims must share to be compared: subject, metric, period, unit family, and for
    /// returns whether the text says it is a total return (a stated total return is never held
    /// against a price return).
    struct Key: Hashable {
        var subject: String
        var metric: Metric
        var start: CalendarDate
        var end: CalendarDate
        var family: String
        var totalReturn = false
        /// "futures" or "spot" when the claim's sentence names one and not the other: a futures
        /// settlement and a spot price are two prices ("gold futures rose to $2,674.90", "spot
        /// gold rose to $2,670.49").
        var instrument = ""
    }

    /// The working state of one check.
    struct State {
        let input: [CheckClaim]
        let bands: [ValueBand]
        /// The document of each claim, as an index, and the source cluster of each document
        /// (copies share one).
        var documentOf: [Int] = []
        var documentCluster: [Int] = []
        /// The sentence of each claim, as an index (equal sentences, equal index).
        var sentenceOf: [Int] = []
        var copies: [[String]] = []
        var findings: [(Finding, [Int])] = []
        var supported = Set<Int>()
        var contradicted = Set<Int>()
        /// Claims contradicted only because one source disagrees with them (data may clear them).
        var contradictedByTie = Set<Int>()
        /// Per key, the claims of the consensus and the values they all allow.
        var consensus: [Key: (claims: [Int], low: Double, high: Double)] = [:]

        /// Whether each claim states a session's extreme (`extremum`), decided once.
        let extreme: [Bool]
        /// Whether each claim can be compared with others (`eligible`), decided once.
        let comparable: [Bool]
        /// The instrument each comparable claim names (`instrument`), decided once.
        let instruments: [String]
        /// The key fields of each claim that were inferred rather than read, decided once: bits
        /// 1, 2, 4 for subject, metric, period.
        let inferred: [UInt8]
        static let keyFields = ["subject", "metric", "period"]

        init(input: [CheckClaim]) {
            self.input = input
            // one pass over the claims (each claim copied once): bands, extremes, comparability,
            // instruments and the key fields that were inferred
            var bands: [ValueBand] = [], extreme: [Bool] = [], comparable: [Bool] = [], instruments: [String] = [], inferred: [UInt8] = []
            bands.reserveCapacity(input.count)
            extreme.reserveCapacity(input.count)
            comparable.reserveCapacity(input.count)
            instruments.reserveCapacity(input.count)
            inferred.reserveCapacity(input.count)
            // sureness per recorded rule, looked up once per distinct rule name
            var sure: [String: Bool] = [:]
            for k in input.indices {
                let c = input[k].claim
                bands.append(ValueBand(c))
                let isExtreme = Self.extremum(c)
                extreme.append(isExtreme)
                let ok = c.subject != nil && c.period != nil && !c.forecast && !c.hypothetical && CrossChecker.comparable.contains(c.metric) && !isExtreme
                comparable.append(ok)
                instruments.append(ok ? Self.instrument(c) : "")
                var mask: UInt8 = 0
                for (bit, f) in Self.keyFields.enumerated() {
                    guard let rule = c.rules[f] else { continue }
                    let known = sure[rule] ?? RuleCatalog.isSure(rule)
                    sure[rule] = known
                    if !known { mask |= 1 << bit }
                }
                inferred.append(mask)
            }
            self.bands = bands
            self.extreme = extreme
            self.comparable = comparable
            self.instruments = instruments
            self.inferred = inferred
        }

        /// True for claims that can be compared with others of their key.
        func eligible(_ k: Int) -> Bool { comparable[k] }

        /// True when every field of claim `k`'s key (subject, metric, period) was read in its own
        /// clause or carried by structure (`RuleCatalog.isSure`); claims stored without their
        /// rules count as read.
        func keySure(_ k: Int) -> Bool { inferred[k] == 0 }

        /// The fields of claim `k`'s key that were not read (carried from the sentences before, or
        /// defaulted).
        func inferredKeyFields(_ k: Int) -> [String] {
            Self.keyFields.indices.filter { inferred[k] & (1 << $0) != 0 }.map { Self.keyFields[$0] }
        }

        /// True when claim `k` may count against another: its subject and metric read, its period
        /// read or carried from the text (a daily wrap dates every figure by the session it
        /// reports), not defaulted.
        func countsAsEvidence(_ k: Int) -> Bool {
            let c = input[k].claim
            if let rule = c.rules["period"], RuleCatalog.rule(rule)?.provenance == .defaulted { return false }
            return inferred[k] & 0b011 == 0
        }

        /// True when claim `k` may be found wrong at all: a claim whose period was defaulted, or
        /// whose subject and period both rest on the sentences before it, states too little of its
        /// key to be contradicted (it stays unverifiable).
        func contradictable(_ k: Int) -> Bool {
            let c = input[k].claim
            if let rule = c.rules["period"], RuleCatalog.rule(rule)?.provenance == .defaulted { return false }
            return inferred[k].nonzeroBitCount < 2
        }

        /// True when two claims of one document may be held against each other: both keys read.
        /// One article giving one key two values is a restatement that changed only when it says
        /// so twice; a second figure whose subject or period the extraction inferred is, far more
        /// often, about something else (the intraday low, another stock, another week).
        func sameDocumentComparable(_ a: Int, _ b: Int) -> Bool {
            documentOf[a] != documentOf[b] || (keySure(a) && keySure(b))
        }

        /// The key: subject, metric, period, unit family.
        func key(_ k: Int) -> Key {
            let c = input[k].claim
            return Key(subject: c.subject!, metric: c.metric, start: c.period!.start, end: c.period!.end, family: CanonicalUnit(c.unit).family,
                       totalReturn: c.metric == .return && Self.basisStated(c) == .total, instrument: instruments[k])
        }

        // MARK: copies

        /// Documents that share at least 80% of the smaller one's claim sentences (and at least
        /// two) are copies.
        mutating func clusterCopies() {
            var index: [String: Int] = [:]
            var order: [String] = []
            documentOf = input.map { c in
                if let i = index[c.document] { return i }
                index[c.document] = order.count
                order.append(c.document)
                return order.count - 1
            }
            var sentenceID: [String: Int] = [:]
            var sentences = Array(repeating: Set<Int>(), count: order.count)
            sentenceOf = Array(repeating: 0, count: input.count)
            for (k, c) in input.enumerated() {
                let id = sentenceID[c.claim.sentence] ?? sentenceID.count
                sentenceID[c.claim.sentence] = id
                sentenceOf[k] = id
                sentences[documentOf[k]].insert(id)
            }
            // Candidates: documents that share one of their three "anchor" sentences (those with
            // the smallest hash, FNV-1a so that runs agree): two documents sharing 80% of their
            // sentences almost always share an anchor (MinHash), and no pair of documents that
            // shares nothing is ever looked at. An anchor in over 500 documents is boilerplate.
            var hashes = Array(repeating: UInt64(0), count: sentenceID.count)
            for (text, id) in sentenceID { hashes[id] = FNV1a.hash(text) }
            var buckets: [Int: [Int]] = [:]
            for d in order.indices {
                for s in sentences[d].sorted(by: { hashes[$0] < hashes[$1] }).prefix(3) { buckets[s, default: []].append(d) }
            }
            var shared: [Int: Int] = [:]  // (a << 32 | b) → sentences shared, a < b
            for docs in buckets.values where docs.count > 1 && docs.count <= 500 {
                for (i, a) in docs.enumerated() {
                    for b in docs[(i + 1)...] {
                        let pair = min(a, b) << 32 | max(a, b)
                        if shared[pair] == nil { shared[pair] = sentences[a].intersection(sentences[b]).count }
                    }
                }
            }
            var parent = Array(order.indices)
            func find(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { i = parent[i] }
                return i
            }
            for (pair, n) in shared {
                let a = pair >> 32, b = pair & 0xFFFF_FFFF
                guard n >= 2, Double(n) >= 0.8 * Double(min(sentences[a].count, sentences[b].count)) else { continue }
                let ra = find(a), rb = find(b)
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            var groups: [Int: [String]] = [:]
            documentCluster = order.indices.map { find($0) }
            for (i, d) in order.enumerated() { groups[documentCluster[i], default: []].append(d) }
            copies = groups.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        }

        /// The source cluster of claim `k`.
        func cluster(_ k: Int) -> Int { documentCluster[documentOf[k]] }

        /// True when two claims may be compared: different sources, or the same document but
        /// not the same sentence (one sentence giving one key two values is, in practice, a
        /// period the extraction carried too far: "a 14.4% gain since April erased its 14.5% drop").
        func independent(_ a: Int, _ b: Int) -> Bool {
            if documentOf[a] == documentOf[b] { return sentenceOf[a] != sentenceOf[b] }
            return cluster(a) != cluster(b)
        }

        // MARK: conflicts

        mutating func conflicts() {
            // groups in the order their first claims come, so findings come out the same on every run
            var groupOf: [Key: Int] = [:]
            var groups: [(key: Key, members: [Int])] = []
            for k in input.indices where eligible(k) {
                let key = key(k)
                if let g = groupOf[key] { groups[g].members.append(k) } else { groupOf[key] = groups.count; groups.append((key, [k])) }
            }
            for (groupKey, members) in groups {
                if members.count == 1 {
                    consensus[groupKey] = (members, bands[members[0]].low, bands[members[0]].high)
                    continue
                }
                // The consensus: the value covered by the most independent sources (then the most
                // claims), found by one sweep over the bands' ends: O(m log m) for m claims.
                var events: [(x: Double, opening: Bool, claim: Int)] = []
                events.reserveCapacity(members.count * 2)
                for k in members {
                    events.append((bands[k].low.isFinite ? ValueBand.snapped(bands[k].low) : -Double.greatestFiniteMagnitude, true, k))
                    events.append((bands[k].high.isFinite ? ValueBand.snapped(bands[k].high) : Double.greatestFiniteMagnitude, false, k))
                }
                // bands hold their low end, not their high end (`ValueBand.overlaps`): at one x,
                // closings come before openings
                events.sort { $0.x < $1.x || ($0.x == $1.x && !$0.opening && $1.opening) }
                var open: [Int: Int] = [:]  // cluster → open claims
                var sources = 0, claims = 0
                var best: (point: Double, sources: Int, claims: Int)?
                for e in events {
                    let c = cluster(e.claim)
                    if e.opening {
                        open[c, default: 0] += 1
                        if open[c] == 1 { sources += 1 }
                        claims += 1
                        if best == nil || sources > best!.sources || (sources == best!.sources && claims > best!.claims) {
                            best = (e.x, sources, claims)
                        }
                    } else {
                        open[c]! -= 1
                        if open[c] == 0 { sources -= 1 }
                        claims -= 1
                    }
                }
                guard let point = best?.point else { continue }
                let consensus = members.filter { bands[$0].covers(point) }
                self.consensus[groupKey] = (consensus, consensus.map { bands[$0].low }.max()!, consensus.map { bands[$0].high }.min()!)
                for k in members where !consensus.contains(k) {
                    // only a claim that states its key can be found wrong, and only by claims of
                    // other sources that state theirs
                    guard contradictable(k) else { continue }
                    let against = consensus.filter { independent(k, $0) && sameDocumentComparable(k, $0) && countsAsEvidence($0)
                        && !bands[k].overlaps(bands[$0]) }
                    guard !against.isEmpty else { continue }
                    // the evidence: up to five agreeing claims, from as many documents as there are
                    // (other documents first: the first is the one the finding cites)
                    var seen = Set<Int>(), evidence: [Int] = []
                    for a in against where evidence.count < 5 && documentOf[a] != documentOf[k] && seen.insert(documentOf[a]).inserted { evidence.append(a) }
                    for a in against where evidence.count < 5 && seen.insert(documentOf[a]).inserted { evidence.append(a) }
                    for a in against where evidence.count < 5 && !evidence.contains(a) { evidence.append(a) }
                    report(conflict: k, against: evidence, agreeing: against.count)
                    // a "consensus" of one source is no better than the claim it contradicts
                    if best!.sources == 1 {
                        for a in against where !contradicted.contains(a) {
                            contradicted.insert(a)
                            contradictedByTie.insert(a)
                        }
                    }
                }
                // agreement between independent sources supports
                for a in consensus where consensus.contains(where: { documentOf[$0] != documentOf[a] && independent(a, $0) }) {
                    supported.insert(a)
                }
            }
        }

        mutating func report(conflict k: Int, against: [Int], agreeing: Int) {
            let c = input[k].claim
            // the claims the finding cites against it: per document, the exact ones at least as
            // precise as the figure found wrong (the most precise one when there are none); the
            // others that agree are named in the explanation. Citing a rounder figure too would
            // read as if the agreeing figures disagreed among themselves (7.79% and 7.8%).
            var cited: [Int] = []
            let sharp = against.filter { input[$0].claim.bound == .exact && bands[$0].step <= bands[k].step }
            for a in (sharp.isEmpty ? [against.min { bands[$0].step < bands[$1].step }!] : sharp)
            where !cited.contains(where: { documentOf[$0] == documentOf[a] }) {
                cited.append(a)
            }
            // the rounding allowed is that of the exact figures: an "about 8%" among them would
            // widen it to a whole point
            let exact = against.filter { input[$0].claim.bound == .exact }
            let precise = exact.isEmpty ? against : exact
            let step = ([k] + precise).map { bands[$0].step }.max() ?? 0
            let gap = against.map { bands[k].gap(to: bands[$0]) }.min() ?? 0
            // the same size with the other sign: the verb or sign is the error
            let mirrored = against.allSatisfy { bands[k].negated.overlaps(bands[$0]) } && c.value != 0
            var others = against.prefix(4).map { o in
                "\(input[o].claim.doc) says \(input[o].claim.quote) (\(Self.signed(input[o].claim)), covers \(bands[o]))"
            }.joined(separator: "; ")
            if agreeing > 4 { others += " (and \(agreeing - 4) more claims that agree)" }
            let explanation: String
            if mirrored {
                explanation = "\(c.doc) says \(c.quote) (\(Self.signed(c))) for \(Self.what(c)), but \(others): the same size with the opposite sign"
            } else {
                explanation = "\(c.doc) says \(c.quote) (\(Self.signed(c)), covers \(bands[k])) for \(Self.what(c)), but \(others): the bands do not overlap"
            }
            var caveat: String?
            var severity: Severity = gap <= step ? .minor : .major
            if !mirrored, c.metric == .return, var allowance = Self.dividendAllowance(c) {
                // MSCI publishes price, net and gross variants of each index: they differ by the
                // dividends and by the tax withheld on them (emerging markets yield about 3%)
                let msci = c.subject?.hasPrefix("MX") == true || (c.subjectText ?? "").contains("MSCI")
                if msci { allowance = max(allowance, allowance * 2) }
                // one figure a total return and the other a price return? Only when the dividends
                // of the period could close the gap between the bands (a day's dividends cannot
                // close a tenth of a point)
                if gap <= allowance, Self.basisStated(c) != Self.basisStated(input[against[0]].claim) || Self.basisStated(c) == nil {
                    severity = .caveated
                    caveat = msci
                        ? String(format: "MSCI publishes price, net and gross return versions of its indexes, which differ by the dividends and the tax withheld on them, up to about %.2f percentage points here; check which each source quotes", allowance)
                        : String(format: "a total return (with dividends) and a price return differ by about the period's dividend yield, up to %.2f percentage points here; check which each source quotes", allowance)
                }
            }
            // sureness (DESIGN.md): a key field that no claim stated but the extraction defaulted
            // (the document's date for a period, a subject by default) makes the finding a guess:
            // at most minor, saying which field was guessed, and no claim is contradicted by it
            let guessed = guessedKeyFields(k, against)
            if !guessed.isEmpty {
                if severity == .major { severity = .minor }
                let note = "the \(guessed.joined(separator: " and ")) of a claim here is not stated beside it but inferred from the text around it, so these figures may be about different things"
                caveat = caveat.map { $0 + "; " + note } ?? note
            }
            let finding = Finding(kind: mirrored ? .direction : .conflict, severity: severity,
                                  claims: [c] + cited.map { input[$0].claim }, computed: nil,
                                  tolerance: "stated \(c.quote) covers \(bands[k]); " + against.prefix(4).map { "\(input[$0].claim.quote) covers \(bands[$0])" }.joined(separator: "; "),
                                  explanation: explanation, caveat: caveat)
            let sameArticle = against.allSatisfy { documentOf[$0] == documentOf[k] }
            add(finding, [k] + cited, rule: mirrored ? "direction.mirrored" : (sameArticle ? "conflict.same-article" : "conflict.sources"),
                contradicts: guessed.isEmpty)
        }

        /// The key fields (subject, metric, period) not stated on one side of a conflict: the
        /// claim found wrong did not state it, or none of the claims it is held against did —
        /// the field was defaulted, or carried from the sentences before rather than read
        /// (`RuleCatalog.isSure`). Claims without recorded rules (stored before rules were kept)
        /// count as stated.
        func guessedKeyFields(_ k: Int, _ against: [Int]) -> [String] {
            // a field is guessed when `k` inferred it, or every claim against it did (`inferred`)
            let everyAgainst = against.reduce(UInt8(0b111)) { $0 & inferred[$1] }
            let mask = inferred[k] | everyAgainst
            return Self.keyFields.indices.filter { mask & (1 << $0) != 0 }.map { Self.keyFields[$0] }
        }

        /// Records a finding made by the check `rule` (`RuleCatalog.checks`), with the key fields
        /// of its claims that were inferred rather than read.
        mutating func add(_ f: Finding, _ claims: [Int], rule: String, contradicts: Bool = true) {
            var f = f
            f.rule = rule
            f.inferred = claims.flatMap { k in
                inferredKeyFields(k).map { field in
                    let c = input[k].claim
                    return "\(field) of \(c.doc) \(c.quote) (\(c.rules[field] ?? "none"))"
                }
            }
            findings.append((f, claims))
            if f.severity != .caveated, contradicts { contradicted.insert(claims[0]) }
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
                for k in claims where input[k].claim.metric == .level && input[k].claim.unit == .level && input[k].claim.period!.isPoint && input[k].claim.bound == .exact
                    && !extreme[k] {
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
                    // the close the move starts from is the session just before the period (a record
                    // set on Monday is no start for Thursday's move)
                    guard d == TradingCalendar.session(onOrBefore: day.adding(days: -1)) else { return nil }
                    return list[0]
                }
                // changes: one percent and one points claim per subject, period and sentence
                var changes: [String: (percent: Int?, points: Int?)] = [:]
                for k in claims where input[k].claim.bound == .exact && !extreme[k] {
                    let c = input[k].claim
                    let key = "\(c.subject!)|\(c.period!.start)|\(c.period!.end)|\(c.sentence)"
                    if c.metric == .return && c.unit == .percent { changes[key, default: (nil, nil)].percent = changes[key]?.percent ?? k }
                    if c.metric == .points && c.unit == .points { changes[key, default: (nil, nil)].points = changes[key]?.points ?? k }
                }
                for (_, change) in changes.sorted(by: { $0.key < $1.key }) {
                    let any = input[change.percent ?? change.points!].claim
                    let subject = any.subject!, period = any.period!
                    let end = level(subject, period.end, sentence: any.sentence)
                    var start = startLevel(subject, before: period.start)
                    // the same close dated to two days (a weekend's section label and the session it
                    // reports) is no start level: the index did not close twice at one figure
                    if let s = start, let e = end, input[s].claim.value == input[e].claim.value { start = nil }
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
            add(f, [k] + with, rule: mirrored ? "direction.mirrored" : "arithmetic.move")
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
                            explanation: "\"\(verb)\" says \(direction.rawValue), but \(c.quote) is written with the sign of a move \(written.rawValue)"), [k], rule: "direction.sign")
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
                if other == "*" {
                    againstAll(k, above: above)
                    continue
                }
                var otherValue: (low: Double, high: Double, what: String, claims: [Int], inputs: [FindingInput])?
                if let data, data.symbol(for: other) != nil,
                   let v = try? (c.metric == .points ? data.pointChange(other, over: period) : data.periodReturn(other, over: period)) {
                    let closes = v.inputs.map { "\($0.date) " + String(format: "%.2f", $0.value) }.joined(separator: " → ")
                    otherValue = (v.value, v.value, String(format: "%.2f", v.value) + (c.unit == .percent ? "%" : " points") + " in the data (\(v.symbol) \(closes))", [],
                                  v.inputs.map { FindingInput(symbol: $0.symbol, date: $0.date, value: $0.value, role: $0.role) })
                } else if let agreed = consensus[Key(subject: other, metric: c.metric, start: period.start, end: period.end, family: CanonicalUnit(c.unit).family)] {
                    let quotes = agreed.claims.prefix(3).map { "\(input[$0].claim.quote) (\(input[$0].claim.doc))" }.joined(separator: ", ")
                    otherValue = (agreed.low, agreed.high, quotes, agreed.claims, [])
                }
                guard let o = otherValue else { continue }
                let contradicts = above ? bands[k].high < o.low : bands[k].low > o.high
                guard contradicts else { continue }
                let verb = above ? "did better than" : "did worse than"
                let span = period.isPoint ? "on \(period.start)" : "over \(period.start)..\(period.end)"
                add(Finding(kind: .direction, severity: .major, claims: [c] + o.claims.prefix(3).map { input[$0].claim }, computed: nil,
                            tolerance: "stated \(c.quote) covers \(bands[k]); \(other)'s figure covers [\(Self.plain(o.low)), \(Self.plain(o.high)))",
                            explanation: "the text says \(c.subject!) \(verb) \(other) \(span), with \(c.quote), but \(other)'s figure is \(o.what)",
                            inputs: o.inputs), [k] + o.claims.prefix(3), rule: "direction.comparison")
            }
        }

        /// "led all indexes" / "the laggard": against the other subjects the same document gives
        /// a figure of the same metric and period (their consensus values where sources agree).
        mutating func againstAll(_ k: Int, above: Bool) {
            let c = input[k].claim
            let family = CanonicalUnit(c.unit).family
            var beaten: [Int] = []
            guard contradictable(k) else { return }
            for o in input.indices where documentOf[o] == documentOf[k] && o != k && eligible(o) && countsAsEvidence(o) {
                let d = input[o].claim
                // "the others" are of the subject's own kind: sectors against sectors, not the
                // stocks within a sector or an index beside them
                guard d.subject != c.subject, Self.sector(d.subject) == Self.sector(c.subject), d.metric == c.metric, d.period == c.period,
                      CanonicalUnit(d.unit).family == family,
                      !beaten.contains(where: { input[$0].claim.subject == d.subject }) else { continue }
                let band = consensus[key(o)].map { ($0.low, $0.high) } ?? (bands[o].low, bands[o].high)
                if above ? band.0 > bands[k].high : band.1 < bands[k].low { beaten.append(o) }
            }
            guard let first = beaten.first else { return }
            let o = input[first].claim
            let span = c.period!.isPoint ? "on \(c.period!.start)" : "over \(c.period!.start)..\(c.period!.end)"
            add(Finding(kind: .direction, severity: keySure(k) ? .major : .minor, claims: [c] + beaten.prefix(3).map { input[$0].claim }, computed: nil,
                        tolerance: "stated \(c.quote) covers \(bands[k]); \(o.quote) covers \(bands[first])",
                        explanation: "the text says \(c.subject!) did \(above ? "better" : "worse") than all the others \(span), with \(c.quote), but \(o.subject ?? "another") \(above ? "did better" : "did worse") with \(o.quote)"),
                [k] + beaten.prefix(3), rule: "direction.against-all")
        }

        // MARK: data

        mutating func dataChecks(_ data: MarketData) {
            for k in input.indices where eligible(k) {
                let c = input[k].claim
                guard [.return, .points, .level].contains(c.metric), let subject = c.subject, let period = c.period,
                      data.symbol(for: subject) != nil else { continue }
                let computed: MetricValue
                switch (c.metric, c.unit) {
                case (.return, .percent):
                    // a stated total return is checked only where the data has adjusted closes or dividends
                    let basis: ReturnBasis = Self.basisStated(c) == .total ? .total : .price
                    guard let v = try? data.periodReturn(subject, over: period, basis: basis) else { continue }
                    computed = v
                case (.points, .points): guard let v = try? data.pointChange(subject, over: period) else { continue }; computed = v
                case (.level, .level) where period.isPoint: guard let v = try? data.level(subject, on: period.start) else { continue }; computed = v
                default: continue
                }
                // sources differ by a few hundredths, and now and then by points (README of the data)
                let slack = c.metric == .return ? 0.02 : max(0.01, abs(computed.value) * 0.0005)
                let inputs = computed.inputs.map { FindingInput(symbol: $0.symbol, date: $0.date, value: $0.value, role: $0.role) }
                if bands[k].contains(computed.value, slack: slack) {
                    supported.insert(k)
                    if contradictedByTie.remove(k) != nil { contradicted.remove(k) }
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
                        if contradictedByTie.remove(k) != nil { contradicted.remove(k) }
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
                let closes = inputs.map { "\($0.date) " + String(format: "%.2f", $0.value) }.joined(separator: " → ")
                let unit = c.metric == .return ? "%" : c.metric == .points ? " points" : ""
                let f = Finding(kind: mirrored ? .direction : .data, severity: severity, claims: [c],
                                computed: computed.value,
                                tolerance: "stated \(c.quote) covers \(bands[k]); data tolerance \(ValueBand.number(slack))",
                                explanation: "\(computed.symbol) \(closes): \(String(format: "%.2f", computed.value))\(unit) (\(computed.convention)), but the text says \(c.quote) (\(Self.signed(c)))",
                                caveat: caveat, inputs: inputs)
                add(f, [k], rule: mirrored ? "direction.mirrored" : "data.close")
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
            let days = p.end.daysSinceEpoch - p.start.daysSinceEpoch + 1
            // a session's or a week's move is quoted as a price change: no total return to allow for
            guard days > 7 else { return nil }
            return max(0.02, CrossChecker.dividendYieldPerYear * Double(days) / 365.25)
        }

        /// The basis the claim's clause states, if any: "total return", "including dividends"
        /// → total; "price return", "on a price basis", "excluding dividends" → price. The clause is
        /// the part of the sentence around the quote between semicolons or "while"/"but"/"whereas",
        /// so "Including dividends it returned 8.1%; on a price basis it rose 7.8%" gives each its own.
        static func basisStated(_ c: Claim) -> ReturnBasis? {
            // most sentences name no basis: a byte scan for the words' stems settles them cheaply
            guard ["ividend", "eturn", "rice"].contains(where: { hasBytes(c.sentence, $0) }) else { return nil }
            let s = c.sentence.lowercased()
            var clause = Substring(s)
            if let at = s.range(of: c.quote.lowercased()) {
                var lo = s.startIndex, hi = s.endIndex
                for separator in [";", " while ", " but ", " whereas ", " — "] {
                    if let r = s.range(of: separator, options: .backwards, range: s.startIndex..<at.lowerBound), r.upperBound > lo { lo = r.upperBound }
                    if let r = s.range(of: separator, range: at.upperBound..<s.endIndex), r.lowerBound < hi { hi = r.lowerBound }
                }
                // a relative clause after the figure is about something else: "gaining nearly 29% in
                // 2021, …, which has doubled over three years on a total return basis"
                if let r = s.range(of: ", which ", range: at.upperBound..<s.endIndex), r.lowerBound < hi { hi = r.lowerBound }
                clause = s[lo..<hi]
            }
            let total = ["total return", "including dividends", "with dividends", "dividends reinvested"]
            let price = ["price return", "price basis", "excluding dividends", "price-only"]
            if total.contains(where: { clause.contains($0) }) { return .total }
            if price.contains(where: { clause.contains($0) }) { return .price }
            return nil
        }

        /// True when `needle` occurs in `text` (bytes, case-sensitive).
        /// Byte stems of "futures" and "spot ", for one scan before any string work.
    static let instrumentStems = ByteStems(["utures", "pot "])

    /// "futures" or "spot" when the sentence names one of them and not the other, else "".
    static func instrument(_ c: Claim) -> String {
        guard instrumentStems.found(in: c.sentence) else { return "" }
        let s = c.sentence.lowercased()
        let futures = s.contains("futures"), spot = s.contains("spot ")
        return futures == spot ? "" : (futures ? "futures" : "spot")
    }

    /// True for the id of an S&P 500 sector (`S5INFT`, `S5UTIL`, …).
    static func sector(_ id: String?) -> Bool { id.map { $0.hasPrefix("S5") && $0.count == 6 } ?? false }

    /// Words before a level or move that make it a session's extreme, not its close or its
    /// change: "the low reached 25,471", "as much as 600 points", "an intraday high of 42,xxx".
    static let extremeWords: Set<String> = ["low", "lows", "high", "highs", "peak", "trough", "intraday", "intra-day"]
    /// Words that make an extreme a close after all: "closed at a record high of 5,000".
    static let closeWords: Set<String> = ["closed", "close", "closes", "closing", "settled", "ended", "finished", "ends"]

    /// True when a level, points or return claim states a session's extreme rather than its close
    /// or change: one of `extremeWords` or "as much as", "as high as", "as low as", "at one point"
    /// in the five words before its quote, and no closing word in the eight before it.
    static func extremum(_ c: Claim) -> Bool {
        // most sentences hold none of the words: a byte scan settles them before any string work
        guard [.level, .points, .return].contains(c.metric), mayNameExtreme(c.sentence),
              let all = c.wordsBeforeQuote(hyphenated: true) else { return false }
        let words = all.suffix(5).map(String.init)
        guard !all.suffix(8).contains(where: { closeWords.contains(String($0)) }) else { return false }
        if words.contains(where: { extremeWords.contains($0) }) { return true }
        let tail = words.suffix(3).joined(separator: " ")
        return tail.hasSuffix("as much as") || tail.hasSuffix("as high as") || tail.hasSuffix("as low as") || tail.hasSuffix("at one point")
    }

    /// Byte stems of the words `extremum` looks for ("low", "high", "peak", "trough", "intraday",
    /// "as much as", "at one point").
    static let extremeStems = ByteStems(["low", "igh", "peak", "rough", "ntra", "much", "one point"])

    /// True when the sentence holds one of `extremeStems`.
    static func mayNameExtreme(_ text: String) -> Bool { extremeStems.found(in: text) }

    static func hasBytes(_ text: String, _ needle: StaticString) -> Bool {
            let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            return text.utf8.withContiguousStorageIfAvailable { h -> Bool in
                guard h.count >= n.count else { return false }
                for i in 0...(h.count - n.count) where h[i] == n[0] {
                    var k = 1
                    while k < n.count, h[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            } ?? true
        }

        func result() -> CheckResult {
            let ids = findings.map(\.0.id)
            let ordered = findings.indices.sorted { i, j in
                let x = findings[i].0.claims[0], y = findings[j].0.claims[0]
                return (x.doc, x.start, findings[i].0.kind.rawValue, ids[i]) < (y.doc, y.start, findings[j].0.kind.rawValue, ids[j])
            }.map { findings[$0] }
            let verdicts: [Verdict] = input.indices.map { k in
                contradicted.contains(k) ? .contradicted : supported.contains(k) ? .supported : .unverifiable
            }
            return CheckResult(findings: ordered.map(\.0), findingClaims: ordered.map(\.1), verdicts: verdicts, copies: copies)
        }
    }
}
