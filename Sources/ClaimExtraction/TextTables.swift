import ClaimModel
import Recognizers

/// Return tables written as text: a header of period columns ("Index May 2025 Q1 2025 YTD",
/// "1-MONTH (%) 3-MONTH (%) YTD (%) 1-YEAR (%)") and rows of a name followed by one figure per
/// column ("S&P 500 6.29% -4.27% 1.06%"), one row a line or several rows run together on one line
/// (a table flattened by a page's text export). Each figure is a claim about its row's name over
/// its column's period, ending at the table's as-of date; the same reading serves `|` tables whose
/// headers are periods (`TableRules`).
///
/// Conventions (the gold README's "Return tables"): "1 month", "3 months", "1 year", "3 years
/// (annualised)" are trailing windows that start on the same calendar date that many months or
/// years before the as-of date; "YTD", "QTD", "MTD" start on 1 January, the quarter's or the
/// month's first day; a named month, quarter or year is that calendar interval. An unsigned figure
/// has no direction; a negative one is down.
enum TextTables {
    /// What a period column covers.
    enum ColumnPeriod: Hashable {
        /// The `months` months (a year is 12) up to the as-of date.
        case trailing(months: Int)
        case yearToDate, quarterToDate, monthToDate
        /// A named calendar interval.
        case fixed(Period)
    }

    /// A column of a text table: its header's tokens and what it covers.
    struct Column: Hashable {
        var tokens: Range<Int>
        var period: ColumnPeriod
    }

    /// A table being read: its columns, and the day its trailing and to-date columns end.
    struct Layout {
        var columns: [Column]
        /// The header's text of each column, for `period.text`.
        var texts: [String]
        /// The as-of date, when the table or the text around it gives one.
        var asOf: CalendarDate?
        /// True when the header marks the figures as percentages ("(%)", "%", "Returns").
        var percent: Bool
    }

    /// Units of a trailing window's header, in months.
    static let windowUnits: [String: Int] = [
        "month": 1, "months": 1, "mo": 1, "mos": 1, "mth": 1, "mths": 1, "m": 1,
        "year": 12, "years": 12, "yr": 12, "yrs": 12, "y": 12,
    ]
    /// Words that may decorate a column header ("3 Years (annualised)", "YTD (%)").
    static let decorations: WordSet = ["annualized", "annualised", "ann", "avg", "cumulative", "total", "return", "returns", "change", "chg"]

    /// A cheap test before `header`: at least two tokens where a column could start (a period
    /// mention, "YTD"/"QTD"/"MTD", or a small number followed by a month or year word).
    static func mayHaveHeader(_ a: SentenceAnalysis) -> Bool {
        var n = a.periods.count
        if n >= 2 { return true }
        let t = a.tokens
        for i in t.indices {
            switch t[i].kind {
            case .word:
                if t[i].end - t[i].start == 3, ["ytd", "qtd", "mtd"].contains(a.lower(i)) { n += 1 }
            case .number:
                var k = i + 1
                if k < t.count, t[k].kind == .symbol, t[k].scalar == "-" { k += 1 }
                if k < t.count, t[k].kind == .word, windowUnits[a.lower(k)] != nil { n += 1 }
            case .symbol:
                break
            }
            if n >= 2 { return true }
        }
        return false
    }

