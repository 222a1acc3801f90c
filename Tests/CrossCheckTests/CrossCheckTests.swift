import ClaimModel
@testable import CrossCheck
import Foundation
import MarketMetrics
import Testing

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// A claim as the extractor makes it, with what the checks read.
func claim(_ doc: String, _ quote: String, _ value: Double, _ unit: QuantityUnit = .percent, metric: Metric = .return,
           subject: String? = "SPX", from: String = "2025-07-01", to: String = "2025-09-30", bound: Bound = .exact,
           sentence: String? = nil, start: Int = 0, direction: Direction? = nil, rules: [String: String] = [:]) -> Claim {
    Claim(doc: doc, quote: quote, start: start, end: start + quote.count, sentence: sentence ?? "\(doc): \(quote)", value: value,
          unit: unit, bound: bound, subject: subject, metric: metric, period: Period(start: day(from), end: day(to)),
          direction: direction, rules: rules)
}

func check(_ claims: [(String, Claim)], data: MarketData? = nil) -> CheckResult {
    CrossChecker(data: data).check(claims.map { CheckClaim(document: $0.0, claim: $0.1) })
}

@Suite("value bands")
struct ValueBandTests {
    @Test("exact figures cover half a step of their last digit either side")
    func exact() {
        let b = ValueBand(claim("a", "1.8%", 1.8))
        #expect(abs(b.low - 1.75) < 1e-12 && abs(b.high - 1.85) < 1e-12)
        #expect(ValueBand(claim("a", "7.79%", 7.79)).step == 0.01)
        #expect(ValueBand(claim("a", "12%", 12)).step == 1)
        #expect(abs(ValueBand(claim("a", "$10.8 billion", 10.8e9, .usd, metric: .flows)).step - 1e8) < 1)
        #expect(ValueBand(claim("a", "6,688.46", 6688.46, .level, metric: .level)).step == 0.01)
        #expect(ValueBand(claim("a", "-2.90%", -2.9)).description == "[-2.905, -2.895)")
    }

    @Test("about 20% passes 19.6% and not 27%; over 25% is everything above 25")
    func bounds() {
        let about = ValueBand(claim("a", "20%", 20, bound: .approx))
        #expect(about.contains(19.6) && about.contains(21.9) && !about.contains(27))
        let over = ValueBand(claim("a", "25%", 25, bound: .over))
        #expect(over.contains(25.3) && over.contains(80) && !over.contains(24.9))
        let range = ValueBand(Claim(doc: "a", quote: "7% to 8%", start: 0, end: 8, sentence: "", value: 7, valueHigh: 8, unit: .percent, bound: .range, metric: .weight))
        #expect(range.contains(7.58) && !range.contains(8.6))
    }

    @Test("25 basis points and 0.25 percentage points are the same")
    func basisPoints() {
        let bp = ValueBand(claim("a", "25 basis points", -25, .bp, metric: .rate, subject: "FEDFUNDS"))
        let pp = ValueBand(claim("b", "0.25 percentage points", -0.25, .pp, metric: .rate, subject: "FEDFUNDS"))
        #expect(bp.overlaps(pp))
        #expect(CanonicalUnit(.bp).family == CanonicalUnit(.pp).family)
    }
}

@Suite("cross-checks")
struct CrossCheckTests {
    @Test("a quarterly return no other source agrees with is a major conflict; the agreeing sources support each other")
    func conflict() {
        let r = check([("q3.html", claim("q3.html", "7.8%", 7.8)), ("table.html", claim("table.html", "7.79%", 7.79)),
                       ("mega.html", claim("mega.html", "8.4%", 8.4))])
        #expect(r.findings.count == 1)
        let f = r.findings[0]
        #expect(f.kind == .conflict && f.severity == .major)
        #expect(f.claims.map(\.doc) == ["mega.html", "q3.html", "table.html"])
        #expect(f.explanation.contains("mega.html says 8.4%"))
        #expect(r.verdicts == [.supported, .supported, .contradicted])
    }

