import ClaimExtraction
import ClaimModel
import DocumentText
import Foundation
import Testing

/// The work the extractor does grows linearly with its input, whatever the input: the two
/// inputs that would expose super-linear rules (one long "sentence" of digits and punctuation,
/// and "over 25% of " repeated) are bounded in steps per byte, and the steps per byte do not grow
/// with the input's length. (`scripts/bench-claims.sh` times the full-size inputs in release.)
@Suite("Linear time")
struct LinearTimeTests {
    static func steps(_ text: String) throws -> (steps: Int, claims: Int) {
        let document = try DocumentReader().read(Array(text.utf8), fileName: "t.txt")
        let x = ClaimExtractor().extraction(document, doc: "t.txt")
        return (x.steps, x.claims.count)
    }

    static func digits(_ bytes: Int) -> String {
        let pattern = "12,345.67%-8/9$0.1+2(3)4:5;6*7#8=9^"
        return String(String(repeating: pattern, count: bytes / pattern.count + 1).prefix(bytes))
    }

    @Test("a run of digits and punctuation: a bounded number of steps per byte, the same at 20 KB and 80 KB")
    func digitsRun() throws {
        let small = try Self.steps(Self.digits(20_000)), large = try Self.steps(Self.digits(80_000))
        let perByteSmall = Double(small.steps) / 20_000, perByteLarge = Double(large.steps) / 80_000
        #expect(perByteLarge <= 4, "steps per byte \(perByteLarge)")
        #expect(abs(perByteLarge - perByteSmall) <= 0.1 * perByteSmall, "\(perByteSmall) then \(perByteLarge)")
    }

    @Test("\"over 25% of \" repeated: a bounded number of steps per byte, the same at 1,000 and 4,000 repeats")
    func repeatedPhrase() throws {
        let small = try Self.steps(String(repeating: "over 25% of ", count: 1_000))
        let large = try Self.steps(String(repeating: "over 25% of ", count: 4_000))
        // every "25%" is still a claim
        #expect(small.claims == 1_000 && large.claims == 4_000)
        let perByteSmall = Double(small.steps) / 12_000, perByteLarge = Double(large.steps) / 48_000
        // a piece holds at most 24 numbers in at most ~100 tokens: some 25 token visits per byte
        #expect(perByteLarge <= 40, "steps per byte \(perByteLarge)")
        #expect(abs(perByteLarge - perByteSmall) <= 0.1 * perByteSmall, "\(perByteSmall) then \(perByteLarge)")
    }

    /// News prose in many currencies and counts, the forms issue 17 added.
    static let news = "The group raised £2.4bn, HK$3.2bn and 40m euros, cut 1,200 jobs at 450 stores in 12 countries, and paid 42p, or 85 cents, a share; "
        + "sales of $85 to $90 billion rose 5.2pc, EUR12.5bn-plus, RM2.1bn, ₩9.8 trillion, Rs 5,000 crore, aged 25 to 40, a quarter-point cut, down from 64,000.\n"

    @Test("news prose of mixed currencies and counts: a bounded number of steps per byte, the same at 50 and 400 repeats")
    func mixedNews() throws {
        let small = try Self.steps(String(repeating: Self.news, count: 50))
        let large = try Self.steps(String(repeating: Self.news, count: 400))
        #expect(small.claims > 0 && large.claims == 8 * small.claims, "\(small.claims) then \(large.claims) claims")
        let bytes = Double(Self.news.utf8.count)
        let perByteSmall = Double(small.steps) / (50 * bytes), perByteLarge = Double(large.steps) / (400 * bytes)
        #expect(perByteLarge <= 40, "steps per byte \(perByteLarge)")
        #expect(abs(perByteLarge - perByteSmall) <= 0.1 * perByteSmall, "\(perByteSmall) then \(perByteLarge)")
    }

    @Test("ordinary commentary: steps per byte stay within the same bound")
    func prose() throws {
        let text = String(repeating: "The S&P 500 rose 1.2% on Tuesday, while the Nasdaq gained 1.8% and the Dow added 0.4%.\n", count: 200)
        let r = try Self.steps(text)
        #expect(Double(r.steps) / Double(text.utf8.count) <= 40)
    }
}

