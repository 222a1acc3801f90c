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
        a.quantities = out
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
        } else if let f = fraction(a, c, i) {
            return f
        } else if let (v, end) = numberWord(a, c, i) {
            // "three percentage points", "half a percentage point", "a quarter-point"
            guard let (w, _) = unitWord(a, c, end) ?? pointWord(a, end), case .unit = w else { return nil }
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
            if k >= 0, glued(a, i), t[k].kind == .symbol, t[k].scalar == "$" || t[k].scalar == "€" || t[k].scalar == "£" || t[k].scalar == "¥" || t[k].scalar == "₹" {
                var code = "USD"
                if let (cd, _) = currencyCode(a, c, k) { code = cd }
                // "US$", "C$", "A$", "HK$"
                if k >= 1, glued(a, k), t[k - 1].kind == .word, let (cd, e) = currencyCode(a, c, k - 1), e == k + 1 {
                    code = cd
                    k -= 1
                }
                currency = code
                start = k
                rules.append("currency.before")
            } else if k >= 0, t[k].kind == .word, !glued(a, i) || t[k].allUpper, let (cd, e) = currencyCode(a, c, k), e == i,
                      t[k].allUpper || lower(a, k) == "rs" {
                currency = cd
                start = k
                rules.append("currency.before")
            } else if k >= 1, isSymbol(a, k, "."), lower(a, k - 1) == "rs", let (cd, _) = currencyCode(a, c, k - 1) {
                currency = cd
                start = k - 1
                rules.append("currency.before")
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
                    // single letters (k, m, b, t) scale only money or stand alone as clear abbreviations
                    if suffix.count > 1 || currency != nil || ["bn", "mn", "tn"].contains(low) || suffix == "B" || suffix == "M" || suffix == "T" || suffix == "K" || low == "k" {
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
                case .number:
                    break
                }
            } else {
                // letters glued to a number are a code ("5G", "3D", "10-K" is handled as a name)
                return role(.code, i, end + 1, value)
            }
        }
        // scale word: "3.5 million", "$10.8 billion"
        if unit == nil, let (w, e) = unitWord(a, c, end), case .scale(let s) = w, t[end].kind == .word,
           a.text(end).count > 1 || t[end].allUpper {
            let low = lower(a, end)
            // a lone "m"/"b"/"t"/"k" with a space is not a scale unless it is a capital after money
            if low.count > 1 || (currency != nil && t[end].allUpper) {
                value = Token.scaled(value, by: s)
                end = e
                rules.append("scale.word")
            }
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
                        // "a quarter-point", "a half-point": a rate move in basis points
                        unit = .bp
                        value = Token.scaled(value, by: 100)
                        end = e
                        rules.append("unit.bp")
                    } else if u == .multiple {
                        break  // a spaced "x" is not a multiple
                    } else {
                        unit = u
                        end = e
                        rules.append("unit.\(u.rawValue)")
                    }
                case .currency(let code):
                    if currency == nil || currency == code {
                        // "$200 billion USD", "1.5 trillion yen"; a code needs capitals ("USD", not "usd")
                        let word = a.text(end)
                        let isoLike = word.count == 3 && word.lowercased() == code.lowercased()
                        if !isoLike || t[end].allUpper {
                            currency = code
                            end = e
                            rules.append("currency.after")
                        }
                    }
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
            if let r = nonQuantityRole(a, c, i, end, value) { return role(r, start, end, value) }
        }

        var m = QuantityMention(start: start, end: end, spanStart: start, spanEnd: end, value: negative ? -value : value,
                                valueHigh: nil, unit: unit, bound: .exact, signed: signed, role: unit == nil ? .bare : .quantity, rules: rules)
        // "a quarter-point": the article belongs to the mention, not to the quote
        if fromWords, end - start > 1, a.isWord(start, "a") || a.isWord(start, "an") { m.start = start + 1 }
        // counts: "412 stocks", "20 million jobs"; the noun is part of the mention, not of the quote
        if unit == nil, end < t.count, countNoun(a, end) {
            m.unit = .count
            m.role = .quantity
            m.spanEnd = end + 1
            m.rules.append("unit.count")
        } else if unit == nil, let streakEnd = streak(a, end) {
            // a streak: "10 days in a row", "11 consecutive weeks", "five straight sessions"
            m.unit = .count
            m.role = .quantity
            m.spanEnd = streakEnd
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
                                          "phones", "chips", "gpus", "servers", "entities", "names", "securities"]

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

    /// Years, windows, ranks, list markers, times and names among unit-less numbers.
    static func nonQuantityRole(_ a: SentenceAnalysis, _ c: RecognizerContext, _ i: Int, _ end: Int, _ value: Double) -> NumberRole? {
        let t = a.tokens
        let tok = t[i]
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
        if i >= 1, isSymbol(a, i - 1, ":"), glued(a, i), i >= 2, t[i - 2].kind == .number { return .time }
        if ["a.m", "p.m", "am", "pm", "a", "p"].contains(lower(a, end)), end + 1 < t.count || lower(a, end).count == 2 {
            if lower(a, end).count == 2 || isSymbol(a, end + 1, ".") { return .time }
        }
        // a name: "Boeing 787", "Section 232", "iPhone 17" — a capitalised word just before a small
        // integer with nothing after it that makes it a quantity
        if i >= 1, t[i - 1].kind == .word, t[i - 1].capitalized, tok.decimals == 0, !tok.grouped, tok.integerDigits <= 4, i - 1 > 0 {
            return .name
        }
        // glued to a word before it ("EMA9" is one token; "Q3" too) or part of "401(k)", "10-K"
        if i >= 1, !tok.spaceBefore, t[i - 1].kind == .word { return .name }
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
                if cue?.values.contains(where: { if case .direction = $0 { return true }; return false }) == true { return }
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