    @Test("traps: consistent rounding, different periods, year-to-date on different dates, no subject or no period")
    func traps() {
        let r = check([
            ("a", claim("a", "7.8%", 7.8)), ("b", claim("b", "7.79%", 7.79)), ("c", claim("c", "8%", 8)),
            ("d", claim("d", "13.7%", 13.7, from: "2025-01-01", to: "2025-09-30")),
            ("e", claim("e", "14.5%", 14.5, from: "2025-01-01", to: "2025-10-09")),
            ("f", claim("f", "9.9%", 9.9, subject: nil)),
            ("g", Claim(doc: "g", quote: "2%", start: 0, end: 2, sentence: "", value: 2, unit: .percent, subject: "SPX", metric: .return)),
        ])
        #expect(r.findings.isEmpty)
        #expect(r.verdicts[0] == .supported && r.verdicts[3] == .unverifiable && r.verdicts[5] == .unverifiable)
    }

    @Test("-25 bp and -0.25 percentage points of the same rate move do not conflict; -50 bp does")
    func rateUnits() {
        let bp = claim("a", "25 basis points", -25, .bp, metric: .rate, subject: "FEDFUNDS", from: "2025-09-17", to: "2025-09-17")
        let pp = claim("b", "0.25 percentage point", -0.25, .pp, metric: .rate, subject: "FEDFUNDS", from: "2025-09-17", to: "2025-09-17")
        let wrong = claim("c", "50 basis points", -50, .bp, metric: .rate, subject: "FEDFUNDS", from: "2025-09-17", to: "2025-09-17")
        #expect(check([("a", bp), ("b", pp)]).findings.isEmpty)
        #expect(check([("a", bp), ("b", pp), ("c", wrong)]).findings.map(\.claims.first?.doc) == ["c"])
    }

    @Test("copies of one article neither conflict with nor support each other")
    func copies() {
        let shared = ["The S&P 500 rose 7.8% in the quarter.", "The Dow added 5.2%.", "Small caps led."]
        func doc(_ name: String, _ spx: Double, _ quote: String) -> [(String, Claim)] {
            [(name, claim(name, quote, spx, sentence: shared[0])),
             (name, claim(name, "5.2%", 5.2, subject: "DJI", sentence: shared[1], start: 40)),
             (name, claim(name, "1%", 1, subject: "RUT", sentence: shared[2], start: 60))]
        }
        let r = check(doc("original.html", 7.8, "7.8%") + doc("reprint.html", 7.8, "7.8%"))
        #expect(r.copies == [["original.html", "reprint.html"]])
        #expect(r.findings.isEmpty)
        #expect(r.verdicts.allSatisfy { $0 == .unverifiable })
        // a reprint that changed a figure is still one source with the original
        let changed = check(doc("original.html", 7.8, "7.8%") + doc("reprint.html", 9.8, "9.8%"))
        #expect(changed.findings.isEmpty)
    }

