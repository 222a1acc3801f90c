import ClaimModel

/// Reads the calendar day out of the date forms pages use in metadata and datelines:
/// ISO 8601 (`2025-10-01`, `2025-10-01T08:30:00-04:00`), `2025/10/01`, `20251001`, RFC 2822
/// (`Wed, 01 Oct 2025 08:30:00 GMT`), `October 1, 2025`, `Oct. 1, 2025`, `1 October 2025`,
/// `01.10.2025`, and US `10/1/2025`.
///
/// The day is taken as written, before any time-zone conversion (the claims contract's rule).
enum DateText {
    /// Month names and their usual abbreviations, lower case, to month numbers: English, German,
    /// French, Spanish, Italian, Dutch and Portuguese, with and without accents. Short forms
    /// that are also common English words ("set", "ago") are left out: "3 ago 2019" is rare, and
    /// "posted 3 weeks ago 2019" must not be a date.
    static let months: [String: Int] = {
        let names: [(Int, [String])] = [
            (1, ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro"]),
            (2, ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "fév", "fev", "febrero",
                 "febbraio", "februari", "fevereiro"]),
            (3, ["march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "maart", "mrt", "março", "marco"]),
            (4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile"]),
            (5, ["may", "mai", "mayo", "maggio", "mag", "mei", "maio"]),
            (6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"]),
            (7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"]),
            (8, ["august", "aug", "août", "aout", "agosto", "augustus"]),
            (9, ["september", "sept", "sep", "septembre", "septiembre", "setiembre", "settembre", "setembro"]),
            (10, ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"]),
            (11, ["november", "nov", "novembre", "noviembre", "novembro"]),
            (12, ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
                  "dezembro"]),
        ]
        var table: [String: Int] = [:]
        for (month, words) in names { for w in words { table[w] = month } }
        table["out"] = nil  // Portuguese "out(ubro)" is the English "out"
        return table
    }()

    /// Words between a day and its month or after an ordinal day: `1st`, `1er`, `1º`,
    /// `20 de junio de 2018`, `20 del 2018`.
    static let dayWords: Set<String> = ["st", "nd", "rd", "th", "er", "º", "ª", "de", "del"]

    /// How a page writes the numeric date `03/04/2019`: day first (most of the world, and every
    /// dotted date), month first (United States English), or not known.
    enum DayOrder: Sendable {
        case dayFirst, monthFirst, unknown

        /// The order a page's language implies: month first only for United States English
        /// (`en-US`, and a bare `en`, which US sites mostly declare); unknown without a language.
        init(language: String?) {
            guard let raw = language?.lowercased(), !raw.isEmpty else {
                self = .unknown
                return
            }
            let l = raw.replacingOccurrences(of: "_", with: "-")
            if l == "en" || l.hasPrefix("en-us") || l == "en-ph" || l.hasPrefix("en-ca") {
                self = .monthFirst
            } else {
                self = .dayFirst
            }
        }
    }

    /// A timestamp's day and what its time part says about the zone.
    struct Stamp: Equatable {
        var date: CalendarDate
        /// True when the value has a time of day in UTC (`Z`, `+00:00`, `GMT`) or with no zone at
        /// all: its calendar day may be the publisher's next or previous local day.
        var utcLike: Bool
    }

    /// A token of a date string.
    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case separator(Character)
    }

    /// The tokens of a date string, over Unicode scalars (grapheme clusters are not needed to
    /// find digits, letters and separators, and datelines are read for every document).
    static func tokens(_ s: Substring) -> [Token] {
        var out: [Token] = []
        let u = Array(s.unicodeScalars)
        // ASCII first: the Unicode property tables are slow to consult
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? (c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x7A) : c.properties.isAlphabetic
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? (c == " " || c == "\t" || c == "\n" || c == "\r" || c.value == 0x0C || c.value == 0x0B) : c.properties.isWhitespace
        }
        var i = 0
        while i < u.count {
            let c = u[i]
            if c.isASCII && c.value >= 48 && c.value <= 57 {
                var j = i
                var v = 0
                var digits = 0
                while j < u.count, u[j].isASCII, u[j].value >= 48, u[j].value <= 57, digits < 9 {
                    v = v * 10 + Int(u[j].value - 48)
                    digits += 1
                    j += 1
                }
                out.append(.number(v, digits: digits))
                i = j
            } else if isLetter(c) {
                var j = i
                var word = String.UnicodeScalarView()
                while j < u.count, isLetter(u[j]) {
                    word.append(u[j])
                    j += 1
                }
                out.append(.word(String(word).lowercased()))
                i = j
            } else {
                if !isSpace(c) { out.append(.separator(Character(c))) }
                i += 1
            }
        }
        return out
    }

    /// The day a metadata value names, or nil. Placeholder dates that content systems write for
    /// "unknown" (`0001-01-01`, `1900-01-01`, `9999-12-31`) and dates before the web's first
    /// news sites are not publication dates: only years from 1995 to 2199 are taken (later
    /// checks refuse days after the page's own signals).
    static func parse(_ value: String, order: DayOrder = .unknown) -> CalendarDate? {
        stamp(value, order: order)?.date
    }

    /// The day a metadata value names, with what its time part says about the zone.
    static func stamp(_ value: String, order: DayOrder = .unknown) -> Stamp? {
        let trimmed = value.trimmingSpaces()
        let head = Substring(trimmed.prefix(80))
        guard let d = CalendarDate(iso: trimmed) ?? firstDate(in: tokens(head), strict: false, order: order),
              plausibleYears.contains(d.year) else { return nil }
        return Stamp(date: d, utcLike: isUTCLike(head))
    }

    /// True when a timestamp has a time of day (`08:30`) and either no zone or a zero one
    /// (`Z`, `+00:00`, `+0000`, `GMT`, `UTC`). Read over bytes: it runs for every date in markup.
    static func isUTCLike(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon >= 1, u[colon - 1] >= 0x30, u[colon - 1] <= 0x39 else {
            return false
        }
        var sawZone = false     // GMT, UTC, Z
        var sawOffset = false   // +hh or -hh
        var zeroOffset = false  // +00, -00
        var letters = false     // a zone named (EST, CET), not AM/PM or the T of ISO 8601
        var i = colon
        while i < u.count {
            let c = u[i] | 0x20
            if u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
                sawOffset = true
                if i + 2 < u.count, u[i + 1] == 0x30, u[i + 2] == 0x30, i + 3 >= u.count || !(u[i + 3] >= 0x31 && u[i + 3] <= 0x39) {
                    zeroOffset = true
                }
            } else if c >= 0x61 && c <= 0x7A {
                var j = i
                while j < u.count, (u[j] | 0x20) >= 0x61, (u[j] | 0x20) <= 0x7A { j += 1 }
                let word = String(decoding: u[i..<j], as: UTF8.self).lowercased()
                switch word {
                case "z", "gmt", "utc": sawZone = true
                case "am", "pm", "t": break
                default: letters = true
                }
                i = j
                continue
            }
            i += 1
        }
        if sawOffset { return zeroOffset }
        if sawZone { return true }
        return !letters
    }

    /// The years a publication date may have.
    static let plausibleYears = 1995...2199

    /// A day that can be a page's publication date: in ``plausibleYears`` and not after `today`.
    static func isPlausible(_ d: CalendarDate, today: CalendarDate = PublicationDate.today()) -> Bool {
        plausibleYears.contains(d.year) && d <= today
    }

    /// The first date in a token list. `strict` (for running text) wants a month name, an ISO
    /// form or a full numeric date (`20.06.2018`, `06/20/2018` when `order` settles it), since
    /// bare numbers in prose are rarely dates.
    static func firstDate(in t: [Token], strict: Bool, order: DayOrder = .unknown) -> CalendarDate? {
        var k = 0
        while k < t.count {
            if let (date, _) = date(at: k, in: t, strict: strict, order: order) { return date }
            k += 1
        }
        return nil
    }

    static func month(_ token: Token?) -> Int? {
        if case .word(let w)? = token { return months[w] }
        return nil
    }

    static func number(_ token: Token?) -> (Int, Int)? {
        if case .number(let v, let d)? = token { return (v, d) }
        return nil
    }

    static func isSeparator(_ token: Token?, _ set: String) -> Bool {
        if case .separator(let c)? = token { return set.contains(c) }
        return false
    }

    static func isWord(_ token: Token?, _ words: Set<String>) -> Bool {
        if case .word(let w)? = token { return words.contains(w) }
        return false
    }

    /// A date starting at token `k`, with the number of tokens it takes.
    static func date(at k: Int, in t: [Token], strict: Bool, order: DayOrder = .unknown,
                     shortYears: Bool = false) -> (CalendarDate, Int)? {
        func at(_ j: Int) -> Token? { j < t.count ? t[j] : nil }
        // Month D, YYYY   /   Month. D YYYY   /   Sept. 3rd, 2019
        if let m = month(at(k)) {
            var j = k + 1
            if isSeparator(at(j), ".") { j += 1 }
            if let (d, dd) = number(at(j)), dd <= 2 {
                j += 1
                if isWord(at(j), ["st", "nd", "rd", "th"]) { j += 1 }
                if isSeparator(at(j), ",") { j += 1 }
                if let (y, yd) = number(at(j)), yd == 4,
                   let date = CalendarDate(year: y, month: m, day: d) {
                    return (date, j + 1 - k)
                }
            }
        }
        // D Month YYYY   /   Wed, 01 Oct 2025   /   20. Juni 2018   /   1er juin 2018   /
        // 20 de junio de 2018   /   3 févr. 2020   /   20-Jun-2018
        if let (d, dd) = number(at(k)), dd <= 2 {
            var j = k + 1
            if isSeparator(at(j), ".°") { j += 1 }  // "20. Juni", Italian "1° aprile"
            while isWord(at(j), dayWords) { j += 1 }
            if isSeparator(at(j), "-") { j += 1 }
            if let m = month(at(j)) {
                j += 1
                if isSeparator(at(j), ".,-") { j += 1 }
                if isWord(at(j), ["de", "del"]) { j += 1 }
                if let (y, yd) = number(at(j)), yd == 4, let date = CalendarDate(year: y, month: m, day: d) {
                    return (date, j + 1 - k)
                }
            }
        }
        // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
        if let (y, yd) = number(at(k)), yd == 4, isSeparator(at(k + 1), "-/."),
           let (m, md) = number(at(k + 2)), md <= 2, isSeparator(at(k + 3), "-/."),
           let (d, dd) = number(at(k + 4)), dd <= 2,
           let date = CalendarDate(year: y, month: m, day: d) {
            return (date, 5)
        }
        // 2019年11月18日, 2018년 9월 28일
        if let (y, yd) = number(at(k)), yd == 4, isWord(at(k + 1), ["年", "년"]),
           let (m, _) = number(at(k + 2)), isWord(at(k + 3), ["月", "월"]),
           let (d, _) = number(at(k + 4)), isWord(at(k + 5), ["日", "일"]),
           let date = CalendarDate(year: y, month: m, day: d) {
            return (date, 6)
        }
        // YYYYMMDD (metadata only)
        if !strict, let (v, digits) = number(at(k)), digits == 8,
           let date = CalendarDate(year: v / 10000, month: v / 100 % 100, day: v % 100) {
            return (date, 1)
        }
        // DD.MM.YYYY (day first everywhere), DD/MM/YYYY and MM/DD/YYYY by the page's order; a
        // first number above 12 can only be a day, a second above 12 only a day. Without an
        // order, an ambiguous date is a date only in metadata, read month first there as before.
        if let (a, ad) = number(at(k)), ad <= 2, isSeparator(at(k + 1), "./-"),
           let (b, bd) = number(at(k + 2)), bd <= 2, isSeparator(at(k + 3), "./-"),
           let (y, yd) = number(at(k + 4)), yd == 4, !isSeparator(at(k + 5), "./-") {
            let dotted = isSeparator(at(k + 1), ".")
            let dayFirst: Bool?
            if a > 12 { dayFirst = true }
            else if b > 12 { dayFirst = false }
            else if dotted { dayFirst = true }
            else {
                switch order {
                case .dayFirst: dayFirst = true
                case .monthFirst: dayFirst = false
                case .unknown: dayFirst = strict ? nil : false
                }
            }
            if let dayFirst {
                if let date = CalendarDate(year: y, month: dayFirst ? b : a, day: dayFirst ? a : b) { return (date, 5) }
            }
        }
        // DD.MM.YY (German bylines: "Stand: 20.06.18 14:32"), only where the caller knows the
        // place states a date: "1.2.18" is a version number in running text
        if shortYears, let (a, ad) = number(at(k)), ad <= 2, isSeparator(at(k + 1), "."),
           let (b, bd) = number(at(k + 2)), bd <= 2, isSeparator(at(k + 3), "."),
           let (yy, yd) = number(at(k + 4)), yd == 2, !isSeparator(at(k + 5), ".") {
            let year = 2000 + yy <= PublicationDate.today().year ? 2000 + yy : 1900 + yy
            if let date = CalendarDate(year: year, month: b, day: a) { return (date, 5) }
        }
        return nil
    }
}
