import ClaimModel
import Foundation
import MarketMetrics

/// The figures `claims metrics` computes from market data, each with its convention and the
/// closes it came from: what the command asks for, without the command line.
public enum MarketFigures {
    /// A figure (not ``ClaimModel/Metric``, what a claim measures).
    public enum Figure: String, Sendable, CaseIterable {
        case level, `return`, points, high, low, record
        case fromRecord = "from-record"
        case sma, ema, breadth, beating, weight, concentration
        case equalWeight = "equal-weight"
        case capWeight = "cap-weight"
        case contribution
    }

    /// What a figure is asked of.
    public struct Request: Sendable {
        /// What the figure is about: an entity id, a symbol, or for index figures the index.
        public var subject: String
        /// The period, for changes over one.
        public var period: Period?
        /// The day, for figures on a day (default: the period's last day).
        public var day: CalendarDate?
        /// Trading days of a moving average.
        public var days: Int = 200
        /// Price or total return.
        public var basis: ReturnBasis = .price
        /// High and low from the intraday columns.
        public var intraday = false
        /// For `beating`: the benchmark (default: the subject).
        public var benchmark: String?
        /// For `weight` and `contribution`: the index whose members count.
        public var index: String?
        /// For `concentration`: how many of the largest companies.
        public var top: Int = 5

        /// Creates a request.
        public init(subject: String) { self.subject = subject }
    }

    /// Market data loaded from a folder: price files, symbols, caps, members.
    public typealias DataSet = MarketData
    /// A computed figure with its convention, inputs and notes.
    public typealias Value = MetricValue
    /// Price return or total return.
    public typealias Basis = ReturnBasis

    /// Loads a market data folder; the files it could not use are in the result's `problems`.
    public static func load(folder: String) throws -> DataSet { try MarketData.load(folder: folder) }

    /// Computes a figure; the reason when the data cannot give it.
    public static func compute(_ figure: Figure, _ r: Request, from m: MarketData) throws(NotComputable) -> MetricValue {
        func needPeriod() throws(NotComputable) -> Period {
            guard let period = r.period else { throw NotComputable("\(figure.rawValue) needs --period or --from/--to") }
            return period
        }
        func needDay() throws(NotComputable) -> CalendarDate {
            if let day = r.day { return day }
            if let period = r.period { return period.end }
            throw NotComputable("\(figure.rawValue) needs --on DAY (or a period, whose last day is used)")
        }
        let subject = r.subject
        switch figure {
        case .level: return try m.level(subject, on: needDay())
        case .return: return try m.periodReturn(subject, over: needPeriod(), basis: r.basis)
        case .points: return try m.pointChange(subject, over: needPeriod())
        case .high: return try m.extreme(subject, over: needPeriod(), highest: true, intraday: r.intraday)
        case .low: return try m.extreme(subject, over: needPeriod(), highest: false, intraday: r.intraday)
        case .record: return try m.record(subject, asOf: needDay())
        case .fromRecord: return try m.distanceFromRecord(subject, asOf: needDay())
        case .sma: return try m.movingAverage(subject, days: r.days, on: needDay())
        case .ema: return try m.movingAverage(subject, days: r.days, on: needDay(), exponential: true)
        case .breadth: return try m.breadthAboveSMA(subject, days: r.days, on: needDay())
        case .beating: return try m.breadthBeating(subject, benchmark: r.benchmark ?? subject, over: needPeriod())
        case .weight: return try m.weight(subject, in: r.index)
        case .concentration: return try m.concentration(top: r.top, in: subject == "all" ? nil : subject)
        case .equalWeight: return try m.equalWeightReturn(subject, over: needPeriod())
        case .capWeight: return try m.capWeightReturn(subject, over: needPeriod())
        case .contribution:
            guard let index = r.index else { throw NotComputable("contribution needs --index INDEX") }
            return try m.contribution(subject, to: index, over: needPeriod())
        }
    }

    /// The figure, its convention, inputs and notes, for a reader.
    public static func text(_ v: MetricValue) -> String {
        let unit = v.unit == "percent" ? "%" : v.unit == "percentage points" ? " pp" : v.unit == "points" ? " points" : ""
        let when = v.period.map { " \($0.isPoint ? "\($0.start)" : "\($0.start)..\($0.end)")" } ?? ""
        var out = "\(v.subject) \(v.metric)\(when): \(String(format: "%.2f", v.value))\(unit)\n"
        out += "  convention: \(v.convention)\n"
        for i in v.inputs {
            out += "  input: \(i.symbol) \(i.date) \(String(format: "%.2f", i.value))  (\(i.role))\n"
        }
        for n in v.notes { out += "  note: \(n)\n" }
        return out
    }

    /// The figure as pretty-printed JSON with sorted keys.
    public static func json(_ v: MetricValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(v), as: UTF8.self)
    }
}