    @Test("two values of one key in one sentence are not a conflict (a period carried too far)")
    func sameSentence() {
        let s = "The Nasdaq's 14.4% gain since April 8 followed its 14.5% drop."
        #expect(check([("n", claim("n", "14.4%", 14.4, subject: "IXIC", sentence: s)),
                       ("n", claim("n", "14.5%", -14.5, subject: "IXIC", sentence: s, start: 30))]).findings.isEmpty)
    }

    @Test("a market-table row whose percent does not follow from its points and level (the Dow's -2.90%)")
    func tableRow() {
        let row = "Dow Jones Industrial Average | 45,479.60 | -878.82 | -2.90%"
        let r = check([
            ("sell", claim("sell", "45,479.60", 45479.60, .level, metric: .level, subject: "DJI", from: "2025-10-10", to: "2025-10-10", sentence: row, start: 100)),
            ("sell", claim("sell", "-878.82", -878.82, .points, metric: .points, subject: "DJI", from: "2025-10-10", to: "2025-10-10", sentence: row, start: 112)),
            ("sell", claim("sell", "-2.90%", -2.9, subject: "DJI", from: "2025-10-10", to: "2025-10-10", sentence: row, start: 122)),
        ])
        #expect(r.findings.count == 1)
        let f = r.findings[0]
        #expect(f.kind == .arithmetic && f.severity == .major)
        #expect(f.claims[0].quote == "-2.90%")
        // -878.82 / (45,479.60 + 878.82) = -1.8957%
        #expect(abs(f.computed! - (-878.82 / (45479.60 + 878.82) * 100)) < 1e-9)
        #expect(f.explanation.hasPrefix("-878.82 / (45479.6 − -878.82) = -1.90%, but the text says -2.90%"))
        #expect(r.verdicts[2] == .contradicted)
    }

    @Test("a consistent row and a consistent move from a stated starting level pass; a wrong percent from it does not")
    func fromLevel() {
        func q3(_ percent: Double, _ quote: String) -> [(String, Claim)] {
            let s = "The S&P 500 finished the quarter at 6,688.46, up 483.51 points, or \(quote), from its June 30 close of 6,204.95."
            return [
                ("q3", claim("q3", "6,688.46", 6688.46, .level, metric: .level, from: "2025-09-30", to: "2025-09-30", sentence: s, start: 1)),
                ("q3", claim("q3", "483.51 points", 483.51, .points, metric: .points, sentence: s, start: 2)),
                ("q3", claim("q3", quote, percent, sentence: s, start: 3)),
                ("q3", claim("q3", "6,204.95", 6204.95, .level, metric: .level, from: "2025-06-30", to: "2025-06-30", sentence: s, start: 4)),
            ]
        }
        #expect(check(q3(7.8, "7.8%")).findings.isEmpty)
        let wrong = check(q3(8.8, "8.8%"))
        #expect(wrong.findings.map(\.kind) == [.arithmetic])
        #expect(abs(wrong.findings[0].computed! - 7.7923) < 1e-3)
    }

    @Test("\"fell 12%\" against sources that say it rose 12% is a direction finding")
    func oppositeSign() {
        let r = check([("fed", claim("fed", "12%", -12, subject: "RUT", direction: .down)),
                       ("q3", claim("q3", "12.0%", 12.0, subject: "RUT")), ("t", claim("t", "12.02%", 12.02, subject: "RUT"))])
        #expect(r.findings.map(\.kind) == [.direction])
        #expect(r.findings[0].explanation.contains("opposite sign"))
    }

    @Test("a written sign against the verb (\"fell +2.3%\")")
    func writtenSign() {
        let r = check([("a", claim("a", "+2.3%", -2.3, subject: nil, direction: .down, rules: ["direction": "direction.word-before:fell"]))])
        #expect(r.findings.map(\.kind) == [.direction])
        #expect(r.findings[0].explanation.contains("\"fell\" says down"))
    }

    @Test("data: a return the closes contradict, one within a dividend yield (caveated), one that agrees")
    func data() {
        var market = MarketData()
        market.add(PriceSeries(symbol: "^GSPC", closes: [(day("2025-06-30"), 6204.95), (day("2025-09-30"), 6688.46)]))
        market.alias("SPX", to: "^GSPC")
        let r = check([("a", claim("a", "8.4%", 8.4)), ("b", claim("b", "8.1%", 8.1, sentence: "The S&P 500 gained 8.1% in Q3.")),
                       ("c", claim("c", "7.8%", 7.8))], data: market)
        let data = r.findings.filter { $0.kind == .data }
        #expect(data.map(\.claims.first!.doc) == ["a", "b"])
        #expect(data[0].severity == .major)
        #expect(abs(data[0].computed! - 7.7923) < 1e-3)
        #expect(data[0].inputs.map(\.date) == [day("2025-06-30"), day("2025-09-30")])
        #expect(data[0].explanation.contains("2025-06-30 6204.95 → 2025-09-30 6688.46: 7.79%"))
        #expect(data[1].severity == .caveated && data[1].caveat != nil)
        #expect(r.verdicts[2] == .supported)
        #expect(r.verdicts[0] == .contradicted)
    }

    @Test("findings come in the contract's order and their ids are stable")
    func order() {
        let claims = [("b", claim("b", "9%", 9)), ("a", claim("a", "7.8%", 7.8)), ("c", claim("c", "7.79%", 7.79)), ("a", claim("a", "1%", 1, subject: "DJI", start: 50)),
                      ("d", claim("d", "5.2%", 5.2, subject: "DJI")), ("e", claim("e", "5.22%", 5.22, subject: "DJI"))]
        let r1 = check(claims), r2 = check(claims.reversed())
        #expect(r1.findings.map { "\($0.claims[0].doc):\($0.claims[0].start)" } == ["a:50", "b:0"])
        #expect(r1.findings.map(\.id) == r2.findings.map(\.id))
        #expect(r1.findings.map(\.id).allSatisfy { $0.count == 16 })
    }
}

