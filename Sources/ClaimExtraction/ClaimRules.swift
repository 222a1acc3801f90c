import ClaimModel
import Recognizers

/// A claim while its fields are being decided, with token positions in its sentence.
struct Draft {
    var mention: QuantityMention
    var value: Double
    var unit: QuantityUnit
    var metric: Metric = .other
    var subject: Entity?
    var subjectText: String?
    var period: Period?
    var direction: Direction?
    var forecast = false
    var hypothetical = false
    /// A change (a move, a flow), whose value is signed by its direction; not a level, a share or a gap.
    var isChange = false
    /// A figure inside a superlative's yardstick ("its worst drop since the 22.6% tumble on Oct.
    /// 19, 1987"): its period dates history, not the text's frame.
    var yardstick = false
    /// A rate or share reached or moved with a verb of change (set before `isChange` is known).
    var isChangeLike: Bool { direction != nil || mention.signed }
    var clause = 0
    var rules = FieldRules()
}

/// The rule behind each field of a draft claim. Fixed fields rather than a dictionary: the rules
/// set them several times per claim, and a claim's dictionary is built once, at the end.
struct FieldRules {
    var value: String?
    var unit: String?
    var subject: String?
    var metric: String?
    var period: String?
    var direction: String?
    /// A comparison the sentence makes of the subject with another entity
    /// (`comparison.above:RUT`), for the cross-check.
    var comparison: String?

    /// The rules as the claim model keeps them: field name → rule name.
    var dictionary: [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(7)
        for (k, v) in [("value", value), ("unit", unit), ("subject", subject), ("metric", metric), ("period", period), ("direction", direction),
                       ("comparison", comparison)] {
            if let v { out[k] = v }
        }
        return out
    }
}

/// The claim rules for one sentence of prose (tables have their own, in `TableRules`).
///
/// For each quantity, in order: the clause it sits in, its metric (cue words around it and its
/// unit), its subject (a possessive just before it, "for X" just after it, the nearest entity
/// before it in its clause that is not an object of "than"/"to"/"of"/"outperforming", an unnamed
/// subject of its own such as "small-cap ETFs", else the sentence's subject, else an anaphor's
/// antecedent), its direction (a sign, the verb or noun around it, or the clause it is compared
/// with), its period (its own, the sentence's fronted one, the clause's, or the one it is
/// compared with), and whether it is a projection or an illustrative example.
struct ClaimRules {
    let a: SentenceAnalysis
    let context: RecognizerContext
    var discourse: Discourse

    /// Clause index of each token.
    var clauseOf: [Int] = []
    /// The first token of each clause.
    var clauseStart: [Int] = []
    /// Tokens inside parentheses.
    var inParens: [Bool] = []
    /// The period of the latest claim of this sentence, for "over the same three sessions".
    var sentencePeriod: Period?
    /// The latest single day a claim of this sentence is about, for "on the day".
    var sentenceDay: Period?

    init(_ a: SentenceAnalysis, _ context: RecognizerContext, _ discourse: Discourse) {
        self.a = a
        self.t = a.tokens
        self.context = context
        self.discourse = discourse
        segment()
    }

    // MARK: token helpers

    /// Facts about the whole sentence that the rules would otherwise look up for every claim:
    /// where "respectively" is, whether a hypothetical cue is present.
    var respectivelyAt: Int?
    var hasHypothetical = false
    /// The "would" of the writer's own conditional plan ("we would add below 6,400", "we keep
    /// an overweight but would trim after a further 5% rally"), if any.
    var planAt: Int?

    /// Per token, the index in `a.cues` of the cue starting (ending) there, or -1: the rules ask
    /// about cues at given tokens for every claim, and must not scan the sentence's cues each time.
    var cueStart: [Int32] = []
    var cueEnd: [Int32] = []

    /// The sentence's tokens (a stored copy: reading `a.tokens` through a computed property
    /// retains and releases the array at every access).
    let t: [Token]
    func lower(_ i: Int) -> String { a.lower(i) }
    func isSymbol(_ i: Int, _ s: Unicode.Scalar...) -> Bool { i >= 0 && i < t.count && t[i].kind == .symbol && s.contains(t[i].scalar) }

