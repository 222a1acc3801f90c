import ClaimModel
import Recognizers

/// Claims of table rows ("S&P 500 | 6,552.51 | -182.60 | -2.71%"): every number of a data row is
/// a claim about the row's first cell, its metric taken from the column's header (Close → level,
/// Change → points, % Change → return, YTD → year-to-date return, Week → the week's return), or
/// from the cell's form when there is no header (a percent is a return, a signed number a points
/// change, an unsigned one a level). Levels are dated at the day the table reports; changes cover
/// the period the text before the table names (the quarter, the week), or that day.
struct TableRules {
    let a: SentenceAnalysis
    let context: RecognizerContext

    /// The cells of a row: token ranges between `|` separators.
    static func cells(_ a: SentenceAnalysis) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var start = 0
        for (i, tok) in a.tokens.enumerated() where tok.kind == .symbol && tok.scalar == "|" {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<a.tokens.count)
        out = out.filter { !$0.isEmpty }
        return out.count >= 2 ? out : nil
    }

    /// True when no cell but the first holds a quantity (dates such as "Close 10 Oct" do not
    /// count): a header row.
    static func isHeader(_ a: SentenceAnalysis, _ cells: [Range<Int>]) -> Bool {
        !cells.dropFirst().contains { cell in
            a.quantities.contains { cell.contains($0.start) && ($0.role == .quantity || $0.role == .bare) }
        }
    }

    /// What a column measures, from its header.
    enum Column {
        case level, points, percent, ytd, week, month, valuation, weight, rate, marketCap, other
        /// A header that names nothing the rules know: the cell's form decides.
        case unknown
    }

    static func column(_ header: String?) -> Column? {
        guard let header else { return nil }
        let h = LowerBytes(header)
        if h.contains("ytd") || h.contains("year to date") || h.contains("year-to-date") { return .ytd }
        if h.contains("p/e") || h.contains("multiple") || h.contains("valuation") { return .valuation }
        if h.contains("weight") { return .weight }
        if h.contains("dividend") { return .other }
        if h.contains("yield") || h.contains("rate") { return .rate }
        if h.contains("market cap") || h.contains("market value") { return .marketCap }
        if h.contains("week") || h.contains("wk") { return h.contains("close") ? .level : .week }
        if h.contains("month") || h.contains("mtd") { return .month }
        if h.contains("%") || h.contains("pct") || h.contains("percent") || h.contains("return") { return .percent }
        if h.contains("change") || h.contains("chg") || h.contains("net") || h.contains("point") || h.contains("pts") { return .points }
        if h.contains("close") || h.contains("last") || h.contains("level") || h.contains("price") || h.contains("settle") || h.contains("value") {
            return .level
        }
        return .unknown
    }

    /// A header's bytes in ASCII lower case, with a plain substring test: `String.contains` from
    /// the string-processing library is far slower, and headers are tested on every table row.
    struct LowerBytes {
        let bytes: [UInt8]
        init(_ s: String) { bytes = s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        func contains(_ needle: StaticString) -> Bool {
            let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard n.count <= bytes.count else { return false }
            var i = 0
            while i + n.count <= bytes.count {
                var k = 0
                while k < n.count, bytes[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
                i += 1
            }
            return false
        }
    }

    /// The claims of a data row.
    func drafts(_ cells: [Range<Int>], header: [String]?, around: [Period], discourse: Discourse) -> [Draft] {
        let first = cells[0]
        let entity = a.entities.first { $0.start >= first.lowerBound && $0.end <= first.upperBound }
        let subjectText = entity.map { a.text($0.start, $0.end) } ?? a.text(first.lowerBound, first.upperBound)
        let doc = context.documentDate
        // the day the table reports, and the span its changes cover
        let point = around.first(where: \.isPoint) ?? around.first.map { Period(start: $0.end, end: $0.end) }
            ?? doc.map { Period(start: $0, end: $0) }
        let span = around.first(where: { !$0.isPoint }) ?? point
        var out: [Draft] = []
        for (k, cell) in cells.enumerated().dropFirst() {
            guard let q = a.quantities.first(where: { $0.start >= cell.lowerBound && $0.start < cell.upperBound
                                                       && ($0.role == .quantity || $0.role == .bare) }) else { continue }
            let headerText = header.flatMap { k < $0.count ? $0[k] : nil }
            var col = TableRules.column(headerText)
            if col == nil || col == .unknown {
                col = q.unit == .percent ? .percent : (q.signed ? .points : (q.unit == nil ? .level : .other))
            }
            var d = Draft(mention: q, value: q.value, unit: q.unit ?? .level)
            d.subject = entity?.entity
            d.subjectText = subjectText
            d.rules.subject = entity == nil ? "table.first-cell-unnamed" : "table.first-cell"
            d.rules.metric = "table.column:\(headerText ?? "inferred")"
            // a date in the header ("Close 10 Oct") dates the column; a header that is a period
            // ("1 Month", "YTD", "Q1 2025", "2024") makes a return column over it
            var headerPeriod: Period? = nil
            if let h = headerText {
                let ha = SentenceAnalyzer.analyze(h, context)
                headerPeriod = ha.periods.first?.period
                if let (column, end) = TextTables.column(ha, 0), end == ha.tokens.count, q.unit == .percent || q.unit == nil {
                    // trailing and to-date columns end on the table's date, else the document's
                    TextTables.returnColumn(&d, column, header: h, asOf: point?.end ?? doc)
                    d.unit = q.unit ?? .percent
                    d.direction = q.value < 0 ? .down : (q.signed && q.value > 0 ? .up : nil)
                    d.rules.direction = q.value < 0 || q.signed ? "table.sign" : "table.unsigned"
                    out.append(d)
                    continue
                }
            }
            switch col! {
            case .level:
                d.metric = .level
                // a price keeps its currency ("$4,012.50" is usd); a bare figure is a level
                if q.unit == nil || !(q.unit!.isCurrency) { d.unit = .level }
                d.period = headerPeriod ?? point
            case .points:
                d.metric = q.unit == .percent ? .return : .points
                d.unit = q.unit ?? .points
                d.isChange = true
                d.period = headerPeriod ?? span
            case .percent:
                d.metric = .return
                d.unit = q.unit ?? .percent
                d.isChange = true
                d.period = headerPeriod ?? span
            case .ytd:
                d.metric = .return
                d.unit = q.unit ?? .percent
                d.isChange = true
                if let end = point?.end ?? doc { d.period = Period(start: CalendarDate(year: end.year, month: 1, day: 1)!, end: end) }
            case .week:
                d.metric = .return
                d.unit = q.unit ?? .percent
                d.isChange = true
                if let end = point?.end ?? doc { d.period = Period.week(containing: end) }
            case .month:
                d.metric = .return
                d.unit = q.unit ?? .percent
                d.isChange = true
                if let end = point?.end ?? doc { d.period = Period(start: CalendarDate(year: end.year, month: end.month, day: 1)!, end: end) }
            // figures that stand rather than move are dated only by a date in their header
            case .valuation:
                d.metric = .valuation
                d.unit = q.unit ?? .multiple
                d.period = headerPeriod
            case .weight:
                d.metric = .weight
                d.unit = q.unit ?? .percent
                d.period = headerPeriod
            case .rate:
                d.metric = .rate
                d.unit = q.unit ?? .percent
                d.period = headerPeriod
            case .marketCap:
                d.metric = .marketCap
                d.unit = q.unit ?? .usd
                d.period = headerPeriod
            case .other, .unknown:
                d.metric = .other
                d.period = headerPeriod
            }
            if d.isChange {
                d.direction = q.value < 0 ? .down : (q.value > 0 ? .up : .flat)
                d.rules.direction = "table.sign"
            }
            d.rules.period = headerPeriod != nil ? "table.header-date" : "table.context"
            out.append(d)
        }
        return out
    }
}
