import ClaimModel

/// One number a computation used: whose, which day, what value and what for.
public struct MetricInput: Sendable, Hashable, Codable {
    /// The symbol of the series.
    public var symbol: String
    /// The day of the value.
    public var date: CalendarDate
    /// The value (a close, an average).
    public var value: Double
    /// What it is in the computation ("start: last close before the period").
    public var role: String
}

/// A computed figure with everything a reader needs to check it by hand.
public struct MetricValue: Sendable, Hashable, Codable {
    /// The metric (`return`, `points`, `level`, `high`, `sma`, `breadth`, …).
    public var metric: String
    /// What it is about, as asked (`SPX`), and the symbol of the data used (`^GSPC`).
    public var subject: String
    /// The symbol the data spells (`^GSPC`).
    public var symbol: String
    /// The period or day it covers.
    public var period: Period?
    /// The value.
    public var value: Double
    /// `percent`, `points`, `level` or `price`.
    public var unit: String
    /// How it was computed, one sentence.
    public var convention: String
    /// The numbers it came from.
    public var inputs: [MetricInput]
    /// Repairs, caveats and side figures ("above its 200-day SMA").
    public var notes: [String]

    /// Creates a value.
    public init(metric: String, subject: String, symbol: String, period: Period?, value: Double, unit: String,
                convention: String, inputs: [MetricInput], notes: [String] = []) {
        self.metric = metric
        self.subject = subject
        self.symbol = symbol
        self.period = period
        self.value = value
        self.unit = unit
        self.convention = convention
        self.inputs = inputs
        self.notes = notes
    }
}

/// Whether a return counts dividends.
public enum ReturnBasis: String, Sendable, CaseIterable, Codable {
    /// Price change only (what index levels give).
    case price
    /// Price change with dividends reinvested on their ex-dates.
    case total
}

extension MarketData {
    // MARK: Levels

    /// The close on a day, or the last close before it when the market was shut.
    ///
    /// Convention: the last close on or before the day, within a week (a longer gap is a hole in
    /// the data, not a holiday); a day after the data's last row is not computable.
    public func level(_ subject: String, on date: CalendarDate) throws(NotComputable) -> MetricValue {
        let s = try series(for: subject)
        let (i, note) = try s.row(onOrBefore: date)
        return MetricValue(metric: "level", subject: subject, symbol: s.symbol, period: Period(start: date, end: date),
                           value: s.closes[i], unit: "level",
                           convention: "close on \(date), or the last close before it",
                           inputs: [MetricInput(symbol: s.symbol, date: s.date(i), value: s.closes[i], role: "close")],
                           notes: [note].compactMap { $0 } + s.notes)
    }

    /// The two closes a change over a period runs between: the last close before the period's
    /// first day, and the last close on or before its last day.
    func endpoints(_ s: PriceSeries, _ period: Period) throws(NotComputable) -> (start: Int, end: Int, notes: [String]) {
        let (a, noteA) = try s.row(before: period.start)
        let (b, noteB) = try s.row(onOrBefore: period.end)
        guard b > a else {
            throw NotComputable("\(s.symbol) has no close inside \(period) (the last close before it, \(s.date(a)), is also the last on or before its end)")
        }
        return (a, b, [noteA, noteB].compactMap { $0 })
    }

