import ClaimModel

/// Why a figure cannot be computed from the data at hand, in words a reader can act on
/// ("no close for SPX on or before 1989-12-29: its data starts on 1990-01-02").
public struct NotComputable: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, one sentence.
    public var reason: String
    /// Creates a reason.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "not computable: \(reason)" }
}

/// A file or folder of market data that cannot be read, with the reason.
public struct MarketDataProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or folder) concerned; empty while the reason is being built.
    public var path: String
    /// What is wrong with it.
    public var reason: String
    /// Creates a problem.
    public init(_ reason: String, path: String = "") {
        self.reason = reason
        self.path = path
    }
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// One close of a series: the day and the value.
public struct Close: Sendable, Hashable, Codable {
    /// The trading day.
    public var date: CalendarDate
    /// The closing value.
    public var value: Double
}

/// The daily (or weekly, monthly) closes of one symbol, sorted by date with one row a day.
///
/// Rows that could not be used stay known as *faults* (a non-numeric, zero or negative close, or
/// two rows of one day that disagree), so that a computation that needs such a day says so
/// instead of silently using a neighbouring day; an empty cell or a `.` marker (FRED's holidays)
/// is a day without an observation, noted as a *gap*.
public struct PriceSeries: Sendable {
    /// The symbol as the data names it (`^GSPC`, `AAPL`, `SP500`).
    public var symbol: String
    /// The file it was read from.
    public var source: String
    /// Days since 1970-01-01 of each row, ascending, unique.
    public private(set) var days: [Int32]
    /// The close of each row (`Close`; for FRED series, the value).
    public private(set) var closes: [Double]
    /// `Adj Close` where the file has it: the close adjusted for splits and dividends, whose
    /// returns are total returns.
    public private(set) var adjustedCloses: [Double]?
    /// The intraday high and low of each row, where the file has them.
    public private(set) var highs: [Double]?
    /// See ``highs``.
    public private(set) var lows: [Double]?
    /// Days whose row could not be used, with the reason.
    public private(set) var faults: [Int32: String]
    /// Days the file lists with no value (empty cell or a missing marker).
    public private(set) var gaps: Set<Int32>
    /// What the reader had to repair, e.g. "rows were not in date order; sorted".
    public internal(set) var notes: [String]

    /// A row as read, before sorting and de-duplication.
    struct Row {
        var day: Int32
        var close: NumberCell
        var adjusted: NumberCell?
        var high: NumberCell?
        var low: NumberCell?
        var line: Int
    }

    /// Builds a series from rows in any order; sorts them, merges duplicate days that agree and
    /// turns unusable rows into faults.
    init(symbol: String, source: String, rows: [Row], hasAdjusted: Bool, hasRange: Bool) {
        self.symbol = symbol
        self.source = source
        var rows = rows
        var notes: [String] = []
        if zip(rows, rows.dropFirst()).contains(where: { $0.day > $1.day }) {
            notes.append("rows were not in date order; sorted by date")
            rows.sort { $0.day < $1.day || ($0.day == $1.day && $0.line < $1.line) }
        }
        var days: [Int32] = [], closes: [Double] = [], adjusted: [Double] = [], highs: [Double] = [], lows: [Double] = []
        days.reserveCapacity(rows.count)
        closes.reserveCapacity(rows.count)
        if hasAdjusted { adjusted.reserveCapacity(rows.count) }
        if hasRange { highs.reserveCapacity(rows.count); lows.reserveCapacity(rows.count) }
        var faults: [Int32: String] = [:]
        var gaps = Set<Int32>()
        var duplicates = 0
        func day(_ d: Int32) -> String { CalendarDate(daysSinceEpoch: Int(d)).description }
        func value(_ cell: NumberCell?, _ name: String, _ row: Row) -> Double? {
            switch cell {
            case .number(let v): return v
            case .missing, nil: return nil
            case .invalid(let text):
                faults[row.day] = "the \(name) of \(day(row.day)) is not a number ('\(text)', line \(row.line))"
                return nil
            }
        }
        var i = 0
        while i < rows.count {
            let row = rows[i]
            // every row of this day
            var j = i + 1
            while j < rows.count, rows[j].day == row.day { j += 1 }
            defer { i = j }
            if j - i > 1 {
                let closesOfDay = rows[i..<j].map { $0.close }
                if Set(closesOfDay.map { "\($0)" }).count > 1 {
                    let shown = closesOfDay.map { c -> String in
                        if case .number(let v) = c { return "\(v)" }
                        return "\(c)"
                    }
                    faults[row.day] = "\(day(row.day)) has \(j - i) rows with different closes (\(shown.joined(separator: ", ")))"
                    continue
                }
                duplicates += j - i - 1
            }
            if row.close == .missing {
                gaps.insert(row.day)
                continue
            }
            guard let close = value(row.close, "close", row) else { continue }
            guard close > 0 else {
                faults[row.day] = "the close of \(day(row.day)) is \(close), not a positive price (line \(row.line))"
                continue
            }
            days.append(row.day)
            closes.append(close)
            if hasAdjusted {
                let a = value(row.adjusted, "adjusted close", row)
                adjusted.append(a.map { $0 > 0 ? $0 : .nan } ?? .nan)
            }
            if hasRange {
                highs.append(value(row.high, "high", row) ?? .nan)
                lows.append(value(row.low, "low", row) ?? .nan)
            }
        }
        if duplicates > 0 { notes.append("\(duplicates) duplicate rows with the same close were merged") }
        if !gaps.isEmpty { notes.append("\(gaps.count) rows have no value (empty or a missing marker)") }
        if !faults.isEmpty { notes.append("\(faults.count) days have unusable rows") }
        self.days = days
        staleDays = Self.staleLimit(days)
        self.closes = closes
        adjustedCloses = hasAdjusted ? adjusted : nil
        self.highs = hasRange ? highs : nil
        self.lows = hasRange ? lows : nil
        self.faults = faults
        self.gaps = gaps
        self.notes = notes
    }

