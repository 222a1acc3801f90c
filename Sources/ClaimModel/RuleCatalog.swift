/// Where a field of a claim came from: the sureness a cross-check may give it (DESIGN.md,
/// "Sureness").
public enum Provenance: String, Sendable, Hashable, Codable, CaseIterable {
    /// Read in the claim's own clause or table row.
    case read
    /// Carried from context: another clause of the sentence, a section label, a table header, the
    /// sentences before.
    case carried
    /// Defaulted: the document's date or session, a default by the subject's kind, or nothing found.
    case defaulted
}

/// A named rule of the recognizers or of the claim rules: its id (what claims and mentions
/// record), the field it decides, where that field then comes from, and what it matches.
///
/// Every rule has examples of our own in `Corpus/rules/*.tsv`, named by id; a test runs them all
/// and fails for a rule without one. `claims explain --rules` prints the catalog.
public struct Rule: Sendable, Hashable {
    /// The rule's id, as claims and mentions record it (without any `:detail` suffix).
    public let id: String
    /// What the rule decides: a claim field (`subject`, `metric`, `period`, `direction`, `unit`)
    /// or, for a recognizer, the kind of mention it makes (`quantity`, `period-mention`, `entity`).
    public let field: String
    /// Where the field comes from when this rule decides it (claim rules only).
    public let provenance: Provenance?
    /// What the rule matches and produces, in one line.
    public let summary: String

    /// Creates a rule.
    public init(_ id: String, _ field: String, _ provenance: Provenance?, _ summary: String) {
        self.id = id
        self.field = field
        self.provenance = provenance
        self.summary = summary
    }
}

/// The catalog of rules (Duckling's named rules): the claim rules by field, then the recognizers.
public enum RuleCatalog {
    /// Every rule, claim rules first.
    public static let all: [Rule] = claimRules + recognizerRules

    /// The rule with an id (the part of a recorded rule before `:`), if any.
    public static func rule(_ recorded: String) -> Rule? {
        // most recorded rules carry no detail: look them up as they are, without a new string
        if let rule = byID[recorded] { return rule }
        guard let colon = recorded.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return byID[String(recorded[..<colon])]
    }