    /// The cues starting at token `i` (one phrase may carry several cues; cues of different
    /// phrases never overlap, so they sit together in `a.cues`).
    func cuesStarting(_ i: Int) -> ArraySlice<CueMention> {
        guard i >= 0, i < cueStart.count, cueStart[i] >= 0 else { return [] }
        var n = Int(cueStart[i])
        while n < a.cues.count, a.cues[n].start == i { n += 1 }
        return a.cues[Int(cueStart[i])..<n]
    }

    /// The cues ending just before token `i` (their `end == i`).
    func cuesEnding(_ i: Int) -> ArraySlice<CueMention> {
        guard i >= 1, i <= cueEnd.count, cueEnd[i - 1] >= 0 else { return [] }
        var n = Int(cueEnd[i - 1])
        while n < a.cues.count, a.cues[n].end == i { n += 1 }
        return a.cues[Int(cueEnd[i - 1])..<n]
    }

    /// Cues whose phrase starts at token `i`.
    func cues(at i: Int) -> [Cue] { cuesStarting(i).map(\.cue) }

    /// True when a cue phrase starting at token `i` is `cue` (no array made).
    func cue(at i: Int, _ cue: Cue) -> Bool {
        guard i >= 0, i < cueStart.count, cueStart[i] >= 0 else { return false }
        var n = Int(cueStart[i])
        while n < a.cues.count, a.cues[n].start == i {
            if a.cues[n].cue == cue { return true }
            n += 1
        }
        return false
    }

    /// The cue mentions inside tokens `lo..<hi`, in order.
    func cueMentions(_ lo: Int, _ hi: Int) -> [CueMention] {
        if hi - lo > a.cues.count { return a.cues.filter { $0.start >= lo && $0.end <= hi } }
        var out: [CueMention] = []
        for k in max(0, lo)..<max(max(0, lo), min(hi, t.count)) { out += cuesStarting(k).filter { $0.end <= hi } }
        return out
    }

    func hasCue(_ lo: Int, _ hi: Int, _ test: (Cue) -> Bool) -> Bool {
        // by token for a short window, else over the sentence's cues
        if hi - lo > a.cues.count {
            for c in a.cues where c.start >= lo && c.end <= hi && test(c.cue) { return true }
            return false
        }
        for k in max(0, lo)..<max(max(0, lo), min(hi, t.count)) {
            for c in cuesStarting(k) where c.end <= hi && test(c.cue) { return true }
        }
        return false
    }

    /// Tokens `from..<to`, empty when `to` comes first (the rules never build a reversed range,
    /// which would trap).
    func span(_ from: Int, _ to: Int) -> Range<Int> { from..<max(from, to) }

    func clauseRange(_ c: Int) -> (Int, Int) {
        let lo = clauseStart[c]
        let hi = c + 1 < clauseStart.count ? clauseStart[c + 1] : t.count
        return (lo, hi)
    }

    // MARK: clauses

    /// Words that open a clause.
    static let clauseWords: WordSet = ["and", "while", "but", "whereas", "which", "although", "though", "compared", "versus", "vs", "or"]

