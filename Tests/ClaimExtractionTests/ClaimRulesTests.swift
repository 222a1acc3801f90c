import ClaimExtraction
import ClaimModel
import DocumentText
import Testing

/// The claims of a plain text dated `date`, read as `claims extract` reads a text file.
func claims(_ text: String, date: String? = nil) throws -> [Claim] {
    var document = try DocumentReader().read(Array(text.utf8), fileName: "test.txt")
    if let date { document.metadata.published = CalendarDate(iso: date) }
    return ClaimExtractor().extract(document, doc: "test.txt")
}

/// A number as the expectations write it: integers without a fraction.
func plain(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v) }

/// One claim's scored fields, compactly, for comparison with a hand-written expectation.
func summary(_ c: Claim) -> String {
    let period = c.period.map { "\($0.start)..\($0.end)" } ?? "-"
    let high = c.valueHigh.map { "–" + plain($0) } ?? ""
    return "\(c.quote) | \(plain(c.value))\(high) \(c.unit.rawValue) \(c.bound.rawValue) | \(c.subject ?? "-") \(c.metric.rawValue) \(period) \(c.direction?.rawValue ?? "-")"
        + (c.forecast ? " forecast" : "") + (c.hypothetical ? " hypothetical" : "")
}

/// The claim rules on sentences of our own, each expectation worked out by hand from the gold
/// conventions (`../shared/gold/README.md`): subject, metric, period, direction and sign.
@Suite("Claim rules")
struct ClaimRulesTests {
    @Test("compared quantities carry the head clause's direction and period")
    func compared() throws {
        let out = try claims("The Russell 2000 rose 9.4% in Q3 2025, outpacing the S&P 500's 7.8% and the Dow's 5.1%.\n", date: "2025-10-01")
        #expect(out.map(summary) == [
            "9.4% | 9.4 percent exact | RUT return 2025-07-01..2025-09-30 up",
            "7.8% | 7.8 percent exact | SPX return 2025-07-01..2025-09-30 up",
            "5.1% | 5.1 percent exact | DJI return 2025-07-01..2025-09-30 up",
        ])
    }

    @Test("a fall is negative; the level it fell to stays positive; a weekday is the latest one")
    func fallAndLevel() throws {
        // 2025-10-12 is a Sunday: "Friday" is October 10
        let out = try claims("The Nasdaq Composite fell 2.4% on Friday to 22,204.43.\n", date: "2025-10-12")
        #expect(out.map(summary) == [
            "2.4% | -2.4 percent exact | IXIC return 2025-10-10..2025-10-10 down",
            // a level has no direction (the gold conventions): the move does
            "22,204.43 | 22204.43 level exact | IXIC level 2025-10-10..2025-10-10 -",
        ])
    }

    @Test("shares, policy rates, valuations, coreference, forecasts and ranges")
    func metrics() throws {
        let text = """
        Nvidia accounted for about 20% of the index's return in Q3 2025.
        The Federal Reserve cut its target range by 25 basis points in September 2025.
        Microsoft trades at 33.1x forward earnings.
        The S&P 500 closed at 6,688.46 on Tuesday.
        The index has gained more than 12% so far this year.
        Analysts expect the S&P 500 to rise 8% in 2026.
        The Fed held rates in a range of 4.00% to 4.25%.

        """
        let out = try claims(text, date: "2025-10-01")
        #expect(out.map(summary) == [
            "20% | 20 percent approx | NVDA return_share 2025-07-01..2025-09-30 -",
            "25 basis points | -25 bp exact | FEDFUNDS rate 2025-09-01..2025-09-30 down",
            "33.1x | 33.1 multiple exact | MSFT valuation - -",
            // 2025-10-01 is a Wednesday: "Tuesday" is September 30
            "6,688.46 | 6688.46 level exact | SPX level 2025-09-30..2025-09-30 -",
            // the text reports on Q3, just ended: its year to date runs to the quarter's end
            "12% | 12 percent over | SPX return 2025-01-01..2025-09-30 up",
            "8% | 8 percent exact | SPX return 2026-01-01..2026-12-31 up forecast",
            // a figure with no period of its own is dated to the document's date
            "4.00% to 4.25% | 4–4.25 percent range | FEDFUNDS rate 2025-10-01..2025-10-01 -",
        ])
    }

    @Test("outflows are negative flows; last week is the Monday-to-Friday week before")
    func flows() throws {
        // 2025-10-08 is a Wednesday: last week ran from September 29 to October 3
        let out = try claims("Technology funds saw outflows of $3.5 billion last week.\n", date: "2025-10-08")
        #expect(out.map(summary) == ["$3.5 billion | -3500000000 usd exact | - flows 2025-09-29..2025-10-03 down"])
    }

    @Test("names, windows and years are not claims")
    func nonClaims() throws {
        let out = try claims("The S&P 500 and the Russell 2000 tracked their 200-day moving averages in 2025.\n", date: "2025-10-01")
        #expect(out.isEmpty)
    }

    @Test("every claim's quote is the document text at its offsets, in scalars")
    func offsets() throws {
        let text = "Stocks fell — the S&P 500’s 2.7% drop was its worst since April.\n“Gold rose 1.1%,” one trader said; the Nasdaq lost 3.6%.\n"
        let scalars = Array(text.unicodeScalars)
        let out = try claims(text, date: "2025-10-11")
        #expect(out.count == 3)
        for c in out {
            #expect(String(String.UnicodeScalarView(scalars[c.start..<c.end])) == c.quote)
        }
    }
}

