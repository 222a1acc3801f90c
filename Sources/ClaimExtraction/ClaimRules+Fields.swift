import ClaimModel
import Recognizers

extension ClaimRules {
    /// Words for funds, whose money moving is a flow.
    static let fundWords: WordSet = ["funds", "fund", "etfs", "etf", "trackers", "vehicles", "products"]
    /// Members of an index or market, whose share is breadth.
    static let universeWords: WordSet = ["stocks", "members", "companies", "components", "constituents", "issues", "names", "shares"]
    /// Yields, debt that yields an interest rate, and rate words.
    static let yieldWords: WordSet = ["yield", "yields", "yielding"]
    static let debtWords: WordSet = ["treasury", "treasuries", "bond", "bonds", "note", "notes", "bill", "bills", "mortgage", "debt",
                                     "gilt", "gilts", "bund", "bunds", "sovereign", "corporate"]
    static let rateWords: WordSet = ["rate", "rates", "fed", "interest"]
    /// Nouns of a share: "the percentage of stocks".
    static let shareWords: WordSet = ["percentage", "percent", "share", "proportion", "fraction"]
    /// Attributes of a company or index: "The dividend yield is a slim 0.7%".
    static let attributeWords: WordSet = ["yield", "valuation", "valuations", "multiple", "dividend"]
    /// Words that compare a quantity with the one before it.
    static let comparisonWords: WordSet = ["outpacing", "outperforming", "beating", "compared", "versus", "vs", "while", "against",
                                           "than", "trailing", "lagging"]
    /// Conjunctions that open a subordinate clause, across which a period does not reach.
    static let subordinators: WordSet = ["as", "when", "after", "before", "because", "although", "though", "until", "whereas"]

    // MARK: metric

    /// The metric, from the unit and the cue words around the quantity.
    func metric(_ d: inout Draft, previous: Draft? = nil) {
        let q = d.mention
        let (lo, hi) = clauseRange(d.clause)
        func set(_ m: Metric, _ rule: String) { d.metric = m; d.rules.metric = rule }
        // a chart level is not where the index stands: "its 200 day MA is at 7569.29", "the
        // 38.2% retracement comes in at 25226.57", "support at 6,400"
        if d.unit == .level, span(max(0, lo - 2), q.spanStart).contains(where: { k in
            a.token(k, in: ClaimRules.chartWords) && !a.entities.contains { $0.start <= k && k < $0.end } }) {
            set(.other, "metric.chart-level"); return
        }
        if d.unit == .level { set(.level, "metric.level-context"); return }
        if d.unit == .multiple { set(.valuation, "metric.multiple"); return }

        // right after the quantity: "30% P/E discount", "$28 billion outflows", "12.4% gain"
        let after = cueMentions(q.spanEnd, min(hi, q.spanEnd + 4)).filter { $0.start <= q.spanEnd + 2 }
        let before = cueMentions(max(lo, q.spanStart - 8), q.spanStart)
        // "X% of …": a share of something
        if let share = shareOf(q, hi) { set(share.0, share.1); return }
        for c in after {
            if case .metric(let m) = c.cue, [.valuation, .flows].contains(m) { set(m, "metric.cue-after:\(a.text(c.start, c.end).lowercased())"); return }
        }
        for c in before.reversed() {
            if case .metric(let m) = c.cue, [.valuation, .flows].contains(m) {
                if m == .valuation, lower(c.start) == "discount" || lower(c.start) == "premium" { continue }
                set(m, "metric.cue-before:\(a.text(c.start, c.end).lowercased())")
                return
            }
        }
        // a gap between two figures: "beat the other 493 stocks by 62%", "an average
        // outperformance spread 6.1%", "growth stocks outpaced value by 9%"
        if d.unit == .percent, returnGap(q, lo, hi) { set(.other, "metric.gap"); return }
        if d.unit.isCurrency || d.unit == .percent || d.unit == .pp || d.unit == .bp {
            // breadth: "the percentage of NYSE stocks trading above their 200-day moving average"
            if breadth(q, lo, hi) { set(.breadth, "metric.breadth"); return }
        }
        // growth: "growth of 11.7%", "to grow 9.3%", "expanding at a 29% compound annual rate"
        if d.unit == .percent || d.unit == .pp, !a.entities.contains(where: { $0.entity.kind == "rate" && $0.start >= lo && $0.start < hi }) {
            for c in before.reversed() + after {
                if case .metric(.growth) = c.cue {
                    set(.growth, "metric.growth:\(a.text(c.start, c.end).lowercased())")
                    return
                }
            }
        }
        // a year-over-year rate of something that is not a price ("core PCE prices … 2.9% year over year")
        if d.unit == .percent, yearOverYear(q, hi), !a.entities.contains(where: { ["index", "etf", "company", "commodity", "crypto"].contains($0.entity.kind) && $0.start < q.spanStart }) {
            set(.growth, "metric.year-over-year"); return
        }
        // "a quarter-point cut": a point of a rate is a move of that rate
        if d.unit == .pp, q.rules.contains("unit.rate-point") { set(.rate, "metric.rate-point"); return }
        // rates: basis points, or a rate entity or cue beside a percent
        if d.unit == .bp || ((d.unit == .percent || d.unit == .pp) && rateContext(q, lo, hi)) {
            set(.rate, d.unit == .bp ? "metric.bp" : "metric.rate-cue")
            return
        }
        if d.unit.isCurrency {
            // money moving into or out of funds: "Technology sector funds …, taking in $3.2 billion"
            if (0..<t.count).contains(where: { a.token($0, in: ClaimRules.fundWords) }),
               q.signed || hasCue(max(lo, q.spanStart - 6), min(hi, q.spanEnd + 3), { if case .direction = $0 { return true }; return false }) {
                set(.flows, "metric.fund-money"); return
            }
            // a price: "$4,000 an ounce", "$65 a barrel", "$225 per share", "a price target of $225"
            let perUnit = ["an", "a", "per"].contains(lower(q.spanEnd)) && ["ounce", "barrel", "share", "troy", "ton", "tonne", "gallon", "bushel", "pound", "unit", "coin", "token"].contains(lower(q.spanEnd + 1))
            // "gained $4.88 per barrel": the size of a price's move, not the price
            if perUnit, q.bound == .exact, cuesEnding(q.spanStart).contains(where: { if case .direction = $0.cue { return true }; return false }) {
                set(.points, "metric.price-move"); return
            }
            if perUnit || hasCue(max(lo, q.spanStart - 6), q.spanStart, { $0 == .metric(.level) }) {
                // a price keeps its currency: "$65 a barrel" is 65 usd, metric level
                set(.level, perUnit ? "metric.price-per-unit" : "metric.price-target")
                return
            }
            if hasCue(max(lo, q.spanStart - 10), min(hi, q.spanEnd + 4), { $0 == .metric(.marketCap) }) {
                set(.marketCap, "metric.market-cap"); return
            }
            if hasCue(max(lo, q.spanStart - 8), min(hi, q.spanEnd + 3), { $0 == .metric(.amount) }) {
                set(.amount, "metric.amount"); return
            }
            // a price after "closed at", "to", "at": a level
            if q.spanStart >= 1, cuesEnding(q.spanStart).contains(where: { $0.cue == .level }),
               a.entities.contains(where: { $0.end <= q.start && ["company", "commodity", "crypto", "etf", "index"].contains($0.entity.kind) }) {
                set(.level, "metric.price-level"); return
            }
            set(.amount, "metric.money")
            return
        }
        // "rose 1.06% to 43,870.35 points", "settled at 40,003.59 points": a level written in points
        if d.unit == .points, q.spanStart >= 1, cuesEnding(q.spanStart).contains(where: { $0.cue == .level }),
           !cuesEnding(q.spanStart).contains(where: { if case .direction = $0.cue { return true }; return false }) {
            d.unit = .level
            set(.level, "metric.level-in-points"); return
        }
        // "110 points from the August low", "38 points from the bear market threshold": a
        // distance from a level, not a move
        if d.unit == .points, ["from", "away", "shy", "short", "below", "above"].contains(lower(q.spanEnd)) {
            set(.other, "metric.distance"); return
        }
        if d.unit == .points { set(.points, "metric.points"); return }
        // "…, or 2.7%" after a points move, "…, to 6,552.51" after a move: the same move
        if let p = previous, comparedWith(d, p), isRestatement(d, p), d.unit == .percent, [.points, .return].contains(p.metric) {
            set(.return, "metric.restatement"); return
        }
        if let p = previous, comparedWith(d, p), isRestatement(d, p), p.metric == .rate, [.percent, .bp, .pp].contains(d.unit) {
            set(.rate, "metric.restatement"); return
        }
        if d.unit == .count { set(.other, "metric.count"); return }
        // a percent move of an index, fund, stock or commodity
        if d.unit == .percent || d.unit == .pp {
            if hasCue(max(lo, q.spanStart - 3), min(hi, q.spanEnd + 2), { $0 == .metric(.weight) }) { set(.weight, "metric.weight"); return }
            // "cut their weighting in the S&P 500 Index to about 19%": a weight word earlier in the
            // clause, with no other number between
            let prior = a.quantities.filter { ($0.role == .quantity || $0.role == .bare) && $0.spanEnd <= q.spanStart }.map(\.spanEnd).max() ?? lo
            if hasCue(max(lo, prior, q.spanStart - 10), q.spanStart, { $0 == .metric(.weight) }) { set(.weight, "metric.weight-before"); return }
            // a share of holdings or of a universe: "make up 0.3% of the underlying holdings",
            // "represented 40% of the universe", "account for 5.7 per cent of the total"
            if holdingsShare(q, hi) { set(.weight, "metric.share-of-holdings"); return }
            // an earnings-season beat rate: "82% have reported EPS above estimates", "55.3% have
            // beat expectations"
            if beatRate(q, hi) { set(.breadth, "metric.beat-rate"); return }
            // room to a price target: "an implied upside of about 2%", "10.45% upside"
            if (max(lo, q.spanStart - 3)..<min(hi, q.spanEnd + 2)).contains(where: { ["upside", "downside"].contains(lower($0)) }) {
                set(.return, "metric.upside"); return
            }
            // "that number", "the figure": the metric of the claim the text is talking about
            if let m = discourse.lastMetric, (max(lo, q.spanStart - 6)..<q.spanStart).contains(where: { k in
                ["number", "figure", "reading", "pace"].contains(lower(k)) && ["that", "this"].contains(lower(k - 1)) }) {
                set(m, "metric.anaphoric"); return
            }
            // a fundamental that moved: "revenue rose 2.7%", "a 66% jump in annual profit",
            // "Factory output rose 4.8%", "earnings per share increased by 11.9%"
            if fundamentalMoved(q, lo, hi) { set(.growth, "metric.fundamental"); return }
            let moved = hasCue(max(lo, q.spanStart - 6), min(hi, q.spanEnd + 2), { if case .direction = $0 { return true }; return false })
                || q.signed || hasCue(max(lo, q.spanStart - 6), min(hi, q.spanEnd + 2), { $0 == .metric(.return) })
            if moved { set(.return, "metric.move"); return }
            // a gap between two returns: "3.4 percentage points behind", "2 points ahead"
            if d.unit == .pp, hasCue(q.spanEnd, min(hi, q.spanEnd + 2), { if case .comparison = $0 { return true }; return false }) {
                set(.return, "metric.return-gap"); return
            }
            set(.other, "metric.default")
        }
    }

