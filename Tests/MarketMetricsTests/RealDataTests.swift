import ClaimModel
import ClaimsTestSupport
import Foundation
@testable import MarketMetrics
import Testing

/// `../shared/data/market/`: real prices, read in place (their licences keep them out of the repo).
let marketFolder = TestPaths.shared.appendingPathComponent("data/market")
let hasMarketData = TestPaths.exists(marketFolder.appendingPathComponent("indices"))

/// One series of the shared data.
func shared(_ relative: String) throws -> PriceSeries {
    let list = try PriceFile.read(marketFolder.appendingPathComponent(relative).path)
    #expect(list.count == 1)
    return list[0]
}

/// Rounds to two decimals, as the figures are published.
func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }

@Suite("real market data (../shared/data/market)", .enabled(if: hasMarketData, "../shared/data/market not present: real-data tests skipped"))
struct RealDataTests {
    @Test("S&P 500: 3,756.07 on 2020-12-31 → 4,649.23 on 2021-12-21 is +23.78% and +893.16 points, in every source")
    func sp500() throws {
        for file in ["indices/market-simulator/GSPC.csv.gz", "indices/market-lab/GSPC.csv.gz", "indices/fred-sp500/fred_sp500.csv"] {
            var data = MarketData()
            let s = try shared(file)
            data.add(s)
            data.alias("SPX", to: s.symbol)
            let p = Period(start: day("2021-01-01"), end: day("2021-12-21"))
            let r = try data.periodReturn("SPX", over: p)
            #expect(cents(r.value) == 23.78, "\(file)")
            #expect(r.inputs.map { cents($0.value) } == [3756.07, 4649.23], "\(file)")
            #expect(r.inputs.map(\.date) == [day("2020-12-31"), day("2021-12-21")], "\(file)")
            #expect(cents(try data.pointChange("SPX", over: p).value) == 893.16, "\(file)")
        }
    }

    @Test("Dow: 30,606.48 → 35,492.70 over the same span is +4,886.22 points")
    func dow() throws {
        var data = MarketData()
        data.add(try shared("indices/market-simulator/DJI.csv.gz"))
        let change = try data.pointChange("DJI", over: Period(start: day("2021-01-01"), end: day("2021-12-21")))
        #expect(cents(change.value) == 4886.22)
        #expect(change.inputs.map { cents($0.value) } == [30606.48, 35492.70])
    }

    @Test("Nasdaq Composite, Q3 2025: 20,369.73 (June 30) → 22,660.01 (Sept. 30) = +11.24%, from two files of different layouts")
    func nasdaqQ3() throws {
        // zcat indices/market-lab/IXIC.csv.gz | grep -E '^2025-0(6-30|9-30)' gives the two closes.
        for file in ["indices/market-lab/IXIC.csv.gz", "indices/quantedge/IXIC.csv"] {
            var data = MarketData()
            data.add(try shared(file))
            data.alias("IXIC", to: data.series.keys.first!)
            let r = try data.periodReturn("IXIC", over: Period(start: day("2025-07-01"), end: day("2025-09-30")))
            #expect(r.inputs.map { cents($0.value) } == [20369.73, 22660.01], "\(file)")
            #expect(cents(r.value) == 11.24, "\(file)")
        }
    }

    @Test("S&P 500 members above their 200-day SMA on 2020-03-23: 16 of 492 (3.3%), survivorship caveat stated")
    func breadthCovidLow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let members = marketFolder.appendingPathComponent("sp500-members/market-simulator")
        try FileManager.default.createSymbolicLink(atPath: folder.path("prices"), withDestinationPath: members.path)
        let list = try String(contentsOf: marketFolder.appendingPathComponent("sp500-reference/constituents_2024-09-13.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(list.count == 503)
        _ = try folder.write("members/SPX.tsv", list.joined(separator: "\n") + "\n")
        let data = try MarketData.load(folder: folder.url.path)
        #expect(data.problems.isEmpty)
        #expect(data.series.count == 503)
        #expect(data.series.values.reduce(0) { $0 + $1.count } == 833_600)
        let b = try data.breadthAboveSMA("SPX", days: 200, on: day("2020-03-23"))
        // The curator's count (README of the data): members with 200 closes, close above SMA(200).
        #expect(b.notes.contains("16 of 492 members closed above their 200-day SMA on 2020-03-23"))
        #expect(cents(b.value) == 3.25)
        #expect(b.notes.contains { $0.contains("survivorship") })
        // the same rule on two other dates the curator lists
        #expect(try data.breadthAboveSMA("SPX", days: 200, on: day("2021-12-21")).notes.contains("330 of 496 members closed above their 200-day SMA on 2021-12-21"))
        #expect(try data.breadthAboveSMA("SPX", days: 200, on: day("2024-09-12")).notes.contains("349 of 500 members closed above their 200-day SMA on 2024-09-12"))
    }

    @Test("top-5 weight from the 2024-10-10 caps, Alphabet's two classes counted once: 27.10%")
    func top5() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path("caps.csv"),
            withDestinationPath: marketFolder.appendingPathComponent("sp500-reference/constituents-financials_2024-10-10.csv").path)
        let data = try MarketData.load(folder: folder.url.path)
        let (weights, notes) = try data.capWeights(nil)
        // Worked out with Python's csv module from the same file: 501 caps (BRK.B, BF.B have
        // none), GOOGL 1.99926e12 and GOOG 1.99913e12 taken as one company (likewise FOXA/FOX
        // and NWSA/NWS): AAPL 6.858, NVDA 6.394, MSFT 6.098, Alphabet 3.929, AMZN 3.819.
        #expect(weights.count == 498)
        #expect(weights.prefix(5).map { $0.symbols[0] } == ["AAPL", "NVDA", "MSFT", "GOOGL", "AMZN"])
        #expect(weights[3].symbols == ["GOOGL", "GOOG"])
        let top = try data.concentration(top: 5, in: nil)
        #expect(cents(top.value) == 27.10)
        #expect(notes.contains { $0.contains("2 rows have no market cap") })
    }
}