    static let byID: [String: Rule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Carrying rules whose source is structure or the claim's own sentence (a section label, a
    /// table header, the claim a figure is compared with or restates): sure enough for a major
    /// finding. Other carried fields (from sentences before, a guessed antecedent) are inferred.
    public static let structural: Set<String> = [
        "period.section", "period.compared", "table.context", "table.header-date", "table.period-column", "table.column",
        "table.return-column", "table.percent-column", "subject.label", "subject.label-unnamed", "subject.relative", "metric.compared",
        "direction.compared", "direction.reached",
    ]

    /// True when a recorded rule gives a field a reader can rely on: read in the claim's own
    /// clause or row, or carried by structure (`structural`).
    public static func isSure(_ recorded: String) -> Bool {
        guard let rule = rule(recorded) else { return false }
        return rule.provenance == .read || structural.contains(rule.id)
    }

    /// The rules that decide a claim's fields.
    public static let claimRules: [Rule] = [
        // subject
        Rule("subject.possessive", "subject", .read, "a name just before the number in the possessive: \"the S&P 500's 8.1%\""),
        Rule("subject.possessive-unnamed", "subject", .read, "an unnamed possessor: \"the tech industry's 66.3x\" (subject null, its text kept)"),
        Rule("subject.fed-rate", "subject", .read, "a rate of the Federal Reserve's named in the sentence: the federal funds rate"),
        Rule("subject.respectively", "subject", .read, "with \"respectively\", the n-th name before the verb goes with the n-th number"),
        Rule("subject.breadth-universe", "subject", .read, "a breadth figure's universe: \"the share of S&P 500 members above …\""),
        Rule("subject.breadth-unnamed", "subject", .read, "a breadth figure over an unnamed universe (subject null)"),
        Rule("subject.for", "subject", .read, "\"for <name>\" just after the number: \"5.3% for the Russell 1000 Value\""),
        Rule("subject.of", "subject", .read, "the owner of the figure's noun after \"of\": \"the 25% return of the S&P 500\""),
        Rule("subject.clause", "subject", .read, "the nearest name before the number in its own clause that is not an object"),
        Rule("subject.level-on", "subject", .read, "a level \"on\" a name after it: \"below 6,400 on the S&P 500\""),
        Rule("subject.unnamed", "subject", .read, "an unnamed subject of the clause's own: \"semiconductor stocks\", \"small-cap ETFs\""),
        Rule("subject.restatement", "subject", .read, "a restatement of the number before (\", or 2.7%\", \", to 6,552.51\") is about the same thing"),
        Rule("subject.relative", "subject", .carried, "a relative clause or an aside refers to the last name before it"),
        Rule("subject.anaphor-owner", "subject", .carried, "\"its earnings per share\": the owner an anaphor refers to"),
        Rule("subject.anaphor", "subject", .carried, "an anaphor (\"the index\", \"it\", \"the company\") resolved to its antecedent"),
        Rule("subject.anaphor-after", "subject", .carried, "an anaphor just after the number: \"knock 2% off the index\""),
        Rule("subject.nearest-before", "subject", .carried, "the nearest name earlier in the sentence when the clause names none"),
        Rule("subject.sentence", "subject", .carried, "the sentence's main subject"),
        Rule("subject.rate-in-sentence", "subject", .carried, "a rate the sentence names elsewhere, for a rate figure"),
        Rule("subject.continued", "subject", .carried, "the name of the clause that continues the claim (\"…, which would take the Russell 2000 to …\")"),
        Rule("subject.attribute-of", "subject", .carried, "an attribute (yield, valuation) of the company or index of the last sentences"),
        Rule("subject.label", "subject", .carried, "a \"Label: figure\" line: the name in the label"),
        Rule("subject.label-unnamed", "subject", .carried, "a \"Label: figure\" line whose label names no entity (subject null, label text kept)"),
        Rule("subject.carried", "subject", .carried, "the subject of the latest claims, two sentences back at most, when the sentence names none"),
        Rule("subject.noun-phrase", "subject", .read, "a subject no lexicon names, by the noun phrase before its verb: \"The fund returned 7.5%\", \"the bank's profit rose 12%\""),
        Rule("subject.none", "subject", .defaulted, "no subject found"),
        Rule("table.first-cell", "subject", .read, "a table row's first cell names the row's subject"),
        Rule("table.first-cell-unnamed", "subject", .read, "a table row's first cell that names no entity (subject null, its text kept)"),
        Rule("table.row-name", "subject", .read, "a text table row's name: \"S&P 500 6.29% -4.27% 1.06%\""),
        Rule("table.row-name-unnamed", "subject", .read, "a text table row's name that is no entity (subject null, its text kept)"),
        // metric
        Rule("metric.level-context", "metric", .read, "a bare number reached or stood at (\"to 4,649.23\", \"closed at 2,467\"): a level"),
        Rule("metric.chart-level", "metric", .read, "a chart level (a moving average, a retracement, support): other"),
        Rule("metric.multiple", "metric", .read, "a multiple (\"33.1x\", \"18 times\"): a valuation"),
        Rule("metric.cue-after", "metric", .read, "a metric word just after the number: \"30% P/E discount\", \"$28 billion outflows\""),
        Rule("metric.cue-before", "metric", .read, "a flows or valuation word before the number in its clause"),
        Rule("metric.share-of-return", "metric", .read, "\"X% of the index's return\": a return share"),
        Rule("metric.share-of-growth", "metric", .read, "\"X% of … earnings growth\": other"),
        Rule("metric.share-of-index-cap", "metric", .read, "\"X% of the S&P 500's market value\": a weight"),
        Rule("metric.share-of-market-cap", "metric", .read, "\"X% of total market capitalization\", no index named: market_cap"),
        Rule("metric.share-of-weight", "metric", .read, "\"X% of its total weight\": a weight"),
        Rule("metric.share-of-members", "metric", .read, "\"X% of NYSE stocks …\": breadth"),
        Rule("metric.share-of-index", "metric", .read, "\"X% of the index\": a weight"),
        Rule("metric.share-of-holdings", "metric", .read, "\"make up 0.3% of the underlying holdings\", \"40% of the universe\": a weight"),
        Rule("metric.breadth", "metric", .read, "\"the percentage of stocks trading above their 200-day average\": breadth"),
        Rule("metric.beat-rate", "metric", .read, "\"82% have reported EPS above estimates\": breadth"),
        Rule("metric.growth", "metric", .read, "a growth word around the number: \"growth of 11.7%\", \"to grow 9.3%\""),
        Rule("metric.fundamental", "metric", .read, "a fundamental that moved: \"revenue rose 2.7%\", \"a 66% jump in annual profit\": growth"),
        Rule("metric.year-over-year", "metric", .read, "a year-over-year rate of something that is not a price: growth"),
        Rule("metric.bp", "metric", .read, "basis points: a rate"),
        Rule("metric.rate-point", "metric", .read, "a point of a rate moves that rate: \"a quarter-point cut\", \"half a point\" of inflation"),
        Rule("metric.rate-cue", "metric", .read, "a rate or yield named near a percent: a rate"),
        Rule("metric.fund-money", "metric", .read, "money moving into or out of funds: flows"),
        Rule("metric.price-per-unit", "metric", .read, "\"$65 a barrel\", \"$225 per share\": a price (level, in its currency)"),
        Rule("metric.price-target", "metric", .read, "\"a price target of $225\": a level"),
        Rule("metric.market-cap", "metric", .read, "money near a market-value word: market_cap"),
        Rule("metric.amount", "metric", .read, "money near an amount word (spending, deal size): amount"),
        Rule("metric.price-level", "metric", .read, "money after \"closed at\", \"to\" about a priced name: a level"),
        Rule("metric.money", "metric", .defaulted, "other money: an amount"),
        Rule("metric.price-move", "metric", .read, "money a priced name moved by (\"rose $24.10\", \"up $2.94\"): points in its currency"),
        Rule("metric.price-of-subject", "metric", .read, "money about a priced name that did not move by it (\"bitcoin at $6,200\"): a level"),
        Rule("metric.level-in-points", "metric", .read, "\"rose 1.06% to 43,870.35 points\": a level written in points"),
        Rule("metric.distance", "metric", .read, "\"110 points from the August low\": a distance from a level, other"),
        Rule("metric.points", "metric", .read, "index points: a points move"),
        Rule("metric.restatement", "metric", .read, "\", or 2.7%\" after a points move or a rate: the same move's percent"),
        Rule("metric.count", "metric", .read, "a count: other"),
        Rule("metric.weight", "metric", .read, "a weight word next to the percent: a weight"),
        Rule("metric.weight-before", "metric", .read, "a weight word earlier in the clause: \"their weighting … to about 19%\""),
        Rule("metric.gap", "metric", .read, "a gap between returns: \"beat them by 62%\", \"an outperformance spread of 6.1%\": other"),
        Rule("metric.upside", "metric", .read, "\"an implied upside of about 2%\": a return"),
        Rule("metric.anaphoric", "metric", .carried, "\"that number\", \"the figure\": the metric of the claim before"),
        Rule("metric.move", "metric", .read, "a percent with a verb of change or a sign: a return"),
        Rule("metric.return-gap", "metric", .read, "\"3.4 percentage points behind\": a return gap"),
        Rule("metric.compared", "metric", .carried, "a number compared with the one before, with no cue of its own, shares its metric"),
        Rule("metric.subject-priced", "metric", .defaulted, "a percent with no cue about something with a price: a return"),
        Rule("metric.subject-rate", "metric", .defaulted, "a percent (or its move) about a yield or a policy rate: a rate"),
        Rule("metric.subject-series", "metric", .defaulted, "a percent (or its move) about an economic series: growth"),
        Rule("metric.default", "metric", .defaulted, "nothing says what the percent measures: other"),
        Rule("table.column", "metric", .carried, "a table cell's metric from its column header (Close, Change, % Change, YTD …)"),
        Rule("table.return-column", "metric", .carried, "a cell under a period header (\"May 2025\", \"1-MONTH (%)\", \"YTD\"): a return"),
        // period
        Rule("period.reference-own", "period", .read, "a claim that is itself the reference: \"from its June 30 close of 6,204.95\""),
        Rule("period.after", "period", .read, "a period just after the number in its clause: \"10.6% in Q3 2025\""),
        Rule("period.clause-before", "period", .read, "a period before the number in its clause: \"in Q3 the index rose 5%\""),
        Rule("period.fronted", "period", .read, "a period opening the sentence: \"In Q3 2025, …\", \"On Tuesday, …\""),
        Rule("period.compared", "period", .carried, "a compared number takes the period of the claim it is compared with"),
        Rule("period.clause-after", "period", .read, "a period later in the number's clause"),
        Rule("period.from-reference", "period", .read, "a change \"from its September 30 close\": from the next day to the sentence's date"),
        Rule("period.sentence", "period", .carried, "the nearest period of the sentence outside the number's clause"),
        Rule("period.section", "period", .carried, "a section label's or headline's period: \"For the week:\", \"Q3 2021 Market Highlights\""),
        Rule("period.carried", "period", .carried, "the period the text reports on, from the sentences before"),
        Rule("period.default-session", "period", .defaulted, "a move or level with no period: the session the text reports on"),
        Rule("period.default-date", "period", .defaulted, "a figure with no period: the document's date"),
        Rule("period.none", "period", .defaulted, "no period: projections, illustrations, timeless facts"),
        Rule("table.context", "period", .carried, "a table cell dated by the text around the table (the day it reports)"),
        Rule("table.header-date", "period", .carried, "a table cell dated by a date in its column header"),
        Rule("table.period-column", "period", .carried, "a cell under a period header: that period, to-date and trailing ones ending at the table's as-of date"),
        // direction
        Rule("direction.start-level", "direction", .read, "\"from 1%\", \"up from 1%\": a starting level has none"),
        Rule("direction.starting-level", "direction", .read, "\"having started 2025 at 2,230.16\": a starting level has none"),
        Rule("direction.sign", "direction", .read, "a written sign: \"-9.2%\", \"+7.8%\""),
        Rule("direction.word-before", "direction", .read, "a verb or word of change before the number: \"fell 0.9%\""),
        Rule("direction.word-after", "direction", .read, "a noun of change after the number: \"a 12.4% gain\""),
        Rule("direction.then-from", "direction", .read, "a level followed by \", down from 71%\" moved that way"),
        Rule("direction.compared", "direction", .carried, "a compared number takes the direction of the claim it is compared with"),
        Rule("direction.reached", "direction", .carried, "a range reached \"to\" after a move takes the move's direction"),
        Rule("direction.level", "direction", .read, "a level has no direction"),
        Rule("direction.return-noun", "direction", .read, "a positive return stated as a noun: \"a 76% return\", \"total returns of 40.2%\""),
        Rule("direction.comparison", "direction", .read, "a gap after a verb of comparison: \"outpaced them by 22%\" up, \"trailed by 3%\" down"),
        Rule("direction.reached-level", "direction", .read, "a yield, share or weight that hit or broke a level: \"the yield reached 4.92%\""),
        Rule("direction.none", "direction", .defaulted, "no direction"),
        Rule("table.sign", "direction", .read, "a table cell's sign"),
        Rule("table.unsigned", "direction", .read, "an unsigned cell of a return table has no direction"),
        // unit
        Rule("unit.level-context", "unit", .read, "a bare number in a level's context is a level"),
        Rule("unit.price-fraction", "unit", .read, "a price in fractions (bond prices): a level after \"to\" or \"at\" (\"to 89 28/32\"), a move in points otherwise (\"fell 29/32\")"),
        Rule("unit.valuation-context", "unit", .read, "a bare figure in a sentence about a P/E ratio is a multiple"),
        Rule("table.percent-column", "unit", .carried, "a bare figure in a return table is a percent"),
    ]

    /// The recognizers' rules: how numbers, periods and names are found.
    public static let recognizerRules: [Rule] = [
        Rule("number", "quantity", nil, "a number in digits: 1,234.5, .25, 10.8"),
        Rule("number.words", "quantity", nil, "a number in words before a unit: \"three percentage points\""),
        Rule("number.fraction-digits", "quantity", nil, "a fraction in digits, as bond prices and old rates are written: \"5 3/4%\", \"89 28/32\", \"29/32\""),
        Rule("number.fraction", "quantity", nil, "a fraction of a whole in words: \"a third\", \"two-thirds\""),
        Rule("sign", "quantity", nil, "a sign glued to the number or its currency: \"-2.71%\", \"+$6.1 billion\""),
        Rule("sign.spaced", "quantity", nil, "a sign set apart in a list: \"energy (+ 54.6%)\""),
        Rule("currency.before", "quantity", nil, "a currency before the number: \"$\", \"US$\", \"€\", \"USD 40m\""),
        Rule("currency.after", "quantity", nil, "a currency after the number: \"40m euros\", \"970.5 USD\""),
        Rule("currency.minor", "quantity", nil, "a hundredth of a currency: \"85 cents\" (0.85 usd), \"42p\", \"42 pence\" (0.42 gbp)"),
        Rule("scale.glued", "quantity", nil, "a scale glued to the number: \"10.8bn\", \"$3T\""),
        Rule("scale.word", "quantity", nil, "a scale word: \"1.2 trillion\", \"20 million\""),
        Rule("unit.percent", "quantity", nil, "%, percent, per cent"),
        Rule("unit.pp", "quantity", nil, "percentage points"),
        Rule("unit.rate-point", "quantity", nil, "\"point\" after a number word where a rate is about: percentage points (\"a quarter-point cut\", \"half a point\")"),
        Rule("unit.bp", "quantity", nil, "basis points, bp, bps"),
        Rule("unit.multiple", "quantity", nil, "\"33.1x\", \"18 times\""),
        Rule("unit.points", "quantity", nil, "index points: \"81.21 points\""),
        Rule("unit.count", "quantity", nil, "a number with a countable noun: \"412 stocks\", \"111 countries\""),
        Rule("unit.count-elided", "quantity", nil, "a bare number set against a count, its noun left out: \"61,000 loans in April, down from 64,000\""),
        Rule("unit.count-streak", "quantity", nil, "a streak: \"10 days in a row\", \"11 consecutive weeks\""),
        Rule("range.dash", "quantity", nil, "\"5–7%\", \"$10-12 billion\": a range"),
        Rule("range.to", "quantity", nil, "\"5% to 7%\": a range"),
        Rule("range.between", "quantity", nil, "\"between 5% and 7%\": a range"),
        Rule("bound.approx", "quantity", nil, "about, nearly, roughly, almost, some"),
        Rule("bound.over", "quantity", nil, "over, more than, above, at least"),
        Rule("bound.under", "quantity", nil, "under, less than, below, at most"),
        Rule("role.measure", "quantity", nil, "an age, a temperature, a distance: \"aged 25 to 40\", \"40 degrees\", \"300 miles\": never a claim"),
        Rule("role.absurd", "quantity", nil, "a value no market quantity has (over a quadrillion of money): never a claim"),
        Rule("name", "entity", nil, "a name or alias of the lexicons, any letter case, longest first"),
        Rule("name.cased", "entity", nil, "an alias matched only as written (\"Energy\", \"Meta\")"),
        Rule("ticker.cashtag", "entity", nil, "\"$AAPL\""),
        Rule("ticker.exchange", "entity", nil, "\"NYSE: DOW\", \"(NASDAQ: JCOM)\""),
        Rule("ticker.parenthesized", "entity", nil, "\"Apple (AAPL)\""),
        Rule("ticker.scraped", "entity", nil, "the scraped form \"NvidiaNVDA--\""),
        Rule("period.ytd", "period-mention", nil, "year to date, YTD, so far this year"),
        Rule("period.for-the-year", "period-mention", nil, "\"for the year\", \"the year\": the year so far (the year just ended, in January)"),
        Rule("period.for-the-month", "period-mention", nil, "\"for the month\": the month so far (the last one, in its first days)"),
        Rule("period.for-the-quarter", "period-mention", nil, "\"for the quarter\": the quarter so far (the last one, in its first days)"),
        Rule("period.for-the-week", "period-mention", nil, "\"for the week\": Monday to the document's date"),
        Rule("period.for-the-day", "period-mention", nil, "\"on the day\", \"for the session\""),
        Rule("period.this-year", "period-mention", nil, "\"this year\": 1 January to the document's date"),
        Rule("period.this-month", "period-mention", nil, "\"this month\""),
        Rule("period.this-quarter", "period-mention", nil, "\"this quarter\""),
        Rule("period.this-week", "period-mention", nil, "\"this week\": Monday to the document's date"),
        Rule("period.today", "period-mention", nil, "\"today\""),
        Rule("period.yesterday", "period-mention", nil, "\"yesterday\""),
        Rule("period.last-week", "period-mention", nil, "\"last week\": the Monday-to-Friday week before"),
        Rule("period.last-month", "period-mention", nil, "\"last month\": the calendar month before"),
        Rule("period.last-quarter", "period-mention", nil, "\"last quarter\", \"the past quarter\": the calendar quarter before"),
        Rule("period.last-year", "period-mention", nil, "\"last year\": the calendar year before"),
        Rule("period.past-year", "period-mention", nil, "\"over the past year\": the twelve months to the date"),
        Rule("period.trailing-months", "period-mention", nil, "\"the past 12 months\", \"trailing twelve months\""),
        Rule("period.last-session", "period-mention", nil, "\"the last session\", \"the previous day\""),
        Rule("period.quarter", "period-mention", nil, "\"Q3 2025\", \"3Q25\", \"Q3\""),
        Rule("period.quarter-words", "period-mention", nil, "\"the third quarter (of 2025)\""),
        Rule("period.half", "period-mention", nil, "\"H1 2025\", \"the first half\""),
        Rule("period.month", "period-mention", nil, "\"September 2025\", \"in September\""),
        Rule("period.part-of-month", "period-mention", nil, "\"early/mid/late September\""),
        Rule("period.part-of-year", "period-mention", nil, "\"early/mid/late 2023\""),
        Rule("period.year", "period-mention", nil, "\"2025\", \"in 2024\""),
        Rule("period.year-alone", "period-mention", nil, "\"in 2025 alone\""),
        Rule("period.date", "period-mention", nil, "\"September 30, 2025\", \"Sept. 30\", \"30 September 2025\""),
        Rule("period.iso-date", "period-mention", nil, "\"2025-09-30\""),
        Rule("period.numeric-date", "period-mention", nil, "\"9/30/2025\""),
        Rule("period.day-range", "period-mention", nil, "\"Oct. 28–29\""),
        Rule("period.weekday", "period-mention", nil, "\"Tuesday\": the latest such day on or before the document's date"),
        Rule("period.week-ended", "period-mention", nil, "\"the week ended Oct. 10\""),
        Rule("period.as-of", "period-mention", nil, "\"as of September 30, 2025\": its last day"),
        Rule("period.by-date", "period-mention", nil, "\"by September 30\": as of that day"),
        Rule("period.end-of", "period-mention", nil, "\"at the end of September\", \"the end of the year\""),
        Rule("period.year-end", "period-mention", nil, "\"year-end\""),
        Rule("period.session-of", "period-mention", nil, "\"the final trading day of 2024\": that session"),
        Rule("period.since", "period-mention", nil, "\"since late 2023\": from then to the document's date"),
        Rule("period.through", "period-mention", nil, "\"through 2028\""),
        Rule("period.span-to", "period-mention", nil, "\"the five sessions to Friday, October 3\""),
        Rule("period.sessions", "period-mention", nil, "\"the past three sessions\""),
        Rule("period.first-sessions", "period-mention", nil, "\"the first three sessions of October\""),
        Rule("period.months", "period-mention", nil, "\"the three months\", \"over the past six months\""),
        Rule("period.fiscal-year", "period-mention", nil, "\"fiscal 2026\", \"FY2025\""),
        Rule("period.fiscal-year-ending", "period-mention", nil, "\"the fiscal year ending June 2026\""),
        Rule("period.same", "period-mention", nil, "\"the same period\": the period just named"),
        Rule("period.decade", "period-mention", nil, "\"the 1990s\""),
        Rule("period.invalid", "period-mention", nil, "\"Q9 2025\", \"February 30\": not a period, and its numbers are not quantities"),
    ]
}

extension RuleCatalog {
    /// The checks of the cross-check: what each finding's `rule` names. `field` is the finding's
    /// kind. Every check has examples of our own in `Corpus/rules/checks.tsv` (`CheckExampleTests`).
    public static let checks: [Rule] = [
        Rule("conflict.sources", "conflict", nil, "two sources give one subject, metric and period values that cannot both be right after rounding"),
        Rule("conflict.same-article", "conflict", nil, "one article gives one subject, metric and period two values (both keys read in their own clauses): a restatement that changed"),
        Rule("direction.mirrored", "direction", nil, "the same size as the other sources' or the arithmetic's figure, with the opposite sign: the verb or sign is the error"),
        Rule("arithmetic.move", "arithmetic", nil, "points, percent and level of one move that do not fit each other within rounding (with the close of the session before, where the text gives it)"),
        Rule("direction.sign", "direction", nil, "a written sign against the claim's own verb: \"fell +2.3%\""),
        Rule("direction.reached-from", "direction", nil, "\"rose to 41% from 57%\": a level reached against its starting level"),
        Rule("arithmetic.from-record", "arithmetic", nil, "a distance from a record or high that does not fit the two levels stated"),
        Rule("arithmetic.part-of-whole", "arithmetic", nil, "a share of a whole that does not fit the two amounts: \"$200 billion, 20% of its $2 trillion\""),
        Rule("arithmetic.shares-over-whole", "arithmetic", nil, "shares of one whole in one sentence that add up to more than 100%"),
        Rule("arithmetic.definition", "arithmetic", nil, "a term the text defines by a threshold (\"a correction is a drop of 10% or more\") applied to a smaller move"),
        Rule("arithmetic.compounding", "arithmetic", nil, "a gain said to erase, recover or match an earlier loss that it cannot (a gain erases a drop d only at d / (1 − d))"),
        Rule("direction.comparison", "direction", nil, "\"outpaced\", \"lagged\" or \"trailed\" another subject whose figure for the same period says otherwise"),
        Rule("direction.against-all", "direction", nil, "\"led all\", \"the laggard\", \"underperforming other sectors\" while another subject of the same kind did better or worse"),
        Rule("data.close", "data", nil, "a return, move or level the supplied market data contradicts"),
    ]

    /// The check with this id.
    public static func check(_ id: String) -> Rule? { checks.first { $0.id == id } }
}

extension Claim {
    /// The fields whose rules say where they came from, in the order outputs list them.
    public static let provenanceFields = ["subject", "metric", "period", "direction"]

    /// Where one of the claim's `provenanceFields` came from, from the rule that decided it; nil
    /// for another field, or a rule the catalog does not know.
    public func provenance(of field: String) -> Provenance? {
        guard Claim.provenanceFields.contains(field), let recorded = rules[field] else { return nil }
        return RuleCatalog.rule(recorded)?.provenance
    }
}
