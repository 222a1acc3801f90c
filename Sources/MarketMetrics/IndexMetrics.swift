import ClaimModel
import Foundation

extension MarketData {
    /// The members of an index that have prices, and a note on those that have none.
    private func pricedMembers(_ index: String) throws(NotComputable) -> (series: [PriceSeries], notes: [String]) {
        let (symbols, source) = try members(of: index)
        var found: [PriceSeries] = []
        var missing: [String] = []
        for m in symbols {
            if let s = try? series(for: m) { found.append(s) } else { missing.append(m) }
        }
        guard !found.isEmpty else { throw NotComputable("none of the \(symbols.count) members of \(index) has prices in the data") }
        var notes = ["members: the \(symbols.count) symbols of \(source), for every date (survivorship: companies that left the index before the list was made are missing, which biases past breadth and equal-weight figures upward)"]
        if !missing.isEmpty {
            notes.append("\(missing.count) members have no prices and are left out (\(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : ""))")
        }
        return (found, notes)
    }

    /// The share of an index's members whose close is above their n-day simple moving average on
    /// a day, in percent.
    ///
    /// Convention: members from `members/INDEX.tsv`; a member counts when it has a close within a
    /// week before the day and at least n closes up to it; SMA(n) includes the day's close; "above"
    /// is strictly above.
    public func breadthAboveSMA(_ index: String, days n: Int, on date: CalendarDate) throws(NotComputable) -> MetricValue {
        guard n >= 1 else { throw NotComputable("a moving average needs a length of at least 1 day") }
        let (members, memberNotes) = try pricedMembers(index)
        var above = 0, counted = 0, short = 0, unusable = 0
        for s in members {
            guard let (i, _) = try? s.row(onOrBefore: date) else { unusable += 1; continue }
            guard i + 1 >= n else { short += 1; continue }
            let sma = s.closes[(i + 1 - n)...i].reduce(0, +) / Double(n)
            counted += 1
            if s.closes[i] > sma { above += 1 }
        }
        guard counted > 0 else { throw NotComputable("no member of \(index) has \(n) closes up to \(date)") }
        var notes = memberNotes + ["\(above) of \(counted) members closed above their \(n)-day SMA on \(date)"]
        if short > 0 { notes.append("\(short) members have fewer than \(n) closes up to \(date) and are not counted") }
        if unusable > 0 { notes.append("\(unusable) members have no usable close on or just before \(date) and are not counted") }
        return MetricValue(metric: "breadth", subject: index, symbol: index, period: Period(start: date, end: date),
                           value: Double(above) / Double(counted) * 100, unit: "percent",
                           convention: "share of members whose close on \(date) is above the mean of their last \(n) closes (the day included)",
                           inputs: [], notes: notes)
    }

    /// The share of an index's members whose price return over a period beat a benchmark's, in
    /// percent (same close-to-close convention as ``periodReturn(_:over:basis:)``).
    public func breadthBeating(_ index: String, benchmark: String, over period: Period) throws(NotComputable) -> MetricValue {
        let bench = try periodReturn(benchmark, over: period)
        let (members, memberNotes) = try pricedMembers(index)
        var beat = 0, counted = 0
        for s in members {
            guard let r = try? periodReturn(s.symbol, over: period) else { continue }
            counted += 1
            if r.value > bench.value { beat += 1 }
        }
        guard counted > 0 else { throw NotComputable("no member of \(index) has closes for \(period)") }
        return MetricValue(metric: "breadth", subject: index, symbol: index, period: period,
                           value: Double(beat) / Double(counted) * 100, unit: "percent",
                           convention: "share of members whose price return over \(period) beat \(benchmark)'s \(String(format: "%.2f%%", bench.value))",
                           inputs: bench.inputs,
                           notes: memberNotes + ["\(beat) of \(counted) members with closes for the period beat \(benchmark)"])
    }

    /// Cap weights of an index's members (or of every row of `caps.csv` when the index has no
    /// member list), share classes merged; see ``CapWeights``.
    public func capWeights(_ index: String?) throws(NotComputable) -> (weights: [CapWeight], notes: [String]) {
        guard !caps.isEmpty else { throw NotComputable("the market data has no caps.csv") }
        var rows = caps
        var notes: [String] = []
        if let index, let (symbols, source) = try? members(of: index) {
            let set = Set(symbols.map { $0.replacingOccurrences(of: "-", with: ".") })
            rows = caps.filter { set.contains($0.symbol.replacingOccurrences(of: "-", with: ".")) }
            notes.append("caps of the members listed in \(source)")
        }
        let (weights, capNotes) = CapWeights.weights(rows)
        guard !weights.isEmpty else { throw NotComputable("no member has a market cap") }
        let dates = Set(rows.compactMap(\.asOf))
        if dates.count == 1 { notes.append("caps as of \(dates.first!)") }
        return (weights, notes + capNotes)
    }

    /// One company's weight in the cap-weighted total, in percent.
    public func weight(_ symbol: String, in index: String?) throws(NotComputable) -> MetricValue {
        let (weights, notes) = try capWeights(index)
        let wanted = symbol.replacingOccurrences(of: "-", with: ".")
        guard let w = weights.first(where: { $0.symbols.contains { $0.replacingOccurrences(of: "-", with: ".") == wanted } }) else {
            throw NotComputable("caps.csv has no market cap for \(symbol)")
        }
        return MetricValue(metric: "weight", subject: symbol, symbol: w.symbols[0], period: nil, value: w.weight, unit: "percent",
                           convention: "market cap / sum of the caps of \(weights.count) companies, share classes merged",
                           inputs: [], notes: notes + [String(format: "%@ cap %.4g", w.symbols.joined(separator: "/"), w.marketCap)])
    }