    /// Splits the sentence at `;`, `:`, spaced dashes, parentheses, commas, and conjunctions that
    /// open a clause ("and", "while", "but", "which", "compared with"), never inside a name or a date.
    mutating func segment() {
        // built in locals and stored at the end: the loops then never touch `self` while it is
        // being changed
        let t = self.t, a = self.a, n = t.count
        var starts = [Int32](repeating: -1, count: n)
        var ends = [Int32](repeating: -1, count: n)
        let cues = a.cues
        for k in stride(from: cues.count - 1, through: 0, by: -1) where cues[k].start < cues[k].end && cues[k].end <= n {
            // the first of the cues starting (ending) at a token
            starts[cues[k].start] = Int32(k)
            ends[cues[k].end - 1] = Int32(k)
        }
        hasHypothetical = cues.contains { $0.cue == .hypothetical }
        var inside = [Bool](repeating: false, count: n)
        for e in a.entities { for k in e.start..<e.end { inside[k] = true } }
        for p in a.periods { for k in p.start..<p.end { inside[k] = true } }
        for q in a.quantities { for k in q.spanStart..<min(q.spanEnd, n) { inside[k] = true } }
        var inParens = [Bool](repeating: false, count: n)
        var boundaries = [Bool](repeating: false, count: n)
        var dashes: [Int] = []
        var depth = 0
        var sawWe = false
        respectivelyAt = nil
        planAt = nil
        for i in 0..<n {
            let tok = t[i]
            var boundary = false
            if tok.kind == .symbol {
                let c = tok.scalar
                if !inside[i] {
                    switch c {
                    case ";", ",", "(", ")", "\u{2014}", "[", "]": boundary = true
                    case ":": boundary = !(i > 0 && t[i - 1].kind == .word && starts[i - 1] >= 0
                                           && cues[Int(starts[i - 1])...].prefix { $0.start == i - 1 }.contains { $0.cue == .exchange })
                    case "\u{2013}", "-": boundary = tok.spaceBefore && i + 1 < n && t[i + 1].spaceBefore
                    default: break
                    }
                }
                if c == "(" { depth += 1 }
                inParens[i] = depth > 0
                if c == ")" { depth = max(0, depth - 1) }
                if c == "\u{2014}" || (c == "\u{2013}" && tok.spaceBefore) { dashes.append(i) }
            } else {
                inParens[i] = depth > 0
                if tok.kind == .word {
                    if i > 0, !inside[i] { boundary = ClaimRules.clauseWords.contains(tok) }
                    // sentence-wide facts: "respectively"; the writer's own "we … would"
                    if ClaimRules.sentenceWords.contains(tok) {
                        if a.isWord(i, "respectively") { respectivelyAt = respectivelyAt ?? i }
                        if a.isWord(i, "we") { sawWe = true }
                        if sawWe, planAt == nil, a.isWord(i, "would") { planAt = i }
                    }
                }
            }
            boundaries[i] = boundary
        }
        // an aside between two dashes ("the Magnificent Seven — Apple, …, Tesla — now make up")
        // is parenthetical too
        var pairs = dashes.makeIterator()
        while let open = pairs.next(), let close = pairs.next() {
            for k in open...close { inParens[k] = true }
        }
        var clauseOf = [Int](repeating: 0, count: n)
        var clauseStart = [0]
        for i in 0..<n {
            // a clause longer than `maxClauseTokens` (a list or a run of figures, not prose) is
            // cut, so the rules that look across a clause for every claim stay cheap
            if (boundaries[i] && i > 0 && clauseStart.last! < i) || i - clauseStart.last! >= ClaimRules.maxClauseTokens,
               !inside[i] {
                clauseStart.append(i)
            }
            clauseOf[i] = clauseStart.count - 1
        }
        self.cueStart = starts
        self.cueEnd = ends
        self.inParens = inParens
        self.clauseOf = clauseOf
        self.clauseStart = clauseStart
    }

    /// Words whose presence the rules note once per sentence.
    static let sentenceWords: WordSet = ["respectively", "we", "would"]

    /// The longest clause, in tokens; real clauses run well under it.
    static let maxClauseTokens = 60

    // MARK: which numbers are claims

