import ClaimModel

/// Finds numbers and decides what each one is: a quantity (with unit, currency, scale, bound and
/// range), a bare number, or one of the things that look numeric but are not quantities (years,
/// dates, windows like "200-day", ranks like "top 50", ordinals, list markers, times, names like
/// "Boeing 787", codes like "5G").
///
/// Rule names recorded on each mention: `number`, `number.words` (a number word before a unit),
/// `sign`, `currency.before`, `currency.after`, `scale.glued`, `scale.word`, `unit.<name>`,
/// `range.dash`, `range.to`, `range.between`, `bound.<kind>`, and `role.<role>` for non-quantities.
enum QuantityRecognizer {
    /// Money amounts above this are rejected as absurd (a quadrillion of any currency).
    static let maximumMoney = 1e15

    static func recognize(_ a: inout SentenceAnalysis, _ c: RecognizerContext) {
        let t = a.tokens
        var roleOf = [NumberRole?](repeating: nil, count: t.count)
        for e in a.entities { for k in e.start..<e.end where t[k].kind == .number || t[k].kind == .word { roleOf[k] = .name } }
        for p in a.periods { for k in p.start..<p.end where t[k].kind == .number { roleOf[k] = p.kind == .year || p.kind == .decade ? .year : .period } }
        for r in a.invalidPeriods { for k in r where t[k].kind == .number { roleOf[k] = .period } }
        var out: [QuantityMention] = []
        var i = 0
        while i < t.count {
            if t[i].kind == .number, let role = roleOf[i] {
                out.append(QuantityMention(start: i, end: i + 1, spanStart: i, spanEnd: i + 1, value: t[i].number ?? 0,
                                           valueHigh: nil, unit: nil, bound: .exact, signed: false, role: role, rules: ["role.\(role.rawValue)"]))
                i += 1
                continue
            }
            if let m = quantity(a, c, i, roleOf) {
                out.append(m)
                for k in m.spanStart..<m.spanEnd where k < roleOf.count && t[k].kind == .number { roleOf[k] = m.role }
                i = max(i + 1, m.spanEnd)
                continue
            }
            i += 1
        }
        elidedCounts(a, c, &out)
        a.quantities = out
    }

    /// Words that set a second figure against a count: "61,000 loans in April, down from 64,000".
    static let countLinks = WordSet(["from", "to", "than", "versus", "vs", "and", "or"])

    /// A bare whole number that counts a noun the sentence names elsewhere:
    /// - set against a count a few words before it: "approved 61,000 loans in April, down from
    ///   64,000 in March", "infected 111,000 people and killed nearly 4,000", "153,000 deaths (677,000)";
    /// - after "the number of" and its plural noun: "the number of new daily cases … reached 77,000";
    /// - after a count noun and a noun of change: "December's jobs gain of 256,000".
    static func elidedCounts(_ a: SentenceAnalysis, _ c: RecognizerContext, _ out: inout [QuantityMention]) {
        let t = a.tokens
        for n in out.indices where out[n].role == .bare && out[n].unit == nil && out[n].bound != .range {
            let m = out[n]
            guard m.spanStart >= 1, t[m.start].kind == .number, t[m.start].decimals == 0 || m.rules.contains("scale.word"),
                  m.end == m.spanEnd, let value = t[m.start].number, value >= 1 else { continue }
            // a score or a record ("improved to 8-8-4"), a compound ("16-inch"), a ratio: not a count
            if m.end < t.count, isSymbol(a, m.end, "-", "/", "\u{2013}"), glued(a, m.end) { continue }
            var counted = false
            // set against a count before it, by a link word, a past-tense verb after one, or in parentheses
            if let previous = out[..<n].last(where: { $0.role == .quantity }), previous.unit == .count, previous.noun != nil,
               m.spanStart - previous.spanEnd <= 8, abs(previous.value) <= 1000 * m.value, m.value <= 1000 * abs(previous.value) {
                let before = m.spanStart - 1
                counted = countLinks.contains(t[before])
                    || (before >= 1 && countLinks.contains(t[before - 1]) && t[before].kind == .word && lower(a, before).hasSuffix("ed"))
                    || (isSymbol(a, before, "(") && m.spanStart - previous.spanEnd <= 1 && (t[m.start].grouped || value >= 1000))
            }
            // "the number of <plural> … reached 77,000": the first plural after "number of", in the
            // sixteen tokens before the figure and with no clause break between
            if !counted {
                var k = m.spanStart - 1
                while k >= 1, k >= m.spanStart - 16, !isSymbol(a, k, ";", ":", "(", ")") {
                    if lower(a, k) == "of", a.isWord(k - 1, "number"), (k + 1..<min(k + 6, m.spanStart)).contains(where: { countNoun(a, $0) || plural(a, c, $0) }) {
                        counted = true
                        break
                    }
                    k -= 1
                }
            }
            // "jobs gain of 256,000": a listed count noun, a noun, "of", the figure
            if !counted, m.spanStart >= 4, a.isWord(m.spanStart - 1, "of"), t[m.spanStart - 2].kind == .word,
               countNoun(a, m.spanStart - 3) {
                counted = true
            }
            guard counted else { continue }
            out[n].unit = .count
            out[n].role = .quantity
            out[n].rules.append("unit.count-elided")
        }
    }

    // MARK: helpers

    static func lower(_ a: SentenceAnalysis, _ i: Int) -> String { a.lower(i) }

    static func isSymbol(_ a: SentenceAnalysis, _ i: Int, _ s: Unicode.Scalar...) -> Bool {
        i >= 0 && i < a.tokens.count && a.tokens[i].kind == .symbol && s.contains(a.tokens[i].scalar)
    }

    static func glued(_ a: SentenceAnalysis, _ i: Int) -> Bool { i < a.tokens.count && !a.tokens[i].spaceBefore }

