import ClaimModel

/// Finds period expressions and resolves them to calendar intervals against the document's date.
///
/// Conventions (the gold README's, and these where it is silent):
/// - A quarter, half or month written without a year is the latest one that has begun on or before
///   the document's date; a day written without a year is the latest such day on or before it,
///   unless it lies at most `upcomingDays` (45) days after it ("the Fed meets Oct. 28–29").
/// - "year to date", "YTD", "so far this year", "for the year": January 1 to the document's date
///   (or to an "as of" date); "for the month"/"this month", "for the quarter"/"this quarter": to date.
/// - Weeks run Monday to Friday: "this week", "for the week", "the week" hold the document's date;
///   "last week" is the one before; "the week ended Oct. 10" ends on that Friday.
/// - A weekday is the latest such day on or before the document's date ("On Tuesday").
/// - "last month/quarter/year", "the past quarter": the previous full calendar month, quarter or
///   year; "the past 12 months", "trailing 12 months", "the past year": the 12 months to the date.
/// - "early", "mid", "late" split a month into days 1–10, 11–20 and 21–end, and a year into
///   January–April, May–August and September–December ("since late 2023" starts 2023-09-01).
/// - "since X": from X's start to the document's date. "through 2028": the claim rules give it a
///   start. "as of X": the last day of X.
/// Without a document date, relative expressions stay unresolved (nil) but are still periods, so
/// their numbers never become claims; written years and dates always resolve.
enum PeriodRecognizer {
    struct Found {
        var end: Int
        var kind: PeriodMention.Kind
        var period: Period?
        var inferred = false
        var rule: String
    }

    static func recognize(_ a: inout SentenceAnalysis, _ c: RecognizerContext) {
        var out: [PeriodMention] = []
        var invalid: [Range<Int>] = []
        var i = 0
        var taken = [Bool](repeating: false, count: a.tokens.count)
        for e in a.entities { for k in e.start..<e.end { taken[k] = true } }
        while i < a.tokens.count {
            let candidate = mayStart(a, c, i)
            // debug builds (the tests) check that the filter never turns away a period
            assert(candidate || taken[i] || match(a, c, i) == nil, "mayStart turned away a period at \(a.text(i))")
            if candidate, !taken[i], let f = match(a, c, i) {
                if f.kind == .invalid {
                    // "Q9 2025", "February 30, 2025": not a period, and its numbers are not quantities
                    invalid.append(i..<f.end)
                } else {
                    var p = f.period
                    if p != nil { p!.text = a.text(i, f.end) }
                    out.append(PeriodMention(start: i, end: f.end, kind: f.kind, period: p, yearInferred: f.inferred, rule: f.rule))
                }
                i = f.end
                continue
            }
            i += 1
        }
        a.periods = out
        a.invalidPeriods = invalid
    }

    /// Words that start a period expression on their own ("YTD", "last week", "year-end").
    static let headWords: WordSet = [
        "year", "week", "ytd", "so", "today", "yesterday", "last", "past", "previous", "prior", "trailing", "fiscal",
    ]
    /// Function words that start one only before a period-like word ("in 2025 alone", "the same
    /// period", "as of", "for the quarter", "at the end of"); most of their uses start none.
    static let leadWords: WordSet = [
        "by", "as", "since", "through", "thru", "until", "till", "in", "the", "at", "that", "this",
        "over", "during", "for", "on", "of",
    ]
    /// Words that may follow a lead word in a period expression, besides head words, lead words,
    /// numbers and the period lexicon's words.
    static let followWords: WordSet = [
        "month", "months", "quarter", "quarters", "half", "weeks", "day", "days", "session", "sessions", "trading",
        "same", "end", "current", "first", "alone", "period", "final",
    ]

