import ClaimModel

/// What a number in a sentence turned out to be. Only `.quantity` and `.bare` can become claims.
public enum NumberRole: String, Sendable, Hashable {
    /// A number with a unit, a currency or a scale: a quantity.
    case quantity
    /// A number with nothing around it that makes it a quantity (a level or count, maybe).
    case bare
    /// A year (1800...2100) used as a date, not a quantity.
    case year
    /// Part of a date or another period expression.
    case period
    /// A look-back window: "200-day", "10-week", "six-month".
    case window
    /// A rank: "top 50", "No. 1".
    case rank
    /// An ordinal: "3rd".
    case ordinal
    /// A list marker at the start of a line: "1.", "2)".
    case listMarker
    /// A clock time: "4 p.m.", "9:30".
    case time
    /// Part of a name: "S&P 500", "Boeing 787", "EMA9".
    case name
    /// A code glued to letters: "5G", "3D".
    case code
    /// A value no market quantity has (over a quadrillion of money, not finite).
    case absurd
    /// A measure outside the claims contract: an age, a temperature, a distance ("aged 25 to 40",
    /// "40 degrees", "300 miles").
    case measure
}

/// A number found in a sentence, with its unit, scale, bound and role.
public struct QuantityMention: Sendable, Hashable {
    /// First token of the quote (currency mark, sign or number).
    public var start: Int
    /// One past the last token of the quote (unit, scale, trailing currency code).
    public var end: Int
    /// First token of the whole mention, bound words included.
    public var spanStart: Int
    /// One past the last token of the whole mention (a range's high end included).
    public var spanEnd: Int
    /// The value in the unit (scaled: `$10.8bn` is 10,800,000,000), signed as written.
    public var value: Double
    /// The high end of a range.
    public var valueHigh: Double?
    /// The unit, or nil for a bare number.
    public var unit: QuantityUnit?
    /// The bound.
    public var bound: Bound
    /// True when written with an explicit sign (`+7.8%`, `-2.71%`, `−0.5`).
    public var signed: Bool
    /// What the number is.
    public var role: NumberRole
    /// The names of the rules that built the mention.
    public var rules: [String]
    /// A count's noun, as tokens ("jobs" in "1,200 jobs", "full-time employees"); nil otherwise.
    public var noun: Range<Int>? = nil
}

/// A period expression, resolved to a calendar interval where the document's date allows.
public struct PeriodMention: Sendable, Hashable {
    /// What kind of expression it is; the claim rules treat some kinds specially.
    public enum Kind: String, Sendable, Hashable {
        case quarter, half, year, month, date, week, weekday, yearToDate, monthToDate, quarterToDate
        case asOf, since, through, trailing, relative, samePeriod, currentYear, yearAlone, decade, day
        /// The shape of a period with impossible values ("Q9 2025", "February 30, 2025"); never kept.
        case invalid
    }

    /// First token.
    public var start: Int
    /// One past the last token.
    public var end: Int
    /// The kind.
    public var kind: Kind
    /// The interval, or nil when it is relative and the document has no date.
    public var period: Period?
    /// True when the year was not written but taken from the document's date.
    public var yearInferred: Bool
    /// The rule that made it.
    public var rule: String
}

/// An entity named in a sentence.
public struct EntityMention: Sendable, Hashable {
    /// First token.
    public var start: Int
    /// One past the last token.
    public var end: Int
    /// The entity.
    public var entity: Entity
    /// Followed by `'s`: "the S&P 500's 8.1%".
    public var possessive: Bool
    /// Negated by a prefix: "non-Mag 7".
    public var negated: Bool
    /// Used as a modifier of a plural noun rather than as the thing itself ("gold funds").
    public var modifier: Bool
    /// The rule that found it: `name`, `name.cased`, `ticker.cashtag`, `ticker.exchange`,
    /// `ticker.parenthesized`, `ticker.scraped`.
    public var rule: String
}

/// A cue word or phrase.
public struct CueMention: Sendable, Hashable {
    /// First token.
    public var start: Int
    /// One past the last token.
    public var end: Int
    /// The cue.
    public var cue: Cue
}

/// Everything the recognizers found in one sentence.
public struct SentenceAnalysis: Sendable {
    /// The sentence's UTF-8 bytes.
    public var bytes: [UInt8]
    /// Its tokens.
    public var tokens: [Token]
    /// Numbers, each with its role.
    public var quantities: [QuantityMention] = []
    /// Period expressions.
    public var periods: [PeriodMention] = []
    /// Entity names and tickers.
    public var entities: [EntityMention] = []
    /// Cue words, longest first, not overlapping each other.
    public var cues: [CueMention] = []
    /// Token ranges shaped like periods but impossible ("Q9 2025"): neither periods nor quantities.
    public var invalidPeriods: [Range<Int>] = []
    /// Each token's text in lower case, made once: the rules compare words many times per token.
    public let lowered: [String]

    /// Creates the analysis of a tokenized sentence, before any recognizer has run.
    public init(bytes: [UInt8], tokens: [Token]) {
        self.bytes = bytes
        self.tokens = tokens
        self.lowered = Self.lowerCase(bytes, tokens)
    }

    /// Lower-cases each token; ASCII tokens (nearly all) without going through Unicode tables.
    static func lowerCase(_ bytes: [UInt8], _ tokens: [Token]) -> [String] {
        bytes.withUnsafeBufferPointer { b in
            tokens.map { t in
                var ascii = true
                for k in t.start..<t.end where b[k] >= 0x80 { ascii = false; break }
                guard ascii else { return String(decoding: b[t.start..<t.end], as: UTF8.self).lowercased() }
                return String(unsafeUninitializedCapacity: t.end - t.start) { out in
                    for k in t.start..<t.end {
                        let c = b[k]
                        out[k - t.start] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                    }
                    return t.end - t.start
                }
            }
        }
    }

    /// Token `i` in lower case; "" outside the sentence.
    @inlinable public func lower(_ i: Int) -> String { i >= 0 && i < lowered.count ? lowered[i] : "" }

    /// The text of tokens `a..<b` as written.
    public func text(_ a: Int, _ b: Int) -> String {
        guard a < b, a >= 0, b <= tokens.count else { return "" }
        return String(decoding: bytes[tokens[a].start..<tokens[b - 1].end], as: UTF8.self)
    }

    /// The text of one token.
    public func text(_ i: Int) -> String { text(i, i + 1) }

    /// The cues that start at token `i`.
    public func cues(at i: Int) -> [CueMention] { cues.filter { $0.start == i } }
}

/// What the recognizers need to know about the document.
public struct RecognizerContext: Sendable {
    /// The lexicons.
    public var lexicon: Lexicon
    /// The document's date, for relative periods; nil for an undated document.
    public var documentDate: CalendarDate?
    /// The year the document has been talking about, for periods written without a year when the
    /// document has no date.
    public var contextYear: Int?

    /// Creates a context. A date or year outside 1001–9998 is dropped (the document counts as
    /// undated): relative periods step a year back or forward from it, and every period must stay
    /// a real calendar date.
    public init(lexicon: Lexicon = .builtIn, documentDate: CalendarDate? = nil, contextYear: Int? = nil) {
        self.lexicon = lexicon
        self.documentDate = documentDate.flatMap { RecognizerContext.usableYears.contains($0.year) ? $0 : nil }
        self.contextYear = contextYear.flatMap { RecognizerContext.usableYears.contains($0) ? $0 : nil }
    }

    /// The years a document date may have for relative periods to resolve.
    public static let usableYears = 1001...9998
}
