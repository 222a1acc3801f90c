import ClaimsTestSupport
import Foundation
import Testing

/// `claims metrics` on Corpus/market, run as a user runs it.
@Suite("claims metrics")
struct MetricsCommandTests {
    let binary = TestPaths.claimsBinary
    static let market = TestPaths.corpus.appendingPathComponent("market")
    static let present = TestPaths.exists(market)

    func run(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(binary, ["metrics", "--data", Self.market.path] + arguments)
    }

    @Test("Q3 return of the S&P 500 from Corpus/market: 6,204.95 → 6,688.46 = +7.79%, with its inputs",
          .enabled(if: present, "Corpus/market not present"))
    func quarterReturn() throws {
        let r = try run(["SPX", "--metric", "return", "--period", "2025-Q3"])
        #expect(r.status == 0, "\(r.stderr)")
        // 6688.46 / 6204.95 − 1 = 7.792%: the article's table says +7.79%.
        #expect(r.stdout.hasPrefix("SPX return 2025-07-01..2025-09-30: 7.79%\n"))
        #expect(r.stdout.contains("input: ^GSPC 2025-06-30 6204.95  (start: last close before the period)"))
        #expect(r.stdout.contains("input: ^GSPC 2025-09-30 6688.46  (end: last close of the period)"))
        #expect(r.stdout.contains("convention: price return, close to close"))
    }

    @Test("JSON output carries the value, unit, convention and the closes with their dates",
          .enabled(if: present, "Corpus/market not present"))
    func json() throws {
        let r = try run(["DJI", "--metric", "points", "--period", "2025-10-10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        // 45,479.60 − 46,358.42 = −878.82, the article's figure
        #expect(abs((object["value"] as? Double ?? 0) + 878.82) < 1e-6)
        #expect(object["unit"] as? String == "points")
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["date"] as? String } == ["2025-10-09", "2025-10-10"])
    }

    @Test("a figure the data cannot give exits 1 with the reason; a bad folder exits 2; bad options 64",
          .enabled(if: present, "Corpus/market not present"))
    func failures() throws {
        let gap = try run(["SPX", "--metric", "return", "--period", "2025-08"])
        #expect(gap.status == 1)
        #expect(gap.stdout.isEmpty)
        #expect(gap.stderr.contains("not computable: the latest close of ^GSPC on or before 2025-07-31 is from 2025-06-30"))
        let unknown = try run(["AAPL", "--metric", "level", "--on", "2025-10-10"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("the market data has no prices for AAPL"))
        let folder = try runProcess(binary, ["metrics", "--data", "/nonexistent/market", "SPX", "--metric", "level", "--on", "2025-10-10"])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("/nonexistent/market: no such folder"))
        let usage = try run(["SPX", "--metric", "return", "--period", "2025-Q5"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("is not a period"))
        let noPeriod = try run(["SPX", "--metric", "return"])
        #expect(noPeriod.status == 1)
        #expect(noPeriod.stderr.contains("needs --period"))
    }
}