    /// The combined weight of the N largest companies, in percent.
    public func concentration(top n: Int, in index: String?) throws(NotComputable) -> MetricValue {
        guard n >= 1 else { throw NotComputable("top-N needs N of at least 1") }
        let (weights, notes) = try capWeights(index)
        let top = weights.prefix(n)
        let list = top.map { String(format: "%@ %.2f%%", $0.symbols.joined(separator: "/"), $0.weight) }.joined(separator: ", ")
        return MetricValue(metric: "weight", subject: index ?? "caps", symbol: index ?? "caps", period: nil,
                           value: top.reduce(0) { $0 + $1.weight }, unit: "percent",
                           convention: "sum of the \(top.count) largest market caps / sum of the caps of \(weights.count) companies, share classes merged",
                           inputs: [], notes: notes + ["top \(top.count): \(list)"])
    }

    /// Member returns over a period with start weights: each company's symbol, return (percent)
    /// and cap at the period's start.
    private func weightedReturns(_ index: String, over period: Period) throws(NotComputable) -> (items: [(symbol: String, ret: Double, cap: Double)], notes: [String]) {
        let (weights, notes) = try capWeights(index)
        var items: [(String, Double, Double)] = []
        var missing: [String] = []
        var unmoved = 0
        let bySymbol = Dictionary(caps.map { ($0.symbol, $0) }, uniquingKeysWith: { a, _ in a })
        for w in weights {
            let symbol = w.symbols[0]
            guard let r = try? periodReturn(symbol, over: period), let s = try? series(for: symbol) else {
                missing.append(symbol)
                continue
            }
            let start = r.inputs[0].value
            // The cap at the period's start: shares × start close, or the cap moved by the
            // price change from its as-of day.
            var cap = w.marketCap
            if let row = bySymbol[symbol] {
                if let shares = row.shares, row.marketCap == nil {
                    cap = shares * start
                } else if let asOf = row.asOf, let (i, _) = try? s.row(onOrBefore: asOf) {
                    cap = w.marketCap * start / s.closes[i]
                } else if let price = row.price {
                    cap = w.marketCap * start / price
                } else {
                    unmoved += 1
                }
            }
            items.append((symbol, r.value, cap))
        }
        guard !items.isEmpty else { throw NotComputable("no member of \(index) with a cap has closes for \(period)") }
        var out = notes
        if !missing.isEmpty { out.append("\(missing.count) companies have no closes for the period and are left out (\(missing.prefix(8).joined(separator: ", ")))") }
        if unmoved > 0 { out.append("\(unmoved) caps have no date or price and are used as given, not moved to the period's start") }
        return (items, out)
    }

    /// The equal-weighted return of an index's members over a period, in percent.
    ///
    /// Convention: the mean of the members' price returns (equal weights at the start, held
    /// through the period), members from `members/INDEX.tsv` with closes at both ends.
    public func equalWeightReturn(_ index: String, over period: Period) throws(NotComputable) -> MetricValue {
        let (members, memberNotes) = try pricedMembers(index)
        var sum = 0.0, counted = 0
        for s in members {
            guard let r = try? periodReturn(s.symbol, over: period) else { continue }
            sum += r.value
            counted += 1
        }
        guard counted > 0 else { throw NotComputable("no member of \(index) has closes for \(period)") }
        return MetricValue(metric: "return", subject: index, symbol: index, period: period, value: sum / Double(counted), unit: "percent",
                           convention: "equal-weighted price return: mean of \(counted) member returns, equal weights at the start held through \(period)",
                           inputs: [], notes: memberNotes)
    }

    /// The cap-weighted return of an index's members over a period, in percent.
    ///
    /// Convention: Σ wᵢ rᵢ with wᵢ each company's cap at the period's start (shares × start close,
    /// or the cap of `caps.csv` moved by the price change from its as-of day) over the sum; share
    /// classes merged and priced by their first symbol. Total, not float-adjusted, caps.
    public func capWeightReturn(_ index: String, over period: Period) throws(NotComputable) -> MetricValue {
        let (items, notes) = try weightedReturns(index, over: period)
        let total = items.reduce(0) { $0 + $1.cap }
        let value = items.reduce(0) { $0 + $1.cap / total * $1.ret }
        return MetricValue(metric: "return", subject: index, symbol: index, period: period, value: value, unit: "percent",
                           convention: "cap-weighted price return: Σ (cap at the start / total) × member return over \(period), \(items.count) companies",
                           inputs: [], notes: notes)
    }

    /// A member's contribution to the cap-weighted return of its index over a period, in
    /// percentage points: its start weight × its return.
    public func contribution(_ member: String, to index: String, over period: Period) throws(NotComputable) -> MetricValue {
        let (items, notes) = try weightedReturns(index, over: period)
        let total = items.reduce(0) { $0 + $1.cap }
        let wanted = (symbol(for: member) ?? member).replacingOccurrences(of: "-", with: ".")
        guard let item = items.first(where: { $0.symbol.replacingOccurrences(of: "-", with: ".") == wanted }) else {
            throw NotComputable("\(member) has no cap or no closes for \(period) among the members of \(index)")
        }
        let weight = item.cap / total * 100
        let whole = items.reduce(0) { $0 + $1.cap / total * $1.ret }
        return MetricValue(metric: "return_share", subject: member, symbol: item.symbol, period: period, value: weight * item.ret / 100,
                           unit: "percentage points",
                           convention: "start weight × return: \(String(format: "%.2f%% × %.2f%%", weight, item.ret)), of a cap-weighted return of \(String(format: "%.2f%%", whole))",
                           inputs: [], notes: notes + [String(format: "share of the index's cap-weighted return: %.1f%%", whole == 0 ? 0 : weight * item.ret / whole)])
    }
}