    /// "X% of the index's return" → return_share; "of the index", "of its total weight", "of the
    /// S&P 500 market cap" → weight; "of total market capitalization" → market_cap; "of …
    /// earnings growth" → other; "of NYSE stocks" → breadth.
    func shareOf(_ q: QuantityMention, _ hi: Int) -> (Metric, String)? {
        guard q.spanEnd < t.count, lower(q.spanEnd) == "of" else { return nil }
        // the "of" phrase, up to the clause's end or 10 tokens
        let end = min(hi, q.spanEnd + 14)
        let words = span(q.spanEnd + 1, end).filter { k in t[k].kind == .word && !a.entities.contains { k >= $0.start && k < $0.end } }.map { lower($0) }
        // two words in a row (the second may go on: "market caps", "market capitalization")
        func pair(_ x: String, _ y: String) -> Bool { words.indices.dropLast().contains { words[$0] == x && words[$0 + 1].hasPrefix(y) } }
        let namesIndex = a.entities.contains { $0.start > q.spanEnd && $0.start < end && ["index", "etf"].contains($0.entity.kind) }
            || words.contains("index") || words.contains("benchmark") || words.contains("its")
        if pair("earnings", "growth") || pair("profit", "growth") || pair("revenue", "growth") {
            return (.other, "metric.share-of-growth")
        }
        for w in words.prefix(8) {
            if ["return", "returns", "gain", "gains", "performance", "rally", "advance", "rise", "increase"].contains(w) {
                return (.returnShare, "metric.share-of-return")
            }
        }
        if pair("market", "cap") || pair("market", "value") || words.contains(where: { $0.hasPrefix("capitali") }) {
            return namesIndex ? (.weight, "metric.share-of-index-cap") : (.marketCap, "metric.share-of-market-cap")
        }
        if words.prefix(6).contains("weight") || words.prefix(6).contains("weighting") { return (.weight, "metric.share-of-weight") }
        if ["stocks", "members", "companies", "components", "constituents", "issues", "shares"].contains(where: { words.prefix(5).contains($0) }) {
            return (.breadth, "metric.share-of-members")
        }
        if namesIndex, words.count <= 4 || words.prefix(4).contains("index") { return (.weight, "metric.share-of-index") }
        return nil
    }

    /// A percent no cue word measures takes its metric from what it is about: the move of
    /// something with a price (an index, a sector, a fund, a stock, a commodity, a currency), the
    /// level of a yield or policy rate, the growth of an economic series ("GDP came in at 2.3%"),
    /// or a macro rate's level (the unemployment rate: other).
    func metricFromSubject(_ d: inout Draft) {
        guard let e = d.subject else { return }
        // an economic series only says what a figure measures when the claim's sentence names it
        // (a yield's figure after a jobs report is not jobs growth)
        if e.kind == "macro", !(d.rules.subject.map({ RuleCatalog.rule($0)?.provenance == .read }) ?? false) { return }
        // a yield's or a policy rate's move is a rate; an economic series' move is growth
        if d.rules.metric == "metric.move" || d.rules.metric == "metric.restatement" || d.rules.metric == "metric.compared" {
            if e.kind == "rate", d.metric == .return {
                d.metric = .rate
                d.rules.metric = "metric.subject-rate"
            } else if e.kind == "macro", d.metric == .return, !e.name.lowercased().hasSuffix("rate") {
                d.metric = .growth
                d.rules.metric = "metric.subject-series"
            }
            return
        }
        // money about something with a price: its move ("rose $24.10", "up $2.94") or its price
        // ("bitcoin fell to $6,200", "a 52-week high of $127.98")
        if d.rules.metric == "metric.money", d.unit.isCurrency, !d.mention.rules.contains(where: { $0.hasPrefix("scale") }),
           ["etf", "company", "commodity", "crypto", "currency"].contains(e.kind) {
            let k = d.mention.spanStart - 1
            // ("fell below $6,200", "jumped over $100,000" cross a price: no move by it)
            let by = k >= 0 && (cuesEnding(d.mention.spanStart).contains { if case .direction = $0.cue { return true }; return false } || lower(k) == "by")
                && !cuesEnding(d.mention.spanStart).contains { $0.cue == .level || $0.cue == .start } && d.mention.bound == .exact
            d.metric = by ? .points : .level
            d.rules.metric = by ? "metric.price-move" : "metric.price-of-subject"
            return
        }
        guard d.rules.metric == "metric.default", d.unit == .percent else { return }
        // a company's dividend yield or a target is not a move: "the dividend yield is 0.7%", "the 2% target"
        let (lo, hi) = clauseRange(d.clause)
        if span(max(lo, d.mention.spanStart - 6), min(hi, d.mention.spanEnd + 2)).contains(where: {
            a.token($0, in: ClaimRules.attributeWords) || a.token($0, in: ClaimRules.yieldWords) || ["target", "goal"].contains(lower($0)) }) {
            return
        }
        // a distance from a level: "about 2.3% under Friday's close", "within 1% of its record"
        if ["under", "below", "above", "away", "shy", "short", "from", "of"].contains(lower(d.mention.spanEnd)) { return }
        switch e.kind {
        case "index", "sector", "etf", "company", "commodity", "crypto", "currency", "group":
            d.metric = .return
            d.rules.metric = "metric.subject-priced"
        case "rate":
            d.metric = .rate
            d.rules.metric = "metric.subject-rate"
        case "macro":
            if !e.name.lowercased().hasSuffix("rate") {
                d.metric = .growth
                d.rules.metric = "metric.subject-series"
            }
        default:
            break
        }
    }

    /// Nouns of a company's or an economy's fundamentals: a move in one of them is growth.
    static let fundamentals: WordSet = [
        "revenue", "revenues", "sales", "earnings", "profit", "profits", "eps", "income", "output", "production", "spending",
        "assets", "aum", "shipments", "deliveries", "orders", "bookings", "ebitda", "ebit", "margin", "margins", "comps",
        "comparable-store", "same-store", "payrolls", "wages", "gdp", "economy", "investment",
    ]

    /// True when the number is the move of a fundamental: the noun before it in its clause
    /// ("operating profit fell 20%", "revenue rose 2.7% year over year") with no priced name
    /// between, or after it as "a 17% rise in assets under management".
    func fundamentalMoved(_ q: QuantityMention, _ lo: Int, _ hi: Int) -> Bool {
        // "earnings 7.1% above estimates" is a surprise against a forecast, not growth
        if ["above", "below", "ahead", "short"].contains(lower(q.spanEnd)) { return false }
        for k in stride(from: q.spanStart - 1, through: max(lo, q.spanStart - 7), by: -1) {
            if a.entities.contains(where: { $0.start <= k && k < $0.end && ClaimRules.pricedKinds.contains($0.entity.kind) }) { break }
            if a.quantities.contains(where: { $0.start <= k && k < $0.spanEnd && $0.role == .quantity }) { break }
            if a.token(k, in: ClaimRules.fundamentals) { return true }
        }
        // "a 17% rise in assets", "a 66% jump in annual profit"
        var k = q.spanEnd
        if k < hi, cuesStarting(k).contains(where: { if case .direction = $0.cue { return true }; return false }) {
            k += 1
            if lower(k) == "in" {
                return span(k + 1, min(hi, k + 5)).contains { a.token($0, in: ClaimRules.fundamentals) }
            }
        }
        return false
    }

    /// "X% of the (underlying) holdings / portfolio / universe / total", after "make up",
    /// "represent", "account for", "total(l)ed", "comprise": a weight in a whole.
    func holdingsShare(_ q: QuantityMention, _ hi: Int) -> Bool {
        if q.spanEnd < t.count, lower(q.spanEnd) == "of" {
            let words = span(q.spanEnd + 1, min(hi, q.spanEnd + 5)).map { lower($0) }
            if words.contains(where: { ClaimRules.wholeNouns.contains($0) }) {
                return (max(0, q.spanStart - 6)..<q.spanStart).contains { ClaimRules.shareVerbs.contains(lower($0)) }
            }
        }
        return false
    }

    /// "82% have reported actual EPS above estimates", "83.2% posted earnings above analyst
    /// estimates", "55.3% have beat earnings expectations", "a beat rate of 77%": the share of
    /// companies reporting better than expected.
    func beatRate(_ q: QuantityMention, _ hi: Int) -> Bool {
        // "7.1% above estimates" is the size of the beat, not a share of companies
        if ["above", "below", "ahead", "short", "better", "worse"].contains(lower(q.spanEnd)) { return false }
        let after = span(q.spanEnd, min(hi, q.spanEnd + 10)).map { lower($0) }
        let expectation = after.contains { ["estimates", "estimate", "expectations", "consensus", "forecasts"].contains($0) }
        let beat = after.contains { ["beat", "beating", "beaten", "topped", "exceeded", "above", "surpassed"].contains($0) }
        return expectation && beat
    }

    /// A gap between two returns written in percent: "by X%" after a verb of comparison in the
    /// clause ("beat the other 493 stocks by 62%", "outpaced them by just 22%"), or a gap noun
    /// next to it ("an outperformance spread of 6.1%", "a 72% return spread").
    func returnGap(_ q: QuantityMention, _ lo: Int, _ hi: Int) -> Bool {
        if (max(lo, q.spanStart - 3)..<min(hi, q.spanEnd + 2)).contains(where: { ClaimRules.gapNouns.contains(lower($0)) }) { return true }
        var k = q.spanStart - 1
        while k >= lo, ["just", "about", "around", "roughly", "nearly", "a", "staggering", "some", "only", "more", "than", "over"].contains(lower(k)) { k -= 1 }
        guard k >= lo, lower(k) == "by" else { return false }
        return hasCue(lo, k) { if case .comparison = $0 { return true }; return false }
            || span(lo, k).contains { ["beat", "beats", "outpaced", "outpacing", "outperformed", "outperforming", "trailed", "lagged", "topped"].contains(lower($0)) }
    }

    /// "2.9% year over year", "3% y/y", "an annual rate of 2.5%".
    func yearOverYear(_ q: QuantityMention, _ hi: Int) -> Bool {
        let k = q.spanEnd
        return a.phrase(k, "year", "over", "year") || a.phrase(k, "year", "-", "over", "-", "year") || a.phrase(k, "year", "-", "on", "-", "year")
            || a.phrase(k, "y", "/", "y") || a.phrase(k, "yoy") || a.phrase(k, "on", "the", "year") || a.phrase(k, "from", "a", "year")
            || a.phrase(k, "annualized") || a.phrase(k, "year", "on", "year")
    }

