import ClaimModel

/// Finds entities: names and aliases from the lexicons (longest first), and tickers in a ticker
/// context — a cashtag (`$AAPL`), an exchange prefix (`NYSE: DOW`), parentheses after a name
/// (`Apple (AAPL)`), or the scraped `NvidiaNVDA--` form. "NYSE" or "Nasdaq" before a colon is an
/// exchange, not an index; a parenthesised capital word that spells the initials of the words
/// before it ("artificial intelligence (AI)") is an acronym, not a ticker.
enum EntityRecognizer {
    static func recognize(_ a: inout SentenceAnalysis, _ lexicon: Lexicon) {
        let t = a.tokens
        var i = 0
        var out: [EntityMention] = []
        while i < t.count {
            if let m = ticker(a, lexicon, i) {
                // "Apple (AAPL)": the ticker confirms the name before it; one mention
                // (also "FirstEnergy Corp (Symbol: FE)", "J2 Global (NASDAQ: JCOM)" when the name is known)
                if m.rule == "ticker.parenthesized" || m.rule == "ticker.exchange", let last = out.last, last.end <= m.start - 1,
                   t[m.start - 1].scalar == "(", last.entity.id == m.entity.id,
                   (last.end..<(m.start - 1)).allSatisfy({ corporateSuffixes.contains(a.lower($0)) || t[$0].scalar == "." || t[$0].scalar == "," }) {
                    out[out.count - 1].end = m.end + 1 < t.count && t[m.end].scalar == ")" ? m.end + 1 : m.end
                } else {
                    out.append(m)
                }
                i = m.end
                continue
            }
            if let m = name(a, lexicon, i) {
                // leftmost-longest: "the Dow Jones Industrial Average" is one name, not "the Dow"
                // followed by leftovers
                if m.end - i >= 2, let longer = name(a, lexicon, i + 1), longer.end > m.end {
                    out.append(longer)
                    i = longer.end
                    continue
                }
                out.append(m)
                i = m.end
                continue
            }
            i += 1
        }
        a.entities = out
    }

    /// Words that end a company's legal name ("FirstEnergy Corp (Symbol: FE)").
    static let corporateSuffixes: Set<String> = ["corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited", "plc",
                                                 "sa", "ag", "nv", "se", "group", "holdings", "holding", "llc", "lp"]

    // MARK: names

    static func name(_ a: SentenceAnalysis, _ lexicon: Lexicon, _ i: Int) -> EntityMention? {
        let t = a.tokens
        // a phrase never starts inside a glued word run ("US$" is a currency, "ex-Dow" is fine)
        let plain = lexicon.names.longest(in: t, at: i)
        // cased aliases all start with a capital (the lexicon test checks it)
        let cased = t[i].kind == .word && !t[i].capitalized ? nil : lexicon.casedNames.longest(in: t, at: i, caseSensitive: true)
        var match: (Int, Int32, String)? = nil
        if let p = plain, let v = p.values.first { match = (p.end, v, "name") }
        if let c = cased, let v = c.values.first, c.end > (match?.0 ?? 0) { match = (c.end, v, "name.cased") }
        guard let (end, index, rule) = match else { return nil }
        // a name must end at a word boundary: "Dow" is not the start of "Dowling" (tokens ensure
        // that), and a phrase ending in a letter must not continue into a glued word
        if end < t.count, !t[end].spaceBefore, t[end].kind == .word, t[end - 1].kind == .word { return nil }
        // "Nasdaq:" and "NYSE:" are exchanges
        if end < t.count, t[end].scalar == ":", t[end].kind == .symbol,
           lexicon.cues.longest(in: t, at: i)?.values.contains(.exchange) == true {
            return nil
        }
        let entity = lexicon.entities[Int(index)]
        // "the FTSE Emerging Markets index", "the Nasdaq Biotechnology Index": a one-word index
        // alias that opens a longer index name the lexicons do not know names that other index
        if entity.kind == "index", end - i == 1, unknownIndexName(a, from: end) { return nil }
        var m = EntityMention(start: i, end: end, entity: entity, possessive: false, negated: false, modifier: false, rule: rule)
        decorate(&m, a, lexicon)
        return m
    }

    /// True when one to three capitalised words and then "index" follow `k`: the rest of an
    /// index's name ("… Emerging Markets index").
    static func unknownIndexName(_ a: SentenceAnalysis, from k: Int) -> Bool {
        let t = a.tokens
        var j = k
        while j < t.count, j - k < 3, t[j].kind == .word, t[j].capitalized, a.lower(j) != "index" { j += 1 }
        return j > k && j < t.count && a.lower(j) == "index"
    }

    /// Possessive, negation and modifier flags.
    static func decorate(_ m: inout EntityMention, _ a: SentenceAnalysis, _ lexicon: Lexicon) {
        let t = a.tokens
        var e = m.end
        // scraped dashes after a ticker-glued name belong to the mention
        if e + 1 < t.count, t[e].scalar == "-", t[e + 1].scalar == "-", !t[e].spaceBefore, !t[e + 1].spaceBefore,
           m.rule == "ticker.scraped" {
            e += 2
            m.end = e
        }
        if e + 1 < t.count, t[e].kind == .symbol, t[e].scalar == "'" || t[e].scalar == "\u{2019}",
           !t[e].spaceBefore, t[e + 1].kind == .word, a.lower(e + 1) == "s", !t[e + 1].spaceBefore {
            m.possessive = true
        } else if e < t.count, t[e].kind == .symbol, t[e].scalar == "'" || t[e].scalar == "\u{2019}", !t[e].spaceBefore,
                  a.text(e - 1).hasSuffix("s") {
            m.possessive = true  // plural possessive: "the Magnificent Seven stocks'"
        }
        if m.start >= 2, t[m.start - 1].scalar == "-", !t[m.start].spaceBefore, !t[m.start - 1].spaceBefore,
           lexicon.cues.longest(in: t, at: m.start - 2)?.values.contains(.negation) == true {
            m.negated = true
        } else if m.start >= 1, lexicon.cues.longest(in: t, at: m.start - 1)?.values.contains(.negation) == true,
                  a.lower(m.start - 1) == "excluding" {
            m.negated = true
        }
        // a commodity or crypto name before "funds", "miners", "stocks" is a modifier, and so is an
        // index before "trackers", "funds" or "ETFs" ("the biggest S&P 500 trackers")
        if e < t.count, t[e].kind == .word {
            let next = a.lower(e)
            if ["commodity", "crypto"].contains(m.entity.kind),
               ["funds", "fund", "etfs", "etf", "miners", "mining", "stocks", "producers", "companies", "shares", "bugs"].contains(next) {
                m.modifier = true
            }
            if m.entity.kind == "index" || m.entity.kind == "sector", ["trackers", "tracker", "funds", "fund", "etfs", "etf", "products", "options"].contains(next) {
                m.modifier = true
            }
        }
    }

