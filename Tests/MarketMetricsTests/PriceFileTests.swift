import ClaimModel
import ClaimsTestSupport
import Foundation
@testable import MarketMetrics
import Testing

/// A day, written as in the files.
func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// Gzip-compresses bytes with the system's gzip, as users' files are made.
func gzipped(_ text: String) throws -> [UInt8] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let plain = try folder.write("plain.csv", text)
    let result = try runProcess(URL(fileURLWithPath: "/bin/gzip"), ["-9", "-n", "-k", plain.path])
    #expect(result.status == 0)
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: plain.path + ".gz")))
}

@Suite("price files: every layout users have")
struct PriceFileTests {
    func read(_ name: String, _ text: String) throws -> [PriceSeries] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        return try PriceFile.read(try folder.write(name, text).path)
    }

    @Test("Yahoo layout: Date,Open,High,Low,Close,Adj Close,Volume, symbol from the file name")
    func yahoo() throws {
        let s = try read("^GSPC.csv", """
            Date,Open,High,Low,Close,Adj Close,Volume
            2021-12-20,4587.9,4587.9,4531.1,4568.02001953125,4568.02001953125,2000
            2021-12-21,4594.96,4651.14,4583.16,4649.22998046875,4649.22998046875,3000

            """)
        #expect(s.count == 1)
        #expect(s[0].symbol == "^GSPC")
        #expect(s[0].closes == [4568.02001953125, 4649.22998046875])
        #expect(s[0].adjustedCloses == [4568.02001953125, 4649.22998046875])
        #expect(s[0].highs == [4587.9, 4651.14])
        #expect(s[0].range == day("2021-12-20")...day("2021-12-21"))
    }

    @Test("lower-case layout without Adj Close, CRLF line ends and a byte-order mark")
    func lowerCase() throws {
        let s = try read("IXIC.csv", "\u{FEFF}date,open,high,low,close,volume\r\n2025-06-30,1,2,0.5,20369.73046875,5\r\n2025-09-30,1,2,0.5,22660.009765625,5\r\n")
        #expect(s[0].symbol == "IXIC")
        #expect(s[0].closes == [20369.73046875, 22660.009765625])
        #expect(s[0].adjustedCloses == nil)
    }

    @Test("yfinance three-line header, Close first; several tickers in one file")
    func yfinance() throws {
        let one = try read("GSPC.csv", """
            Price,Close,High,Low,Open,Volume
            Ticker,^GSPC,^GSPC,^GSPC,^GSPC,^GSPC
            Date,,,,,
            2021-12-21,4649.22998046875,4651.14,4583.16,4594.96,3000

            """)
        #expect(one.map(\.symbol) == ["^GSPC"])
        #expect(one[0].closes == [4649.22998046875])
        #expect(one[0].lows == [4583.16])
        let two = try read("pair.csv", """
            Price,Close,Close,Volume,Volume
            Ticker,AAPL,MSFT,AAPL,MSFT
            Date,,,,
            2024-01-02 00:00:00-05:00,185.64,370.87,1,2
            2024-01-03 00:00:00-05:00,184.25,370.60,1,2
            """)
        #expect(two.map(\.symbol) == ["AAPL", "MSFT"])
        #expect(two[1].closes == [370.87, 370.60])
        #expect(two[1].range == day("2024-01-02")...day("2024-01-03"))
    }

    @Test("FRED series: observation_date,SP500 with empty holiday rows and DATE,VALUE with '.' markers")
    func fred() throws {
        let sp = try read("fred_sp500.csv", "observation_date,SP500\n2021-12-23,4725.79\n2021-12-24,\n2021-12-27,4791.19\n")
        #expect(sp[0].symbol == "SP500")
        #expect(sp[0].closes == [4725.79, 4791.19])
        #expect(sp[0].gaps == [Int32(day("2021-12-24").daysSinceEpoch)])
        let value = try read("DGS10.csv", "DATE,VALUE\n2024-01-01,.\n2024-01-02,3.95\n")
        #expect(value[0].symbol == "DGS10")
        #expect(value[0].closes == [3.95])
    }

    @Test("long format: date,symbol,close in any column order, and symbol,date,price with month names")
    func long() throws {
        let s = try read("closes.csv", "symbol,date,close,volume\nAAA,2025-01-02,10,1\nBBB,2025-01-02,20,1\nAAA,2025-01-03,11,1\n")
        #expect(s.map(\.symbol) == ["AAA", "BBB"])
        #expect(s[0].closes == [10, 11])
        let vega = try read("stocks.csv", "symbol,date,price\nMSFT,Jan 1 2000,39.81\nMSFT,Feb 1 2000,36.35\n")
        #expect(vega[0].symbol == "MSFT")
        #expect(vega[0].range == day("2000-01-01")...day("2000-02-01"))
    }

    @Test("wide tables: one series a column")
    func wide() throws {
        let s = try read("stocks.csv", "date,GOOG,AAPL\n2018-01-01,1.0,1.0\n2018-01-08,1.018,1.011\n")
        #expect(s.map(\.symbol) == ["GOOG", "AAPL"])
        #expect(s[1].closes == [1.0, 1.011])
    }

    @Test("tab-separated files and quoted numbers with thousands separators")
    func tsvAndQuotes() throws {
        let t = try read("DJI.tsv", "Date\tClose\n2021-12-21\t35492.70\n")
        #expect(t[0].closes == [35492.70])
        let q = try read("DJI.csv", "Date,Close\n2021-12-21,\"35,492.70\"\n")
        #expect(q[0].closes == [35492.70])
    }

    @Test("gzip-compressed files of each layout read like the plain ones")
    func gzip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let layouts = [
            "Date,Open,High,Low,Close,Adj Close,Volume\n2021-12-21,1,2,0.5,4649.23,4649.23,1\n",
            "date,open,high,low,close,volume\n2021-12-21,1,2,0.5,4649.23,1\n",
            "Price,Close,High,Low,Open,Volume\nTicker,X,X,X,X,X\nDate,,,,,\n2021-12-21,4649.23,2,0.5,1,1\n",
            "observation_date,X\n2021-12-21,4649.23\n",
            "date,symbol,close\n2021-12-21,X,4649.23\n",
        ]
        for (k, text) in layouts.enumerated() {
            let plain = try PriceFile.read(try folder.write("X\(k).csv", text).path)
            let packed = try PriceFile.read(try folder.write("X\(k).csv.gz", try gzipped(text)).path)
            #expect(packed[0].closes == [4649.23], "layout \(k)")
            #expect(packed[0].closes == plain[0].closes)
            #expect(packed[0].days == plain[0].days)
        }
    }

    @Test("numbers: exact decimals, long float32-style values, exponents; words and hex are not numbers")
    func numbers() throws {
        let s = try read("N.csv", """
            date,close
            2020-01-01,4649.22998046875
            2020-01-02,42.540000915527344
            2020-01-03,1.5e3
            2020-01-06,0.000123
            """)
        #expect(s[0].closes == [4649.22998046875, 42.540000915527344, 1500, 0.000123])
        let bad = try read("B.csv", "date,close\n2020-01-01,0x10\n2020-01-02,inf\n2020-01-03,12abc\n2020-01-06,5\n")
        #expect(bad[0].closes == [5])
        #expect(bad[0].faults.count == 3)
        #expect(bad[0].faults[Int32(day("2020-01-01").daysSinceEpoch)]?.contains("'0x10'") == true)
    }

    @Test("files that are not price files give a reason naming the file")
    func badFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func problem(_ name: String, _ bytes: [UInt8]) -> String {
            let path = (try? folder.write(name, bytes))!.path
            do {
                _ = try PriceFile.read(path)
                return "no error"
            } catch {
                #expect(error.path == path)
                return error.reason
            }
        }
        #expect(problem("empty.csv", []).contains("empty"))
        #expect(problem("binary.csv", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]).contains("NUL"))
        #expect(problem("nodate.csv", Array("when,close\nx,1\n".utf8)).contains("no date column"))
        #expect(problem("noprice.csv", Array("date,volume\n2020-01-01,1\n".utf8)).contains("no price column"))
        #expect(problem("header.csv", Array("date,close\n".utf8)).contains("no rows"))
        #expect(problem("dates.csv", Array("date,close\nyesterday,1\n".utf8)).contains("no row has a date"))
        let packed = try gzipped("date,close\n2020-01-01,1\n" + String(repeating: "2020-01-02,2\n", count: 500))
        #expect(problem("cut.csv.gz", Array(packed.prefix(packed.count / 2))).contains("truncated"))
        var corrupt = packed
        for k in 12..<min(40, corrupt.count) { corrupt[k] ^= 0xA5 }
        #expect(problem("corrupt.csv.gz", corrupt).contains("corrupt"))
        #expect(problem("trailing.csv.gz", packed + [1, 2, 3]).contains("after the end"))
        do {
            _ = try PriceFile.read(folder.path("missing.csv"))
            Issue.record("a missing file must throw")
        } catch {
            #expect(error.reason == "no such file")
        }
    }

    @Test("two gzip members one after another are one file, as gunzip reads them")
    func members() throws {
        let a = try gzipped("date,close\n2020-01-01,1\n")
        let b = try gzipped("2020-01-02,2\n")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let s = try PriceFile.read(try folder.write("two.csv.gz", a + b).path)
        #expect(s[0].closes == [1, 2])
    }

    @Test("a file that expands past the limit is refused (a gzip bomb)")
    func bomb() throws {
        let packed = try gzipped("date,close\n" + String(repeating: "2020-01-01,1\n", count: 100_000))
        #expect(packed.count < 20_000)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            _ = try PriceFile.read(try folder.write("bomb.csv.gz", packed).path, limit: 100_000)
            Issue.record("must refuse")
        } catch {
            #expect((error as? MarketDataProblem)?.reason.contains("more than 100000 bytes") == true)
        }
    }
}

@Suite("number parsing agrees with the standard library")
struct NumberParsingTests {
    func parse(_ text: String) -> NumberCell {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            CSVScanner(b).number(CSVField(start: 0, end: b.count, quoted: false))
        }
    }

    @Test("20,000 decimals of 1 to 19 significant digits, and float32 values written in full, parse to Double(text)")
    func agreesWithDouble() {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        var mismatches: [String] = []
        for k in 0..<20_000 {
            let text: String
            if k % 2 == 0 {
                // a float32 price in full binary precision, e.g. 42.540000915527344
                let f = Float(Double(next() % 1_000_000_00) / 100)
                text = "\(Double(f))"
            } else {
                let digits = 1 + Int(next() % 19)
                var d = String(next() % 9 + 1)
                for _ in 1..<digits { d += String(next() % 10) }
                let point = Int(next() % UInt64(digits + 1))
                text = point == digits ? d : String(d.prefix(point)) + "." + String(d.dropFirst(point))
            }
            guard case .number(let v) = parse(text), v == Double(text)! else { mismatches.append(text); continue }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