/// Input that is not commentary: nothing crashes, nothing is infinite, impossible periods are not
/// periods.
@Suite("Claim rules on bad input")
struct ClaimRulesBadInputTests {
    @Test("empty text and white space give no claims")
    func empty() throws {
        let empty = Document(text: "", blocks: [], metadata: DocumentMetadata(), format: .text, encoding: "UTF-8")
        #expect(ClaimExtractor().extract(empty, doc: "x").isEmpty)
        #expect(try claims("   \n\t\n").isEmpty)
    }

    @Test("a line of only numbers states nothing")
    func onlyNumbers() throws {
        #expect(try claims("6,552.51 -182.60 -2.71%\n1 2 3 4 5\n").isEmpty)
    }

    @Test("1e400 and 999,999,999,999 trillion never become infinite or absurd claims")
    func hugeNumbers() throws {
        let text = "The index rose 1e400% on Tuesday.\nApple is worth $999,999,999,999 trillion.\nDebt rose to 999,999,999,999 trillion dollars.\n"
        let out = try claims(text, date: "2025-10-01")
        #expect(out.allSatisfy { $0.value.isFinite && abs($0.value) < 1e18 })
        #expect(!out.contains { $0.quote.contains("trillion") || $0.quote.contains("e400") })
    }

    @Test("Q9 2025 and February 30, 2025 are not periods, and their numbers are not claims")
    func impossiblePeriods() throws {
        let out = try claims("The S&P 500 rose 3% in Q9 2025.\nThe Dow fell 2% on February 30, 2025.\n", date: "2025-10-01")
        #expect(out.map(summary) == [
            // no period of their own: the session of the document's date (a Wednesday)
            "3% | 3 percent exact | SPX return 2025-10-01..2025-10-01 up",
            "2% | -2 percent exact | DJI return 2025-10-01..2025-10-01 down",
        ])
    }

    @Test("a document dated in year 1 counts as undated: relative periods stay null, nothing traps")
    func yearOneDocument() throws {
        // a page's metadata once said 0001-01-01; "the third quarter" stepped to year 0 and trapped
        let text = "Shares of the company rose 4% in the third quarter and 2% last year, up 3% last month.\n"
        for date in ["0001-01-01", "9999-12-31"] {
            let out = try claims(text, date: date)
            #expect(out.map(\.quote) == ["4%", "2%", "3%"])
            #expect(out.allSatisfy { $0.period == nil })
        }
    }
}

/// The comparison rule the cross-check reads: whom the subject is said to beat or trail.
@Suite("Comparison rule")
struct ComparisonRuleTests {
    func rule(_ text: String, _ quote: String) throws -> String? {
        try claims(text + "\n", date: "2025-10-05").first { $0.quote == quote }?.rules["comparison"]
    }

    @Test("the subject named before the comparison word, and the entity after it")
    func named() throws {
        #expect(try rule("In the third quarter the Nasdaq outpaced the Russell 2000, rising 11.2%.", "11.2%") == "comparison.above:RUT")
        #expect(try rule("The Dow lagged the S&P 500 in the third quarter, gaining 5.2%.", "5.2%") == "comparison.below:SPX")
        // the compared entity's own figure carries no comparison of its own
        #expect(try rule("The Russell 2000 rose 9.4% in Q3 2025, outpacing the S&P 500's 7.8%.", "7.8%") == nil)
    }

    @Test("against all the others: led all indexes, the laggard; never a passive \"led by\"")
    func all() throws {
        #expect(try rule("The Russell 2000 led all the major indexes in the third quarter with a 12.0% gain.", "12.0%") == "comparison.above:*")
        #expect(try rule("The Dow was the laggard in the third quarter, up 5.2%.", "5.2%") == "comparison.below:*")
        #expect(try rule("The S&P 500's 7.8% gain in the third quarter was led by Nvidia.", "7.8%") == nil)
    }
}