    /// The return over a period, in percent.
    ///
    /// Convention: from the last close before the period's first day to the last close on or
    /// before its last day (so year-to-date runs from the previous year's last close, Q3 from the
    /// June 30 close, and one day from the previous close); price return from closes, or with
    /// `.total`, from adjusted closes (`Adj Close`) or, failing those, closes with the dividends of
    /// `dividends.csv` reinvested on their ex-dates.
    public func periodReturn(_ subject: String, over period: Period, basis: ReturnBasis = .price) throws(NotComputable) -> MetricValue {
        let s = try series(for: subject)
        let (a, b, notes) = try endpoints(s, period)
        switch basis {
        case .price:
            let value = (s.closes[b] / s.closes[a] - 1) * 100
            return MetricValue(metric: "return", subject: subject, symbol: s.symbol, period: period, value: value, unit: "percent",
                               convention: "price return, close to close: last close before \(period.start) to last close on or before \(period.end)",
                               inputs: [MetricInput(symbol: s.symbol, date: s.date(a), value: s.closes[a], role: "start: last close before the period"),
                                        MetricInput(symbol: s.symbol, date: s.date(b), value: s.closes[b], role: "end: last close of the period")],
                               notes: notes + s.notes)
        case .total:
            if let adjusted = s.adjustedCloses, adjusted[a].isFinite, adjusted[b].isFinite {
                let value = (adjusted[b] / adjusted[a] - 1) * 100
                return MetricValue(metric: "return", subject: subject, symbol: s.symbol, period: period, value: value, unit: "percent",
                                   convention: "total return from adjusted closes (Adj Close: dividends reinvested), last close before \(period.start) to last close on or before \(period.end)",
                                   inputs: [MetricInput(symbol: s.symbol, date: s.date(a), value: adjusted[a], role: "start: adjusted close"),
                                            MetricInput(symbol: s.symbol, date: s.date(b), value: adjusted[b], role: "end: adjusted close")],
                                   notes: notes + s.notes)
            }
            guard let paid = dividends[s.symbol] ?? dividends[subject] else {
                throw NotComputable("no adjusted closes and no dividends for \(subject): only its price return can be computed")
            }
            var growth = 1.0
            var received = 0.0
            for k in (a + 1)...b {
                let d = paid[s.days[k]] ?? 0
                received += d
                growth *= (s.closes[k] + d) / s.closes[k - 1]
            }
            return MetricValue(metric: "return", subject: subject, symbol: s.symbol, period: period, value: (growth - 1) * 100, unit: "percent",
                               convention: "total return: daily (close + dividend on its ex-date) / previous close, chained, last close before \(period.start) to last close on or before \(period.end)",
                               inputs: [MetricInput(symbol: s.symbol, date: s.date(a), value: s.closes[a], role: "start: last close before the period"),
                                        MetricInput(symbol: s.symbol, date: s.date(b), value: s.closes[b], role: "end: last close of the period")],
                               notes: notes + ["dividends in the period: \(received) per share"] + s.notes)
        }
    }

    /// The change in points over a period: the same two closes as ``periodReturn(_:over:basis:)``.
    public func pointChange(_ subject: String, over period: Period) throws(NotComputable) -> MetricValue {
        let s = try series(for: subject)
        let (a, b, notes) = try endpoints(s, period)
        return MetricValue(metric: "points", subject: subject, symbol: s.symbol, period: period, value: s.closes[b] - s.closes[a], unit: "points",
                           convention: "points, close to close: last close before \(period.start) to last close on or before \(period.end)",
                           inputs: [MetricInput(symbol: s.symbol, date: s.date(a), value: s.closes[a], role: "start: last close before the period"),
                                    MetricInput(symbol: s.symbol, date: s.date(b), value: s.closes[b], role: "end: last close of the period")],
                           notes: notes + s.notes)
    }

    /// The closes inside a period (rows whose day lies in it), or not computable when the data
    /// does not cover the whole period or has unusable rows in it.
    func rows(_ s: PriceSeries, inside period: Period) throws(NotComputable) -> ClosedRange<Int> {
        _ = try s.row(onOrBefore: period.end)  // covers the end, no fault before it
        guard let first = s.indexOnOrAfter(Int32(period.start.daysSinceEpoch)),
              let last = s.indexOnOrBefore(Int32(period.end.daysSinceEpoch)), first <= last else {
            throw NotComputable("\(s.symbol) has no close inside \(period)")
        }
        if s.days[0] > Int32(period.start.daysSinceEpoch) + s.staleDays {
            throw NotComputable("the data for \(s.symbol) starts on \(s.date(0)), after the start of \(period)")
        }
        if let bad = s.faults.keys.filter({ $0 >= Int32(period.start.daysSinceEpoch) && $0 <= Int32(period.end.daysSinceEpoch) }).min() {
            throw NotComputable(s.faults[bad]! + " in \(s.source)")
        }
        return first...last
    }

    /// The highest or lowest close in a period (or intraday high or low, where the file has them).
    ///
    /// Convention: over the rows dated inside the period; `intraday` uses the High and Low
    /// columns instead of closes.
    public func extreme(_ subject: String, over period: Period, highest: Bool, intraday: Bool = false) throws(NotComputable) -> MetricValue {
        let s = try series(for: subject)
        let range = try rows(s, inside: period)
        let values: [Double]
        if intraday {
            guard let v = highest ? s.highs : s.lows else {
                throw NotComputable("\(s.source) has no \(highest ? "High" : "Low") column for intraday figures")
            }
            values = v
        } else {
            values = s.closes
        }
        var best = range.lowerBound
        for k in range where values[k].isFinite && (highest ? values[k] > values[best] : values[k] < values[best]) { best = k }
        let what = (intraday ? "intraday " : "") + (highest ? "high" : "low")
        return MetricValue(metric: highest ? "high" : "low", subject: subject, symbol: s.symbol, period: period, value: values[best], unit: "level",
                           convention: "\(highest ? "highest" : "lowest") \(intraday ? "intraday price" : "close") of the \(range.count) trading days from \(s.date(range.lowerBound)) to \(s.date(range.upperBound))",
                           inputs: [MetricInput(symbol: s.symbol, date: s.date(best), value: values[best], role: what)],
                           notes: s.notes)
    }

