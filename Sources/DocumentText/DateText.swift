import ClaimModel

/// Reads the calendar day out of the date forms pages use in metadata and datelines:
/// ISO 8601 (`2025-10-01`, `2025-10-01T08:30:00-04:00`), `2025/10/01`, `20251001`, RFC 2822
/// (`Wed, 01 Oct 2025 08:30:00 GMT`), `October 1, 2025`, `Oct. 1, 2025`, `1 October 2025`,
/// `01.10.2025`, and US `10/1/2025`.
///
/// The day is taken as written, before any time-zone conversion (the claims contract's rule).
enum DateText {
    /// English month names and abbreviations, lower case, to month numbers.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

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
    /// "unknown" (`0001-01-01`, `1900-01-01`, `9999-12-31`) are not publication dates: only years
    /// from 1901 to 2199 are taken.
    static func parse(_ value: String) -> CalendarDate? {
        let trimmed = value.trimmingSpaces()
        let d = CalendarDate(iso: trimmed) ?? firstDate(in: tokens(Substring(trimmed.prefix(80))), strict: false)
        guard let d, plausibleYears.contains(d.year) else { return nil }
        return d
    }

    /// The years a publication date may have.
    static let plausibleYears = 1901...2199

    /// The first date in a token list. `strict` (for running text) wants a month name or an ISO
    /// form, since bare numbers in prose are rarely dates.
    static func firstDate(in t: [Token], strict: Bool) -> CalendarDate? {
        var k = 0
        while k < t.count {
            if let (date, _) = date(at: k, in: t, strict: strict) { return date }
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

    /// A date starting at token `k`, with the number of tokens it takes.
    static func date(at k: Int, in t: [Token], strict: Bool) -> (CalendarDate, Int)? {
        func at(_ j: Int) -> Token? { j < t.count ? t[j] : nil }
        // Month D, YYYY   /   Month. D YYYY
        if let m = month(at(k)) {
            var j = k + 1
            if isSeparator(at(j), ".") { j += 1 }
            if let (d, dd) = number(at(j)), dd <= 2 {
                j += 1
                if case .word(let w)? = at(j), ["st", "nd", "rd", "th"].contains(w) { j += 1 }
                if isSeparator(at(j), ",") { j += 1 }
                if let (y, yd) = number(at(j)), yd == 4, let date = CalendarDate(year: y, month: m, day: d) {
                    return (date, j + 1 - k)
                }
            }
        }
        // D Month YYYY   /   Wed, 01 Oct 2025
        if let (d, dd) = number(at(k)), dd <= 2 {
            var j = k + 1
            if case .word(let w)? = at(j), ["st", "nd", "rd", "th"].contains(w) { j += 1 }
            if isSeparator(at(j), "-") { j += 1 }
            if let m = month(at(j)) {
                j += 1
                if isSeparator(at(j), ".,-") { j += 1 }
                if let (y, yd) = number(at(j)), yd == 4, let date = CalendarDate(year: y, month: m, day: d) {
                    return (date, j + 1 - k)
                }
            }
        }
        // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
        if let (y, yd) = number(at(k)), yd == 4, isSeparator(at(k + 1), "-/."),
           let (m, md) = number(at(k + 2)), md <= 2, isSeparator(at(k + 3), "-/."),
           let (d, dd) = number(at(k + 4)), dd <= 2, let date = CalendarDate(year: y, month: m, day: d) {
            return (date, 5)
        }
        // YYYYMMDD (metadata only)
        if !strict, let (v, digits) = number(at(k)), digits == 8,
           let date = CalendarDate(year: v / 10000, month: v / 100 % 100, day: v % 100) {
            return (date, 1)
        }
        // DD.MM.YYYY, MM/DD/YYYY (US unless the first number cannot be a month)
        if !strict, let (a, ad) = number(at(k)), ad <= 2, isSeparator(at(k + 1), "./-"),
           let (b, bd) = number(at(k + 2)), bd <= 2, isSeparator(at(k + 3), "./-"),
           let (y, yd) = number(at(k + 4)), yd == 4 {
            let dotted = isSeparator(at(k + 1), ".")
            if dotted || a > 12 {
                if let date = CalendarDate(year: y, month: b, day: a) { return (date, 5) }
            } else if let date = CalendarDate(year: y, month: a, day: b) {
                return (date, 5)
            }
        }
        return nil
    }
}