    /// Breadth: "percentage/share/percent of … stocks", or stocks "trading above their N-day
    /// moving average", "outperforming", "advancing", "at new highs".
    func breadth(_ q: QuantityMention, _ lo: Int, _ hi: Int) -> Bool {
        // "the percentage / share / proportion of (NYSE) stocks …" before it in the clause
        let from = min(lo, max(0, q.spanStart - 26))
        for k in from..<q.spanStart where a.token(k, in: ClaimRules.shareWords) && a.isWord(k + 1, "of") {
            if span(k + 2, min(q.spanStart, k + 9)).contains(where: { a.token($0, in: ClaimRules.universeWords) }) { return true }
        }
        // "58% of the stocks in the index were trading above …", "96% of semiconductor stocks trading above …"
        if q.spanEnd < t.count, lower(q.spanEnd) == "of" {
            let range = q.spanEnd + 1..<min(t.count, q.spanEnd + 14)
            guard range.prefix(7).contains(where: { a.token($0, in: ClaimRules.universeWords) }) else { return false }
            // a condition on those members: "above their 200-day moving average", "advancing",
            // "at new highs", "outperforming", "beat estimates"
            func pair(_ k: Int, _ x: StaticString, _ y: StaticString) -> Bool { a.isWord(k, x) && a.isWord(k + 1, y) }
            return range.contains { k in
                let w = lower(k)
                return pair(k, "moving", "average") || pair(k, "above", "their") || pair(k, "above", "its")
                    || (a.isWord(k, "new") && (lower(k + 1).hasPrefix("high") || lower(k + 1).hasPrefix("low")))
                    || w.hasPrefix("outperform") || w.hasPrefix("advanc") || w.hasPrefix("higher") || w.hasPrefix("beat")
                    || (w == "200" && lower(k + 1) == "-" && a.isWord(k + 2, "day"))
            }
        }
        return false
    }

    func rateContext(_ q: QuantityMention, _ lo: Int, _ hi: Int) -> Bool {
        let near = max(lo, q.spanStart - 14)..<min(hi, q.spanEnd + 4)
        if a.entities.contains(where: { $0.entity.kind == "rate" && near.contains($0.start) }) { return true }
        // a company's or fund's "yield" is its dividend yield, not an interest rate
        if near.contains(where: { a.token($0, in: ClaimRules.yieldWords) }),
           !near.contains(where: { a.token($0, in: ClaimRules.debtWords) }),
           !near.contains(where: { a.token($0, in: ClaimRules.rateWords) }) {
            return false
        }
        return hasCue(near.lowerBound, near.upperBound) { $0 == .metric(.rate) }
    }

    // MARK: subject

    /// The subject: the entity the number is about, or an unnamed subject of its own, or none.
    func subject(_ d: inout Draft, previous: Draft?) {
        let q = d.mention
        let (lo, hi) = clauseRange(d.clause)
        func set(_ e: Entity?, _ text: String?, _ rule: String) {
            d.subject = e
            d.subjectText = text
            d.rules.subject = rule
        }
        // 1. a possessive just before: "the S&P 500's 8.1%", "Microsoft's 33.1x", "the tech industry's 66.3x"
        var k = q.spanStart - 1
        if k >= 1, lower(k) == "s", isSymbol(k - 1, "'", "\u{2019}") {
            if let e = a.entities.last(where: { $0.end == k - 1 && $0.possessive }) {
                set(e.entity, surface(e), "subject.possessive"); return
            }
            // "The Federal Reserve's quarter-point cut": the policy rate
            let possessor = possessorText(k - 1)?.lowercased() ?? ""
            if d.metric == .rate, possessor.contains("fed") || possessor.contains("fomc") || possessor.contains("federal reserve"),
               let fed = context.lexicon.entity("FEDFUNDS") {
                set(fed, nil, "subject.fed-rate"); return
            }
            // an unnamed possessor: "the tech industry's 66.3x"
            set(nil, possessorText(k - 1), "subject.possessive-unnamed")
            return
        }
        // "The S&P 500 and the Nasdaq … ended down 2.4% and 2.5% respectively": the n-th name
        //  goes with the n-th number
        if let (e, text) = respectively(q) { set(e, text, "subject.respectively"); return }
        // breadth: the universe named after "percentage of" or "X% of" is the subject
        //    ("the percentage of NYSE stocks …" → NYSE Composite); an unnamed one leaves it empty
        if d.metric == .breadth {
            if let (e, text) = breadthUniverse(q, lo) { set(e, text, "subject.breadth-universe"); return }
            // "Of these companies, 82% have …": the members of the index the text is about
            if (0..<q.spanStart).contains(where: { a.isWord($0, "these") || a.isWord($0, "those") }),
               let (e, text) = discourse.claimSubject, discourse.sentences - discourse.claimSubjectAt <= 5, e.kind == "index" {
                set(e, text, "subject.carried"); return
            }
            set(nil, unnamedSubject(lo, q), "subject.breadth-unnamed")
            return
        }
        // 2. "for X" just after: "5.3% for the Russell 1000 Value Index", "$28 billion outflows for Apple"
        if let e = forEntity(after: q.spanEnd, hi) { set(e.entity, surface(e), "subject.for"); return }
        // "the 25% return of the S&P 500", "a 3% gain of the Nasdaq": the noun's owner after "of"
        if let e = ofEntity(after: q.spanEnd) { set(e.entity, surface(e), "subject.of"); return }
        // 3. the nearest entity before it in its clause
        if let e = a.entities.last(where: { $0.end <= q.spanStart && $0.start >= lo && isSubjectCandidate($0) }) {
            set(e.entity, surface(e), "subject.clause"); return
        }
        // the Fed's policy rate: "traders expect the Federal Reserve to cut its target range by 25 basis points"
        if d.metric == .rate, fedRate(), !a.entities.contains(where: { $0.entity.kind == "rate" }),
           let fed = context.lexicon.entity("FEDFUNDS") {
            set(fed, nil, "subject.fed-rate"); return
        }
        // a level "below 6,400 on the S&P 500"
        if d.unit == .level || d.metric == .level, let e = a.entities.first(where: { $0.start >= q.spanEnd && $0.start <= q.spanEnd + 3
                && ["on", "in", "for"].contains(lower($0.start - 1) == "the" ? lower($0.start - 2) : lower($0.start - 1)) }) {
            set(e.entity, surface(e), "subject.level-on"); return
        }
        // "its earnings per share to grow about 14%": the owner of the unnamed subject
        if let c = a.cues.last(where: { $0.end <= q.spanStart && $0.start >= lo && ["its", "their"].contains(lower($0.start)) }),
           span(c.end, q.spanStart).contains(where: { cue(at: $0, .group) }), let (e, text) = antecedent(before: c.start, "any") {
            set(e, text, "subject.anaphor-owner"); return
        }
        // 4. an unnamed subject of its own in the clause: "small-cap ETFs facing …", "96% of
        //    semiconductor stocks", "non-Mag 7 stocks contributed …"
        if let text = unnamedSubject(lo, q) { set(nil, text, "subject.unnamed"); return }
        // a restatement of the claim before it ("182.60 points, or 2.7%, to 6,552.51") is about
        // the same thing
        if let p = previous, comparedWith(d, p), isRestatement(d, p) {
            d.subject = p.subject
            d.subjectText = p.subjectText
            d.rules.subject = "subject.restatement"
            return
        }
        // 5. a relative clause ("which at periods have comprised over 20%") or an aside between
        //    dashes or parentheses refers to the last name before it that is not in parentheses
        if lower(lo) == "which" || lower(lo) == "that" || (lo > 0 && lower(lo + 1) == "which")
            || (lo > 0 && isSymbol(lo, "\u{2014}", "(")) || (lo > 0 && isSymbol(lo - 1, "\u{2014}", "(")) {
            if let e = a.entities.last(where: { $0.end <= lo && !inParens[$0.start] && !$0.negated && !$0.modifier }) {
                set(e.entity, surface(e), "subject.relative"); return
            }
        }
        // 6. a compared quantity takes the subject of the clause it is compared with only when it
        //    names none itself; that is rule 3 of an earlier clause, i.e. the sentence subject
        // 7. an anaphor in the clause before the number: "the index closed …", "it rose …"
        // a named anaphor after the number ("knock 3% off the index") outranks a vague "it" before it
        let vague = a.cues.contains { $0.end <= q.spanStart && $0.start >= lo && $0.cue == .anaphor("any") }
        // "2% or 3% off the index": after the whole pair
        var chainEnd = q.spanEnd
        while chainEnd + 1 < t.count, ["or", "to", "and"].contains(lower(chainEnd)),
              let next = a.quantities.first(where: { $0.start == chainEnd + 1 && $0.role == .quantity }) {
            chainEnd = next.spanEnd
        }
        if vague, let c = a.cues.first(where: { c in
            guard case .anaphor = c.cue else { return false }
            return c.start >= chainEnd && c.start <= chainEnd + 2 && c.cue != .anaphor("any") && !isObject(c.start)
        }), case .anaphor(let kind) = c.cue, let (e, text) = antecedent(before: q.spanStart, kind) {
            set(e, text, "subject.anaphor-after:\(a.text(c.start, c.end).lowercased())"); return
        }
        for c in a.cues.reversed() where c.end <= q.spanStart && c.start >= lo {
            if case .anaphor(let kind) = c.cue, !isObject(c.start), let (e, text) = antecedent(before: c.start, kind) {
                set(e, text, "subject.anaphor:\(a.text(c.start, c.end).lowercased())"); return
            }
        }
        // an anaphor just after the number: "At a market value of about $4.5 trillion it is …",
        // "a price target of $225 for the shares"
        for c in a.cues where c.start >= q.spanEnd && c.start <= q.spanEnd + 2 && c.end <= hi {
            if case .anaphor(let kind) = c.cue, !isObject(c.start), let (e, text) = antecedent(before: q.spanStart, kind) {
                set(e, text, "subject.anaphor-after:\(a.text(c.start, c.end).lowercased())"); return
            }
        }
        // 8. the nearest subject before it in the sentence, when the clause has none of its own
        if clauseHasOwnSubject(lo, q) { set(nil, nil, "subject.none"); return }
        if let e = a.entities.last(where: { $0.end <= q.spanStart && isSubjectCandidate($0) }) {
            set(e.entity, surface(e), "subject.nearest-before"); return
        }
        if let (e, text, rule) = sentenceSubject(), a.entities.contains(where: { $0.entity.id == e.id && $0.end <= q.spanStart }) || rule == "subject.anaphor" {
            set(e, text, rule); return
        }
        // 9. a policy rate of the Fed: "cut its target range by 25 basis points"; or the rate the
        //    sentence names elsewhere ("another 25 basis points …, which would leave the target range at …")
        if d.metric == .rate, fedRate(), let fed = context.lexicon.entity("FEDFUNDS") {
            set(fed, nil, "subject.fed-rate"); return
        }
        if d.metric == .rate, let e = a.entities.first(where: { $0.entity.kind == "rate" }) {
            set(e.entity, surface(e), "subject.rate-in-sentence"); return
        }
        // 11. the subject of the clause that continues the claim ("a further 5% rally, which would
        //     take the Russell 2000 to roughly 2,560")
        if let e = a.entities.first(where: { $0.start >= q.spanEnd && isSubjectCandidate($0) && !$0.possessive }),
           clauseOf[e.start] > d.clause, clauseOf[e.start] <= d.clause + 2,
           (d.clause + 1...clauseOf[e.start]).contains(where: { ["which", "that"].contains(lower(clauseStart[$0])) }) {
            set(e.entity, surface(e), "subject.continued"); return
        }
        // 12. an attribute of the company or index the text is about: "The dividend yield is a slim
        //     0.7%", "Valuations remain full at about 22 times forward earnings"
        if [.valuation, .other, .marketCap].contains(d.metric), !a.entities.contains(where: { $0.start < q.spanStart }),
           span(lo, q.spanStart).contains(where: { a.token($0, in: ClaimRules.attributeWords) }) {
            for kind in ["company", "index"] {
                if let at = discourse.namedAt[kind], discourse.sentences - at <= 2, let (e, text) = discourse.lastOfKind[kind] {
                    set(e, text, "subject.attribute-of"); return
                }
            }
        }
        // 12b. a label line "U.S. equity ETFs: -$10.8 billion": the label is the subject
        if let c = (0..<q.spanStart).last(where: { isSymbol($0, ":") }), c >= 1, c <= 8,
           span(c + 1, q.spanStart).allSatisfy({ t[$0].kind == .symbol }), !(0..<c).contains(where: { isSymbol($0, ":") }) {
            if let e = a.entities.last(where: { $0.end <= c && !$0.negated && !$0.modifier }) {
                set(e.entity, surface(e), "subject.label"); return
            }
            var from = 0
            while from < c, t[from].kind == .symbol { from += 1 }
            set(nil, a.text(from, c), "subject.label-unnamed"); return
        }
        // 13. the entity the text is about: the subject of the latest claims, a sentence or two
        //     back ("Yield is up 2.431 percentage points from 52 weeks ago" in a note on the
        //     10-year yield)
        // (not in a relative clause: "names, several of which trade at more than 30 times" is
        // about the names)
        // "Large Growth (+2.50%)": a capitalised name the lexicons do not know, just before the
        // figure in parentheses, is the subject's own (unnamed) name
        if q.spanStart >= 2, isSymbol(q.spanStart - 1, "("), t[q.spanStart - 2].kind == .word, t[q.spanStart - 2].capitalized {
            var s = q.spanStart - 2
            while s - 1 >= lo, t[s - 1].kind == .word, t[s - 1].capitalized || isSymbol(s - 1, "-") { s -= 1 }
            set(nil, a.text(s, q.spanStart - 1), "subject.unnamed"); return
        }
        // "Drax Group jumped 6.7%", "BankAmerica fell 4.69%": a capitalised name the lexicons do
        // not know, as the clause's subject before its verb, is the figure's (unnamed) subject
        if let name = unknownNameSubject(lo, q) { set(nil, name, "subject.unnamed"); return }
        if d.unit != .count, !span(lo, q.spanStart).contains(where: { a.isWord($0, "which") || a.isWord($0, "whom") }),
           let (e, text) = discourse.claimSubject, discourse.sentences - discourse.claimSubjectAt <= 5 {
            set(e, text, "subject.carried"); return
        }
        // "The fund returned 7.5%", "the bank's profit rose 12%", "the company sold 3.2 million
        // cars": a subject no lexicon knows is still the claim's subject, by its own words (after
        // the carried subject: in a text about one company, "the segment" and "management" are its own)
        if let phrase = nounPhraseSubject(lo, q) { set(nil, phrase, "subject.noun-phrase"); return }
        set(nil, nil, "subject.none")
        _ = k
        k = 0
    }