    /// The record (all-time highest close in the data) up to a day, and how far the day's close
    /// is below it, in percent (0 on a record day).
    ///
    /// Convention: closes only, from the first row of the data to the day; "all-time" means since
    /// the data starts, which the output states.
    public func record(_ subject: String, asOf date: CalendarDate) throws(NotComputable) -> MetricValue {
        let s = try series(for: subject)
        let (i, note) = try s.row(onOrBefore: date)
        var best = 0
        for k in 0...i where s.closes[k] >= s.closes[best] { best = k }
        let distance = (s.closes[i] / s.closes[best] - 1) * 100
        return MetricValue(metric: "record", subject: subject, symbol: s.symbol, period: Period(start: date, end: date), value: s.closes[best], unit: "level",
                           convention: "highest close from the start of the data (\(s.date(0))) to \(s.date(i))",
                           inputs: [MetricInput(symbol: s.symbol, date: s.date(best), value: s.closes[best], role: "record close"),
                                    MetricInput(symbol: s.symbol, date: s.date(i), value: s.closes[i], role: "close on the day")],
                           notes: [note].compactMap { $0 } + [String(format: "the close of %@ is %.2f%% from the record%@", s.date(i).description, distance,
                                                                      best == i ? " (a record close)" : "")] + s.notes)
    }

    /// How far a day's close is from the record close up to that day, in percent (negative below).
    public func distanceFromRecord(_ subject: String, asOf date: CalendarDate) throws(NotComputable) -> MetricValue {
        var r = try record(subject, asOf: date)
        let close = r.inputs[1].value, top = r.inputs[0].value
        r.metric = "from_record"
        r.value = (close / top - 1) * 100
        r.unit = "percent"
        r.convention = "(close on the day / highest close up to it − 1) × 100; " + r.convention
        return r
    }

    /// A moving average of closes on a day, and whether the close is above or below it.
    ///
    /// Convention: SMA(n) = mean of the n closes up to and including the day's close. EMA(n):
    /// α = 2 / (n + 1), seeded with the SMA of the first n closes of the data and run to the day,
    /// so an EMA needs at least 3n closes to forget its seed (fewer is refused).
    public func movingAverage(_ subject: String, days n: Int, on date: CalendarDate, exponential: Bool = false) throws(NotComputable) -> MetricValue {
        guard n >= 1 else { throw NotComputable("a moving average needs a length of at least 1 day") }
        let s = try series(for: subject)
        let (i, note) = try s.row(onOrBefore: date)
        let needed = exponential ? 3 * n : n
        guard i + 1 >= needed else {
            throw NotComputable("\(s.symbol) has \(i + 1) closes up to \(date); an \(exponential ? "EMA" : "SMA")(\(n)) needs \(needed)")
        }
        if let bad = s.faults.keys.filter({ $0 >= s.days[i + 1 - needed] && $0 <= s.days[i] }).min() {
            throw NotComputable(s.faults[bad]! + " in \(s.source)")
        }
        let value: Double
        if exponential {
            let alpha = 2.0 / Double(n + 1)
            var ema = s.closes[0..<n].reduce(0, +) / Double(n)
            if i >= n { for k in n...i { ema += alpha * (s.closes[k] - ema) } }
            value = ema
        } else {
            value = s.closes[(i + 1 - n)...i].reduce(0, +) / Double(n)
        }
        let name = exponential ? "EMA" : "SMA"
        let side = s.closes[i] > value ? "above" : s.closes[i] < value ? "below" : "at"
        return MetricValue(metric: exponential ? "ema" : "sma", subject: subject, symbol: s.symbol, period: Period(start: date, end: date),
                           value: value, unit: "level",
                           convention: exponential
                               ? "EMA(\(n)) of closes, α = 2/(\(n)+1), seeded with the SMA of the first \(n) closes (\(s.date(0))), to \(s.date(i))"
                               : "SMA(\(n)): mean of the \(n) closes from \(s.date(i + 1 - n)) to \(s.date(i))",
                           inputs: [MetricInput(symbol: s.symbol, date: s.date(i), value: s.closes[i], role: "close on the day")],
                           notes: [note].compactMap { $0 } + [String(format: "the close %.2f is %@ its %d-day %@ (%.2f)", s.closes[i], side, n, name, value)] + s.notes)
    }
}
