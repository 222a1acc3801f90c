import ClaimModel
import ClaimsTestSupport
import Foundation
@testable import MarketMetrics
import Testing

/// A period from two ISO days.
func period(_ a: String, _ b: String) -> Period { Period(start: day(a), end: day(b)) }

/// Data with one series "X" whose figures below were worked out by hand.
func sample() -> MarketData {
    var data = MarketData()
    data.add(PriceSeries(symbol: "^X", closes: [
        (day("2024-12-30"), 100), (day("2024-12-31"), 110), (day("2025-01-02"), 99),
        (day("2025-01-03"), 121), (day("2025-03-31"), 132), (day("2025-04-01"), 120),
    ]))
    data.alias("XI", to: "^X")
    return data
}

@Suite("metrics on a small series, checked by hand")
struct MetricsTests {
    let data = sample()

    @Test("level: the close on a day, or the last one before it; by entity id or symbol")
    func level() throws {
        #expect(try data.level("XI", on: day("2025-01-03")).value == 121)
        let weekend = try data.level("XI", on: day("2025-01-05"))
        #expect(weekend.value == 121)
        #expect(weekend.inputs[0].date == day("2025-01-03"))
        #expect(try data.level("^X", on: day("2025-01-03")).value == 121)
        #expect(try data.level("X", on: day("2025-01-03")).value == 121)  // the caret is optional
    }

    @Test("return and points: last close before the period to the last close on or before its end")
    func returns() throws {
        // Year to date on Jan 3: 121 / 110 (Dec 31, the previous year's last close) − 1 = 10%.
        let ytd = try data.periodReturn("XI", over: period("2025-01-01", "2025-01-03"))
        #expect(abs(ytd.value - 10) < 1e-9)
        #expect(ytd.inputs.map(\.date) == [day("2024-12-31"), day("2025-01-03")])
        #expect(ytd.convention.contains("last close before 2025-01-01"))
        // Q1: 110 → 132 = +20%, +22 points.
        #expect(abs(try data.periodReturn("XI", over: period("2025-01-01", "2025-03-31")).value - 20) < 1e-9)
        #expect(try data.pointChange("XI", over: period("2025-01-01", "2025-03-31")).value == 22)
        // One day: Apr 1 against Mar 31: 120/132 − 1.
        let oneDay = try data.periodReturn("XI", over: period("2025-04-01", "2025-04-01"))
        #expect(abs(oneDay.value - (120.0 / 132.0 - 1) * 100) < 1e-9)
    }