    /// The column header starting at token `i`, with the token just past it.
    static func column(_ a: SentenceAnalysis, _ i: Int) -> (ColumnPeriod, Int)? {
        let t = a.tokens
        guard i < t.count else { return nil }
        var period: ColumnPeriod? = nil
        var end = i
        if let p = a.periods.first(where: { $0.start == i }) {
            switch p.kind {
            case .yearToDate, .currentYear: period = .yearToDate
            case .quarterToDate: period = .quarterToDate
            case .monthToDate: period = .monthToDate
            case .month, .quarter, .half, .year, .yearAlone, .week:
                if let interval = p.period, !p.yearInferred || p.kind == .month { period = .fixed(Period(start: interval.start, end: interval.end)) }
            default: break
            }
            if period != nil { end = p.end }
        }
        if period == nil, t[i].kind == .word {
            switch a.lower(i) {
            case "ytd": period = .yearToDate
            case "qtd": period = .quarterToDate
            case "mtd": period = .monthToDate
            default: break
            }
            if period != nil { end = i + 1 }
        }
        // "1-MONTH", "3 Months", "10-Yr", "5Y"
        if period == nil, t[i].kind == .number, t[i].decimals == 0, let n = t[i].number, n >= 1, n <= 30 {
            var k = i + 1
            if k < t.count, t[k].kind == .symbol, t[k].scalar == "-", !t[k].spaceBefore { k += 1 }
            if k < t.count, t[k].kind == .word, let months = windowUnits[a.lower(k)] {
                period = .trailing(months: Int(n) * months)
                end = k + 1
            }
        }
        guard let period else { return nil }
        // decorations: "(%)", "%", "(annualised)", "Ann.", "*"
        while end < t.count {
            if t[end].kind == .symbol, ["(", ")", "%", "*", "."].contains(t[end].scalar) { end += 1; continue }
            if t[end].kind == .word, decorations.contains(t[end]) { end += 1; continue }
            break
        }
        return (period, end)
    }

    /// A run of at least two column headers starting at or after token `from` (words that name
    /// the first column, "Index", may precede it), or nil.
    static func header(_ a: SentenceAnalysis, from: Int = 0) -> (columns: [Column], start: Int, end: Int)? {
        var i = from
        while i < a.tokens.count {
            var columns: [Column] = []
            var k = i
            while let (p, e) = column(a, k) {
                columns.append(Column(tokens: k..<e, period: p))
                k = e
            }
            // (`headerLine` checks what may stand around the run)
            if columns.count >= 2 { return (columns, i, k) }
            i += 1
        }
        return nil
    }

    /// The header of a whole line: label words, then period columns, and no figure.
    static func headerLine(_ a: SentenceAnalysis) -> Layout? {
        guard let h = header(a), !a.quantities.contains(where: { q in (q.role == .quantity || q.role == .bare) && !h.columns.contains(where: { $0.tokens.contains(q.start) }) }),
              h.end == a.tokens.count || a.tokens[h.end...].allSatisfy({ $0.kind != .number }) else { return nil }
        // at most a few label words before the columns ("Index", "Asset class", "Table 1: Returns")
        guard a.tokens[..<h.start].filter({ $0.kind == .word }).count <= 8 else { return nil }
        return layout(a, h.columns, h.start, h.end)
    }

    /// The layout of a header run in tokens `start..<end`: its columns' texts, whether its figures
    /// are percentages, and the as-of date the line gives.
    static func layout(_ a: SentenceAnalysis, _ columns: [Column], _ start: Int, _ end: Int) -> Layout {
        let texts = columns.map { c -> String in
            // the header's own words, without its decorations
            var e = c.tokens.upperBound
            while e > c.tokens.lowerBound + 1, a.tokens[e - 1].kind == .symbol || decorations.contains(a.tokens[e - 1]) { e -= 1 }
            return a.text(c.tokens.lowerBound, e)
        }
        let percent = (start..<end).contains { a.tokens[$0].kind == .symbol && a.tokens[$0].scalar == "%" }
            || (0..<start).contains { ["return", "returns", "performance", "%"].contains(a.lower($0)) }
        let asOf = a.periods.first(where: { $0.kind == .asOf })?.period?.end
        return Layout(columns: columns, texts: texts, asOf: asOf, percent: percent)
    }

    /// A row: the name's tokens and one figure per column.
    struct Row {
        var name: Range<Int>
        var cells: [QuantityMention]
    }

    /// The figures of a table row that count as cells: percentages and plain numbers.
    static func isCell(_ q: QuantityMention) -> Bool {
        (q.role == .bare || (q.role == .quantity && (q.unit == .percent || q.unit == .pp))) && q.bound != .range
    }