/// Random token soup from the lexicons, numbers, dates and punctuation, in the debug build with
/// its assertions: nothing traps, every claim is finite and sits where its offsets say.
@Suite("Extraction on random input")
struct RandomInputTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "S&P 500", "Nasdaq", "the Dow", "Russell 2000", "Nvidia", "Apple (AAPL)", "$AAPL", "NYSE: DOW", "NvidiaNVDA--", "the index", "it",
        "rose", "fell", "gained", "slid", "outpaced", "trailed", "up", "down", "to", "from", "by", "of", "over", "about", "more than",
        "between", "and", "or", "which", "respectively", "while", "than", "the", "a", "its", "accounted for", "outflows", "P/E", "weight",
        "1.2%", "-2.71%", "6,552.51", "$10.8bn", "25", "2025", "Q3", "3Q25", "30", "September 30, 2025", "4.00%–4.25%", "5-7%", "33.1x",
        "+7.8%", "−0.5", "1e400", "999,999,999,999 trillion", "Q9 2025", "February 30, 2025", "200-day", "No. 1", "1.", "half",
        "a third of", "three percentage points", "25 basis points", "last week", "year to date", "so far this year", "the same period",
        "as of", "since late 2023", "on Tuesday", "the week ended Oct. 10", "fiscal 2026", "H1", "9/30/2025", "2025-09-30",
        ",", ";", ":", "(", ")", "—", "–", "-", "/", "|", ".", "’s", "'s", "\"", "%", "$", "…", "?", "é", "\u{00A0}",
        "£2.4bn", "HK$3.2bn", "40m euros", "1,200 jobs", "42p", "85 cents", "EUR12.5bn", "RM2.1bn", "$1.5 billion-plus", "aged 25 to 40",
        "5.2pc", "₩9.8 trillion", "a quarter-point", "half a point", "40 degrees", "10,000+", "a billion dollars", "15tn won", "Rs500 crore",
    ]

    @Test("3,000 random sentences")
    func randomSentences() throws {
        var g = Generator(state: 20251123)
        var lines: [String] = []
        for _ in 0..<3_000 {
            let n = Int.random(in: 1...24, using: &g)
            let words = (0..<n).map { _ in Self.pieces.randomElement(using: &g)! }
            lines.append(words.joined(separator: Bool.random(using: &g) ? " " : ""))
        }
        let text = lines.joined(separator: "\n") + "\n"
        var document = try DocumentReader().read(Array(text.utf8), fileName: "random.txt")
        document.metadata.published = CalendarDate(iso: "2025-10-10")
        let out = ClaimExtractor().extract(document, doc: "random.txt")
        let scalars = Array(document.text.unicodeScalars)
        #expect(!out.isEmpty)
        for c in out {
            #expect(c.value.isFinite && (c.valueHigh?.isFinite ?? true))
            #expect(c.start >= 0 && c.start < c.end && c.end <= scalars.count)
            if c.start >= 0 && c.start < c.end && c.end <= scalars.count {
                #expect(String(String.UnicodeScalarView(scalars[c.start..<c.end])) == c.quote)
            }
            if let p = c.period { #expect(p.start <= p.end) }
        }
    }
}

/// The per-document time budget: extraction stops at its next checkpoint once the deadline has
/// passed, with the stage it stopped in, and runs as before without one.
@Suite("Time budget")
struct TimeBudgetTests {
    static let sentence = "The S&P 500 rose 1.2% to 6,552.51 on Oct. 9, 2025, while the Nasdaq gained 0.8%. "

    @Test("a deadline already passed stops extraction before its first sentence")
    func passed() throws {
        let document = try DocumentReader().read(Array(Self.sentence.utf8), fileName: "t.txt")
        let gone = Deadline.after(seconds: 1e-9)
        Thread.sleep(forTimeInterval: 0.001)
        #expect(throws: TimeBudgetExceeded(budget: 1e-9, stage: "cutting the text into sentences")) {
            try ClaimExtractor().extraction(document, doc: "t.txt", deadline: gone)
        }
    }

    @Test("a deadline that passes midway stops extraction at a sentence, not at the end")
    func midway() throws {
        let count = 20_000
        let document = try DocumentReader().read(Array(String(repeating: Self.sentence, count: count).utf8), fileName: "t.txt")
        do throws(TimeBudgetExceeded) {
            _ = try ClaimExtractor().extraction(document, doc: "t.txt", deadline: .after(seconds: 0.005))
            Issue.record("20,000 sentences read within 5 ms")
        } catch {
            #expect(error.budget == 0.005)
            if error.stage.hasPrefix("reading sentence ") {
                let numbers = error.stage.split(separator: " ").compactMap { Int($0) }
                #expect(numbers.count == 2 && numbers[0] < numbers[1] && numbers[1] == count, "\(error.stage)")
            } else {
                #expect(error.stage == "cutting the text into sentences")
            }
        }
    }

    @Test("with no deadline the claims are those of the plain call")
    func never() throws {
        let document = try DocumentReader().read(Array(Self.sentence.utf8), fileName: "t.txt")
        let bounded = try ClaimExtractor().extraction(document, doc: "t.txt", deadline: .after(seconds: 3600))
        #expect(bounded.claims.map(\.quote) == ["1.2%", "6,552.51", "0.8%"])
        #expect(bounded.claims == ClaimExtractor().extract(document, doc: "t.txt"))
    }
}