@Suite("verdicts when two sources disagree")
struct TieTests {
    @Test("one source against one: both contradicted, unless the data backs one of them")
    func tie() {
        let a = ("a", claim("a", "7.8%", 7.8)), b = ("b", claim("b", "9.1%", 9.1))
        #expect(check([a, b]).verdicts == [.contradicted, .contradicted])
        var market = MarketData()
        market.add(PriceSeries(symbol: "SPX", closes: [(day("2025-06-30"), 6204.95), (day("2025-09-30"), 6688.46)]))
        let withData = check([a, b], data: market)
        #expect(withData.verdicts.sorted { $0.rawValue < $1.rawValue } == [.contradicted, .supported])
        #expect(withData.verdicts[0] == .supported)
    }
}

@Suite("stated return basis")
struct BasisTests {
    let s = "Including dividends, the S&P 500 returned 8.1% in the third quarter; on a price basis the index rose 7.8%, or roughly 8%."

    @Test("each clause keeps its own basis")
    func clauses() {
        #expect(CrossChecker.State.basisStated(claim("n", "8.1%", 8.1, sentence: s)) == .total)
        #expect(CrossChecker.State.basisStated(claim("n", "7.8%", 7.8, sentence: s)) == .price)
        #expect(CrossChecker.State.basisStated(claim("n", "7.8%", 7.8, sentence: "The S&P 500 rose 7.8% in the quarter.")) == nil)
    }

    @Test("a stated total return is not held against price returns, and is checked against data only with adjusted closes")
    func notAConflict() {
        var market = MarketData()
        market.add(PriceSeries(symbol: "SPX", closes: [(day("2025-06-30"), 6204.95), (day("2025-09-30"), 6688.46)]))
        let r = check([("n", claim("n", "8.1%", 8.1, sentence: s)), ("n", claim("n", "7.8%", 7.8, sentence: s, start: 60)),
                       ("q", claim("q", "7.79%", 7.79))], data: market)
        #expect(r.findings.isEmpty)
        // the same 8.1% without the words is a caveated conflict with the price figures
        let bare = check([("n", claim("n", "8.1%", 8.1)), ("q", claim("q", "7.79%", 7.79)), ("p", claim("p", "7.8%", 7.8))])
        #expect(bare.findings.map(\.severity) == [.caveated])
    }
}

@Suite("checks inside one sentence")
struct SentenceCheckTests {
    @Test("\"rose to 41% from 57%\" is a fall; \"rose to 61% from 57%\" is fine")
    func reachedFrom() {
        func pair(_ to: Double) -> [(String, Claim)] {
            let s = "The share of members above their 200-day average rose to \(Int(to))% from 57%."
            return [("b", claim("b", "\(Int(to))%", to, metric: .breadth, subject: nil, sentence: s, start: 0, direction: .up,
                                rules: ["direction": "direction.word-before:rose"])),
                    ("b", claim("b", "57%", 57, metric: .breadth, subject: nil, sentence: s, start: 10, rules: ["direction": "direction.start-level"]))]
        }
        let wrong = check(pair(41))
        #expect(wrong.findings.map(\.kind) == [.direction])
        #expect(wrong.findings[0].explanation == "\"rose to 41%\" from 57% is a move down of 16, not up")
        #expect(check(pair(61)).findings.isEmpty)
    }