    /// What an anaphor before token `i` refers to: a subject earlier in the same sentence, else the
    /// text's latest entity of the kind.
    func antecedent(before i: Int, _ kind: String) -> (Entity, String)? {
        let kinds: Set<String> = kind == "index" ? ["index"] : (kind == "company" ? ["company"] : (kind == "fund" ? ["etf"] : (kind == "commodity" ? ["commodity", "crypto"] : [])))
        if let e = a.entities.last(where: { $0.end <= i && !$0.negated && !$0.modifier && (kinds.isEmpty || kinds.contains($0.entity.kind)) && !isObject($0.start) }) {
            return (e.entity, surface(e))
        }
        return discourse.resolve(kind)
    }

    /// With "respectively", the names before the verb and the numbers after it pair up in order.
    func respectively(_ q: QuantityMention) -> (Entity, String)? {
        guard let r = respectivelyAt, q.spanStart < r else { return nil }
        let numbers = a.quantities.filter { $0.role == .quantity && $0.spanEnd <= r }
        guard let first = numbers.first, let index = numbers.firstIndex(of: q) else { return nil }
        var names: [EntityMention] = []
        for e in a.entities where e.end <= first.spanStart && !e.negated && !e.modifier && !isObject(e.start) {
            // "Advanced Micro Devices (AMD)": a name and its ticker are one subject
            if let last = names.last, last.entity.id == e.entity.id, e.start - last.end <= 1 { continue }
            names.append(e)
        }
        guard names.count == numbers.count else { return nil }
        return (names[index].entity, surface(names[index]))
    }

    /// True when the sentence is about the Federal Reserve's policy rate.
    func fedRate() -> Bool {
        func has(_ w: StaticString) -> Bool { (0..<t.count).contains { a.isWord($0, w) } }
        let fed = has("fed") || has("fomc") || (has("federal") && has("reserve"))
        let policy = has("cut") || has("cuts") || has("hike") || has("range") || has("rates") || has("rate") || has("policy")
        return fed && policy
    }

    /// The index a breadth figure counts the members of: named or referred to in the "of" phrase
    /// ("the share of S&P 500 members", "58% of the stocks in the index", "38% of the index's
    /// members"), before the condition ("trading above", "outperforming" …).
    func breadthUniverse(_ q: QuantityMention, _ lo: Int) -> (Entity, String)? {
        var ranges: [Range<Int>] = []
        for k in max(lo, q.spanStart - 26)..<q.spanStart where a.token(k, in: ClaimRules.shareWords) && a.isWord(k + 1, "of") {
            ranges.append(span(k + 2, min(q.spanStart, k + 9)))
        }
        if q.spanEnd < t.count, lower(q.spanEnd) == "of" { ranges.append((q.spanEnd + 1)..<min(t.count, q.spanEnd + 9)) }
        for r in ranges {
            // stop at the condition
            let stop = r.first(where: { ["trading", "above", "below", "outperforming", "beating", "that", "which", "were", "are", "was", "is", "have", "has", "beat", "closed", "hit", "rose", "fell"].contains(lower($0)) }) ?? r.upperBound
            let phrase = r.lowerBound..<stop
            if let e = a.entities.first(where: { phrase.contains($0.start) && !$0.negated }) { return (e.entity, surface(e)) }
            for c in a.cues where phrase.contains(c.start) {
                if case .anaphor(let kind) = c.cue, kind == "index", let (e, text) = discourse.resolve("index") { return (e, text) }
            }
        }
        return nil
    }

    /// The possessor's words before "'s" (up to four words back, from a determiner).
    func possessorText(_ apostrophe: Int) -> String? {
        var k = apostrophe - 1
        var words: [Int] = []
        while k >= 0, words.count < 5, t[k].kind == .word || isSymbol(k, "-") {
            if ["the", "a", "an", "its", "their", "this", "that"].contains(lower(k)) { break }
            words.insert(k, at: 0)
            k -= 1
        }
        guard let first = words.first, let last = words.last else { return nil }
        return a.text(first, last + 1)
    }

    /// "for <entity>" within the clause just after the quantity, before any other quantity.
    /// Nouns of a move or share that name their owner with "of" after them.
    static let ownedNouns: WordSet = ["return", "returns", "gain", "gains", "rise", "decline", "drop", "fall", "loss", "losses",
                                      "advance", "rally", "increase", "decrease", "weight", "weighting", "share", "slide", "jump"]

    /// The name right after a figure's noun and "of": "the 25% return of the S&P 500".
    func ofEntity(after end: Int) -> EntityMention? {
        guard end + 1 < t.count, a.token(end, in: ClaimRules.ownedNouns), a.isWord(end + 1, "of") else { return nil }
        var j = end + 2
        while j < t.count, ["the", "a", "an"].contains(lower(j)) { j += 1 }
        if let e = a.entities.first(where: { $0.start == j }), !e.negated, !e.modifier { return e }
        return nil
    }