    /// The quantities of the sentence that are claims, with their first decisions.
    func candidates() -> [Draft] {
        var out: [Draft] = []
        // a run of figures without a single word ("12,345.67%-8/9…") states nothing about anything
        guard t.contains(where: { $0.kind == .word }) else { return out }
        for q in a.quantities {
            switch q.role {
            case .quantity:
                // every count of things is a claim (the gold conventions): the recognizer gives a
                // count only to a number with a countable noun or a streak
                guard let unit = q.unit else { continue }
                out.append(Draft(mention: q, value: q.value, unit: unit, clause: clauseOf[q.start]))
            case .bare:
                if levelContext(q) {
                    var d = Draft(mention: q, value: q.value, unit: .level, clause: clauseOf[q.start])
                    d.metric = .level
                    d.rules.unit = "unit.level-context"
                    out.append(d)
                } else if q.end - q.start >= 3, q.rules.contains("number.fraction-digits"), q.bound != .range {
                    // a price in thirty-seconds: "to 89 28/32" is where it stands, "fell 29/32" a move
                    let reached = q.spanStart >= 1 && (cue(at: q.spanStart - 1, .level) || ["to", "at"].contains(lower(q.spanStart - 1)))
                    var d = Draft(mention: q, value: q.value, unit: reached ? .level : .points, clause: clauseOf[q.start])
                    d.metric = reached ? .level : .points
                    d.rules.unit = "unit.price-fraction"
                    out.append(d)
                } else if valuationContext(q) {
                    var d = Draft(mention: q, value: q.value, unit: .multiple, clause: clauseOf[q.start])
                    d.metric = .valuation
                    d.rules.unit = "unit.valuation-context"
                    out.append(d)
                }
            default:
                continue
            }
        }
        return out
    }

    /// A bare number is a multiple where the sentence speaks of a P/E or a valuation and the
    /// number has the shape of one: "the forward 12-month P/E ratio was 23.1", "Information
    /// Technology (32.0 vs. 20.3)", "p/e ratios under 30".
    func valuationContext(_ q: QuantityMention) -> Bool {
        guard let v = t[q.start].number, v >= 1, v < 200, !t[q.start].grouped, q.bound != .range else { return false }
        guard a.cues.contains(where: { c in
            guard case .metric(.valuation) = c.cue else { return false }
            return !["discount", "premium", "valuation", "valuations"].contains(lower(c.start))
        }) else { return false }
        if t[q.start].decimals > 0 { return true }
        let before = q.start >= 1 ? lower(q.start - 1) : ""
        return ["of", "at", "was", "is", "under", "above", "below", "over", "("].contains(before) || lower(q.spanEnd) == "vs"
    }

    /// A bare number is a level after "to", "at", "closed at", "hit" or "record", about an
    /// index, fund, company or commodity (a level reached or stood at).
    func levelContext(_ q: QuantityMention) -> Bool {
        guard q.start >= 1, t[q.start].number.map({ $0 >= 10 }) == true else { return false }
        // a quote beside its symbol: "(SPX - 4,192.66)", "(VIX: 18.31)"
        if q.start >= 2, isSymbol(q.start - 1, "-", "\u{2013}", ":"), inParens.indices.contains(q.start), inParens[q.start],
           a.entities.contains(where: { $0.end == q.start - 1 }) {
            return true
        }
        // "lost 242 points, or 3%, 7,773": the figure after a move and its restatement is the
        // level it ended at, even with its "to" left out
        if q.start >= 3, isSymbol(q.start - 1, ","), t[q.start].grouped || t[q.start].decimals > 0,
           let move = a.quantities.last(where: { $0.spanEnd == q.start - 1 && $0.role == .quantity }), move.unit == .percent,
           move.spanStart >= 1, lower(move.spanStart - 1) == "or", q.end == t.count || isSymbol(q.end, ".", ",", ";"),
           a.entities.contains(where: { $0.end <= move.spanStart && ["index", "etf", "company", "commodity", "crypto"].contains($0.entity.kind) }) {
            return true
        }
        // a level has grouping, decimals, or at least three digits ("6,688.46", "21", "4,000")
        var k = q.start - 1
        while k >= 0, ["a", "the", "fresh", "new", "all-time", "record", "high", "of", "about", "around", "nearly",
                       "above", "below", "over", "under", "near", "roughly", "just", "some"].contains(lower(k)) && cue(at: k, .level) == false {
            k -= 1
        }
        guard k >= 0 else { return false }
        let levelCue = a.cues.contains { $0.cue == .level && $0.end > k && $0.end <= q.start } || cue(at: k, .level)
            || ["above", "below", "near", "record"].contains(lower(q.start - 1))
        guard levelCue else { return false }
        // an entity that has levels somewhere before in the sentence, or just after it ("6,400 on
        // the S&P 500"), or an anaphor for one
        let before = a.entities.filter { $0.end <= q.start && ["index", "etf", "company", "commodity", "crypto", "rate", "sector", "currency"].contains($0.entity.kind) }
        if !before.isEmpty { return true }
        // a sentence that names nothing, in a text about an index or a price ("The low reached
        // 2839.64" after a line on the S&P 500)
        if a.entities.isEmpty, let (e, _) = discourse.claimSubject, discourse.sentences - discourse.claimSubjectAt <= 2,
           ["index", "etf", "company", "commodity", "crypto", "sector", "currency"].contains(e.kind) {
            return true
        }
        if a.entities.contains(where: { $0.start > q.end && $0.start <= q.end + 3 && $0.entity.kind == "index" }) { return true }
        return a.cues.contains { if case .anaphor = $0.cue { return $0.end <= q.start }; return false }
    }