    @Test("a 14.4% gain does not erase a 14.5% drop (it needs 16.96%); a 17% gain does")
    func compounding() {
        func sentence(_ gain: String, _ g: Double) -> [(String, Claim)] {
            let s = "The Nasdaq's \(gain) gain since April 8 erased its 14.5% drop from the February record."
            return [("n", claim("n", gain, g, subject: "IXIC", sentence: s, start: 0)),
                    ("n", claim("n", "14.5%", -14.5, subject: "IXIC", from: "2025-02-20", to: "2025-04-08", sentence: s, start: 40))]
        }
        let r = check(sentence("14.4%", 14.4))
        #expect(r.findings.map(\.kind) == [.arithmetic])
        #expect(abs(r.findings[0].computed! - 14.45 / (100 - 14.45) * 100) < 1e-9)
        #expect(r.findings[0].explanation.contains("erasing a 14.5% drop needs a 16.89% gain"))
        #expect(check(sentence("17%", 17)).findings.isEmpty)
    }
}

@Suite("records, parts of a whole, shares")
struct WholeTests {
    @Test("the distance from a record is the distance between the two levels")
    func fromRecord() {
        func sentence(_ pct: String, _ v: Double) -> [(String, Claim)] {
            let s = "The S&P 500 closed at 6,552.51, \(pct) below its record close of 6,753.72."
            return [("d", claim("d", "6,552.51", 6552.51, .level, metric: .level, from: "2025-10-10", to: "2025-10-10", sentence: s, start: 0)),
                    ("d", claim("d", pct, v, metric: .other, from: "2025-10-10", to: "2025-10-10", sentence: s, start: 10)),
                    ("d", claim("d", "6,753.72", 6753.72, .level, metric: .level, from: "2025-10-08", to: "2025-10-08", sentence: s, start: 20))]
        }
        #expect(check(sentence("3.0%", 3.0)).findings.isEmpty)  // 1 − 6552.51/6753.72 = 2.98%
        let wrong = check(sentence("4.0%", 4.0))
        #expect(wrong.findings.map(\.kind) == [.arithmetic])
        #expect(abs(wrong.findings[0].computed! - (1 - 6552.51 / 6753.72) * 100) < 1e-9)
    }

    @Test("$200 billion is 10% of $2 trillion, not 20%")
    func partOfWhole() {
        func sentence(_ pct: String, _ v: Double) -> [(String, Claim)] {
            let s = "Buybacks reached $200 billion, or \(pct) of the $2 trillion returned to shareholders."
            return [("p", claim("p", "$200 billion", 2e11, .usd, metric: .amount, subject: nil, sentence: s, start: 0)),
                    ("p", claim("p", pct, v, metric: .other, subject: nil, sentence: s, start: 20)),
                    ("p", claim("p", "$2 trillion", 2e12, .usd, metric: .amount, subject: nil, sentence: s, start: 40))]
        }
        #expect(check(sentence("10%", 10)).findings.isEmpty)
        let wrong = check(sentence("20%", 20))
        #expect(wrong.findings.map(\.kind) == [.arithmetic])
        #expect(wrong.findings[0].explanation.hasPrefix("$200 billion of $2 trillion is 10.00%"))
    }

    @Test("shares of one whole in one sentence cannot pass 100%")
    func shares() {
        let s = "The top 10 stocks hold 45% of the index's value and the other 490 hold 62%."
        var a = claim("s", "45%", 45, metric: .weight, subject: nil, sentence: s, start: 0)
        a.subjectText = "top 10 stocks"
        var b = claim("s", "62%", 62, metric: .weight, subject: nil, sentence: s, start: 30)
        b.subjectText = "the other 490"
        #expect(check([("s", a), ("s", b)]).findings.map(\.kind) == [.arithmetic])
        b.value = 55
        b.quote = "55%"
        #expect(check([("s", a), ("s", b)]).findings.isEmpty)
    }

