import ArgumentParser
import ClaimsKit

/// `--jobs N`: how many files are processed at once (`text`, `extract`, `ingest`, `audit`).
struct JobsOptions: ParsableArguments {
    @Option(name: .long, help: "Files processed in parallel (default: all cores).")
    var jobs: Int?

    /// The number of files processed at once.
    var count: Int { jobs ?? ParallelRunner.coreCount }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// `--period`, or `--from` and `--to`: the days a command is about (`query`, `metrics`).
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: "A period: 2025-Q3, 2025-H1, 2025-09, 2025 or a day 2025-09-30.")
    var period: String?

    @Option(name: .long, help: "The first day (YYYY-MM-DD).")
    var from: CalendarDate?

    @Option(name: .long, help: "The last day (YYYY-MM-DD).")
    var to: CalendarDate?

    func validate() throws {
        if let period, PeriodQuery.parse(period) == nil {
            throw ValidationError("--period \(period) is not a period: use 2025-Q3, 2025-H1, 2025-09, 2025 or 2025-09-30")
        }
        if period != nil && (from != nil || to != nil) { throw ValidationError("--period cannot be combined with --from or --to") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// The first and last day asked for; either is nil when only the other was given.
    var bounds: (from: CalendarDate?, to: CalendarDate?) {
        if let period, let range = PeriodQuery.parse(period) { return (range.from, range.to) }
        return (from, to)
    }

    /// The period asked for, when both ends are known.
    var span: Period? {
        let (a, b) = bounds
        guard let a, let b else { return nil }
        return Period(start: a, end: b, text: period)
    }
}