    // MARK: the sentence's own subject and period

    /// The sentence's subject: its first entity that is not an object, negated or a modifier, or
    /// an anaphor's antecedent when the sentence opens with one ("The index closed …").
    func sentenceSubject() -> (Entity, String, String)? {
        // a leading subordinate clause ("While the Nasdaq's gains …, the Russell 2000 has …") does
        // not hold the main subject
        var from = 0
        if ["while", "although", "though", "as", "because", "since", "if", "when", "after", "before", "despite", "with", "whereas"].contains(lower(0)),
           let comma = (1..<t.count).first(where: { isSymbol($0, ",") }) {
            from = comma + 1
        }
        for e in a.entities where e.start >= from && isSubjectCandidate(e) {
            return (e.entity, surface(e), "subject.sentence")
        }
        // an anaphor before the first verb: "The index", "It"
        for c in a.cues {
            if case .anaphor(let kind) = c.cue, c.start <= 3, let (e, text) = discourse.resolve(kind) {
                return (e, text, "subject.anaphor")
            }
        }
        return nil
    }

    /// The surface text of an entity mention, without a possessive "'s".
    func surface(_ e: EntityMention) -> String { a.text(e.start, e.end) }

    /// An entity that can be a subject: not negated, not a modifier, not the object of "than",
    /// "to", "of", "in", "outperforming" … (unless it is possessive: "of the S&P 500's …" is not
    /// a subject either, but "the S&P 500's 8.1%" is handled before this).
    func isSubjectCandidate(_ e: EntityMention) -> Bool {
        if e.negated || e.modifier { return false }
        if inParens[e.start] && e.rule != "ticker.parenthesized" && e.start > 0 && isSymbol(e.start - 1, "(") {
            // a parenthesised alias of the name before it is not a new subject
            if let prev = a.entities.last(where: { $0.end <= e.start - 1 }), prev.end == e.start - 1 { return false }
        }
        if isObject(e.start) { return false }
        return true
    }

    /// True when the words just before token `i` make what starts there an object ("than the
    /// Nasdaq", "to the S&P 500", "of the index", "in the S&P 500", "outperforming the Mag 7").
    func isObject(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, ["the", "a", "an", "its", "their", "total", "broader", "broad", "so-called", "benchmark", "entire", "whole"].contains(lower(k)) { k -= 1 }
        // "so-called" tokenizes as so - called
        if k >= 2, lower(k) == "called", lower(k - 1) == "-", lower(k - 2) == "so" { k -= 3 }
        guard k >= 0 else { return false }
        // "shares of Apple" / "stock of Apple": the company is still the subject
        if lower(k) == "of", k >= 1, ["shares", "stock", "price", "value"].contains(lower(k - 1)) { return false }
        return cuesEnding(k + 1).contains { c in
            if case .comparison = c.cue { return true }
            return c.cue == .notSubject
        } || cue(at: k, .notSubject)
    }

    /// A period fronted at the start of the sentence ("In Q3 2025, …", "As of September 30, 2025,
    /// …", "On Tuesday, …"), which holds for every claim of the sentence without one of its own.
    func frontedPeriod() -> PeriodMention? {
        guard let p = a.periods.first, p.start <= 2 else { return nil }
        // followed by a comma, or the start of a clause
        if p.end < t.count, isSymbol(p.end, ",") { return p }
        if p.start <= 1 { return p }
        return nil
    }
}