    @Test("MSCI index returns within the price/net/gross spread are caveated")
    func msci() {
        let r = check([("a", claim("a", "8.3%", 8.3, subject: "MXEF")), ("b", claim("b", "7.6%", 7.6, subject: "MXEF")),
                       ("c", claim("c", "7.62%", 7.62, subject: "MXEF"))])
        #expect(r.findings.map(\.severity) == [.caveated])
        #expect(r.findings[0].caveat?.contains("MSCI publishes price, net and gross") == true)
    }
}

@Suite("comparisons")
struct ComparisonTests {
    func q3(_ doc: String, _ subject: String, _ quote: String, _ v: Double, _ rule: String? = nil, start: Int) -> (String, Claim) {
        (doc, claim(doc, quote, v, subject: subject, start: start, rules: rule.map { ["comparison": $0] } ?? [:]))
    }

    @Test("\"outpaced\" against the other subject's agreed figure; \"led all\" against every other subject of the document")
    func comparisons() {
        let named = check([q3("w", "IXIC", "11.2%", 11.2, "comparison.above:RUT", start: 0), q3("q", "RUT", "12.0%", 12.0, start: 0),
                           q3("t", "RUT", "12.02%", 12.02, start: 9)])
        #expect(named.findings.map(\.kind) == [.direction])
        #expect(named.findings[0].explanation.contains("RUT's figure is 12.0% (q), 12.02% (t)"))
        let fine = check([q3("w", "IXIC", "11.2%", 11.2, "comparison.above:SPX", start: 0), q3("q", "SPX", "7.8%", 7.8, start: 0)])
        #expect(fine.findings.isEmpty)
        let all = check([q3("d", "IXIC", "11.2%", 11.2, "comparison.above:*", start: 0), q3("d", "RUT", "12.0%", 12.0, start: 10),
                         q3("d", "SPX", "7.8%", 7.8, start: 20)])
        #expect(all.findings.map(\.kind) == [.direction])
        #expect(all.findings[0].claims.map(\.subject) == ["IXIC", "RUT"])
        let laggard = check([q3("d", "DJI", "5.2%", 5.2, "comparison.below:*", start: 0), q3("d", "SPX", "7.8%", 7.8, start: 10)])
        #expect(laggard.findings.isEmpty)
    }
}

/// How sure a finding is rests on where its claims' keys came from (issue 18): rules of the
/// extraction name each field's source.
@Suite("sureness of findings")
struct SurenessTests {
    static let read = ["subject": "subject.clause", "metric": "metric.move", "period": "period.after:period.quarter-words"]
    static let carried = ["subject": "subject.carried", "metric": "metric.move", "period": "period.carried"]
    static let periodDefaulted = ["subject": "subject.clause", "metric": "metric.move", "period": "period.default-date"]

    @Test("two figures of one key in one article conflict only when both keys were read")
    func sameArticle() {
        let inferred = check([("a", claim("a", "7.8%", 7.8, sentence: "The S&P 500 rose 7.8% in the third quarter.", rules: Self.read)),
                              ("a", claim("a", "13.7%", 13.7, sentence: "It was up 13.7% for the year.", start: 60, rules: Self.carried))])
        #expect(inferred.findings.isEmpty)
        let stated = check([("a", claim("a", "7.8%", 7.8, sentence: "The S&P 500 rose 7.8% in the third quarter.", rules: Self.read)),
                            ("a", claim("a", "9.1%", 9.1, sentence: "In the third quarter the S&P 500 gained 9.1%.", start: 60, rules: Self.read))])
        #expect(stated.findings.count == 1 && stated.findings[0].kind == .conflict)
    }