    /// The rows in tokens `from..<to` of a sentence: each a name followed by exactly `width`
    /// figures. Nil when the tokens are not rows of such a table (a figure outside a row, a
    /// name without its figures).
    static func rows(_ a: SentenceAnalysis, width: Int, from: Int, to: Int) -> [Row]? {
        let cells = a.quantities.filter { $0.start >= from && $0.start < to && ($0.role == .quantity || $0.role == .bare) }
        guard !cells.isEmpty, cells.allSatisfy(isCell) else { return nil }
        var rows: [Row] = []
        var k = 0
        var nameStart = from
        while k < cells.count {
            // a run of figures with nothing but white space and signs between them
            var run = [cells[k]]
            while k + run.count < cells.count, a.tokens[run.last!.spanEnd..<cells[k + run.count].spanStart].allSatisfy({ $0.kind == .symbol && ["|", "*"].contains($0.scalar) }) {
                run.append(cells[k + run.count])
            }
            guard run.count == width else { return nil }
            let name = nameStart..<run[0].spanStart
            guard a.tokens[name].contains(where: { $0.kind == .word }) else { return nil }
            rows.append(Row(name: name, cells: run))
            nameStart = run.last!.spanEnd
            k += run.count
        }
        return rows
    }

    /// The period of a column, its trailing windows and to-date spans ending at `asOf`.
    static func period(_ c: ColumnPeriod, asOf: CalendarDate?) -> Period? {
        switch c {
        case .fixed(let p): return p
        case .yearToDate:
            return asOf.map { Period(start: CalendarDate(year: $0.year, month: 1, day: 1)!, end: $0) }
        case .quarterToDate:
            return asOf.map { Period(start: CalendarDate(year: $0.year, month: 3 * (($0.month - 1) / 3) + 1, day: 1)!, end: $0) }
        case .monthToDate:
            return asOf.map { Period(start: CalendarDate(year: $0.year, month: $0.month, day: 1)!, end: $0) }
        case .trailing(let months):
            return asOf.map { Period(start: $0.addingMonths(-months), end: $0) }
        }
    }

    /// The day a table's to-date and trailing columns end: its own as-of date, else the last day
    /// of its latest named column ("May 2025" dates "YTD" to May 31), else the document's date.
    static func asOf(_ layout: Layout, document: CalendarDate?) -> CalendarDate? {
        if let d = layout.asOf { return d }
        let ends = layout.columns.compactMap { c -> CalendarDate? in if case .fixed(let p) = c.period { return p.end }; return nil }
        if let latest = ends.max() { return latest }
        return document
    }

    /// Makes a figure a return over a period column: the column's period (trailing and to-date
    /// columns ending at `asOf`), named by its header.
    static func returnColumn(_ d: inout Draft, _ column: ColumnPeriod, header: String, asOf: CalendarDate?) {
        d.metric = .return
        d.isChange = true
        d.period = period(column, asOf: asOf)
        d.period?.text = header
        d.rules.metric = "table.return-column"
        d.rules.period = "table.period-column:\(header)"
    }

    /// The claims of a table's rows.
    static func drafts(_ a: SentenceAnalysis, _ rows: [Row], _ layout: Layout, document: CalendarDate?) -> [Draft] {
        let end = asOf(layout, document: document)
        var out: [Draft] = []
        for row in rows {
            let entity = a.entities.first { $0.start >= row.name.lowerBound && $0.end <= row.name.upperBound }
            var nameEnd = row.name.upperBound
            while nameEnd > row.name.lowerBound, a.tokens[nameEnd - 1].kind == .symbol { nameEnd -= 1 }
            var nameStart = row.name.lowerBound
            while nameStart < nameEnd, a.tokens[nameStart].kind == .symbol { nameStart += 1 }
            let subjectText = entity.map { a.text($0.start, $0.end) } ?? a.text(nameStart, nameEnd)
            for (k, q) in row.cells.enumerated() {
                var d = Draft(mention: q, value: q.value, unit: q.unit ?? .percent)
                d.subject = entity?.entity
                d.subjectText = subjectText
                returnColumn(&d, layout.columns[k].period, header: layout.texts[k], asOf: end)
                // an unsigned return table states no direction; a negative figure fell
                d.direction = q.value < 0 ? .down : nil
                d.rules.subject = entity == nil ? "table.row-name-unnamed" : "table.row-name"
                d.rules.direction = q.value < 0 ? "table.sign" : "table.unsigned"
                d.rules.unit = q.unit == nil ? "table.percent-column" : nil
                out.append(d)
            }
        }
        return out
    }
}
