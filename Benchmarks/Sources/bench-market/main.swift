// Market data speed: loading the 503 S&P 500 member files and computing returns, against the
// limits of the market-data issue (load under 1 s; 10,000 returns under 50 ms), and the parse of
// the same bytes by MarketMetrics' scanner, SwiftCSV and CSV.swift.
//
//   bench-market MEMBERS_FOLDER [ROUNDS]      (LOAD_ONLY=1: the full load only, for profiling)
import ClaimModel
import CSV
import Dispatch
import Foundation
import MarketMetrics
import SwiftCSV

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: bench-market MEMBERS_FOLDER [ROUNDS]\n".data(using: .utf8)!)
    exit(64)
}
let folder = arguments[1]
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv.gz") || $0.hasSuffix(".csv") }
    .sorted().map { folder + "/" + $0 }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func report(_ name: String, _ times: [Double], limit: Double? = nil) {
    var line = String(format: "%-58@ median %8.3f s  best %8.3f s", name as NSString, median(times), times.min()!)
    if let limit { line += String(format: "   median / limit %.2f (limit %.3f s)", median(times) / limit, limit) }
    print(line)
}

// 1. Full load on every core: read, gunzip, parse, build series.
var rows = 0
var loadTimes: [Double] = []
var data = MarketData()
for _ in 0..<rounds {
    var loaded: [Result<[PriceSeries], MarketDataProblem>] = []
    loadTimes.append(seconds { loaded = MarketData.readAll(files) })
    data = MarketData()
    rows = 0
    for r in loaded { for s in try r.get() { data.add(s); rows += s.count } }
}
print("\(files.count) files, \(rows) rows")
report("load, all cores (MarketData.readAll)", loadTimes, limit: 1.0)

if ProcessInfo.processInfo.environment["LOAD_ONLY"] != nil { exit(0) }

// 2. The same on one core.
var oneCore: [Double] = []
for _ in 0..<rounds { oneCore.append(try seconds { for f in files { _ = try PriceFile.read(f) } }) }
report("load, one core (PriceFile.read)", oneCore)

// 3. Parse only, one core, of bytes already decompressed in memory.
let texts = try files.map { try PriceFile.bytes($0) }
let megabytes = Double(texts.reduce(0) { $0 + $1.count }) / 1e6
print(String(format: "decompressed: %.1f MB", megabytes))
var ours: [Double] = [], swiftCSV: [Double] = [], csvSwift: [Double] = []
var check = (0.0, 0.0, 0.0)
for _ in 0..<rounds {
    ours.append(try seconds {
        var sum = 0.0
        for (k, t) in texts.enumerated() { for s in try PriceFile.parse(t, name: files[k], source: files[k]) { sum += s.closes.last! } }
        check.0 = sum
    })
    // The packages, asked for the same work: each Close and Adj Close as a Double.
    swiftCSV.append(try seconds {
        var sum = 0.0
        for t in texts {
            let csv = try CSV<Enumerated>(string: String(decoding: t, as: UTF8.self), loadColumns: false)
            var last = 0.0
            for row in csv.rows {
                guard row.count > 5, let c = Double(row[4]), Double(row[5]) != nil else { continue }
                last = c
            }
            sum += last
        }
        check.1 = sum
    })
    csvSwift.append(try seconds {
        var sum = 0.0
        for t in texts {
            let reader = try CSVReader(string: String(decoding: t, as: UTF8.self), hasHeaderRow: true)
            var last = 0.0
            while let row = reader.next() {
                guard row.count > 5, let c = Double(row[4]), Double(row[5]) != nil else { continue }
                last = c
            }
            sum += last
        }
        check.2 = sum
    })
}
guard abs(check.0 - check.1) < 1e-6 * abs(check.0), abs(check.0 - check.2) < 1e-6 * abs(check.0) else {
    print("the three parsers disagree: \(check)")
    exit(1)
}
report("parse only, one core: MarketMetrics' CSVScanner", ours)
report("parse only, one core: SwiftCSV 0.10 (Close, Adj Close)", swiftCSV)
report("parse only, one core: CSV.swift 2.5 (Close, Adj Close)", csvSwift)
print(String(format: "SwiftCSV / ours %.1fx, CSV.swift / ours %.1fx (medians)", median(swiftCSV) / median(ours), median(csvSwift) / median(ours)))

// 4. 10,000 returns after loading: random members and periods (fixed seed).
struct Generator {
    var state: UInt64 = 0x9E3779B97F4A7C15
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}
var generator = Generator()
@MainActor func random(_ n: Int) -> Int { generator.next(n) }
let symbols = data.series.keys.sorted()
let firstDay = CalendarDate(iso: "2019-01-01")!.daysSinceEpoch
var requests: [(String, Period)] = []
for _ in 0..<10_000 {
    let a = firstDay + random(1_800)
    let b = a + 1 + random(180)
    requests.append((symbols[random(symbols.count)], Period(start: CalendarDate(daysSinceEpoch: a), end: CalendarDate(daysSinceEpoch: b))))
}
var returnTimes: [Double] = []
var computed = 0
for _ in 0..<rounds {
    var ok = 0
    returnTimes.append(seconds {
        for (s, p) in requests { if (try? data.periodReturn(s, over: p)) != nil { ok += 1 } }
    })
    computed = ok
}
print("returns: \(computed) of \(requests.count) computable")
report("10,000 returns after loading", returnTimes, limit: 0.050)