    @Test("a claim whose period was defaulted, or whose subject and period were both carried, stays unverifiable")
    func unverifiable() {
        for rules in [Self.periodDefaulted, Self.carried] {
            let r = check([("a", claim("a", "7.8%", 7.8, rules: Self.read)), ("b", claim("b", "7.79%", 7.79, rules: Self.read)),
                           ("c", claim("c", "12%", 12, rules: rules))])
            #expect(r.findings.isEmpty, "\(rules)")
            #expect(r.verdicts[2] == .unverifiable)
        }
    }

    @Test("a claim whose subject was carried counts as no evidence against another")
    func evidence() {
        let r = check([("a", claim("a", "8.4%", 8.4, rules: Self.read)), ("b", claim("b", "7.8%", 7.8, rules: ["subject": "subject.carried", "metric": "metric.move", "period": "period.after:period.quarter-words"]))])
        #expect(r.findings.isEmpty)
    }

    @Test("7773.93 and 7773.94 cannot both be right: bands hold their low end, not their high end")
    func touching() {
        let r = check([("a", claim("a", "7773.93", 7773.93, .level, metric: .level, subject: "IXIC", from: "2019-08-14", to: "2019-08-14")),
                       ("b", claim("b", "7,773.94", 7773.94, .level, metric: .level, subject: "IXIC", from: "2019-08-14", to: "2019-08-14"))])
        #expect(r.findings.count == 1 && r.findings[0].severity == .minor)
        #expect(!ValueBand(claim("a", "7773.93", 7773.93, .level, metric: .level)).overlaps(ValueBand(claim("b", "7773.94", 7773.94, .level, metric: .level))))
        #expect(ValueBand(claim("a", "7,774", 7774, .level, metric: .level)).covers(7773.94))
    }

    @Test("a session's low or an 'as much as' figure is not its close or its change")
    func extremes() {
        let r = check([("a", claim("a", "25471.59", 25471.59, .level, metric: .level, subject: "DJI", from: "2019-08-14", to: "2019-08-14",
                                   sentence: "The low reached 25471.59.")),
                       ("b", claim("b", "25,479.42", 25479.42, .level, metric: .level, subject: "DJI", from: "2019-08-14", to: "2019-08-14",
                                   sentence: "The Dow closed at 25,479.42.")),
                       ("c", claim("c", "600 points", 600, .points, metric: .points, subject: "DJI", from: "2019-08-14", to: "2019-08-14",
                                   sentence: "The Dow jumped as much as 600 points.")),
                       ("d", claim("d", "512 points", 512, .points, metric: .points, subject: "DJI", from: "2019-08-14", to: "2019-08-14",
                                   sentence: "The Dow rose 512 points."))])
        #expect(r.findings.isEmpty)
        #expect(CrossChecker.State.extremum(claim("e", "5,000", 5000, .level, metric: .level, sentence: "It closed at a record high of 5,000.")) == false)
    }

    @Test("byte stems are found anywhere in a sentence, and only there")
    func stems() {
        let stems = ByteStems(["low", "igh", "one point"])
        #expect(stems.found(in: "The low reached 25471.59.") && stems.found(in: "a record high") && stems.found(in: "at one point it traded"))
        #expect(!stems.found(in: "Stocks rose 2% on Friday.") && !stems.found(in: "") && !stems.found(in: "one poin"))
    }

    @Test("a futures settlement and a spot price are two prices")
    func futuresAndSpot() {
        let r = check([("a", claim("a", "$2,674.90", 2674.90, .usd, metric: .level, subject: "XAU", from: "2024-11-21", to: "2024-11-21",
                                   sentence: "Gold futures rose 0.9% to $2,674.90 an ounce.")),
                       ("b", claim("b", "$2,670.49", 2670.49, .usd, metric: .level, subject: "XAU", from: "2024-11-21", to: "2024-11-21",
                                   sentence: "Spot gold rose 0.8% to $2,670.49 an ounce."))])
        #expect(r.findings.isEmpty)
    }
}