    /// The unit word (unit, scale or currency) starting at `i`, with its end.
    static func unitWord(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> (UnitWord, Int)? {
        guard i < a.tokens.count, let m = c.lexicon.units.longest(in: a.tokens, at: i) else { return nil }
        // prefer a unit or scale reading over a number-word reading ("a" is not a unit here)
        for v in m.values { if case .number = v { continue }; return (v, m.end) }
        return nil
    }

    static func currencyCode(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> (String, Int)? {
        guard let (w, end) = unitWord(a, c, i), case .currency(let code) = w else { return nil }
        return (code, end)
    }

    // MARK: the quantity at token i

    static func quantity(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int, _ roleOf: [NumberRole?]) -> QuantityMention? {
        let t = a.tokens
        var rules: [String] = []
        var numberIndex = i
        var value: Double
        var fromWords = false
        if t[i].kind == .number {
            guard let v = t[i].number else {
                return QuantityMention(start: i, end: i + 1, spanStart: i, spanEnd: i + 1, value: 0, valueHigh: nil, unit: nil,
                                       bound: .exact, signed: false, role: .absurd, rules: ["role.absurd"])
            }
            value = v
            rules.append("number")
            // "5 3/4%", "89 28/32", "fell 29/32": eighths to sixty-fourths, as bond prices and
            // old-style rates are written
            if let (f, last) = digitFraction(a, i) {
                value = f
                numberIndex = last
                rules.append("number.fraction-digits")
            }
        } else if let f = fraction(a, c, i) {
            return f
        } else if let (v, end) = numberWord(a, c, i) {
            // "three percentage points", "half a percentage point", "a quarter-point"; money
            // counted in words: "a billion dollars", "half a trillion yen"
            guard let (w, e) = unitWord(a, c, end) ?? pointWord(a, end) else { return nil }
            // "at one point" is a moment, not a quantity
            if a.isWord(i, "one"), i >= 1, a.isWord(i - 1, "at"), lower(a, end) == "point" { return nil }
            if case .scale = w {
                guard a.text(end).count > 1, let (after, _) = unitWord(a, c, e), case .currency = after else { return nil }
            } else if case .unit = w {
            } else {
                return nil
            }
            value = v
            numberIndex = end - 1
            fromWords = true
            rules.append("number.words")
        } else {
            return nil
        }
        var start = i
        var end = numberIndex + 1
        var currency: String? = nil
        var unit: QuantityUnit? = nil
        var signed = false
        var negative = false

        // currency before: "$", "US$", "€", "C$", "Rs", "USD " (a code with a space)
        if !fromWords {
            var k = i - 1
            if k >= 0, glued(a, i), t[k].kind == .symbol, t[k].scalar == "$" || currencyCode(a, c, k) != nil {
                var code = "USD"
                if let (cd, _) = currencyCode(a, c, k) { code = cd }
                // "US$", "C$", "A$", "HK$", "NZ$", "S$", "R$"
                if k >= 1, glued(a, k), t[k - 1].kind == .word, let (cd, e) = currencyCode(a, c, k - 1), e == k + 1 {
                    code = cd
                    k -= 1
                }
                currency = code
                start = k
                rules.append("currency.before")
            } else if k >= 0, t[k].kind == .word, !glued(a, i) || t[k].allUpper || cappedCodes.contains(t[k]), let (cd, e) = currencyCode(a, c, k), e == i,
                      t[k].allUpper || (t[k].capitalized && cappedCodes.contains(t[k])) {
                currency = cd
                start = k
                rules.append("currency.before")
            } else if k >= 1, isSymbol(a, k, "."), lower(a, k - 1) == "rs", let (cd, _) = currencyCode(a, c, k - 1) {
                currency = cd
                start = k - 1
                rules.append("currency.before")
            } else if k >= 0, t[k].kind == .word, !glued(a, i), let (cd, scale) = scaledCode(a, k) {
                // "MEUR 10.5", "EURm 12.3": a code that carries its scale
                currency = cd
                value = Token.scaled(value, by: scale)
                start = k
                rules.append("currency.before")
                rules.append("scale.glued")
            }
            // a sign before the number or its currency mark: "-2.71%", "−$10.8bn", "+7.8%"
            let s = start - 1
            if s >= 0, glued(a, start), isSymbol(a, s, "-", "\u{2212}", "+", "\u{2013}"),
               s == 0 || t[s].spaceBefore || isSymbol(a, s - 1, "(", "|", ":", "[", "/") {
                signed = true
                negative = t[s].scalar != "+"
                start = s
                rules.append("sign")
            } else if s >= 0, !glued(a, start), isSymbol(a, s, "+", "-", "\u{2212}"), t[s].spaceBefore || s == 0 || isSymbol(a, s - 1, "("),
                      s == 0 || isSymbol(a, s - 1, "(", ",", ";", ":", "|") {
                // a sign set apart from its number in a list: "energy (+ 54.6%)", "materials, + 27.3%"
                signed = true
                negative = t[s].scalar != "+"
                rules.append("sign.spaced")
            }
        }

        // glued suffix: "33.1x", "10.8bn", "25bp", "3rd", "3Q", "5G"
        if !fromWords, end < t.count, glued(a, end), t[end].kind == .word {
            let suffix = a.text(end)
            let low = suffix.lowercased()
            if ["st", "nd", "rd", "th"].contains(low) { return role(.ordinal, i, end + 1, value) }
            if let (w, e) = unitWord(a, c, end), e == end + 1 {
                switch w {
                case .unit(let u):
                    // "x" after a number is a multiple; other glued units (bp, pp, pts) too
                    unit = u
                    end += 1
                    rules.append("unit.\(u.rawValue)")
                case .scale(let s):
                    // single letters (k, m, b, t) scale only money or stand alone as clear abbreviations;
                    // "40m euros", "7m barrels": a currency or a count after them makes them scales too
                    if suffix.count > 1 || currency != nil || ["bn", "mn", "tn"].contains(low) || suffix == "B" || suffix == "M" || suffix == "T" || suffix == "K" || low == "k"
                        || currencyName(a, c, end + 1) != nil || countNoun(a, end + 1) || (end + 1 < t.count && plural(a, c, end + 1)) {
                        value = Token.scaled(value, by: s)
                        end += 1
                        rules.append("scale.glued")
                    } else {
                        return role(.code, i, end + 1, value)
                    }
                case .currency(let code):
                    currency = code
                    end += 1
                    rules.append("currency.after")
                case .minor(let code):
                    // "42p": pence; only the one-letter form needs a price around it ("rose 42p to 510p")
                    // "1080p" is a screen's resolution, not pence
                    guard currency == nil, !(low == "p" && t[numberIndex].decimals == 0 && resolutions.contains(value)) else {
                        return role(.code, i, end + 1, value)
                    }
                    value = value / 100
                    currency = code
                    end += 1
                    rules.append("currency.minor")
                case .measure:
                    return role(.measure, i, end + 1, value)
                case .number:
                    break
                }
            } else {
                // letters glued to a number are a code ("5G", "3D", "10-K" is handled as a name)
                return role(.code, i, end + 1, value)
            }
        }
        // scale word: "3.5 million", "$10.8 billion"
        if unit == nil, let (w, e) = unitWord(a, c, end), case .scale(let s) = w, t[end].kind == .word {
            let low = lower(a, end)
            // a lone "m"/"b"/"t"/"k" with a space is not a scale unless it is a capital after money
            // ("$3 B"), or an "m" after a coded amount ("EUR 167.8 m")
            if low.count > 1 || (currency != nil && (t[end].allUpper || (low == "m" && rules.contains("currency.before")))) {
                value = Token.scaled(value, by: s)
                end = e
                rules.append("scale.word")
            }
        }
        // a scale joined by a hyphen: "a $1.2-billion deal", "a 3-million-barrel cut"
        if unit == nil, !rules.contains("scale.word"), !rules.contains("scale.glued"), isSymbol(a, end, "-"), glued(a, end), end + 1 < t.count,
           glued(a, end + 1), t[end + 1].kind == .word, a.text(end + 1).count > 2, let (w, e) = unitWord(a, c, end + 1), case .scale(let s) = w {
            value = Token.scaled(value, by: s)
            end = e
            rules.append("scale.word")
        }
        // unit after: %, percent, percentage points, basis points, points, times, a currency
        if unit == nil, end < t.count {
            if isSymbol(a, end, "%") {
                unit = .percent
                end += 1
                rules.append("unit.percent")
            } else if let (w, e) = unitWord(a, c, end) ?? pointWord(a, end) {
                switch w {
                case .unit(let u):
                    if u == .multiple && lower(a, end) == "times" {
                        // "18 times earnings" and "18.6 times" are multiples; "three times as many" is not
                        if valuationNoun(a, e) || t[numberIndex].decimals > 0 { unit = .multiple; end = e; rules.append("unit.multiple") }
                    } else if u == .points, fromWords, ["point", "pt"].contains(lower(a, e - 1)) {
                        // "a quarter-point cut", "half a point": percentage points when a rate is
                        // about, index points otherwise ("a three-point drop" in the Dow); only
                        // "basis points" are basis points
                        // with nothing around it, a fraction of a point ("a quarter-point") is a
                        // rate's, a whole point ("one point") an index's
                        let rate = rateAbout(a, c, start) ?? (value < 1)
                        unit = rate ? .pp : .points
                        end = e
                        rules.append(rate ? "unit.rate-point" : "unit.points")
                    } else if u == .percent, lower(a, end) == "pc", t[end].allUpper {
                        break  // "5 PC makers"
                    } else if u == .multiple {
                        break  // a spaced "x" is not a multiple
                    } else {
                        unit = u
                        end = e
                        rules.append("unit.\(u.rawValue)")
                    }
                case .currency(let code):
                    if currency == nil || currency == code {
                        // "$200 billion USD", "1.5 trillion yen"; a code needs capitals ("USD", not "usd");
                        // a name that is also a common word ("won", "rand") needs a scale or a large amount
                        let word = a.text(end)
                        let isoLike = word.count == 3 && word.lowercased() == code.lowercased()
                        let plain = !ambiguousCurrencyNames.contains(t[end]) || rules.contains("scale.word") || rules.contains("scale.glued")
                            || (t[numberIndex].grouped && !a.isWord(end, "pounds"))
                        if (!isoLike || t[end].allUpper), plain {
                            currency = code
                            end = e
                            rules.append("currency.after")
                        }
                    }
                case .minor(let code) where currency == nil && lower(a, end) != "p":
                    // "85 cents" (the sentence's own dollar when it names another: "A$1.20, up 5 cents"),
                    // "42 pence", "euro cents"
                    value = value / 100
                    currency = code == "USD" ? (dollarOfSentence(a, c) ?? code) : code
                    end = e
                    rules.append("currency.minor")
                default:
                    break
                }
            } else if isSymbol(a, end, "-"), glued(a, end), let (w, e) = unitWord(a, c, end + 1) ?? pointWord(a, end + 1), glued(a, end + 1),
                      case .unit(let u) = w, u == .bp || u == .points || u == .pp {
                // "50-basis-point", "800-point"
                unit = u
                end = e
                rules.append("unit.\(u.rawValue)")
            }
        }
        if unit == nil, let code = currency {
            unit = .currency(code)
        } else if unit == nil, fromWords {
            return nil
        }

        // look-back windows, ranks, list markers, times, names: only for numbers without a unit
        if unit == nil {
            if let r = nonQuantityRole(a, c, i, end, value) {
                var stop = end
                // "aged 25 to 40", "ages 18-24": the other end is the same kind of number
                if r == .measure, stop + 1 < t.count, isSymbol(a, stop, "-", "\u{2013}") || ["to", "and"].contains(lower(a, stop)),
                   t[stop + 1].kind == .number {
                    stop += 2
                }
                return role(r, start, stop, value)
            }
        }

        var m = QuantityMention(start: start, end: end, spanStart: start, spanEnd: end, value: negative ? -value : value,
                                valueHigh: nil, unit: unit, bound: .exact, signed: signed, role: unit == nil ? .bare : .quantity, rules: rules)
        // "a quarter-point": the article belongs to the mention, not to the quote
        if fromWords, end - start > 1, unit?.isCurrency != true, a.isWord(start, "a") || a.isWord(start, "an") { m.start = start + 1 }
        // "$1.5 billion-plus", "10,000+ jobs": at least that much
        var plus = false
        if isSymbol(a, m.end, "-"), glued(a, m.end), a.isWord(m.end + 1, "plus"), glued(a, m.end + 1) {
            plus = true
            m.end += 2
            m.spanEnd = m.end
        } else if isSymbol(a, m.end, "+"), glued(a, m.end), !(m.end + 1 < t.count && t[m.end + 1].kind == .number) {
            plus = true
            m.end += 1
            m.spanEnd = m.end
        }
        // counts: "412 stocks", "20 million jobs", "1,200 new jobs"; the noun is part of the
        // mention, not of the quote
        if unit == nil, let nounEnd = countNounEnd(a, c, m.end, t[numberIndex].decimals == 0 || m.rules.contains("scale.word") || m.rules.contains("scale.glued")) {
            m.unit = .count
            m.role = .quantity
            m.spanEnd = nounEnd
            m.noun = m.end..<nounEnd
            m.rules.append("unit.count")
        } else if unit == nil, let streakEnd = streak(a, end) {
            // a streak: "10 days in a row", "11 consecutive weeks", "five straight sessions"
            m.unit = .count
            m.role = .quantity
            m.spanEnd = streakEnd
            m.noun = end..<streakEnd
            m.rules.append("unit.count-streak")
        }
        // a multiple's noun: "18 times forward earnings"
        if unit == .multiple, lower(a, end - 1) == "times" {
            var k = end
            while k < t.count, k < end + 3, valuationNoun(a, k) { k += 1 }
            m.spanEnd = k
        }
        range(a, c, &m, roleOf)
        bound(a, c, &m)
        if plus, m.bound == .exact || m.bound == .approx {
            m.bound = .over
            m.rules.append("bound.over:plus")
        }
        if !m.value.isFinite || (m.unit?.isCurrency == true && abs(m.value) > maximumMoney) || abs(m.value) > 1e18 {
            m.role = .absurd
            m.rules.append("role.absurd")
        }
        return m
    }

    static func role(_ r: NumberRole, _ s: Int, _ e: Int, _ v: Double) -> QuantityMention {
        QuantityMention(start: s, end: e, spanStart: s, spanEnd: e, value: v, valueHigh: nil, unit: nil, bound: .exact,
                        signed: false, role: r, rules: ["role.\(r.rawValue)"])
    }

    /// "about a third of the S&P 500", "half of the index's gain": a share written as a fraction,
    /// read as a percent, when a share verb ("make up", "account for") comes before it.
    static let fractions: [String: Double] = ["a third": 33.3, "one third": 33.3, "two thirds": 66.7, "half": 50, "a half": 50,
                                              "one half": 50, "a quarter": 25, "one quarter": 25, "a fifth": 20, "one fifth": 20,
                                              "three quarters": 75]
    /// The first words of `fractions`: every other word is turned away before any string is built.
    static let fractionStarts = WordSet(fractions.keys.map { String($0.split(separator: " ")[0]) })

    static func fraction(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> QuantityMention? {
        guard a.tokens[i].kind == .word, fractionStarts.contains(a.tokens[i]),
              a.isWord(i + 1, "of") || a.isWord(i + 2, "of") || a.isWord(i + 3, "of") else { return nil }
        for length in [3, 2, 1] where i + length <= a.tokens.count {
            let words = (i..<(i + length)).map { lower(a, $0) }.filter { $0 != "-" }.joined(separator: " ")
            guard let v = fractions[words], lower(a, i + length) == "of" else { continue }
            // a share verb within the four words before
            let share = (max(0, i - 4)..<i).contains { k in c.lexicon.cues.longest(in: a.tokens, at: k)?.values.contains(.shareOf) == true }
            guard share else { return nil }
            var m = QuantityMention(start: i, end: i + length, spanStart: i, spanEnd: i + length, value: v, valueHigh: nil, unit: .percent,
                                    bound: .exact, signed: false, role: .quantity, rules: ["number.fraction", "unit.percent"])
            bound(a, c, &m)
            return m
        }
        return nil
    }

    /// Denominators of the fractions markets write in digits (bond ticks and old-style rates).
    static let marketDenominators: Set<Double> = [2, 4, 8, 16, 32, 64]

    /// A fraction in digits starting at the number `i`, as its value and its last token: a whole
    /// number and a fraction ("5 3/4", "89 28/32"), or a fraction alone ("29/32") when a unit
    /// follows it or it counts thirty-seconds or sixty-fourths (a date such as "3/4" stays a date).
    static func digitFraction(_ a: SentenceAnalysis, _ i: Int) -> (Double, Int)? {
        let t = a.tokens
        func whole(_ k: Int) -> Double? {
            guard k < t.count, t[k].kind == .number, t[k].decimals == 0, !t[k].grouped else { return nil }
            return t[k].number
        }
        guard let v = whole(i) else { return nil }
        if let n = whole(i + 1), t[i + 1].spaceBefore, isSymbol(a, i + 2, "/"), glued(a, i + 2), let d = whole(i + 3), glued(a, i + 3),
           marketDenominators.contains(d), n > 0, n < d, !(i + 4 < t.count && isSymbol(a, i + 4, "/")) {
            return (v + n / d, i + 3)
        }
        if isSymbol(a, i + 1, "/"), glued(a, i + 1), let d = whole(i + 2), glued(a, i + 2), marketDenominators.contains(d), v > 0, v < d,
           !(i + 3 < t.count && isSymbol(a, i + 3, "/")), d >= 32 || isSymbol(a, i + 3, "%") || pointWord(a, i + 3) != nil {
            return (v / d, i + 2)
        }
        return nil
    }

    /// "point" written alone after a number word or a hyphen ("quarter-point"): its unit reading.
    static func pointWord(_ a: SentenceAnalysis, _ i: Int) -> (UnitWord, Int)? {
        var k = i
        if isSymbol(a, k, "-"), glued(a, k) { k += 1 }
        guard ["point", "points"].contains(lower(a, k)) else { return nil }
        return (.unit(.points), k + 1)
    }

    /// A number written in words before a unit: "three", "half a", "a quarter of a".
    static func numberWord(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> (Double, Int)? {
        guard a.tokens[i].kind == .word, c.lexicon.numberWordStarts.contains(a.tokens[i]), let m = c.lexicon.units.longest(in: a.tokens, at: i) else { return nil }
        for v in m.values { if case .number(let n) = v { return (n, m.end) } }
        return nil
    }

    static let valuationNouns: Set<String> = ["earnings", "forward", "trailing", "sales", "revenue", "revenues", "book",
                                              "ebitda", "cash", "profits", "its", "next", "expected", "estimated", "2026", "2025"]

    /// A valuation noun after "times" ("earnings", "forward earnings", "the earnings analysts
    /// expect", "its sales"), or a valuation word earlier in the sentence ("… 15 times forward
    /// earnings, and Exxon … at 16 times").
    static func valuationNoun(_ a: SentenceAnalysis, _ i: Int) -> Bool {
        if valuationNouns.contains(lower(a, i)) { return true }
        if ["the", "its", "their", "his", "her"].contains(lower(a, i)), valuationNouns.contains(lower(a, i + 1)) { return true }
        if (i >= a.tokens.count || a.tokens[i].kind == .symbol), i >= 2 {
            return (0..<(i - 2)).contains { lower(a, $0) == "times" && valuationNouns.contains(lower(a, $0 + 1)) }
        }
        return false
    }

    static let countNouns: Set<String> = ["stocks", "companies", "members", "sectors", "jobs", "shares", "contracts",
                                          "components", "constituents", "issues", "listings", "ipos", "funds", "etfs",
                                          "banks", "firms", "deals", "layoffs", "employees", "workers", "subscribers",
                                          "customers", "vehicles", "units", "barrels", "ounces", "tons", "tonnes",
                                          "people", "persons", "countries", "deaths", "cases", "infections", "positions",
                                          "stores", "branches", "homes", "households", "patients", "users", "accounts",
                                          "buys", "holds", "sells", "analysts", "investors", "trades", "transactions",
                                          "orders", "aircraft", "planes", "cars", "ships", "factories", "plants", "mines",
                                          "rigs", "wells", "properties", "loans", "claims", "applications", "filings",
                                          "bankruptcies", "defaults", "visitors", "passengers", "tickets", "devices",
                                          "phones", "chips", "gpus", "servers", "entities", "names", "securities", "bpd",
                                          "staff", "votes", "seats"]

    /// Time units a streak counts.
    static let streakUnits: Set<String> = ["days", "sessions", "weeks", "months", "quarters", "years", "day", "session", "week", "month"]

    /// The end of a streak after a number ending at `i`: "days in a row", "consecutive weeks",
    /// "straight sessions", "trading days in a row"; nil when none follows.
    static func streak(_ a: SentenceAnalysis, _ i: Int) -> Int? {
        var k = i
        var marked = false
        if ["consecutive", "straight", "successive"].contains(lower(a, k)) { marked = true; k += 1 }
        if lower(a, k) == "trading" { k += 1 }
        guard streakUnits.contains(lower(a, k)) else { return nil }
        k += 1
        if lower(a, k) == "in", lower(a, k + 1) == "a", lower(a, k + 2) == "row" { return k + 3 }
        return marked ? k : nil
    }

    static func countNoun(_ a: SentenceAnalysis, _ i: Int) -> Bool { countNouns.contains(lower(a, i)) }

    /// Plural-looking words after a number that are not things counted: durations (not claims),
    /// words ending in -s that are not plurals, and nouns of other units.
    static let notCounted = WordSet(["years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "sessions",
                                     "quarters", "times", "points", "basis", "others", "ones", "thus", "plus", "minus", "versus",
                                     "across", "whereas", "towards", "perhaps", "always", "sometimes", "besides", "unless",
                                     "afterwards", "backwards", "forwards", "upwards", "downwards", "nevertheless", "regardless",
                                     "its", "this", "his", "was", "has", "does", "is", "as", "us", "yes", "highs", "lows", "levels",
                                     "gains", "losses", "rises", "falls", "declines", "drops", "jumps", "climbs", "slides",
                                     "advances", "rallies", "sales", "earnings", "revenues", "profits", "assets", "means",
                                     "terms", "series", "odds", "news", "basics", "bps", "pts", "percentage", "apiece", "respectively"])
    /// Words that cannot stand between a number and the noun it counts.
    static let notModifiers = WordSet(["the", "a", "an", "of", "in", "to", "for", "and", "or", "at", "by", "on", "with", "from", "as",
                                       "than", "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had",
                                       "will", "would", "could", "should", "may", "might", "can", "do", "does", "did", "not", "no",
                                       "per", "each", "every", "this", "these", "those", "its", "their", "his", "her", "our", "during",
                                       "after", "before", "since", "over", "under", "about", "into", "out", "up", "down", "off", "more",
                                       "less", "fewer", "times", "year", "month", "week", "day", "percent", "million", "billion"])

    /// The end of the noun a count counts, from `i` just after its number: a listed noun ("1,200
    /// jobs"), a listed noun after one or two modifiers ("3,500 full-time employees", "450 retail
    /// stores"), or any lower-case plural right after a whole number ("40 acquisitions"). Nil
    /// when none follows.
    static func countNounEnd(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int, _ whole: Bool) -> Int? {
        let t = a.tokens
        guard i < t.count, t[i].kind == .word else { return nil }
        if countNoun(a, i) { return i + 1 }
        guard whole else { return nil }
        // a plural the lists do not name, directly after the number
        if plural(a, c, i) { return i + 1 }
        // one or two modifiers before a listed noun ("full-time" is one)
        var k = i
        for _ in 0..<2 {
            guard k < t.count, t[k].kind == .word, !t[k].capitalized, !notModifiers.contains(t[k]), !isCue(a, c, k) else { return nil }
            k += 1
            while isSymbol(a, k, "-"), glued(a, k), k + 1 < t.count, t[k + 1].kind == .word, glued(a, k + 1) { k += 2 }
            if k < t.count, countNoun(a, k) || plural(a, c, k) { return k + 1 }
        }
        return nil
    }

    /// A lower-case plural noun no list names: "-s" but not "-ss", "-us", "-is", "-ous", and not a
    /// word of the lexicons (a unit, a measure, a cue of change or time).
    static func plural(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Bool {
        let tok = a.tokens[i]
        guard tok.kind == .word, !tok.capitalized, tok.end - tok.start >= 4, !notCounted.contains(tok) else { return false }
        guard a.bytes[tok.end - 1] == UInt8(ascii: "s") else { return false }
        let before = a.bytes[tok.end - 2]
        if before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i") { return false }
        if unitWord(a, c, i) != nil || isCue(a, c, i) { return false }
        if c.lexicon.periods.longest(in: a.tokens, at: i) != nil { return false }
        return true
    }

    /// True when a cue that cannot be a counted noun or its modifier starts at `i`: a verb or noun
    /// of change, a bound, a level, a window, a rank ("gains", "about", "highs"); groups and
    /// anaphors ("industries", "companies") can be counted.
    static func isCue(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> Bool {
        guard let m = c.lexicon.cues.longest(in: a.tokens, at: i) else { return false }
        return m.values.contains { v in
            switch v {
            case .group, .anaphor, .notSubject, .exchange, .metric: return false
            default: return true
            }
        }
    }

    /// Currency abbreviations written with a capital and lower-case letters: "Rs 500", "Rmb10bn",
    /// "SFr2.3bn", "SKr10bn" (a code in capitals, "USD", needs no list).
    static let cappedCodes = WordSet(["rs", "rmb", "sfr", "skr", "nkr", "dkr"])

    /// ISO codes that news writes with a scale glued on: "MEUR", "EURm", "USDbn".
    static let scalableCodes: Set<String> = ["usd", "eur", "gbp", "jpy", "chf", "cny", "sek", "nok", "dkk", "aud", "cad", "hkd",
                                             "sgd", "inr", "nzd", "zar", "brl", "mxn", "pln", "krw", "rub", "try"]

    /// A code with its scale in one word before an amount ("MEUR", "EURm", "EURbn", "mUSD"), as
    /// the code and the multiplier; nil for any other word.
    static func scaledCode(_ a: SentenceAnalysis, _ k: Int) -> (String, Double)? {
        let length = a.tokens[k].end - a.tokens[k].start
        guard length >= 4, length <= 6 else { return nil }
        let word = lower(a, k)
        for (affix, scale) in [("m", 1e6), ("mn", 1e6), ("mln", 1e6), ("bn", 1e9), ("bln", 1e9)] {
            if word.hasPrefix(affix), affix.count <= 2, scalableCodes.contains(String(word.dropFirst(affix.count))) { return (String(word.dropFirst(affix.count)).uppercased(), scale) }
            if word.hasSuffix(affix), scalableCodes.contains(String(word.dropLast(affix.count))) { return (String(word.dropLast(affix.count)).uppercased(), scale) }
        }
        return nil
    }

    /// Currency names that are also common words: read as money only after a scale or a large
    /// amount ("15tn won", "2,000 rand", "2.5 billion pounds"), never after a small bare number;
    /// "pounds" after a plain number is a weight ("243 pounds"), money only with a scale.
    static let ambiguousCurrencyNames = WordSet(["won", "rand", "dong", "pounds"])

    /// Screen resolutions written like pence ("1080p").
    static let resolutions: Set<Double> = [144, 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320]

    /// Time zones after a clock time written as four digits ("1430 GMT").
    static let timeZones = WordSet(["gmt", "utc", "et", "est", "edt", "bst", "cet", "cest", "jst", "hkt", "sgt", "pt", "pst", "pdt", "ct", "cst", "cdt", "ist", "aest", "aedt"])

    /// Capitalised words that open a sentence before a count without naming anything.
    static let sentenceOpeners = WordSet(["another", "all", "the", "these", "those", "only", "just", "nearly", "about", "over", "some",
                                          "around", "roughly", "almost", "more", "fewer", "less", "and", "but", "of", "in", "at", "by",
                                          "with", "for", "to", "from", "since", "after", "before", "each", "every", "its", "their", "our",
                                          "his", "her", "my", "your", "among", "between", "under", "above", "below", "approximately",
                                          "exactly", "up", "down", "last", "next", "first", "then"])

    /// Words before an age: "aged 25", "ages 18 to 24", "the ages of 25 and 40", "aged between 25 and 40".
    static let ageWords = WordSet(["aged", "age", "ages"])

    /// The currency a name or code at `i` stands for ("euros", "USD"), nil for anything else.
    static func currencyName(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int) -> String? {
        guard i < a.tokens.count, a.tokens[i].kind == .word, let (code, _) = currencyCode(a, c, i) else { return nil }
        let word = a.text(i)
        if word.count == 3 && word.lowercased() == code.lowercased() && !a.tokens[i].allUpper { return nil }
        if ambiguousCurrencyNames.contains(a.tokens[i]) { return nil }
        return code
    }

    /// The dollar a sentence prices in when it is not the US dollar ("A$1.20, up 5 cents"): the
    /// code of the first prefixed dollar sign in it.
    static func dollarOfSentence(_ a: SentenceAnalysis, _ c: RecognizerContext) -> String? {
        for k in 1..<max(1, a.tokens.count) where isSymbol(a, k, "$") && glued(a, k) && a.tokens[k - 1].kind == .word {
            if let (code, e) = currencyCode(a, c, k - 1), e == k + 1, code != "USD" { return code }
        }
        return nil
    }

    /// Words that put an interest rate or an economic rate in a sentence.
    static let rateWords = WordSet(["rate", "rates", "yield", "yields", "inflation", "unemployment", "jobless", "fed", "fomc",
                                    "ecb", "boe", "boj", "cut", "cuts", "hike", "hikes", "easing", "tightening", "coupon"])

    /// Whether the "point" of a number word is a percentage point: true when the nearest thing
    /// before the number (else after it) that a point can be a point of is a rate, false when it is
    /// an index, fund or stock, nil when the sentence names neither.
    static func rateAbout(_ a: SentenceAnalysis, _ c: RecognizerContext, _ at: Int) -> Bool? {
        func kindAt(_ k: Int) -> Bool? {
            if let e = a.entities.first(where: { $0.start <= k && k < $0.end }) {
                if e.entity.kind == "rate" || e.entity.kind == "macro" { return true }
                if ["index", "etf", "company", "sector", "commodity", "crypto"].contains(e.entity.kind) { return false }
            }
            if a.tokens[k].kind == .word, rateWords.contains(a.tokens[k]) { return true }
            return nil
        }
        for k in stride(from: at - 1, through: 0, by: -1) { if let r = kindAt(k) { return r } }
        for k in at..<a.tokens.count { if let r = kindAt(k) { return r } }
        return nil
    }

    /// Years, windows, ranks, list markers, times and names among unit-less numbers.
    static func nonQuantityRole(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int, _ end: Int, _ value: Double) -> NumberRole? {
        let t = a.tokens
        let tok = t[i]
        // a measure outside the contract: "40 degrees", "300 miles", "25 years old", and "243
        // pounds" that no scale makes money
        if let (w, _) = unitWord(a, c, end), case .measure = w { return .measure }
        if a.isWord(end, "pounds") { return .measure }
        // an age: "aged 25", "ages 18 to 24", "between the ages of 25 and 40"
        if i >= 1, ageWords.contains(a.tokens[i - 1])
            || (["of", "between", "over", "under"].contains(lower(a, i - 1)) && i >= 2 && ageWords.contains(a.tokens[i - 2])) {
            return .measure
        }
        // "200-day", "10-week", "52-week high", "six-month" (number words handled by period/cues)
        if isSymbol(a, end, "-"), glued(a, end), end + 1 < t.count, glued(a, end + 1),
           c.lexicon.cues.longest(in: t, at: end + 1)?.values.contains(.window) == true {
            return .window
        }
        if let w = c.lexicon.cues.longest(in: t, at: end), w.values.contains(.window),
           ["moving", "ma", "sma", "ema", "high", "low", "highs", "lows", "average", "streak", "window", "period", "run", "rolling"].contains(lower(a, w.end)) {
            return .window
        }
        // ranks: "top 50", "No. 1", "#3", "the 10 largest"
        if i >= 1, c.lexicon.cues.longest(in: t, at: i - 1)?.values.contains(.rank) == true, lower(a, i - 1) != "no" { return .rank }
        if i >= 2, lower(a, i - 2) == "no", isSymbol(a, i - 1, ".") { return .rank }
        if i >= 1, isSymbol(a, i - 1, "#"), glued(a, i) { return .rank }
        if end < t.count, c.lexicon.cues.longest(in: t, at: end)?.values.contains(.rank) == true, lower(a, end) != "top" { return .rank }
        // list markers "1." / "2)" opening the sentence
        if i == 0, isSymbol(a, 1, ".", ")"), tok.decimals == 0, value < 100 { return .listMarker }
        // times: "9:30", "4 p.m."
        if isSymbol(a, end, ":"), glued(a, end), end + 1 < t.count, t[end + 1].kind == .number, glued(a, end + 1) { return .time }
        // "at 1430 GMT", "by 0900 ET": a clock time before its time zone
        if end < t.count, timeZones.contains(t[end]), t[end].allUpper, tok.decimals == 0, !tok.grouped, tok.integerDigits <= 4 { return .time }
        if i >= 1, isSymbol(a, i - 1, ":"), glued(a, i), i >= 2, t[i - 2].kind == .number { return .time }
        if ["a.m", "p.m", "am", "pm", "a", "p"].contains(lower(a, end)), end + 1 < t.count || lower(a, end).count == 2 {
            if lower(a, end).count == 2 || isSymbol(a, end + 1, ".") { return .time }
        }
        // a name: "Boeing 787", "Section 232", "iPhone 17" — a capitalised word just before a small
        // integer with nothing after it that makes it a quantity; at the start of a sentence only a
        // word that is no cue nor quantifier ("Windows 11 users", not "Only 212 stocks")
        if i >= 1, t[i - 1].kind == .word, t[i - 1].capitalized, tok.decimals == 0, !tok.grouped, tok.integerDigits <= 4,
           i - 1 > 0 || (c.lexicon.cues.longest(in: t, at: 0) == nil && !sentenceOpeners.contains(t[0])) {
            return .name
        }
        // "the Group of 20", "Group of Seven": a name with "of"
        if i >= 2, a.isWord(i - 1, "of"), t[i - 2].kind == .word, t[i - 2].capitalized, a.isWord(i - 2, "group") { return .name }
        // glued to a word before it ("EMA9" is one token; "Q3" too) or part of "401(k)", "10-K"
        if i >= 1, !tok.spaceBefore, t[i - 1].kind == .word { return .name }
        // after a hyphen glued to a capitalised word: "COVID-19", "F-35", "Airbus A-320"
        if i >= 2, !tok.spaceBefore, isSymbol(a, i - 1, "-"), !t[i - 1].spaceBefore, t[i - 2].kind == .word, t[i - 2].capitalized { return .name }
        if isSymbol(a, end, "-"), glued(a, end), end + 1 < t.count, t[end + 1].kind == .word, glued(a, end + 1), t[end + 1].allUpper { return .name }
        if isSymbol(a, end, "("), glued(a, end) { return .name }
        return nil
    }

    /// Ranges: "5–7%", "5% to 7%", "between 5% and 7%", "$10bn-$12bn", "$10-12 billion"; not
    /// "from 5% to 7%", and not "rose 2.7% to 6,552.51" (a move to a level).
    static func range(_ a: SentenceAnalysis, _ c: RecognizerContext, _ m: inout QuantityMention, _ roleOf: [NumberRole?]) {
        let t = a.tokens
        var k = m.end
        guard k < t.count else { return }
        let dash = isSymbol(a, k, "-", "\u{2013}", "\u{2014}")
        let to = lower(a, k) == "to"
        let and = lower(a, k) == "and"
        guard dash || to || and else { return }
        // "9.65% -10.26%": a dash apart from the first figure but glued to the second is the
        // second's minus sign (a row of figures), not a range
        if dash, t[k].spaceBefore, k + 1 < t.count, !t[k + 1].spaceBefore { return }
        if and {
            guard m.spanStart >= 1, lower(a, m.spanStart - 1) == "between" else { return }
        }
        if to {
            // "from 5% to 7%" is a move; so is "rose 5% to 7%" (a direction word just before)
            for back in 1...3 where m.spanStart - back >= 0 {
                let cue = c.lexicon.cues.longest(in: t, at: m.spanStart - back)
                if cue?.values.contains(.start) == true { return }
                // ("a gain of 5% to 7%" is a range: the noun of change is not a move to a level)
                if cue?.values.contains(where: { if case .direction = $0 { return true }; return false }) == true,
                   !a.isWord(cue!.end, "of") { return }
            }
        }
        k += 1
        var highCurrency = false
        if isSymbol(a, k, "$", "€", "£"), glued(a, k + 1) { k += 1; highCurrency = true }
        guard k < t.count, t[k].kind == .number, roleOf[k] == nil, let highNumber = t[k].number else { return }
        var high = highNumber
        var end = k + 1
        var highUnit: QuantityUnit? = nil
        var highScaled = false
        if end < t.count, glued(a, end), t[end].kind == .word, let (w, e) = unitWord(a, c, end), e == end + 1 {
            if case .scale(let s) = w { high = Token.scaled(high, by: s); end += 1; highScaled = true } else if case .unit(let u) = w { highUnit = u; end += 1 }
        }
        if !highScaled, end < t.count, t[end].kind == .word, a.text(end).count > 1, let (w, e) = unitWord(a, c, end), case .scale(let s) = w {
            high = Token.scaled(high, by: s)
            end = e
            highScaled = true
        }
        if highUnit == nil {
            if isSymbol(a, end, "%") {
                highUnit = .percent
                end += 1
            } else if let (w, e) = unitWord(a, c, end), case .unit(let u) = w, u != .multiple {
                highUnit = u
                end = e
            } else if let (w, e) = unitWord(a, c, end), case .currency = w, a.text(end).count > 3 || t[end].allUpper {
                end = e
            } else if m.unit == nil || m.unit == .count, let nounEnd = countNounEnd(a, c, end, t[k].decimals == 0 || highScaled) {
                // "150,000-200,000 jobs": both ends count the noun after the high one
                highUnit = .count
                m.noun = end..<nounEnd
                end = nounEnd
            }
        }
        if m.unit == nil {
            // "5-7%": the low end takes the high end's unit
            guard let u = highUnit else { return }
            m.unit = u
            m.role = .quantity
            m.rules.append("unit.\(u.rawValue)")
        } else if m.unit!.isCurrency {
            guard highUnit == nil, highCurrency || highScaled || dash else { return }
        } else {
            guard highUnit == m.unit else { return }
        }
        // "$10-12 billion": the low end takes the high end's scale
        if highScaled, !m.rules.contains("scale.word"), !m.rules.contains("scale.glued") {
            m.value = Token.scaled(m.value, by: high / highNumber)
        }
        guard high >= m.value else { return }
        m.valueHigh = high
        m.bound = .range
        m.end = end
        m.spanEnd = end
        m.rules.append(and ? "range.between" : (to ? "range.to" : "range.dash"))
        if and {
            m.spanStart -= 1
        }
    }

    /// Bound words just before the mention ("about 5%", "more than $10bn", "just under 25%").
    static func bound(_ a: SentenceAnalysis, _ c: RecognizerContext, _ m: inout QuantityMention) {
        let t = a.tokens
        for back in stride(from: 4, through: 1, by: -1) {
            let k = m.spanStart - back
            guard k >= 0, let cue = c.lexicon.cues.longest(in: t, at: k), cue.end == m.spanStart else { continue }
            for v in cue.values {
                if case .bound(let b) = v {
                    if m.bound != .range { m.bound = b }
                    m.spanStart = k
                    m.rules.append("bound.\(b.rawValue):\(a.text(k, cue.end).lowercased())")
                    return
                }
            }
        }
        // "~5%"
        if m.spanStart >= 1, isSymbol(a, m.spanStart - 1, "~"), m.bound != .range {
            m.bound = .approx
            m.spanStart -= 1
            m.rules.append("bound.approx:~")
        }
    }
}

/// Finds cue words, longest first, left to right.
enum CueRecognizer {
    static func recognize(_ a: inout SentenceAnalysis, _ lexicon: Lexicon) {
        var out: [CueMention] = []
        var i = 0
        // words inside a name are not cues ("Growth" in "Russell 1000 Growth Index")
        var named = [Bool](repeating: false, count: a.tokens.count)
        for e in a.entities { for k in e.start..<e.end { named[k] = true } }
        while i < a.tokens.count {
            if named[i] { i += 1; continue }
            if let m = lexicon.cues.longest(in: a.tokens, at: i), !named[m.end - 1] {
                for v in m.values { out.append(CueMention(start: i, end: m.end, cue: v)) }
                i = m.end
                continue
            }
            i += 1
        }
        a.cues = out
    }
}

/// Runs every recognizer over one sentence.
public enum SentenceAnalyzer {
    /// Tokenizes a sentence and finds its entities, periods, cues and quantities, in that order
    /// (numbers inside names and dates are not quantities).
    public static func analyze(_ sentence: String, _ context: RecognizerContext) -> SentenceAnalysis {
        analyze(Array(sentence.utf8), context)
    }

    /// The same, from UTF-8 bytes.
    public static func analyze(_ bytes: [UInt8], _ context: RecognizerContext) -> SentenceAnalysis {
        let tokens = bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0) }
        var a = SentenceAnalysis(bytes: bytes, tokens: tokens)
        EntityRecognizer.recognize(&a, context.lexicon)
        PeriodRecognizer.recognize(&a, context)
        CueRecognizer.recognize(&a, context.lexicon)
        QuantityRecognizer.recognize(&a, context)
        return a
    }
}