    /// A cheap test run before `match` at every token: most words start no period, and `match`
    /// tries some thirty rules. Every word `match` tests at a first token is a head word, a lead
    /// word, a quarter/half/fiscal-year code or a word of the period lexicon.
    static func mayStart(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Bool {
        switch a.tokens[i].kind {
        case .number: return numberMayStart(a, c, i)
        case .symbol: return false
        case .word:
            let tok = a.tokens[i]
            if headWords.contains(tok) || isCode(a, i) { return true }
            if leadWords.contains(tok) { return periodLike(a, c, i + 1, depth: 1) }
            return c.lexicon.periods.longest(in: a.tokens, at: i) != nil
        }
    }

    /// Periods that start with a number start with a year ("2025", "2025-09-30", "1990s",
    /// "2025 Q3") or with a small number glued to a code or followed by a separator or a period
    /// word ("3Q25", "1st", "9/30/2025", "30 September"); never with 6.5, 1,200 or "25%".
    static func numberMayStart(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Bool {
        guard let v = integer(a, i) else { return false }
        if a.tokens[i].integerDigits == 4 && (1800...2100).contains(v) { return true }
        guard v <= 31, i + 1 < a.tokens.count else { return false }
        let next = a.tokens[i + 1]
        if !next.spaceBefore && (next.kind == .word || next.scalar == "/" || next.scalar == "-" || next.scalar == "\u{2013}") { return true }
        return next.kind == .word && c.lexicon.periods.longest(in: a.tokens, at: i + 1) != nil
    }

    /// "Q3", "H1", "Q9" (invalid), "FY2025": read from the token's bytes.
    static func isCode(_ a: SentenceAnalysis, _ i: Int) -> Bool {
        let t = a.tokens[i]
        let f = a.bytes[t.start] | 0x20
        if t.end - t.start == 2, f == UInt8(ascii: "q") || f == UInt8(ascii: "h") { return true }
        return t.end - t.start >= 3 && f == UInt8(ascii: "f") && a.bytes[t.start + 1] | 0x20 == UInt8(ascii: "y")
    }

    /// Token `j` can continue a period expression after a lead word.
    /// Lead words may follow each other ("as of the end of"), up to three in a row.
    static func periodLike(_ a: SentenceAnalysis, _ c: RecognizerContext, _ j: Int, depth: Int) -> Bool {
        guard j < a.tokens.count else { return false }
        switch a.tokens[j].kind {
        case .number: return numberMayStart(a, c, j)
        case .symbol: return false
        case .word:
            let tok = a.tokens[j]
            if leadWords.contains(tok) { return depth < 3 && periodLike(a, c, j + 1, depth: depth + 1) }
            if headWords.contains(tok) || followWords.contains(tok) || isCode(a, j) { return true }
            if c.lexicon.periods.longest(in: a.tokens, at: j) != nil { return true }
            // "over the twelve months": a number in words before a period word ("in a" is not)
            guard j + 1 < a.tokens.count, followWords.contains(a.tokens[j + 1]) || headWords.contains(a.tokens[j + 1]) else { return false }
            return c.lexicon.units.longest(in: a.tokens, at: j)?.values.contains { if case .number = $0 { return true }; return false } == true
        }
    }

    // MARK: token helpers

    static func lower(_ a: SentenceAnalysis, _ i: Int) -> String { a.lower(i) }

    static func isWord(_ a: SentenceAnalysis, _ i: Int, _ words: StaticString...) -> Bool {
        words.contains { a.isWord(i, $0) }
    }

    static func isSymbol(_ a: SentenceAnalysis, _ i: Int, _ s: Unicode.Scalar) -> Bool {
        i < a.tokens.count && a.tokens[i].kind == .symbol && a.tokens[i].scalar == s
    }

    static func integer(_ a: SentenceAnalysis, _ i: Int) -> Int? {
        guard i < a.tokens.count, a.tokens[i].kind == .number, a.tokens[i].decimals == 0, !a.tokens[i].grouped,
              let v = a.tokens[i].number, v < 1_000_000 else { return nil }
        return Int(v)
    }

    /// A four-digit year 1800...2100.
    static func year(_ a: SentenceAnalysis, _ i: Int) -> Int? {
        guard let y = integer(a, i), a.tokens[i].integerDigits == 4, (1800...2100).contains(y) else { return nil }
        // "2025%" or "2025 points" is not a year
        if i + 1 < a.tokens.count, a.tokens[i + 1].scalar == "%" { return nil }
        return y
    }

    /// A day of the month, with an optional glued ordinal suffix; returns the day and the next token.
    static func day(_ a: SentenceAnalysis, _ i: Int) -> (Int, Int)? {
        guard let d = integer(a, i), a.tokens[i].integerDigits <= 2, (1...31).contains(d) else { return nil }
        var next = i + 1
        if next < a.tokens.count, !a.tokens[next].spaceBefore, isWord(a, next, "st", "nd", "rd", "th") { next += 1 }
        return (d, next)
    }

    /// A month name at `i` (capitalised, or followed by a day or year, so "may" and "march" as
    /// ordinary words are not months); returns the month and the next token.
    static func month(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int, afterDay: Bool = false) -> (Int, Int)? {
        guard i < a.tokens.count, a.tokens[i].kind == .word,
              let m = c.lexicon.periods.longest(in: a.tokens, at: i), case .month(let month)? = m.values.first else { return nil }
        var next = m.end
        let abbreviated = a.tokens[i].end - a.tokens[i].start <= 4 && lower(a, i) != "june" && lower(a, i) != "july"
        if abbreviated, isSymbol(a, next, "."), !a.tokens[next].spaceBefore { next += 1 }
        let followedByNumber = day(a, next) != nil || year(a, next) != nil || dayShape(a, next) || afterDay
        guard a.tokens[i].capitalized || followedByNumber else { return nil }
        // an abbreviation alone ("Sept") wants a number after it or a preposition before it
        if abbreviated, !followedByNumber {
            guard i > 0, isWord(a, i - 1, "in", "since", "of", "during", "until", "through", "by", "last", "early", "late", "mid", "end") else { return nil }
        }
        // "May" and "March" capitalised at a sentence start are still ambiguous: want a number or
        // a preposition before them
        if ["may", "march"].contains(lower(a, i)), !followedByNumber {
            guard i > 0, isWord(a, i - 1, "in", "since", "of", "during", "until", "through", "by", "last", "early", "late", "mid", "end") else { return nil }
        }
        return (month, next)
    }

    /// A one- or two-digit number that has the shape of a day but no valid value ("September 31").
    static func dayShape(_ a: SentenceAnalysis, _ i: Int) -> Bool {
        guard let d = integer(a, i), a.tokens[i].integerDigits <= 2 else { return false }
        return d >= 1 && d <= 39
    }

    static func weekday(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> (Int, Int)? {
        guard i < a.tokens.count, a.tokens[i].kind == .word, a.tokens[i].capitalized,
              let m = c.lexicon.periods.longest(in: a.tokens, at: i), case .weekday(let d)? = m.values.first, d <= 5 else { return nil }
        return (d, m.end)
    }

    // MARK: calendar helpers

    static func quarter(_ q: Int, _ y: Int) -> Period {
        let start = CalendarDate(year: y, month: 3 * (q - 1) + 1, day: 1)!
        let endMonth = 3 * q
        return Period(start: start, end: CalendarDate(year: y, month: endMonth, day: CalendarDate.daysIn(month: endMonth, year: y))!)
    }

    static func monthPeriod(_ m: Int, _ y: Int) -> Period {
        Period(start: CalendarDate(year: y, month: m, day: 1)!, end: CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!)
    }

    static func yearPeriod(_ y: Int) -> Period {
        Period(start: CalendarDate(year: y, month: 1, day: 1)!, end: CalendarDate(year: y, month: 12, day: 31)!)
    }

    /// The week (Monday to Friday) holding a date.
    static func week(_ d: CalendarDate) -> Period {
        let monday = d.adding(days: -(d.weekday - 1))
        return Period(start: monday, end: monday.adding(days: 4))
    }

    static func quarterOf(_ d: CalendarDate) -> Int { (d.month - 1) / 3 + 1 }

    /// The week that holds a date, from its Monday to that date (or its Friday, on a weekend).
    static func weekToDate(_ d: CalendarDate) -> Period {
        let w = week(d)
        return Period(start: w.start, end: min(w.end, d))
    }

    /// The year for a month or quarter written without one: the latest that began on or before the
    /// document date; the context year when the document is undated.
    static func inferredYear(_ c: RecognizerContext, firstMonth: Int) -> Int? {
        if let d = c.documentDate { return firstMonth <= d.month ? d.year : d.year - 1 }
        return c.contextYear
    }

    // MARK: the rules

    static func match(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Found? {
        // rules call `match` on the tokens after their own, which may be past the end
        guard i >= 0, i < a.tokens.count else { return nil }
        let t = a.tokens
        let tok = t[i]
        let doc = c.documentDate

        // "by September 30" → as of that day
        if isWord(a, i, "by"), let inner = match(a, c, i + 1), inner.kind == .date {
            return Found(end: inner.end, kind: .asOf, period: inner.period, inferred: inner.inferred, rule: "period.by-date")
        }
        // "as of <period>" → its last day
        if isWord(a, i, "as"), isWord(a, i + 1, "of"), let inner = match(a, c, i + 2), inner.kind != .asOf {
            let p = inner.period.map { Period(start: $0.end, end: $0.end) }
            return Found(end: inner.end, kind: .asOf, period: p, inferred: inner.inferred, rule: "period.as-of")
        }
        // "since <period>" → from its start to the document date
        if isWord(a, i, "since"), let inner = match(a, c, i + 1), [.date, .month, .year, .quarter, .half, .decade, .asOf].contains(inner.kind) {
            var p: Period? = nil
            // since a day's close: the change starts the next day ("since December 31", "since the
            // end of September")
            let from = inner.kind == .date || inner.kind == .asOf ? inner.period.map { $0.start.adding(days: 1) } : inner.period?.start
            if let s = from, let d = doc, s <= d { p = Period(start: s, end: d) }
            return Found(end: inner.end, kind: .since, period: p, inferred: inner.inferred, rule: "period.since")
        }
        // "through 2028", "by 2028", "until 2028": the claim rules choose the start
        if isWord(a, i, "through", "thru", "until", "till"), let y = year(a, i + 1) {
            // from the start of the document's year (the outlook's) to the end of the year named
            let from = (doc?.year ?? c.contextYear).map { min($0, y) } ?? y
            return Found(end: i + 2, kind: .through, period: Period(start: CalendarDate(year: from, month: 1, day: 1)!,
                                                                  end: CalendarDate(year: y, month: 12, day: 31)!),
                         rule: "period.through")
        }
        // "in 2025 alone"
        if isWord(a, i, "in"), let y = year(a, i + 1), isWord(a, i + 2, "alone") {
            // realised so far: the document's own year ends at its date
            var p = yearPeriod(y)
            if let doc, doc.year == y { p = Period(start: p.start, end: doc) }
            return Found(end: i + 3, kind: .yearAlone, period: p, rule: "period.year-alone")
        }
        // "the fiscal year ending June 2026": the twelve months to that month's end
        if isWord(a, i, "the"), isWord(a, i + 1, "fiscal"), isWord(a, i + 2, "year"), isWord(a, i + 3, "ending", "ended", "to", "through"),
           let inner = match(a, c, i + 4), let e = inner.period?.end {
            let start = CalendarDate(year: e.month == 12 ? e.year : e.year - 1, month: e.month == 12 ? 1 : e.month + 1, day: 1)!
            return Found(end: inner.end, kind: .trailing, period: Period(start: start, end: e), inferred: inner.inferred, rule: "period.fiscal-year-ending")
        }
        // "at the end of September", "by the end of the year", "by year-end": the last day
        let endOf = isWord(a, i, "at", "by", "until", "till") ? i + 1 : i
        if isWord(a, endOf, "the"), isWord(a, endOf + 1, "end"), isWord(a, endOf + 2, "of") {
            let i = endOf - 1
            if let inner = match(a, c, i + 4), inner.kind != .asOf, inner.kind != .invalid {
                return Found(end: inner.end, kind: .asOf, period: inner.period.map { Period(start: $0.end, end: $0.end) }, inferred: inner.inferred,
                             rule: "period.end-of")
            }
            if isWord(a, i + 4, "the"), isWord(a, i + 5, "year", "quarter", "month", "week") {
                let unit = lower(a, i + 5)
                return Found(end: i + 6, kind: .asOf, period: doc.map { d in
                    let e: CalendarDate
                    switch unit {
                    case "year": e = CalendarDate(year: d.year, month: 12, day: 31)!
                    case "quarter": e = quarter(quarterOf(d), d.year).end
                    case "month": e = monthPeriod(d.month, d.year).end
                    default: e = week(d).end
                    }
                    return Period(start: e, end: e)
                }, inferred: true, rule: "period.end-of")
            }
        }
        // "the final trading day of 2024", "the last session of the quarter", "the first trading
        // day of the year": that session of the interval (U.S. market calendar)
        do {
            var k = isWord(a, i, "the", "on") ? i + 1 : i
            if isWord(a, k, "the") { k += 1 }
            if isWord(a, k, "final", "last", "first") {
                let first = isWord(a, k, "first")
                var j = k + 1
                if isWord(a, j, "trading") { j += 1 }
                if isWord(a, j, "day", "session"), isWord(a, j + 1, "of") {
                    let inner: Found? = match(a, c, j + 2) ?? (isWord(a, j + 2, "the") ? relativeUnit(a, c, j + 2) : nil)
                    if let inner, [.year, .quarter, .month, .half, .yearToDate, .quarterToDate, .monthToDate, .currentYear].contains(inner.kind) {
                        let p = inner.period.map { p -> Period in
                            let day = first ? TradingCalendar.session(onOrAfter: p.start) : TradingCalendar.session(onOrBefore: p.end)
                            return Period(start: day, end: day)
                        }
                        return Found(end: inner.end, kind: .date, period: p, inferred: inner.inferred, rule: "period.session-of")
                    }
                }
            }
        }
        if isWord(a, i, "year"), isSymbol(a, i + 1, "-"), isWord(a, i + 2, "end"), !a.tokens[i + 1].spaceBefore {
            return Found(end: i + 3, kind: .asOf, period: doc.map { Period(start: CalendarDate(year: $0.year, month: 12, day: 31)!, end: CalendarDate(year: $0.year, month: 12, day: 31)!) },
                         inferred: true, rule: "period.year-end")
        }
        // "over the three months to September 30", "the five sessions to Friday, October 3"
        if let f = spanTo(a, c, i) { return f }
        // "the same period", "the same quarter", "that period"
        if isWord(a, i, "the", "that", "this"), isWord(a, i + 1, "same") {
            var k = i + 2
            if integer(a, k) != nil || c.lexicon.units.longest(in: a.tokens, at: k)?.values.contains(where: { if case .number = $0 { return true }; return false }) == true { k += 1 }
            if isWord(a, k, "period", "quarter", "stretch", "span", "timeframe", "time", "month", "year", "week", "sessions", "days", "weeks", "months") {
                return Found(end: k + 1, kind: .samePeriod, period: nil, rule: "period.same")
            }
        }
        // "the week ended Oct. 10"
        if isWord(a, i, "week"), isWord(a, i + 1, "ended", "ending", "through", "to"), let inner = match(a, c, i + 2) ?? weekdayDate(a, c, i + 2),
           inner.kind == .date || inner.kind == .weekday, let d = inner.period?.end {
            return Found(end: inner.end, kind: .week, period: week(d), inferred: inner.inferred, rule: "period.week-ended")
        }
        // relative phrases: "last week", "the past quarter", "year to date", …
        if var f = relative(a, c, i) {
            // "year-to-date as of March 2025": to the end of the as-of period
            if f.kind == .yearToDate, isWord(a, f.end, "as"), isWord(a, f.end + 1, "of"), let inner = match(a, c, f.end + 2),
               let e = inner.period?.end {
                f.period = Period(start: CalendarDate(year: e.year, month: 1, day: 1)!, end: e)
                f.end = inner.end
                f.inferred = inner.inferred
            }
            return f
        }

        // "Q9 2025", "Q0", "H3": the shape of a quarter or half with an impossible number
        if tok.kind == .word, tok.end - tok.start == 2, let first = a.lower(i).first, first == "q" || first == "h",
           let n = Int(a.lower(i).dropFirst()), first == "q" ? !(1...4).contains(n) : !(1...2).contains(n) {
            return Found(end: year(a, i + 1) != nil ? i + 2 : i + 1, kind: .invalid, period: nil, rule: "period.invalid")
        }
        // quarters: "Q3", "Q3 2025", "Q3'25", "3Q", "3Q25", "2025 Q3", "third quarter (of) 2025"
        if tok.kind == .word, let q = quarterWord(a, i) {
            var end = i + 1
            var y: Int? = nil
            if let yy = year(a, end) { y = yy; end += 1 } else if isSymbol(a, end, "'"), let yy = integer(a, end + 1), a.tokens[end + 1].integerDigits == 2 {
                y = 2000 + yy; end += 2
            }
            return quarterFound(c, q, y, i, end, rule: "period.quarter")
        }
        if tok.kind == .number, let q = integer(a, i), (1...4).contains(q), i + 1 < t.count, !t[i + 1].spaceBefore, t[i + 1].kind == .word {
            let suffix = a.text(i + 1)
            if suffix.uppercased() == "Q" {
                var end = i + 2
                var y: Int? = nil
                if let yy = year(a, end) { y = yy; end += 1 }
                return quarterFound(c, q, y, i, end, rule: "period.quarter")
            }
            if suffix.count == 3, suffix.uppercased().hasPrefix("Q"), let yy = Int(suffix.dropFirst()) {
                return quarterFound(c, q, 2000 + yy, i, i + 2, rule: "period.quarter")
            }
            if suffix.uppercased() == "H", q <= 2 {
                var end = i + 2
                var y: Int? = nil
                if let yy = year(a, end) { y = yy; end += 1 }
                return halfFound(c, q, y, i, end)
            }
            if suffix.count == 3, suffix.uppercased().hasPrefix("H"), q <= 2, let yy = Int(suffix.dropFirst()) {
                return halfFound(c, q, 2000 + yy, i, i + 2)
            }
        }
        if let y = year(a, i), let q = quarterWord(a, i + 1) {
            return quarterFound(c, q, y, i, i + 2, rule: "period.quarter")
        }
        // "H1", "H2 2025"
        if tok.kind == .word, tok.allUpper || a.text(i).first == "H", a.text(i).count == 2, a.text(i).uppercased().hasPrefix("H"),
           let h = Int(a.text(i).dropFirst()), (1...2).contains(h) {
            var end = i + 1
            var y: Int? = nil
            if let yy = year(a, end) { y = yy; end += 1 }
            return halfFound(c, h, y, i, end)
        }
        // "(the) third quarter (of) (2025)", "first half of 2024", "third-quarter"
        var k = i
        if isWord(a, k, "the") { k += 1 }
        if k < t.count, let o = c.lexicon.periods.longest(in: t, at: k), case .ordinal(let n)? = o.values.first {
            var j = o.end
            if isWord(a, j, "quarter", "half"), (lower(a, j) == "quarter" ? n <= 4 : n <= 2) {
                let isQuarter = lower(a, j) == "quarter"
                j += 1
                var y: Int? = nil
                if isWord(a, j, "of"), let yy = year(a, j + 1) { y = yy; j += 2 } else if let yy = year(a, j) { y = yy; j += 1 }
                return isQuarter ? quarterFound(c, n, y, i, j, rule: "period.quarter-words") : halfFound(c, n, y, i, j)
            }
        }
        // dates and months
        if let f = date(a, c, i) { return f }
        // weekdays: "Tuesday", "on Tuesday"
        var w = i
        if isWord(a, w, "on") { w += 1 }
        if let (d, end) = weekday(a, c, w) {
            var p: Period? = nil
            if let doc {
                let back = (doc.weekday - d + 7) % 7
                let day = doc.adding(days: -back)
                p = Period(start: day, end: day)
            }
            return Found(end: end, kind: .weekday, period: p, inferred: true, rule: "period.weekday")
        }
        // decades: "the 1990s", "the late 1990s"
        var dk = i
        var part: String? = nil
        if isWord(a, dk, "the") { dk += 1 }
        if let p = partWord(a, c, dk) { part = p.0; dk = p.1 }
        if let y = year(a, dk), y % 10 == 0, dk + 1 < t.count, !t[dk + 1].spaceBefore, isWord(a, dk + 1, "s") {
            var start = y, end = y + 9
            if part == "early" { end = y + 3 } else if part == "mid" { start = y + 3; end = y + 6 } else if part == "late" { start = y + 7 }
            return Found(end: dk + 2, kind: .decade, period: Period(start: CalendarDate(year: start, month: 1, day: 1)!,
                                                                  end: CalendarDate(year: end, month: 12, day: 31)!), rule: "period.decade")
        }
        // years: "2025", "fiscal 2025", "FY2025", "late 2023"
        var yk = i
        part = nil
        if let p = partWord(a, c, yk) { part = p.0; yk = p.1 }
        if isWord(a, yk, "fiscal") { yk += 1 }
        if let y = year(a, yk) {
            var p = yearPeriod(y)
            if let part { p = partOfYear(part, y) }
            // a year followed by a quantity unit is a number, not a year ("2025 points")
            return Found(end: yk + 1, kind: .year, period: p, rule: part == nil ? "period.year" : "period.part-of-year")
        }
        if tok.kind == .word, a.text(i).uppercased().hasPrefix("FY"), let yy = Int(a.text(i).dropFirst(2)) {
            let y = yy < 100 ? 2000 + yy : yy
            if (1900...2100).contains(y) { return Found(end: i + 1, kind: .year, period: yearPeriod(y), rule: "period.fiscal-year") }
        }
        return nil
    }

    /// "over the three months to September 30", "the 12 months through June", "the five sessions
    /// to Friday, October 3": N months (or trading sessions) ending on a date.
    static func spanTo(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Found? {
        var k = i
        if isWord(a, k, "over", "in", "during", "for") { k += 1 }
        guard isWord(a, k, "the") else { return nil }
        k += 1
        if isWord(a, k, "past", "last", "previous", "prior", "first") { k += 1 }
        var n: Int? = integer(a, k)
        if n == nil, let m = c.lexicon.units.longest(in: a.tokens, at: k), case .number(let v)? = m.values.first, m.end == k + 1 { n = Int(v) }
        guard let count = n, count >= 1, count <= 60 else { return nil }
        let unit = lower(a, k + 1)
        guard ["months", "month", "sessions", "days", "weeks", "trading"].contains(unit) else { return nil }
        var j = k + 2
        if unit == "trading" { guard isWord(a, j, "days", "sessions") else { return nil }; j += 1 }
        // "the first three sessions of October": from the month's first weekday on
        if isWord(a, k - 1, "first"), isWord(a, j, "of"), unit == "sessions" || unit == "trading" || unit == "days",
           let inner = match(a, c, j + 1), let p = inner.period {
            var d = p.start
            while d.weekday > 5 { d = d.adding(days: 1) }
            var last = d
            var left = count - 1
            while left > 0 { last = last.adding(days: 1); if last.weekday <= 5 { left -= 1 } }
            return Found(end: inner.end, kind: .trailing, period: Period(start: d, end: last), inferred: inner.inferred, rule: "period.first-sessions")
        }
        // "over the five sessions": the sessions up to the document's date
        if !isWord(a, j, "to", "through", "ended", "ending", "until", "of"), unit == "sessions" || unit == "trading" {
            guard let doc = c.documentDate else { return Found(end: j, kind: .trailing, period: nil, inferred: true, rule: "period.sessions") }
            var end = doc
            while end.weekday > 5 { end = end.adding(days: -1) }
            var d = end
            var left = count - 1
            while left > 0 { d = d.adding(days: -1); if d.weekday <= 5 { left -= 1 } }
            return Found(end: j, kind: .trailing, period: Period(start: d, end: end), inferred: true, rule: "period.sessions")
        }
        // "over the three months": the months to the document's date
        if !isWord(a, j, "to", "through", "ended", "ending", "until", "of"), unit == "months" || unit == "weeks" {
            guard let doc = c.documentDate else { return Found(end: j, kind: .trailing, period: nil, inferred: true, rule: "period.months") }
            // a trailing window starts on the same calendar date that many months earlier; N
            // weeks are the trading weeks from the Monday N − 1 weeks before this one's
            let start = unit == "months" ? doc.addingMonths(-count) : week(doc).start.adding(days: -7 * (count - 1))
            return Found(end: j, kind: .trailing, period: Period(start: start, end: doc), inferred: true, rule: "period.months")
        }
        guard isWord(a, j, "to", "through", "ended", "ending", "until") else { return nil }
        guard let inner = match(a, c, j + 1) ?? weekdayDate(a, c, j + 1), let end = inner.period?.end else { return nil }
        let start: CalendarDate
        switch unit {
        case "months", "month":
            var y = end.year, m = end.month - count
            while m <= 0 { m += 12; y -= 1 }
            // "three months to September 30" is July 1 to September 30
            start = end.day == CalendarDate.daysIn(month: end.month, year: end.year)
                ? CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!.adding(days: 1)
                : CalendarDate(year: y, month: m, day: min(end.day, CalendarDate.daysIn(month: m, year: y)))!.adding(days: 1)
        case "weeks":
            start = end.adding(days: -7 * count + 1)
        default:
            // trading sessions: count back over weekdays
            var d = end
            var left = count - 1
            while left > 0 {
                d = d.adding(days: -1)
                if d.weekday <= 5 { left -= 1 }
            }
            start = d
        }
        return Found(end: inner.end, kind: .trailing, period: Period(start: start, end: end), inferred: inner.inferred, rule: "period.span-to")
    }

    /// "Friday, October 3" / "Friday": a weekday, with the date after it when there is one.
    static func weekdayDate(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Found? {
        guard let (d, end) = weekday(a, c, i) else { return nil }
        if isSymbol(a, end, ","), let inner = date(a, c, end + 1), inner.kind == .date { return inner }
        guard let doc = c.documentDate else { return nil }
        let day = doc.adding(days: -((doc.weekday - d + 7) % 7))
        return Found(end: end, kind: .weekday, period: Period(start: day, end: day), inferred: true, rule: "period.weekday")
    }

    static func partWord(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> (String, Int)? {
        guard i < a.tokens.count, a.tokens[i].kind == .word,
              let m = c.lexicon.periods.longest(in: a.tokens, at: i), case .part(let p)? = m.values.first else { return nil }
        var next = m.end
        if isSymbol(a, next, "-") { next += 1 }
        return (p, next)
    }

    static func partOfYear(_ part: String, _ y: Int) -> Period {
        switch part {
        case "early": return Period(start: CalendarDate(year: y, month: 1, day: 1)!, end: CalendarDate(year: y, month: 4, day: 30)!)
        case "mid": return Period(start: CalendarDate(year: y, month: 5, day: 1)!, end: CalendarDate(year: y, month: 8, day: 31)!)
        default: return Period(start: CalendarDate(year: y, month: 9, day: 1)!, end: CalendarDate(year: y, month: 12, day: 31)!)
        }
    }

    static func partOfMonth(_ part: String, _ m: Int, _ y: Int) -> Period {
        let last = CalendarDate.daysIn(month: m, year: y)
        switch part {
        case "early": return Period(start: CalendarDate(year: y, month: m, day: 1)!, end: CalendarDate(year: y, month: m, day: 10)!)
        case "mid": return Period(start: CalendarDate(year: y, month: m, day: 11)!, end: CalendarDate(year: y, month: m, day: 20)!)
        default: return Period(start: CalendarDate(year: y, month: m, day: 21)!, end: CalendarDate(year: y, month: m, day: last)!)
        }
    }

    /// "Q1".."Q4" (any case).
    static func quarterWord(_ a: SentenceAnalysis, _ i: Int) -> Int? {
        guard i < a.tokens.count, a.tokens[i].kind == .word else { return nil }
        let w = a.text(i)
        guard w.count == 2, w.first == "Q" || w.first == "q", let q = Int(w.dropFirst()), (1...4).contains(q) else { return nil }
        return q
    }

    static func quarterFound(_ c: RecognizerContext, _ q: Int, _ y: Int?, _ i: Int, _ end: Int, rule: String) -> Found {
        if let y { return Found(end: end, kind: .quarter, period: quarter(q, y), rule: rule) }
        let inferred = inferredYear(c, firstMonth: 3 * (q - 1) + 1)
        return Found(end: end, kind: .quarter, period: inferred.map { quarter(q, $0) }, inferred: true, rule: rule)
    }

    static func halfFound(_ c: RecognizerContext, _ h: Int, _ y: Int?, _ i: Int, _ end: Int) -> Found {
        func half(_ y: Int) -> Period {
            h == 1 ? Period(start: CalendarDate(year: y, month: 1, day: 1)!, end: CalendarDate(year: y, month: 6, day: 30)!)
                : Period(start: CalendarDate(year: y, month: 7, day: 1)!, end: CalendarDate(year: y, month: 12, day: 31)!)
        }
        if let y { return Found(end: end, kind: .half, period: half(y), rule: "period.half") }
        return Found(end: end, kind: .half, period: inferredYear(c, firstMonth: h == 1 ? 1 : 7).map(half), inferred: true, rule: "period.half")
    }

    /// Dates (`September 30, 2025`, `Sept. 30`, `30 September 2025`, `2025-09-30`, `9/30/2025`)
    /// and months (`September 2025`, `in September`, `late September`).
    static func date(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Found? {
        let t = a.tokens
        // "on Oct. 10": the preposition belongs to the date
        if isWord(a, i, "on"), i + 1 < t.count, let inner = date(a, c, i + 1), inner.kind == .date { return inner }
        var k = i
        var part: String? = nil
        if let p = partWord(a, c, k) { part = p.0; k = p.1 }
        // Month Day(, Year)
        if let (m, afterMonth) = month(a, c, k) {
            if part == nil, day(a, afterMonth) == nil, dayShape(a, afterMonth) {
                var end = afterMonth + 1
                if isSymbol(a, end, ","), year(a, end + 1) != nil { end += 2 } else if year(a, end) != nil { end += 1 }
                return Found(end: end, kind: .invalid, period: nil, rule: "period.invalid")
            }
            if part == nil, let (d, afterDay) = day(a, afterMonth) {
                var end = afterDay
                // a range of days: "Oct. 28–29"
                if isSymbol(a, end, "-") || isSymbol(a, end, "\u{2013}"), !a.tokens[end].spaceBefore, let (d2, after2) = day(a, end + 1), d2 > d {
                    var e2 = after2
                    var y: Int? = nil
                    if isSymbol(a, e2, ","), let yy = year(a, e2 + 1) { y = yy; e2 += 2 } else if let yy = year(a, e2) { y = yy; e2 += 1 }
                    guard let first = (y != nil ? CalendarDate(year: y!, month: m, day: d).map { Found(end: e2, kind: .date, period: Period(start: $0, end: $0), rule: "period.date") }
                                        : dayWithoutYear(c, m, d, e2)), let p = first.period,
                          let last = CalendarDate(year: p.start.year, month: m, day: d2) else {
                        return Found(end: e2, kind: .invalid, period: nil, rule: "period.invalid")
                    }
                    return Found(end: e2, kind: .date, period: Period(start: p.start, end: last), inferred: y == nil, rule: "period.day-range")
                }
                var y: Int? = nil
                if isSymbol(a, end, ","), let yy = year(a, end + 1) { y = yy; end += 2 } else if let yy = year(a, end) { y = yy; end += 1 }
                if let y {
                    guard let date = CalendarDate(year: y, month: m, day: d) else {
                        return Found(end: end, kind: .invalid, period: nil, rule: "period.invalid")
                    }
                    return Found(end: end, kind: .date, period: Period(start: date, end: date), rule: "period.date")
                }
                return dayWithoutYear(c, m, d, end) ?? Found(end: end, kind: .invalid, period: nil, rule: "period.invalid")
            }
            var end = afterMonth
            var y: Int? = nil
            if isSymbol(a, end, ","), let yy = year(a, end + 1) { y = yy; end += 2 } else if let yy = year(a, end) { y = yy; end += 1 }
            let inferred = y == nil
            guard let year = y ?? inferredYear(c, firstMonth: m) else {
                return Found(end: end, kind: .month, period: nil, inferred: true, rule: "period.month")
            }
            let p = part.map { partOfMonth($0, m, year) } ?? monthPeriod(m, year)
            return Found(end: end, kind: .month, period: p, inferred: inferred, rule: part == nil ? "period.month" : "period.part-of-month")
        }
        guard part == nil else { return nil }
        // Day Month (Year)
        if let (d, afterDay) = day(a, i), let (m, afterMonth) = month(a, c, afterDay, afterDay: true) {
            var end = afterMonth
            if isSymbol(a, end, ","), year(a, end + 1) != nil { end += 1 }
            if let y = year(a, end) {
                guard let date = CalendarDate(year: y, month: m, day: d) else {
                    return Found(end: end + 1, kind: .invalid, period: nil, rule: "period.invalid")
                }
                return Found(end: end + 1, kind: .date, period: Period(start: date, end: date), rule: "period.date")
            }
            return dayWithoutYear(c, m, d, end) ?? Found(end: end, kind: .invalid, period: nil, rule: "period.invalid")
        }
        // 2025-09-30
        if let y = year(a, i), isSymbol(a, i + 1, "-"), let m = integer(a, i + 2), isSymbol(a, i + 3, "-"), let d = integer(a, i + 4),
           t[i + 2].integerDigits == 2, t[i + 4].integerDigits == 2, !t[i + 1].spaceBefore, !t[i + 2].spaceBefore {
            guard let date = CalendarDate(year: y, month: m, day: d) else {
                return Found(end: i + 5, kind: .invalid, period: nil, rule: "period.invalid")
            }
            return Found(end: i + 5, kind: .date, period: Period(start: date, end: date), rule: "period.iso-date")
        }
        // 9/30/2025, 9/30/25
        if let m = integer(a, i), t[i].integerDigits <= 2, isSymbol(a, i + 1, "/"), let d = integer(a, i + 2), t[i + 2].integerDigits <= 2,
           isSymbol(a, i + 3, "/"), let yy = integer(a, i + 4), !t[i + 1].spaceBefore, !t[i + 3].spaceBefore,
           t[i + 4].integerDigits == 4 || t[i + 4].integerDigits == 2 {
            let y = t[i + 4].integerDigits == 2 ? 2000 + yy : yy
            guard let date = CalendarDate(year: y, month: m, day: d) else {
                return Found(end: i + 5, kind: .invalid, period: nil, rule: "period.invalid")
            }
            return Found(end: i + 5, kind: .date, period: Period(start: date, end: date), rule: "period.numeric-date")
        }
        return nil
    }

    /// Days after the document's date that a date written without a year may lie and still be in
    /// the document's year (an upcoming meeting or release); beyond that it is last year's.
    static let upcomingDays = 45

    static func dayWithoutYear(_ c: RecognizerContext, _ m: Int, _ d: Int, _ end: Int) -> Found? {
        guard (1...CalendarDate.daysIn(month: m, year: 2024)).contains(d) else { return nil }
        if let doc = c.documentDate {
            var y = doc.year
            if let candidate = CalendarDate(year: y, month: m, day: d), candidate.daysSinceEpoch > doc.daysSinceEpoch + upcomingDays { y -= 1 }
            if let date = CalendarDate(year: y, month: m, day: d) {
                return Found(end: end, kind: .date, period: Period(start: date, end: date), inferred: true, rule: "period.date")
            }
            return nil
        }
        if let y = c.contextYear, let date = CalendarDate(year: y, month: m, day: d) {
            return Found(end: end, kind: .date, period: Period(start: date, end: date), inferred: true, rule: "period.date")
        }
        return Found(end: end, kind: .date, period: nil, inferred: true, rule: "period.date")
    }

    /// "the year", "the quarter", "the month" after "of": the calendar unit holding the
    /// document's date, whole.
    static func relativeUnit(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Found? {
        guard isWord(a, i, "the"), isWord(a, i + 1, "year", "quarter", "month") else { return nil }
        let unit = lower(a, i + 1)
        let p = c.documentDate.map { d -> Period in
            switch unit {
            case "year": return yearPeriod(d.year)
            case "quarter": return quarter(quarterOf(d), d.year)
            default: return monthPeriod(d.month, d.year)
            }
        }
        // only ever inside "the final trading day of the year", whose rule names the mention
        return Found(end: i + 2, kind: unit == "year" ? .year : (unit == "quarter" ? .quarter : .month), period: p, inferred: true, rule: "period.session-of")
    }

    /// Relative expressions tied to the document's date.
    static func relative(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Found? {
        // every relative expression starts with a word
        guard i >= 0, i < a.tokens.count, a.tokens[i].kind == .word else { return nil }
        let doc = c.documentDate
        func found(_ end: Int, _ kind: PeriodMention.Kind, _ rule: String, _ make: (CalendarDate) -> Period?) -> Found {
            Found(end: end, kind: kind, period: doc.flatMap(make), inferred: true, rule: rule)
        }
        func startOfYear(_ d: CalendarDate) -> CalendarDate { CalendarDate(year: d.year, month: 1, day: 1)! }
        let w0 = lower(a, i), w1 = lower(a, i + 1), w2 = lower(a, i + 2), w3 = lower(a, i + 3)

        // year to date
        if w0 == "ytd" { return found(i + 1, .yearToDate, "period.ytd") { Period(start: startOfYear($0), end: $0) } }
        if w0 == "year", w1 == "to", w2 == "date" || (w2 == "-" && w3 == "to") {
            // hyphenated "year-to-date" tokenizes as year - to - date
            return found(i + 3, .yearToDate, "period.ytd") { Period(start: startOfYear($0), end: $0) }
        }
        if w0 == "year", w1 == "-", w2 == "to", w3 == "-", lower(a, i + 4) == "date" {
            return found(i + 5, .yearToDate, "period.ytd") { Period(start: startOfYear($0), end: $0) }
        }
        if w0 == "so", w1 == "far", w2 == "this", w3 == "year" {
            return found(i + 4, .yearToDate, "period.ytd") { Period(start: startOfYear($0), end: $0) }
        }
        if w0 == "so", w1 == "far", w2 == "in", let y = year(a, i + 3) {
            return Found(end: i + 4, kind: .yearToDate, period: doc.map { $0.year == y ? Period(start: startOfYear($0), end: $0) : yearPeriod(y) } ?? yearPeriod(y),
                         rule: "period.ytd")
        }
        // "for the quarter", "in the quarter", "finished the quarter": the quarter (month, week) the
        // text reports on — the one just ended when the document is dated in the first days of
        // the next, else the current one to date
        let preposed = ["for", "on", "in", "during", "over", "of"].contains(w0) && w1 == "the"
        let bare = w0 == "the" && (i == 0 || (a.tokens[i - 1].kind == .word && !["of", "as"].contains(lower(a, i - 1))))
        // "for the trading week": "trading" before "week" changes nothing (a trading day or session
        // is read by the session rules)
        let trading = (preposed ? w2 == "trading" && isWord(a, i + 3, "week") : (bare && w1 == "trading" && isWord(a, i + 2, "week")))
        let unitWord = preposed ? (trading ? lower(a, i + 3) : w2) : (bare ? (trading ? lower(a, i + 2) : w1) : "")
        let unitEnd = (preposed ? i + 3 : i + 2) + (trading ? 1 : 0)
        let anchored = isWord(a, unitEnd, "ended", "ending", "through", "to") && (match(a, c, unitEnd + 1).map { $0.kind == .date } ?? false || weekdayDate(a, c, unitEnd + 1) != nil)
        if ["year", "month", "quarter", "week", "day", "session"].contains(unitWord), !anchored {
            switch unitWord {
            case "year": return found(unitEnd, .yearToDate, "period.for-the-year") { Period(start: startOfYear($0), end: $0) }
            case "month": return found(unitEnd, .monthToDate, "period.for-the-month") { d in
                if d.day <= 5 {
                    let m = d.month == 1 ? 12 : d.month - 1
                    return monthPeriod(m, d.month == 1 ? d.year - 1 : d.year)
                }
                return Period(start: CalendarDate(year: d.year, month: d.month, day: 1)!, end: d)
            }
            case "quarter": return found(unitEnd, .quarterToDate, "period.for-the-quarter") { d in
                let q = quarterOf(d)
                let start = CalendarDate(year: d.year, month: 3 * (q - 1) + 1, day: 1)!
                if d.daysSinceEpoch - start.daysSinceEpoch < 10 { return q == 1 ? quarter(4, d.year - 1) : quarter(q - 1, d.year) }
                return Period(start: start, end: d)
            }
            // the week so far: Monday to the document's date, never past it
            case "week": return found(unitEnd, .week, "period.for-the-week") { d in d.weekday == 1 ? week(d.adding(days: -7)) : weekToDate(d) }
            default:
                guard preposed else { return nil }
                return found(unitEnd, .day, "period.for-the-day") { Period(start: $0, end: $0) }
            }
        }
        if w0 == "this" || (w0 == "the" && w1 == "current") {
            let unitWord = w0 == "this" ? w1 : w2
            let end = w0 == "this" ? i + 2 : i + 3
            switch unitWord {
            case "year": return found(end, .currentYear, "period.this-year") { Period(start: startOfYear($0), end: $0) }
            case "month": return found(end, .monthToDate, "period.this-month") { Period(start: CalendarDate(year: $0.year, month: $0.month, day: 1)!, end: $0) }
            case "quarter": return found(end, .quarterToDate, "period.this-quarter") {
                Period(start: CalendarDate(year: $0.year, month: 3 * (quarterOf($0) - 1) + 1, day: 1)!, end: $0) }
            case "week": return found(end, .week, "period.this-week") { weekToDate($0) }
            default: break
            }
        }

        if w0 == "today" { return found(i + 1, .day, "period.today") { Period(start: $0, end: $0) } }
        if w0 == "yesterday" { return found(i + 1, .day, "period.yesterday") { Period(start: $0.adding(days: -1), end: $0.adding(days: -1)) } }
        // last/past/previous + unit; the past 12 months
        var k = i
        if lower(a, k) == "the" || lower(a, k) == "over" || lower(a, k) == "in" {
            k += 1
            if lower(a, k) == "the" { k += 1 }
        }
        let head = lower(a, k)
        if ["last", "past", "previous", "prior", "trailing"].contains(head) {
            let unit = lower(a, k + 1)
            if let n = integer(a, k + 1), ["months", "month"].contains(lower(a, k + 2)) || (lower(a, k + 2) == "-" && lower(a, k + 3) == "month") {
                let end = lower(a, k + 2) == "-" ? k + 4 : k + 3
                // starting on the same calendar date n months before (the gold conventions)
                return found(end, .trailing, "period.trailing-months") { d in Period(start: d.addingMonths(-n), end: d) }
            }
            if lower(a, k + 1) == "twelve", lower(a, k + 2) == "months" {
                return found(k + 3, .trailing, "period.trailing-months") { d in Period(start: d.addingMonths(-12), end: d) }
            }
            switch unit {
            case "week": return found(k + 2, .week, "period.last-week") { week($0.adding(days: -7)) }
            case "month": return found(k + 2, .month, "period.last-month") { d in
                let m = d.month == 1 ? 12 : d.month - 1
                return monthPeriod(m, d.month == 1 ? d.year - 1 : d.year)
            }
            case "quarter": return found(k + 2, .quarter, "period.last-quarter") { d in
                let q = quarterOf(d)
                return q == 1 ? quarter(4, d.year - 1) : quarter(q - 1, d.year)
            }
            case "year":
                if head == "past" || head == "trailing" {
                    return found(k + 2, .trailing, "period.past-year") { d in Period(start: d.addingMonths(-12), end: d) }
                }
                return found(k + 2, .year, "period.last-year") { yearPeriod($0.year - 1) }
            // the session before the document's date (Friday, for a Monday)
            case "session", "day": return found(k + 2, .day, "period.last-session") { d in
                let day = TradingCalendar.session(onOrBefore: d.adding(days: -1))
                return Period(start: day, end: day)
            }
            default: break
            }
        }
        return nil
    }
}

extension Period {
    /// The trading week (Monday to Friday) that holds a day.
    public static func week(containing d: CalendarDate) -> Period { PeriodRecognizer.week(d) }
}