    // MARK: tickers

    static func ticker(_ a: SentenceAnalysis, _ lexicon: Lexicon, _ i: Int) -> EntityMention? {
        let t = a.tokens
        let tok = t[i]
        // scraped "NvidiaNVDA--"
        if tok.kind == .word, i + 2 < t.count, t[i + 1].scalar == "-", t[i + 2].scalar == "-",
           !t[i + 1].spaceBefore, !t[i + 2].spaceBefore {
            let word = a.text(i)
            let scalars = Array(word.unicodeScalars)
            var k = scalars.count
            while k > 0, scalars[k - 1].properties.isUppercase { k -= 1 }
            let tickerLength = scalars.count - k
            if tickerLength >= 1, tickerLength <= 5, k > 0, scalars[k - 1].properties.isLowercase {
                let symbol = String(String.UnicodeScalarView(scalars[k...]))
                if let entity = lexicon.ticker(FNV.hash(symbol, fold: false), text: symbol) {
                    var m = EntityMention(start: i, end: i + 1, entity: entity, possessive: false, negated: false,
                                          modifier: false, rule: "ticker.scraped")
                    decorate(&m, a, lexicon)
                    return m
                }
            }
        }
        // cashtag "$AAPL"
        if tok.kind == .symbol, tok.scalar == "$", i + 1 < t.count, !t[i + 1].spaceBefore, t[i + 1].kind == .word,
           t[i + 1].allUpper, let entity = lexicon.ticker(t[i + 1].exactHash, text: a.text(i + 1)) {
            var m = EntityMention(start: i, end: i + 2, entity: entity, possessive: false, negated: false, modifier: false,
                                  rule: "ticker.cashtag")
            decorate(&m, a, lexicon)
            return m
        }
        // exchange prefix "NYSE: DOW", "(NASDAQ:AAPL)"
        if tok.kind == .word, tok.capitalized, (i + 1..<min(t.count, i + 4)).contains(where: { t[$0].scalar == ":" }),
           let ex = lexicon.cues.longest(in: t, at: i), ex.values.contains(.exchange) {
            let colon = ex.end
            if colon + 1 < t.count, t[colon].scalar == ":", t[colon + 1].kind == .word, t[colon + 1].allUpper {
                var end = colon + 2
                var symbol = a.text(colon + 1)
                // class shares "BRK.B"
                if end + 1 < t.count, t[end].scalar == ".", !t[end].spaceBefore, t[end + 1].kind == .word,
                   t[end + 1].allUpper, t[end + 1].end - t[end + 1].start == 1 {
                    symbol += "." + a.text(end + 1)
                    end += 2
                }
                // a symbol the lists do not know (delisted, renamed, foreign) is still a company
                // when an exchange names it: "J2 Global (NASDAQ: JCOM)"
                let entity = lexicon.ticker(FNV.hash(symbol, fold: false), text: symbol)
                    ?? (symbol.count <= 6 ? Entity(id: symbol, kind: "company", name: symbol) : nil)
                if let entity {
                    var m = EntityMention(start: i, end: end, entity: entity, possessive: false, negated: false,
                                          modifier: false, rule: "ticker.exchange")
                    decorate(&m, a, lexicon)
                    return m
                }
            }
        }
        // "(AAPL)" right after a name: parenthesised capitals that are not an acronym
        if tok.kind == .symbol, tok.scalar == "(", i + 2 < t.count, t[i + 1].kind == .word, t[i + 1].allUpper,
           t[i + 2].scalar == ")" || t[i + 2].scalar == ",", i > 0 {
            let symbol = a.text(i + 1)
            if symbol.count <= 5, !isAcronym(symbol, a, before: i),
               let entity = lexicon.ticker(t[i + 1].exactHash, text: symbol) {
                var m = EntityMention(start: i + 1, end: i + 2, entity: entity, possessive: false, negated: false,
                                      modifier: false, rule: "ticker.parenthesized")
                decorate(&m, a, lexicon)
                return m
            }
        }
        return nil
    }

    /// True when `symbol` spells the initials of the words just before token `before`
    /// ("emerging market (EM)", "artificial intelligence (AI)").
    static func isAcronym(_ symbol: String, _ a: SentenceAnalysis, before: Int) -> Bool {
        let letters = Array(symbol.lowercased())
        var k = before - 1
        var initials: [Character] = []
        while k >= 0, initials.count < letters.count + 2 {
            let tok = a.tokens[k]
            if tok.kind == .word, let first = a.lower(k).first { initials.insert(first, at: 0) }
            if String(initials.suffix(letters.count)) == String(letters) { return true }
            k -= 1
        }
        return false
    }
}