    func forEntity(after end: Int, _ hi: Int) -> EntityMention? {
        var k = end
        let limit = min(hi, end + 8)
        while k < limit {
            if a.quantities.contains(where: { $0.role == .quantity && $0.start == k }) { return nil }
            if lower(k) == "for" {
                var j = k + 1
                while j < t.count, ["the", "a", "an"].contains(lower(j)) { j += 1 }
                if let e = a.entities.first(where: { $0.start == j }), !e.negated, !e.modifier { return e }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A plural noun before the quantity in its clause that is a subject of its own ("small-cap
    /// ETFs", "semiconductor stocks"), returned with the words before it.
    func unnamedSubject(_ lo: Int, _ q: QuantityMention) -> String? {
        // "96% of semiconductor stocks trading above …": the universe after "of"
        if q.spanEnd < t.count, lower(q.spanEnd) == "of" {
            var k = q.spanEnd + 1
            var words: [Int] = []
            while k < t.count, words.count < 5, t[k].kind == .word || isSymbol(k, "-") {
                words.append(k)
                if cue(at: k, .group) { return a.text(words.first!, k + 1) }
                k += 1
            }
        }
        var k = q.spanStart - 1
        while k >= lo {
            // "companies in the index" is a subject even after "of" ("the market cap of companies …")
            if cue(at: k, .group), !isObject(nounPhraseStart(k, lo)) || lower(nounPhraseStart(k, lo) - 1) == "of" {
                let start = nounPhraseStart(k, lo)
                return a.text(start, k + 1)
            }
            k -= 1
        }
        return nil
    }

    /// Words that open a clause in capitals without naming anything.
    static let notNames: WordSet = ["the", "it", "its", "shares", "stocks", "stock", "this", "that", "these", "those", "they",
                                    "he", "she", "we", "investors", "traders", "markets", "prices", "a", "an", "and", "but",
                                    "while", "meanwhile", "also", "still", "yet", "overall", "elsewhere", "however"]

    /// The capitalised words that open the claim's clause and come just before its verb of change
    /// ("Drax Group jumped"), when no entity is among them; nil otherwise.
    func unknownNameSubject(_ lo: Int, _ q: QuantityMention) -> String? {
        var s = lo
        while s < q.spanStart, t[s].kind == .symbol || a.token(s, in: ClaimRules.notNames) { s += 1 }
        var e = s
        while e < q.spanStart, t[e].kind == .word, t[e].capitalized, !a.token(e, in: ClaimRules.notNames),
              !a.periods.contains(where: { $0.start <= e && e < $0.end }) { e += 1 }
        guard e > s, e < q.spanStart, !a.entities.contains(where: { $0.start < e && $0.end > s }) else { return nil }
        // the verb right after the name, the figure at most two words after the verb
        guard cuesStarting(e).contains(where: { if case .direction = $0.cue { return true }; return false }),
              q.spanStart - e <= 3 else { return nil }
        return a.text(s, e)
    }

    /// Verbs that report what someone said; the subject of the figure comes after them.
    static let reportingWords: WordSet = ["said", "says", "expects", "expected", "announced", "told", "reported", "estimates", "forecast",
                                          "predicts", "believes", "thinks", "warned", "added", "noted"]
    /// Words that end a noun phrase before any verb is found: adverbs, negations, prepositions of
    /// comparison ("Morgan also dropped", "does not expect", "down from a previous target").
    static let notInPhrase: WordSet = ["as", "there", "not", "does", "do", "did", "also", "despite", "from", "with", "down", "up",
                                       "than", "then", "which", "who", "when", "while", "after", "before", "since", "because",
                                       "if", "although", "though", "by", "to", "in", "on", "at", "for", "it", "they", "we", "he",
                                       "she", "i", "you", "be", "been", "will", "would", "could", "should", "may", "might", "can"]
    /// True for a period inside a subordinate clause that reports what someone said or expects
    /// ("… after the company said it expected higher revenue in 2024"): it dates what was said,
    /// not the figures of the sentence.
    func isReported(_ p: PeriodMention) -> Bool {
        guard let s = (0..<p.start).last(where: { a.token($0, in: ClaimRules.subordinators) }) else { return false }
        return (s..<p.start).contains { a.token($0, in: ClaimRules.reportingWords) }
    }

    /// Nouns of a reference level: "its previous record of 41,622.08", "a high of", "its close of".
    static let referenceWords: Set<String> = ["record", "high", "low", "peak", "close", "closing", "level", "trough"]

    /// Determiners that open a noun phrase: "the fund", "its revenue", "her portfolio".
    static let determiners: WordSet = ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
    /// Verbs that state a figure without moving it: "the company sold 3.2 million cars", "the fund
    /// returned 7.5%", "the retailer employs 3,500 people".
    static let statingVerbs: WordSet = ["returned", "returns", "sold", "sells", "reported", "reports", "posted", "posts", "earned",
                                        "earns", "paid", "pays", "raised", "raises", "employs", "employed", "delivered", "shipped",
                                        "hired", "generated", "booked", "recorded", "made", "makes", "spent", "spends", "had", "has",
                                        "have", "was", "were", "is", "are", "totalled", "totaled", "reached", "hit", "stood", "came",
                                        "added", "produced", "produces", "holds", "held", "manages", "managed", "owns", "owned"]

    /// The noun phrase that opens the claim's clause, as the subject of the verb just before the
    /// figure ("The fund returned 7.5%", "the bank's profit rose 12%"), when no name of the
    /// lexicons is in it and it is not a pronoun; without its leading article.
    func nounPhraseSubject(_ lo: Int, _ q: QuantityMention) -> String? {
        var s = lo
        while s < q.spanStart, t[s].kind == .symbol || a.token(s, in: ClaimRules.clauseWords) || a.isWord(s, "meanwhile") { s += 1 }
        guard s < q.spanStart, !a.token(s, in: ClaimRules.notNames) || a.token(s, in: ClaimRules.determiners) || a.isWord(s, "shares") else { return nil }
        var words = s
        if a.isWord(s, "the") || a.isWord(s, "a") || a.isWord(s, "an") { words += 1 }
        // the phrase: words, hyphens and possessives up to the verb
        var e = words
        func isVerb(_ k: Int) -> Bool {
            a.token(k, in: ClaimRules.statingVerbs) || cuesStarting(k).contains(where: { if case .direction = $0.cue { return true }; return $0.cue == .modal })
        }
        while e < q.spanStart, e - words < 8, !isVerb(e), !a.token(e, in: ClaimRules.notInPhrase),
              t[e].kind == .word || isSymbol(e, "-", "'", "\u{2019}", "&") {
            if a.periods.contains(where: { $0.start <= e && e < $0.end }) { return nil }
            e += 1
        }
        // "Acme said quarterly revenue climbed 8%": the phrase after the reporting verb
        if let said = (words..<e).last(where: { a.token($0, in: ClaimRules.reportingWords) }) {
            words = said + 1
            if a.isWord(words, "that") { words += 1 }
            if a.isWord(words, "the") || a.isWord(words, "a") || a.isWord(words, "an") { words += 1 }
        }
        guard e > words, e < q.spanStart, isVerb(e), t[e - 1].kind == .word,
              !a.entities.contains(where: { $0.start < e && $0.end > s }) else { return nil }
        // a pronoun or a word that names nothing by itself is no subject ("It rose 2%")
        if e - words == 1, a.token(words, in: ClaimRules.notNames) { return nil }
        // the figure right after the verb, or a few words on ("rose 12%", "sold 3.2 million cars",
        // "returned about 7.5%", "rose by 12%")
        var v = e + 1
        while v < q.spanStart, t[v].kind == .word, cuesStarting(v).contains(where: { if case .direction = $0.cue { return true }; return false }) { v += 1 }
        guard q.spanStart - v <= 2 || (q.spanStart - v <= 4 && a.isWord(q.spanStart - 1, "of")) else { return nil }
        return a.text(words, e)
    }

    /// The first token of the noun phrase that ends at `k` (adjectives and compounds before it).
    func nounPhraseStart(_ k: Int, _ lo: Int) -> Int {
        var s = k
        while s - 1 >= lo, t[s - 1].kind == .word || isSymbol(s - 1, "-") || (isSymbol(s - 1, "'", "\u{2019}") && a.isWord(s, "s") && s - 2 >= lo && t[s - 2].kind == .word),
              !["the", "a", "an", "with", "of", "in", "for", "while", "and", "but", "as"].contains(lower(s - 1)),
              !cuesEnding(s).contains(where: { if case .direction = $0.cue { return true }; return $0.cue == .modal }) {
            s -= 1
        }
        return s
    }

    /// True when the clause names its own (unnamed) subject before the quantity, so the sentence's
    /// subject does not carry into it.
    func clauseHasOwnSubject(_ lo: Int, _ q: QuantityMention) -> Bool {
        unnamedSubject(lo, q) != nil
    }

    // MARK: direction and sign

    /// The direction: a sign, the direction word governing the quantity, or the clause it is
    /// compared with. A level reached takes the verb's direction; a starting level ("from") none.
    func direction(_ d: inout Draft, previous: Draft?) {
        let q = d.mention
        let (lo, hi) = clauseRange(d.clause)
        func set(_ dir: Direction?, _ rule: String) { d.direction = dir; d.rules.direction = rule }
        // "from 1%", "up from 1%": a starting level has no direction
        if q.spanStart >= 1, cuesEnding(q.spanStart).contains(where: { $0.cue == .start }) {
            set(nil, "direction.start-level")
            return
        }
        // a direction word before it, close and in its clause, with no other quantity between
        let prior = a.quantities.filter { $0.role == .quantity && $0.spanEnd <= q.spanStart }.map(\.spanEnd).max() ?? -1
        let from = max(lo, prior, q.spanStart - 7)
        if q.signed {
            // "fell +2.3%": a plus sign after a verb of decline; keep the verb, so that the
            // cross-check shows the two against each other (its check direction.sign). A minus
            // after one ("fell -18.54 points") only says the same thing twice.
            if isSymbol(q.start, "+"), let c = a.cues.last(where: { $0.start >= from && $0.end == q.spanStart }),
               c.cue == .direction(.down) {
                set(.down, "direction.word-before:\(a.text(c.start, c.end).lowercased())")
                return
            }
            set(q.value < 0 ? .down : (q.value > 0 ? .up : .flat), "direction.sign")
            return
        }
        for c in a.cues.reversed() where c.start >= from && c.end <= q.spanStart {
            if case .direction(let dir) = c.cue {
                // "down from", "up to" were taken above; "more than" is a bound
                set(dir, "direction.word-before:\(a.text(c.start, c.end).lowercased())")
                return
            }
        }
        // a direction noun or word right after: "a 12.4% gain", "$28 billion outflows", "11.7% growth"
        for c in a.cues where c.start >= q.spanEnd && c.start <= q.spanEnd + 2 && c.end <= hi
            && !span(q.spanEnd, c.start).contains(where: { isSymbol($0, ",", ";") }) {
            if case .direction(let dir) = c.cue {
                set(dir, "direction.word-after:\(a.text(c.start, c.end).lowercased())")
                return
            }
        }
        // a level followed by "…, down from 71%" / "…, up from 1%" moved that way
        let nextQuantity = a.quantities.filter { $0.role == .quantity && $0.start >= q.spanEnd }.map(\.start).min() ?? t.count
        if let k = (q.spanEnd..<max(q.spanEnd, nextQuantity)).first(where: { isSymbol($0, ",") && ["up", "down"].contains(lower($0 + 1)) && lower($0 + 2) == "from" }) {
            set(lower(k + 1) == "up" ? .up : .down, "direction.then-from")
            return
        }
        // a compared quantity ("outpacing the S&P 500's 8.1%", "compared to 5.3%", "or 1.8%")
        if let p = previous, comparedWith(d, p) {
            set(p.direction, "direction.compared")
            return
        }
        // a level reached "to 4.00%-4.25%" after a move earlier in the sentence takes its direction
        if q.spanStart >= 1, lower(q.spanStart - 1) == "to", let p = previous, p.direction != nil, d.unit == .level || q.bound == .range {
            set(p.direction, "direction.reached")
            return
        }
        // "a 76% return", "total returns of 40.2%": a return stated as a noun, positive, is a gain
        if d.metric == .return, q.value > 0, span(max(lo, q.spanStart - 3), min(hi, q.spanEnd + 3)).contains(where: {
            ["return", "returns", "gain", "gains", "upside", "rally", "advance"].contains(lower($0)) }) {
            set(.up, "direction.return-noun")
            return
        }
        // a gap after a verb of comparison: "outpaced them by 22%" (up), "trailed by 3%" (down)
        if d.rules.metric == "metric.gap" {
            for c in a.cues where c.start >= lo && c.end <= q.spanStart {
                if case .comparison(let side) = c.cue { set(side == "below" ? .down : .up, "direction.comparison"); return }
            }
            if span(lo, q.spanStart).contains(where: { ["beat", "beats", "outpaced", "outperformed", "topped"].contains(lower($0)) }) {
                set(.up, "direction.comparison"); return
            }
        }
        // a yield, a share or a weight that hit or broke a level: "the yield reached 4.92%",
        // "hit more than 5.45%", "broke above 5%"
        if [Metric.rate, .breadth, .weight].contains(d.metric), q.spanStart >= 1 {
            if (max(lo, q.spanStart - 3)..<q.spanStart).contains(where: { ClaimRules.reachVerbs.contains(lower($0)) })
                || ((a.isWord(q.spanStart - 1, "above") || a.isWord(q.start - 1, "above"))
                    && (max(lo, q.spanStart - 3)..<q.start).contains(where: { ["broke", "rose", "climbed", "jumped", "moved"].contains(lower($0)) })) {
                set(.up, "direction.reached-level"); return
            }
        }
        set(nil, "direction.none")
    }

    /// A comparison the sentence makes of the claim's subject with another entity: "the Nasdaq
    /// outpaced the Russell 2000", "A, lagging B" → `comparison.above:RUT` / `comparison.below:…`
    /// on the subject's claims: the subject is named before the comparison word, the other
    /// entity within four tokens after it. The cross-check holds the two subjects' figures for
    /// the same period against it.
    func comparison(_ d: inout Draft) {
        guard let subject = d.subject, [.return, .points].contains(d.metric) else { return }
        for c in a.cues {
            guard case .comparison(let side) = c.cue, side == "above" || side == "below" else { continue }
            // "led by Nvidia": a passive names what drove the subject, not what it beat
            if c.end < a.tokens.count, a.lowered[c.end] == "by" { continue }
            guard a.entities.contains(where: { $0.entity.id == subject.id && $0.end <= c.start && !$0.negated }) else { continue }
            if let other = a.entities.first(where: { $0.start >= c.end && $0.start <= c.end + 4 }) {
                guard other.entity.id != subject.id, !other.negated else { continue }
                d.rules.comparison = "comparison.\(side):\(other.entity.id)"
                return
            }
            // against all the others: "led all indexes", "the laggard", "the best performer", "led
            // the decline", "bore the brunt"
            let cueText = a.text(c.start, c.end).lowercased()
            let group: Set<String> = ["all", "every", "other", "others", "rest", "peers", "indexes", "indices", "benchmarks", "averages"]
            if ["laggard", "performer", "decline", "losses", "selloff", "sell-off", "brunt", "gains", "rally"].contains(where: { cueText.contains($0) })
                || (c.end..<min(c.end + 4, a.tokens.count)).contains(where: { group.contains(a.lowered[$0]) }) {
                d.rules.comparison = "comparison.\(side):*"
                return
            }
        }
    }

    /// True when `d` restates or completes the claim before it rather than naming a new subject:
    /// "…, or 2.7%", "…, to 6,552.51", "…, up from 1%".
    func isRestatement(_ d: Draft, _ p: Draft) -> Bool {
        guard p.mention.spanEnd <= d.mention.spanStart else { return false }
        // the words since the last comma before the number: ", or 2.7%", ", to 6,552.51", ", down from 71%"
        var k = d.mention.spanStart - 1
        while k >= p.mention.spanEnd, !isSymbol(k, ",", ";") { k -= 1 }
        let sinceComma = k >= p.mention.spanEnd
        // the tokens since that comma (or between the two claims, commas left out), periods left out
        let tail = span(sinceComma ? k + 1 : p.mention.spanEnd, d.mention.spanStart)
        let words = tail.filter { !inPeriod($0) && (sinceComma || !isSymbol($0, ",")) }
        guard !words.contains(where: { a.isWord($0, "and") }) else { return false }
        // "6.17 points (0.1%)": the same move in parentheses
        if p.mention.spanEnd == d.mention.spanStart - 1, isSymbol(p.mention.spanEnd, "("), p.unit != d.unit { return true }
        // "lost 242 points, or 3%, 7,773": a level right after the move's restatement, its "to" left out
        if words.isEmpty, sinceComma, d.unit == .level, p.unit == .percent, p.mention.spanStart >= 1, a.isWord(p.mention.spanStart - 1, "or") {
            return true
        }
        // ", or 2.7%", ", to 6,552.51", ", down from 71%", "to a range of 4.00%–4.25%"
        let last = words.last ?? -1
        let ends = words.count <= 3 && (a.isWord(last, "or") || a.isWord(last, "to") || a.isWord(last, "from") || a.isWord(last, "at"))
        let reaches = words.count <= 5 && a.isWord(words.first ?? -1, "to") && (a.isWord(last, "of") || a.isWord(last, "at"))
        guard ends || reaches else { return false }
        return !a.entities.contains { $0.start >= p.mention.spanEnd && $0.end <= d.mention.spanStart }
    }

    /// True for a token inside a period mention.
    func inPeriod(_ k: Int) -> Bool { a.periods.contains { $0.start <= k && k < $0.end } }

    /// True when `d` is compared with (or restates) the claim before it in the sentence: its
    /// clause opens with a comparison word, "and", "or", or it has no verb of its own.
    func comparedWith(_ d: Draft, _ p: Draft) -> Bool {
        guard d.clause != p.clause || d.mention.start > p.mention.end else { return false }
        let (lo, _) = clauseRange(d.clause)
        if isRestatement(d, p) { return true }
        // words between the previous claim and this one
        let between = span(p.mention.spanEnd, d.mention.spanStart).filter { !inPeriod($0) }
        if between.contains(where: { a.token($0, in: ClaimRules.comparisonWords) }) { return true }
        if let f = between.first, let l = between.last {
            if isSymbol(f, ","), between.count <= 2, a.isWord(l, "or") { return true }   // "81.21 points, or 1.8%"
            if a.isWord(l, "from") { return true }                                          // "rose to 51%, up from 1%"
            if a.isWord(l, "to"), between.count <= 3 { return true }                        // "fell 182.60 points, or 2.7%, to 6,552.51"
        }
        // an elliptical list: "…, the Nasdaq 17.3% and the Dow 9.1%" (a name, then the number, no verb)
        if a.entities.contains(where: { ($0.end == d.mention.spanStart || ($0.end == d.mention.spanStart - 1 && isSymbol($0.end, "(")))
                && $0.start >= p.mention.spanEnd }),
           !hasCue(p.mention.spanEnd, d.mention.spanStart, { if case .direction = $0 { return true }; return false }) {
            return true
        }
        if lower(lo) == "or" || lower(lo) == "and", d.unit != .level {
            // "the S&P 500's 8.1% and the Dow's 5.2%": no verb of its own
            return !hasCue(lo, d.mention.spanStart) { if case .direction = $0 { return true }; return false }
        }
        return false
    }

    /// Whether the quantity is a change (signed by its direction) rather than a level, share or gap.
    func isChange(_ d: Draft) -> Bool {
        let q = d.mention
        // "reduce the cost base by about €220 million", "cut 8% of its workforce", "lose more than
        // 22 percent of its value": a verb of change right before the amount makes it a change,
        // whatever it measures (a level or a valuation stays where it stands)
        if d.direction != nil, d.rules.direction?.hasPrefix("direction.word-before") == true, ![.level, .valuation].contains(d.metric),
           q.spanStart >= 1, lower(q.spanStart - 1) == "by" || (a.isWord(q.spanEnd, "of") && ["its", "their", "the"].contains(lower(q.spanEnd + 1))) {
            return true
        }
        if [.level, .weight, .returnShare, .marketCap, .valuation, .amount].contains(d.metric) { return false }
        // a range is where something stands ("a target range of 4.00% to 4.25%") unless moved "by" it
        if q.bound == .range, !(q.spanStart >= 1 && lower(q.spanStart - 1) == "by") { return false }
        if q.spanStart >= 1, cuesEnding(q.spanStart).contains(where: { $0.cue == .level || $0.cue == .start }) {
            return false
        }
        if d.metric == .breadth { return d.unit == .pp }
        if d.metric == .flows { return true }
        // "the yield fell below 0.5 percent", "shares rose above $10": a level crossed, not a
        // change by that much ("fell over 2%" and "more than" stay changes)
        if q.rules.contains(where: { $0 == "bound.under:below" || $0 == "bound.over:above" }) { return false }
        return d.direction != nil
    }

    // MARK: period

    /// The period: its own (just after it, or just before it in its clause), the sentence's
    /// fronted one, any in its clause, or the one of the claim it is compared with; "the same
    /// period" takes the last one.
    func period(_ d: inout Draft, previous: Draft?) {
        choosePeriod(&d, previous: previous)
        // a level is a point in time: the last day of an interval; so is a rate reached or
        // standing ("the yield fell to 4.05%"), unlike a rate moved by an amount ("by 0.25%")
        // a level touched during an interval keeps it ("topping 20,000 last year")
        if (d.metric == .level && standsAtEnd(d)) || (d.metric == .rate && d.unit == .percent && d.mention.bound != .range && !rateMoved(d) && standsAtEnd(d)),
           let p = d.period, !p.isPoint {
            d.period = Period(start: p.end, end: p.end, text: p.text)
        }
        // "having started 2025 at 2,230.16": a starting level has no direction
        if d.metric == .level, (max(0, d.mention.spanStart - 5)..<d.mention.spanStart).contains(where: { ["started", "began", "opened", "start", "begin"].contains(lower($0)) }) {
            d.direction = nil
            d.rules.direction = "direction.starting-level"
        }
    }

    func choosePeriod(_ d: inout Draft, previous: Draft?) {
        let q = d.mention
        let (lo, hi) = clauseRange(d.clause)
        func set(_ p: PeriodMention?, _ rule: String) {
            d.rules.period = rule
            guard let p else { d.period = nil; return }
            d.period = resolve(p, d)
            d.rules.period = rule + ":" + p.rule
        }
        // a period introduced by "from" ("up 7.8% from its June 30 close") or naming a reference
        // ("2.3% under Friday's close") dates the reference, not the claim — unless the claim is
        // that reference ("from its June 30 close of 6,204.95")
        if let p = a.periods.first(where: { isReference($0) && !isSuperlativeReference($0) && $0.end <= q.spanStart && q.spanStart - $0.end <= 5 }),
           !a.quantities.contains(where: { $0.role == .quantity && $0.start > p.end && $0.start < q.start }) {
            set(p, "period.reference-own"); return
        }
        let usable = a.periods.filter { p in ![.decade].contains(p.kind) && !isReference(p) }
        // just after: "10.6% in Q3 2025", "7.4% as of March 2025", "9.2% year-to-date as of …"
        let nextQuantity = a.quantities.filter { $0.role == .quantity && $0.start >= q.spanEnd }.map(\.start).min() ?? t.count
        if let p = usable.first(where: { $0.start >= q.spanEnd && $0.start <= q.spanEnd + 4 && $0.start < nextQuantity && clauseOf[$0.start] == d.clause }) {
            set(p, "period.after"); return
        }
        // just after across the clause's end (a period closing the sentence after a comma is rare)
        // before it in its clause: "in Q3 the index rose 5%", "… 2025 AI spending could exceed $300 billion"
        if let p = usable.last(where: { $0.end <= q.spanStart && $0.start >= lo }) {
            set(p, "period.clause-before"); return
        }
        // the sentence's fronted period: "In Q3 2025, … rose to 51%"
        if let p = frontedPeriod() { set(p, "period.fronted"); return }
        // a compared quantity takes the period of the claim it is compared with (when that claim
        // read one; a defaulted one is defaulted again for this claim, by its own metric, and a
        // figure that stands — a valuation, breadth, a market cap — does not take another's "none")
        if let prev = previous, comparedWith(d, prev), !(prev.rules.period ?? "").hasPrefix("period.default"),
           !((prev.rules.period ?? "").hasPrefix("period.none") && [Metric.valuation, .breadth, .marketCap].contains(d.metric)) {
            d.period = prev.period
            d.rules.period = "period.compared"
            return
        }
        // anywhere later in its clause
        // (not inside a subordinate clause that reports something else: "rose 7.5% after the
        // company said it expected higher revenue in 2024")
        if let p = usable.first(where: { $0.start >= q.spanEnd && $0.end <= hi }), !isReported(p) {
            set(p, "period.clause-after"); return
        }
        // a change measured "from its September 30 close": from the next day to the sentence's
        // other date, or the text's, or the document's
        if [Metric.return, .points].contains(d.metric),
           let ref = a.periods.first(where: { isReference($0) && $0.start >= q.spanEnd && $0.start <= q.spanEnd + 5 }),
           let from = ref.period?.end {
            let end = usable.first(where: { $0.period.map { $0.end > from } ?? false })?.period?.end ?? discourse.recentPeriod?.end ?? context.documentDate
            if let end, end > from {
                d.period = Period(start: from.adding(days: 1), end: end, text: a.text(ref.start, ref.end))
                d.rules.period = "period.from-reference"
                return
            }
        }
        // otherwise the nearest period of the sentence ("The Fed's September 2025 rate cut, which
        // reduced … by 25 basis points"; "$28 billion for Apple and $20 billion for Microsoft in
        // the past quarter")
        let own = usable.filter { p in
            let range = p.end <= q.spanStart ? span(p.end, q.spanStart) : span(q.spanEnd, p.start)
            // "…, smashing its previous record of 41,622.08 on Monday": a period right after a
            // reference level of another clause ("record of", "high of", "close of") dates that
            // level, not this figure
            if a.quantities.contains(where: { o in (o.role == .quantity || o.role == .bare) && o.spanEnd <= p.start && p.start - o.spanEnd <= 2
                && clauseOf[o.start] != d.clause && o.spanStart >= 2 && a.isWord(o.spanStart - 1, "of")
                && (max(0, o.spanStart - 4)..<(o.spanStart - 1)).contains(where: { ClaimRules.referenceWords.contains(lower($0)) }) }) { return false }
            return !range.contains { a.token($0, in: ClaimRules.subordinators) }
        }
        if [Metric.return, .points, .flows, .rate, .growth, .level].contains(d.metric),
           let p = own.min(by: { distance($0, q) < distance($1, q) }) {
            set(p, "period.sentence"); return
        }
        // a move with no period of its own continues the text before it ("… on Friday. The S&P
        // 500 fell 182.60 points …")
        let closing = q.spanStart >= 2 && ["closed", "finished", "ended", "settled", "close", "finish", "end"].contains(lower(q.spanStart - 2))
            || (q.spanStart >= 3 && ["closed", "finished", "ended", "settled"].contains(lower(q.spanStart - 3)))
        let moved = d.direction != nil || closing || [Metric.return, .points].contains(d.metric)
        // a valuation stated on the day the text reports ("On October 29, the P/E was 23.1. …
        // even at 23.1, …") takes that day
        if d.metric == .valuation, !d.forecast, !d.hypothetical, let p = discourse.recentPeriod, p.isPoint,
           discourse.recentPeriodSource != .sentence {
            d.period = p
            d.rules.period = discourse.recentPeriodSource == .section ? "period.section" : "period.carried"
            return
        }
        if [Metric.return, .points, .level, .flows, .rate].contains(d.metric), moved, !d.forecast, !d.hypothetical, var p = discourse.recentPeriod,
           p.isPoint || discourse.recentPeriodSource == .section || discourse.dayMoves == 0 {
            if d.metric == .level, !p.isPoint, standsAtEnd(d) { p = Period(start: p.end, end: p.end, text: p.text) }
            d.period = p
            d.rules.period = discourse.recentPeriodSource == .section ? "period.section" : "period.carried"
            return
        }
        if let p = defaultPeriod(d) {
            d.period = p
            d.rules.period = p.isPoint && p.start != context.documentDate ? "period.default-session" : "period.default-date"
            return
        }
        set(nil, "period.none")
    }

    /// The period of a claim whose text names none: a report is about its own day. A move or a
    /// level is the session the text reports on (the latest session on or before the document's
    /// date); a figure that stands (a weight, a yield, a valuation) is dated to the document's
    /// date. Projections, illustrations and timeless facts (an index's number of members) have none.

    /// True when the claim's clause has a verb of change of its own before the number, after a
    /// name ("…, while Drax Group jumped 6.7%"): it is not an elliptical comparison.
    func hasOwnVerb(_ d: Draft) -> Bool {
        let (lo, _) = clauseRange(d.clause)
        guard let verb = (lo..<d.mention.spanStart).first(where: { k in cuesStarting(k).contains { if case .direction = $0.cue { return true }; return false } })
        else { return false }
        // a name before the verb: a known entity or a capitalised word ("Drax Group jumped 6.7%")
        return a.entities.contains(where: { $0.start >= lo && $0.end <= verb })
            || (lo + 1..<verb).contains { t[$0].kind == .word && t[$0].capitalized }
    }

    /// The end of the month or quarter a report is about: a period read for a realised claim that
    /// is a whole calendar month or quarter, ended in the 20 days before the document's date.
    func reportEnd(_ d: Draft) -> CalendarDate? {
        guard let p = d.period, let doc = context.documentDate, !d.forecast, !d.hypothetical,
              ClaimRules.readPeriod(d.rules.period), p.start.day == 1,
              p.end.day == CalendarDate.daysIn(month: p.end.month, year: p.end.year), p.end < doc,
              doc.daysSinceEpoch - p.end.daysSinceEpoch <= 20 else { return nil }
        let months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
        return months == 1 || (months == 3 && p.start.month % 3 == 1) ? p.end : nil
    }

    /// True when a level (of an index, a price, a yield) is read at the end of its period: a
    /// closing verb ("ended the year at 4.57%", "finished September at 6,688.46"), a level
    /// reached "to", or a period that runs to the document's date ("rose to 4.005% this week").
    /// A level touched during a finished interval keeps it ("peaked at 4.73% in April",
    /// "topping 20,000 last year").
    func standsAtEnd(_ d: Draft) -> Bool {
        if (max(0, d.mention.spanStart - 8)..<d.mention.spanStart).contains(where: { ClaimRules.closingVerbs.contains(lower($0)) }) { return true }
        // "fell 2.7% to 6,552.51", "closing at 2,467": where a move ended
        if d.metric == .level, d.mention.spanStart >= 1, ["to", "at"].contains(lower(d.mention.spanStart - 1)) { return true }
        // "up from $71 in June": where the move started, at that period's end
        if d.mention.spanStart >= 1, cuesEnding(d.mention.spanStart).contains(where: { $0.cue == .start }) { return true }
        guard let p = d.period, let doc = context.documentDate else { return false }
        return p.end >= TradingCalendar.session(onOrBefore: doc)
    }

    /// True when a rate in percent is the size of a move ("cut by 0.25%", "rose 0.1%"), not
    /// the rate reached or standing.
    func rateMoved(_ d: Draft) -> Bool {
        let k = d.mention.spanStart - 1
        guard k >= 0 else { return false }
        if lower(k) == "by" { return true }
        return cuesEnding(d.mention.spanStart).contains { if case .direction = $0.cue { return true }; return false }
            && !cuesEnding(d.mention.spanStart).contains { $0.cue == .level }
    }

    /// True for a period rule that read the claim's period in its own sentence (not carried
    /// from the text before, not defaulted).
    static func readPeriod(_ rule: String?) -> Bool {
        guard let rule else { return false }
        // a compared claim follows its head, whose own rule counts
        return !(rule.hasPrefix("period.carried") || rule.hasPrefix("period.section") || rule.hasPrefix("period.default")
                 || rule.hasPrefix("period.none") || rule.hasPrefix("period.compared"))
    }
    func defaultPeriod(_ d: Draft) -> Period? {
        guard let doc = context.documentDate, !d.forecast, !d.hypothetical else { return nil }
        if d.unit == .count, d.metric == .other, membersCount(d.mention) { return nil }
        // a valuation, a breadth reading or a share of the market's value stated without a date
        // characterises rather than reports ("trades at 22 times earnings", "96% of chip stocks
        // trade above …"): left undated
        if [Metric.valuation, .breadth, .marketCap].contains(d.metric) { return nil }
        // a target ("its 2% target", "a price goal of $250") holds until it changes
        if ["target", "goal", "objective"].contains(lower(d.mention.spanEnd)) { return nil }
        if [Metric.return, .points, .level, .flows].contains(d.metric) || (d.metric == .rate && d.isChangeLike) {
            let day = discourse.recentDay?.end ?? TradingCalendar.session(onOrBefore: doc)
            return Period(start: day, end: day, text: nil)
        }
        return Period(start: doc, end: doc, text: nil)
    }

    /// A count of an index's or a group's members ("the 500 companies in the index", "30
    /// stocks", "10 of the 11 sectors"): a fact without a date.
    func membersCount(_ q: QuantityMention) -> Bool {
        let noun = lower(q.spanEnd - 1) == lower(q.start) ? lower(q.spanEnd) : lower(q.spanEnd - 1)

        if ClaimRules.memberNouns.contains(noun) || (q.spanEnd + 1 < t.count && ClaimRules.memberNouns.contains(lower(q.spanEnd + 1))) { return true }
        // "(of the 500 in the index)", "10 of the 11 primary sectors"
        if q.start >= 2, lower(q.start - 1) == "the", lower(q.start - 2) == "of" { return true }
        return false
    }

    /// True for a period that dates a reference point rather than a claim: after "from" ("from
    /// its June 30 close"), or naming a close, level or high ("under Friday's close").
    func isReference(_ p: PeriodMention) -> Bool {
        if (max(0, p.start - 3)..<p.start).contains(where: { lower($0) == "from" }) { return true }
        if isSuperlativeReference(p) { return true }
        var k = p.end
        if isSymbol(k, "'", "\u{2019}"), lower(k + 1) == "s" { k += 2 }
        if ["close", "closing", "level", "high", "low", "peak", "finish", "record", "settlement"].contains(lower(k)) {
            return (max(0, p.start - 3)..<p.start).contains { ["from", "under", "below", "above", "over", "since", "of"].contains(lower($0)) }
        }
        return false
    }

    /// Superlatives that measure a claim against a stretch of history: the period after them
    /// ("the biggest rate hike since 1994", "its worst day of 2019", "the first time since 2007",
    /// "the longest streak in the last three months") is the yardstick, not the claim's period.
    static let superlatives: WordSet = [
        "worst", "best", "biggest", "largest", "highest", "lowest", "strongest", "weakest", "sharpest", "steepest",
        "fastest", "slowest", "longest", "shortest", "most", "least", "deepest", "smallest", "greatest", "heaviest",
        "widest", "narrowest", "first", "top",
    ]

    /// True for a figure that is a superlative's yardstick: "since" just before it ("the worst
    /// day since the 22.6% tumble of 1987") after a superlative.
    func isYardstick(_ q: QuantityMention) -> Bool {
        guard let since = (max(0, q.spanStart - 4)..<q.spanStart).last(where: { a.isWord($0, "since") }) else { return false }
        return (max(0, since - 10)..<since).contains { a.token($0, in: ClaimRules.superlatives) }
    }

    /// True for a period that follows a superlative in its clause ("since", "of", "in" just
    /// before it): a reference, never the period a claim is about.
    func isSuperlativeReference(_ p: PeriodMention) -> Bool {
        let opener = p.kind == .since || ["since", "of", "in"].contains(lower(p.start))
            || (p.start >= 1 && ["since", "of", "in"].contains(lower(p.start - 1)))
        guard opener, p.start < clauseOf.count else { return false }
        let clause = clauseOf[p.start]
        var k = p.start - 1
        while k >= max(0, p.start - 10), clauseOf[k] == clause || (k + 1 < t.count && clauseOf[k + 1] == clause && isSymbol(k, ",")) {
            if a.token(k, in: ClaimRules.superlatives) {
                // "first" only as "the first time", "for the first time"
                if a.isWord(k, "first"), !a.isWord(k + 1, "time") { k -= 1; continue }
                if a.isWord(k, "top"), !a.isWord(k + 1, "since") { k -= 1; continue }
                return true
            }
            // a number between the superlative and the period: the period is the number's
            if a.quantities.contains(where: { $0.start == k && ($0.role == .quantity || $0.role == .bare) }) { return false }
            k -= 1
        }
        return false
    }

    /// True for a period in the possessive ("this year's advance", "Tuesday's close").
    func isPossessive(_ p: PeriodMention) -> Bool {
        isSymbol(p.end, "'", "\u{2019}") && lower(p.end + 1) == "s"
    }

    /// True for a period the text looks ahead to ("into the final week", "later this year",
    /// "the next meeting in July", "the coming quarter"): never what a reported figure is about.
    func isAhead(_ p: PeriodMention) -> Bool {
        let before = p.start >= 1 ? lower(p.start - 1) : ""
        if ["into", "later", "earlier", "next", "coming", "upcoming", "ahead"].contains(before) { return true }
        // "a sell-off earlier in the month": a time before the one reported
        if p.start >= 2, ["earlier", "later"].contains(lower(p.start - 2)), before == "in" { return true }
        if p.start >= 2, lower(p.start - 1) == "in", ["meeting", "meetings"].contains(lower(p.start - 2)) { return true }
        return (p.start..<p.end).contains { ["next", "coming", "upcoming"].contains(lower($0)) }
    }

    /// A period mention's interval, where "the week", "the quarter" or "the three months" in a
    /// text about another week or quarter means that one (the latest claims' span of that length).
    func underDiscussion(_ p: PeriodMention) -> Period? {
        guard var period = p.period else { return nil }
        if p.rule == "period.for-the-week" || p.rule == "period.for-the-quarter" || p.rule == "period.for-the-month" || p.rule == "period.months",
           !a.text(p.start, p.end).lowercased().hasPrefix("this") {
            let days = period.end.daysSinceEpoch - period.start.daysSinceEpoch
            let length = p.rule == "period.for-the-week" ? 4...6 : (p.rule == "period.for-the-quarter" ? 80...95
                : (p.rule == "period.months" ? max(0, days - 4)...(days + 4) : 27...31))
            if let recent = discourse.recentSpans.last(where: { length.contains($0.end.daysSinceEpoch - $0.start.daysSinceEpoch) }),
               recent != period, recent.end <= period.end {
                period = Period(start: recent.start, end: recent.end, text: period.text)
            }
        }
        // "the year" in January is the year just ended when the text has named it, or in the
        // first week of the year ("stocks ended the year higher", written on January 3)
        if p.rule == "period.for-the-year", let doc = context.documentDate, doc.month == 1,
           doc.day <= 7 || discourse.namedYears.contains(doc.year - 1) {
            period = Period(start: CalendarDate(year: doc.year - 1, month: 1, day: 1)!, end: CalendarDate(year: doc.year - 1, month: 12, day: 31)!, text: period.text)
        }
        return period
    }

    /// Tokens between a period mention and a quantity.
    func distance(_ p: PeriodMention, _ q: QuantityMention) -> Int {
        p.end <= q.spanStart ? q.spanStart - p.end : p.start - q.spanEnd
    }

    /// A period mention's interval for this claim: "the same period" is the last one; an "as of"
    /// date for a change is the year to that date; year-to-date ends at the sentence's "as of"
    /// date; the document's own year ends at its date for a realised change.
    func resolve(_ p: PeriodMention, _ d: Draft) -> Period? {
        if p.kind == .samePeriod { return sentencePeriod ?? discourse.lastPeriod }
        guard var period = underDiscussion(p) else { return nil }
        let change = [Metric.return, .returnShare, .flows, .growth, .points].contains(d.metric)
        let asOf = a.periods.first(where: { $0.kind == .asOf })?.period?.end
        switch p.kind {
        case .asOf where change:
            period = Period(start: CalendarDate(year: period.end.year, month: 1, day: 1)!, end: period.end)
        case .yearToDate, .currentYear, .monthToDate, .quarterToDate:
            if let asOf, p.kind == .yearToDate || p.kind == .currentYear {
                period = Period(start: CalendarDate(year: asOf.year, month: 1, day: 1)!, end: asOf)
            } else if change, !d.forecast, let end = discourse.reportEnd, end < period.end, end >= period.start {
                // a report on a month or quarter just ended: its to-date figures end there
                // ("up 5.51% in July, bringing its YTD return to 1.25%", written in August)
                period = Period(start: period.start, end: end)
            }
            if p.kind == .currentYear, d.forecast, let doc = context.documentDate {
                period = Period(start: CalendarDate(year: doc.year, month: 1, day: 1)!, end: CalendarDate(year: doc.year, month: 12, day: 31)!)
            }
        case .trailing where change && !d.forecast:
            // "over the last 3 months" in a report on a month just ended: the months to its end
            if let end = discourse.reportEnd, let doc = context.documentDate, period.end == doc, end < doc {
                let months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month
                if months >= 1, period.start == doc.addingMonths(-months) {
                    period = Period(start: end.addingMonths(-months), end: end)
                }
            }
        case .year:
            // a realised change in the document's own year runs to the document's date
            if change, !d.forecast, let doc = context.documentDate, doc.year == period.start.year, period.start.month == 1,
               period.end.month == 12 {
                period = Period(start: period.start, end: doc)
            }
        default:
            break
        }
        // "started 2025 at 2,230.16", "began the quarter at …": the first day
        if p.start >= 1, ["started", "began", "opened", "entered", "start", "begin"].contains(lower(p.start - 1)) {
            period = Period(start: period.start, end: period.start)
        }
        // "on the day" in a text about another day's session: that day
        if p.kind == .day, p.rule == "period.for-the-day", let recent = sentenceDay ?? discourse.recentDay {
            period = recent
        }
        period.text = p.period?.text ?? a.text(p.start, p.end)
        return period
    }

    // MARK: flags

    /// Projections (a modal or projection word before it in its sentence, or a period that ends
    /// well after the document's date) and illustrative examples ("if", "would represent").
    func flags(_ d: inout Draft) {
        let q = d.mention
        let (lo, _) = clauseRange(d.clause)
        // a modal in the claim's clause (or just before it) makes a projection; the writer's own
        // conditional plan ("we would add below 6,400", "we would trim after a further 5% rally")
        // is an illustration, not a projection
        if let w = planAt, w < q.spanStart {
            d.hypothetical = true
        } else if hasCue(max(0, a.isWord(lo, "and") || a.isWord(lo, "but") ? lo : lo - 12), q.spanStart, { $0 == .modal }) {
            d.forecast = true
        }
        // a period that has not begun at the document's date, or ends well after it
        if let p = d.period, let doc = context.documentDate, p.start > doc || p.end > doc.adding(days: 31) {
            d.forecast = true
        }
        if hasHypothetical {
            d.hypothetical = true
        }
        // a generic statement about "a market" or "a stock" illustrates rather than reports
        if lower(0) == "when" || lower(0) == "whenever", (1..<min(t.count, 4)).contains(where: { lower($0) == "a" || lower($0) == "an" }) {
            d.hypothetical = true
        }
    }
}

/// Word sets of the claim rules, built once (a set literal inside a function is rebuilt, and
/// its strings hashed, at every call).
extension ClaimRules {
    static let pricedKinds: Set<String> = ["index", "etf", "company", "commodity", "crypto", "sector", "currency"]
    static let wholeNouns: Set<String> = ["holdings", "holding", "portfolio", "universe", "total", "fund", "etf", "benchmark"]
    static let shareVerbs: Set<String> = ["make", "makes", "made", "represent", "represents", "represented", "account", "accounts", "accounted",
                                          "comprise", "comprises", "comprised", "totaled", "totalled", "total"]
    static let gapNouns: Set<String> = ["spread", "outperformance", "underperformance", "gap", "margin"]
    static let reachVerbs: Set<String> = ["hit", "hits", "reached", "reach", "reaches", "topped", "topping", "surpassed", "crossed", "breached"]
    static let closingVerbs: Set<String> = ["ended", "closed", "finished", "settled", "stood", "ends", "closes", "finishes", "stands"]
    static let memberNouns: Set<String> = ["stocks", "companies", "members", "components", "constituents", "entities", "sectors", "names",
                                    "issues", "securities", "large-company", "listed", "top"]
    /// Words of a chart level that is not where a price stands.
    static let chartWords: WordSet = ["ma", "sma", "ema", "average", "retracement", "fibonacci", "support", "resistance", "trendline"]
}