    @Test("high and low of a period are its highest and lowest closes")
    func extremes() throws {
        let high = try data.extreme("XI", over: period("2025-01-01", "2025-03-31"), highest: true)
        #expect(high.value == 132)
        #expect(high.inputs[0].date == day("2025-03-31"))
        let low = try data.extreme("XI", over: period("2025-01-01", "2025-03-31"), highest: false)
        #expect(low.value == 99)
        #expect(throws: NotComputable.self) {
            try data.extreme("XI", over: period("2025-01-01", "2025-03-31"), highest: true, intraday: true)
        }
    }

    @Test("record high up to a day and the distance from it")
    func record() throws {
        let r = try data.record("XI", asOf: day("2025-04-01"))
        #expect(r.value == 132)
        #expect(r.inputs[0].date == day("2025-03-31"))
        let d = try data.distanceFromRecord("XI", asOf: day("2025-04-01"))
        #expect(abs(d.value - (120.0 / 132.0 - 1) * 100) < 1e-9)  // −9.09%
        #expect(try data.distanceFromRecord("XI", asOf: day("2025-03-31")).value == 0)
    }

    @Test("SMA(3) and EMA(2) against hand arithmetic, and above/below")
    func averages() throws {
        let sma = try data.movingAverage("XI", days: 3, on: day("2025-04-01"))
        #expect(abs(sma.value - (121.0 + 132 + 120) / 3) < 1e-9)
        #expect(sma.notes.contains { $0.contains("is below its 3-day SMA") })
        // α = 2/3, seed (100 + 110)/2 = 105 → 101 → 114.333 → 126.111 → 122.037
        let ema = try data.movingAverage("XI", days: 2, on: day("2025-04-01"), exponential: true)
        #expect(abs(ema.value - 122.037037037) < 1e-6)
        #expect(throws: NotComputable.self) { try data.movingAverage("XI", days: 3, on: day("2025-04-01"), exponential: true) }
        #expect(throws: NotComputable.self) { try data.movingAverage("XI", days: 7, on: day("2025-04-01")) }
        let above = try data.movingAverage("XI", days: 2, on: day("2025-03-31"))
        #expect(above.notes.contains { $0.contains("above its 2-day SMA") })
    }

    @Test("total return: from Adj Close where given, else closes with dividends reinvested")
    func totalReturn() throws {
        var d = MarketData()
        d.add(PriceSeries(symbol: "F", closes: [(day("2025-01-02"), 100), (day("2025-01-03"), 99), (day("2025-01-06"), 101)],
                          adjusted: [95, 95, 97]))
        #expect(abs(try d.periodReturn("F", over: period("2025-01-03", "2025-01-06"), basis: .total).value - (97.0 / 95 - 1) * 100) < 1e-9)
        #expect(abs(try d.periodReturn("F", over: period("2025-01-03", "2025-01-06")).value - 1) < 1e-9)
        var g = MarketData()
        g.add(PriceSeries(symbol: "G", closes: [(day("2025-01-02"), 100), (day("2025-01-03"), 99), (day("2025-01-06"), 101)]))
        #expect(throws: NotComputable.self) { try g.periodReturn("G", over: period("2025-01-03", "2025-01-06"), basis: .total) }
        g.dividends["G"] = [Int32(day("2025-01-03").daysSinceEpoch): 1]
        // (99 + 1)/100 × 101/99 − 1 = 2.0202%
        let t = try g.periodReturn("G", over: period("2025-01-03", "2025-01-06"), basis: .total)
        #expect(abs(t.value - ((100.0 / 100) * (101.0 / 99) - 1) * 100) < 1e-9)
    }
}

@Suite("bad data: not computable, with the reason, never a silent number")
struct BadDataTests {
    func load(_ text: String) throws -> MarketData {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("X.csv", text)
        let data = try MarketData.load(folder: folder.url.path)
        #expect(data.problems.isEmpty)
        return data
    }

    func reason(_ body: () throws -> MetricValue) -> String? {
        do { _ = try body(); return nil } catch { return (error as? NotComputable)?.reason ?? "other error: \(error)" }
    }

    @Test("a hole of more than a week in the data is a gap, not a holiday")
    func missingDays() throws {
        let d = try load("date,close\n2025-01-02,10\n2025-01-21,11\n")
        #expect(reason { try d.level("X", on: day("2025-01-17")) }?.contains("the data has a gap") == true)
        #expect(try d.level("X", on: day("2025-01-06")).value == 10)
    }

    @Test("unsorted rows are sorted, with a note, and give the right figures")
    func unsorted() throws {
        let d = try load("date,close\n2025-01-03,121\n2024-12-31,110\n2025-01-02,99\n")
        let r = try d.periodReturn("X", over: period("2025-01-01", "2025-01-03"))
        #expect(abs(r.value - 10) < 1e-9)
        #expect(r.notes.contains { $0.contains("not in date order") })
    }

    @Test("duplicate dates: equal rows merge; rows that disagree make that day not computable")
    func duplicates() throws {
        let same = try load("date,close\n2025-01-02,10\n2025-01-02,10\n2025-01-03,11\n")
        #expect(try same.level("X", on: day("2025-01-02")).value == 10)
        let differ = try load("date,close\n2025-01-02,10\n2025-01-03,11\n2025-01-03,12\n2025-01-06,13\n")
        #expect(reason { try differ.level("X", on: day("2025-01-03")) }?.contains("different closes (11.0, 12.0)") == true)
        #expect(reason { try differ.periodReturn("X", over: period("2025-01-03", "2025-01-03")) }?.contains("different closes") == true)
        // a return over the bad day does not need its close: Jan 2 → Jan 6
        #expect(abs(try differ.periodReturn("X", over: period("2025-01-03", "2025-01-06")).value - 30) < 1e-9)
        #expect(try differ.level("X", on: day("2025-01-06")).value == 13)
    }

