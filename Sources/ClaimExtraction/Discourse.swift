import ClaimModel
import Recognizers

/// What the claim rules carry from one sentence to the next within a document: the entities
/// anaphora refer back to, the period "the same period" means, and the header of the table being
/// read.
struct Discourse {
    /// The most recent subject, and its surface text.
    var lastSubject: (Entity, String)?
    /// The most recent entity of each kind (`index`, `company`, `etf`, …).
    var lastOfKind: [String: (Entity, String)] = [:]
    /// The period of the most recent claim that had one.
    var lastPeriod: Period?
    /// A short period (a day or a week) the previous sentence of the same block named, which a
    /// move with no period of its own continues ("… on Friday. The S&P 500 fell …").
    var recentPeriod: Period?
    /// Where `recentPeriod` came from.
    var recentPeriodSource: PeriodSource = .sentence
    /// Moves the text has dated to a single day so far: a text that reports sessions does not
    /// carry a span one sentence named ("so far this year") to the moves after it.
    var dayMoves = 0
    /// Periods of the text's claims, latest last, for "the week" or "the quarter" meaning the one
    /// under discussion.
    var recentSpans: [Period] = []
    /// The end of the month or quarter just ended that the text reports on, for its to-date figures.
    var reportEnd: CalendarDate?
    /// Calendar years the text has named (not as a yardstick), for "the year" in January.
    var namedYears: Set<Int> = []
    /// The latest single day a claim was about, for "on the day".
    var recentDay: Period?
    /// The text table being read (its header line has been seen), if any.
    var textTable: TextTables.Layout?
    /// Column headers of the table being read, by column.
    var tableHeader: [String]?

    /// Where a period the text reports on came from, which decides how far it carries.
    enum PeriodSource {
        /// A section label or heading ("For the week:", "On Tuesday:") that frames the lines below.
        case section
        /// The period a move read in its own sentence.
        case claim
        /// A sentence about a move that names the period ("Stocks fell on Tuesday …").
        case sentence
    }

    /// The subject of the latest claim that had one, and the sentence it was in.
    var claimSubject: (Entity, String)?
    var claimSubjectAt = -10
    /// The metric of the latest claim, for "that number" or "the figure".
    var lastMetric: Metric?
    /// Sentences read so far, and the sentence each kind of entity was last named in.
    var sentences = 0
    var namedAt: [String: Int] = [:]

    mutating func remember(_ e: Entity, _ text: String) {
        namedAt[e.kind] = sentences
        lastSubject = (e, text)
        lastOfKind[e.kind] = (e, text)
        if e.kind == "etf" { lastOfKind["fund"] = (e, text) }
    }

    /// The entity an anaphor of a kind ("the index" → an index; "it" → anything) refers to.
    func resolve(_ kind: String) -> (Entity, String)? {
        switch kind {
        case "index": return lastOfKind["index"]
        case "company": return lastOfKind["company"]
        case "fund": return lastOfKind["etf"] ?? lastOfKind["fund"]
        case "commodity": return lastOfKind["commodity"] ?? lastOfKind["crypto"]
        default: return lastSubject
        }
    }
}