    /// Creates a series from closes (any order); for tests and data built in code.
    public init(symbol: String, closes: [(CalendarDate, Double)], adjusted: [Double]? = nil, source: String = "") {
        var rows: [Row] = []
        for (k, c) in closes.enumerated() {
            rows.append(Row(day: Int32(c.0.daysSinceEpoch), close: .number(c.1),
                            adjusted: adjusted.map { .number($0[k]) }, high: nil, low: nil, line: k + 1))
        }
        self.init(symbol: symbol, source: source, rows: rows, hasAdjusted: adjusted != nil, hasRange: false)
    }

    /// The number of usable rows.
    public var count: Int { days.count }

    /// The first and last days with a close.
    public var range: ClosedRange<CalendarDate>? {
        guard let a = days.first, let b = days.last else { return nil }
        return CalendarDate(daysSinceEpoch: Int(a))...CalendarDate(daysSinceEpoch: Int(b))
    }

    /// The index of the last row on or before a day, or nil when every row is after it.
    func indexOnOrBefore(_ day: Int32) -> Int? {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The index of the first row on or after a day, or nil when every row is before it.
    func indexOnOrAfter(_ day: Int32) -> Int? {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo == days.count ? nil : lo
    }

    /// The date of row `i`.
    func date(_ i: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: Int(days[i])) }

    /// The longest stretch of calendar days allowed between a requested day and the close used
    /// for it: for daily data 7 (a long weekend with a holiday is 4 days, the 2001 closure 6;
    /// more means the data has a hole there); for weekly or monthly data one and a half times
    /// the usual spacing of its rows.
    public let staleDays: Int32

    private static func staleLimit(_ days: [Int32]) -> Int32 {
        guard days.count > 2 else { return 7 }
        var steps = zip(days.dropFirst(), days).map { $0 - $1 }
        steps.sort()
        return max(7, steps[steps.count / 2] * 3 / 2)
    }

    /// The row to use for "the close on or before `date`", with every check a reader would make:
    /// the data reaches that far back and that far forward, no unusable row lies between the
    /// date and the close used, and the close is not stale.
    func row(onOrBefore date: CalendarDate) throws(NotComputable) -> (index: Int, note: String?) {
        let day = Int32(date.daysSinceEpoch)
        guard let first = days.first, let last = days.last else {
            throw NotComputable("\(symbol) has no usable closes in \(source)")
        }
        guard let i = indexOnOrBefore(day) else {
            throw NotComputable("no close for \(symbol) on or before \(date): its data starts on \(CalendarDate(daysSinceEpoch: Int(first)))")
        }
        if day > last {
            // A weekend right after the last row still has that Friday as its close.
            let lastDate = CalendarDate(daysSinceEpoch: Int(last))
            let weekday = ((Int(last) + 4) % 7 + 7) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
            let allowed = weekday == 5 ? Int32(2) : 0
            if day - last > allowed {
                throw NotComputable("the data for \(symbol) ends on \(lastDate), before \(date)")
            }
        }
        // Unusable rows between the close found and the day asked for.
        if let bad = faults.keys.filter({ $0 > days[i] && $0 <= day }).min() {
            throw NotComputable(faults[bad]! + " in \(source)")
        }
        if day - days[i] > staleDays {
            throw NotComputable("the latest close of \(symbol) on or before \(date) is from \(self.date(i)), \(day - days[i]) days earlier: the data has a gap")
        }
        var note: String?
        if days[i] != day, gaps.contains(day) {
            note = "\(date) has no value for \(symbol); used the close of \(self.date(i))"
        }
        return (i, note)
    }

    /// The row to use for "the last close before `date`" (a period's starting level).
    func row(before date: CalendarDate) throws(NotComputable) -> (index: Int, note: String?) {
        try row(onOrBefore: CalendarDate(daysSinceEpoch: date.daysSinceEpoch - 1))
    }
}