    @Test("a non-numeric close stops every figure that needs that day")
    func nonNumeric() throws {
        let d = try load("date,close\n2025-01-02,10\n2025-01-03,n.a.\n2025-01-06,12\n")
        let why = reason { try d.level("X", on: day("2025-01-03")) }
        #expect(why?.contains("not a number ('n.a.', line 3)") == true)
        // the two closes before Jan 6 would skip the bad day: refused; one close does not need it
        #expect(reason { try d.movingAverage("X", days: 2, on: day("2025-01-06")) }?.contains("not a number") == true)
        #expect(try d.movingAverage("X", days: 1, on: day("2025-01-06")).value == 12)
        #expect(reason { try d.extreme("X", over: period("2025-01-01", "2025-01-06"), highest: true) }?.contains("not a number") == true)
    }

    @Test("a '.' or empty cell is a day without a value: the close before it is used and said")
    func markers() throws {
        let d = try load("observation_date,X\n2025-01-02,10\n2025-01-03,.\n2025-01-06,12\n")
        let l = try d.level("X", on: day("2025-01-03"))
        #expect(l.value == 10)
        #expect(l.notes.contains { $0.contains("2025-01-03 has no value for X; used the close of 2025-01-02") })
    }

    @Test("zero or negative prices are not prices")
    func nonPositive() throws {
        let d = try load("date,close\n2025-01-02,10\n2025-01-03,0\n2025-01-06,-4\n2025-01-07,12\n")
        #expect(reason { try d.level("X", on: day("2025-01-03")) }?.contains("not a positive price") == true)
        #expect(reason { try d.periodReturn("X", over: period("2025-01-06", "2025-01-06")) }?.contains("not a positive price") == true)
        #expect(try d.level("X", on: day("2025-01-07")).value == 12)
    }

    @Test("no data for the subject or the period")
    func noData() throws {
        let d = try load("date,close\n2025-01-02,10\n2025-01-03,11\n")
        #expect(reason { try d.level("Y", on: day("2025-01-03")) } == "the market data has no prices for Y")
        #expect(reason { try d.level("X", on: day("2024-12-31")) }?.contains("its data starts on 2025-01-02") == true)
        #expect(reason { try d.level("X", on: day("2025-02-03")) }?.contains("ends on 2025-01-03") == true)
        // the weekend after a last Friday still has Friday's close
        #expect(try d.level("X", on: day("2025-01-05")).value == 11)
        #expect(reason { try d.periodReturn("X", over: period("2025-01-01", "2025-01-03")) }?.contains("starts on") == true)
        #expect(reason { try d.periodReturn("X", over: period("2025-01-04", "2025-01-05")) }?.contains("no close inside") == true)
    }

    @Test("a folder with one bad file still loads the others, and names the bad one")
    func badFileInFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("A.csv", "date,close\n2025-01-02,10\n")
        _ = try folder.write("B.csv.gz", [0x1F, 0x8B, 1, 2, 3])
        _ = try folder.write("C.csv", [0, 1, 2, 3])
        let d = try MarketData.load(folder: folder.url.path)
        #expect(d.series.keys.sorted() == ["A"])
        #expect(d.problems.count == 2)
        #expect(d.problems.map { ($0.path as NSString).lastPathComponent }.sorted() == ["B.csv.gz", "C.csv"])
        #expect(throws: MarketDataProblem.self) { try MarketData.load(folder: folder.path("nowhere")) }
        #expect(throws: MarketDataProblem.self) { try MarketData.load(folder: folder.path("A.csv")) }
    }
}

@Suite("index figures: breadth, cap weights, equal- vs cap-weighted returns, contribution")
struct IndexMetricsTests {
    /// Three members over three days; caps as of the last day.
    func data() throws -> MarketData {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("closes.csv", """
            date,symbol,close
            2025-01-02,AAA,10
            2025-01-03,AAA,11
            2025-01-06,AAA,12
            2025-01-02,BBB,20
            2025-01-03,BBB,20
            2025-01-06,BBB,18
            2025-01-02,GOOGL,100
            2025-01-03,GOOGL,100
            2025-01-06,GOOGL,110
            2025-01-02,IDX,1000
            2025-01-06,IDX,1010
            """)
        _ = try folder.write("symbols.tsv", "IDX\tINDEXID\n")
        _ = try folder.write("members/INDEXID.tsv", "# members\nAAA\nBBB\nGOOGL\nGOOG\n")
        _ = try folder.write("caps.csv", """
            Symbol,Name,Market Cap,Date
            AAA,"Aaa Corp",120,2025-01-06
            BBB,"Bbb, Inc.",180,2025-01-06
            GOOGL,"Alphabet Inc. (Class A)",1100,2025-01-06
            GOOG,"Alphabet Inc. (Class C)",1090,2025-01-06
            ZZZ,"Not a member",5000,2025-01-06
            """)
        let d = try MarketData.load(folder: folder.url.path)
        #expect(d.problems.isEmpty)
        return d
    }

    @Test("breadth above the 2-day SMA on Jan 6: AAA (12 > 11.5) and GOOGL (110 > 105) of three")
    func breadth() throws {
        let b = try data().breadthAboveSMA("INDEXID", days: 2, on: day("2025-01-06"))
        #expect(abs(b.value - 200.0 / 3) < 1e-9)
        #expect(b.notes.contains { $0.contains("survivorship") })
        #expect(b.notes.contains { $0.contains("1 members have no prices") })  // GOOG
    }

    @Test("share of members beating the index over Jan 3–6: index +1%, AAA +9.1%, BBB −10%, GOOGL +10%")
    func beating() throws {
        let b = try data().breadthBeating("INDEXID", benchmark: "INDEXID", over: period("2025-01-03", "2025-01-06"))
        #expect(abs(b.value - 200.0 / 3) < 1e-9)
    }

    @Test("weights merge GOOGL/GOOG (caps within 5%: one company) and leave out non-members")
    func weights() throws {
        let d = try data()
        let (w, notes) = try d.capWeights("INDEXID")
        #expect(w.map(\.symbols) == [["GOOGL", "GOOG"], ["BBB"], ["AAA"]])
        #expect(abs(w[0].weight - 1100.0 / 1400 * 100) < 1e-9)
        #expect(notes.contains { $0.contains("GOOGL/GOOG: one company") })
        #expect(abs(try d.concentration(top: 2, in: "INDEXID").value - 1280.0 / 1400 * 100) < 1e-9)
        #expect(abs(try d.weight("GOOG", in: "INDEXID").value - 1100.0 / 1400 * 100) < 1e-9)
        // without a member list, every row of caps.csv counts
        #expect(abs(try d.concentration(top: 1, in: nil).value - 5000.0 / 6400 * 100) < 1e-9)
    }

    @Test("share classes with their own caps are added, not merged away")
    func classCapsAdded() {
        let (w, _) = CapWeights.weights([CapRow(symbol: "FOXA", marketCap: 10), CapRow(symbol: "FOX", marketCap: 5), CapRow(symbol: "Q", marketCap: 15)])
        #expect(w.count == 2)
        #expect(w.allSatisfy { abs($0.weight - 50) < 1e-9 })
    }

    @Test("equal-weighted vs cap-weighted return, and one member's contribution, over Jan 3–6")
    func weightedReturns() throws {
        let d = try data()
        let p = period("2025-01-03", "2025-01-06")
        // member returns from the Jan 2 closes: AAA 12/10 = +20%, BBB 18/20 = −10%, GOOGL +10%
        let equal = try d.equalWeightReturn("INDEXID", over: p)
        #expect(abs(equal.value - (20.0 - 10 + 10) / 3) < 1e-9)
        // caps at the start (Jan 2) = caps as of Jan 6 × close Jan 2 / close Jan 6:
        // AAA 120 × 10/12 = 100, BBB 180 × 20/18 = 200, GOOGL 1100 × 100/110 = 1000; total 1300
        let cap = try d.capWeightReturn("INDEXID", over: p)
        #expect(abs(cap.value - (100.0 * 20 + 200 * -10 + 1000 * 10) / 1300) < 1e-9)
        let c = try d.contribution("AAA", to: "INDEXID", over: p)
        #expect(abs(c.value - 100.0 / 1300 * 20) < 1e-9)
        #expect(c.unit == "percentage points")
    }
}
