import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims metrics`: one figure computed from market data, with the closes it came from.
    struct MetricsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "Compute a figure from market data and show the closes it came from.",
            discussion: """
            Examples:
              claims metrics --data Corpus/market SPX --metric return --period 2025-Q3
              claims metrics --data DIR SPX --metric points --from 2021-01-01 --to 2021-12-21
              claims metrics --data DIR SPX --metric sma --days 200 --on 2025-10-10
              claims metrics --data DIR SPX --metric breadth --days 200 --on 2020-03-23
              claims metrics --data DIR SPX --metric concentration --top 5

            Conventions: a change over a period runs from the last close before its first day \
            to the last close on or before its last day (year to date from the previous year's \
            last close); a level on a day is that day's close or the last one before it. Every \
            figure prints its convention and inputs. Exit status: 0 computed, 1 not computable \
            (the reason is printed), 2 the data folder cannot be read, 64 usage.
            """
        )

        @Option(name: .long, help: "The market data folder (price files, symbols.tsv, caps.csv, members/).")
        var data: String

        @Argument(help: "What the figure is about: an entity id (SPX), a symbol (^GSPC, AAPL) or, for index figures, the index.")
        var subject: String

        @Option(name: .long, help: "The figure: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")).")
        var metric: Figure

        @OptionGroup var window: PeriodOptions

        @Option(name: .long, help: "The day, for level, record, from-record, sma, ema and breadth (default: the period's last day).")
        var on: CalendarDate?

        @Option(name: .long, help: "The length of a moving average, in trading days (sma, ema, breadth).")
        var days: Int = 200

        @Option(name: .long, help: "price or total (total: Adj Close, or dividends.csv).")
        var basis: MarketFigures.Basis = .price

        @Flag(name: .long, help: "high and low from the intraday High/Low columns instead of closes.")
        var intraday = false

        @Option(name: .long, help: "For beating: the benchmark whose return members must beat (default: the subject).")
        var benchmark: String?

        @Option(name: .long, help: "For weight and contribution: the index whose members count (default: every row of caps.csv / required).")
        var index: String?

        @Option(name: .long, help: "For concentration: how many of the largest companies.")
        var top: Int = 5

        @Option(name: .long, help: "text or json.")
        var format: Format = .text

        typealias Figure = MarketFigures.Figure

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        func validate() throws {
            if (window.from == nil) != (window.to == nil) { throw ValidationError("--from and --to go together") }
            guard days >= 1 else { throw ValidationError("--days must be at least 1") }
            guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        }

        /// The period asked for, if any.
        var span: Period? {
            window.span
        }

        func run() throws {
            let market: MarketFigures.DataSet
            do {
                market = try MarketFigures.load(folder: data)
            } catch {
                StandardError.print("claims metrics: \(error)")
                throw ExitCode(2)
            }
            for problem in market.problems { StandardError.print("claims metrics: warning: \(problem)") }
            var request = MarketFigures.Request(subject: subject)
            request.period = span
            request.day = on
            request.days = days
            request.basis = basis
            request.intraday = intraday
            request.benchmark = benchmark
            request.index = index
            request.top = top
            let value: MarketFigures.Value
            do {
                value = try MarketFigures.compute(metric, request, from: market)
            } catch {
                StandardError.print("claims metrics: \(subject) \(metric.rawValue): \(error)")
                throw ExitCode(1)
            }
            switch format {
            case .json: print(try MarketFigures.json(value))
            case .text: print(MarketFigures.text(value), terminator: "")
            }
        }
    }
}

extension MarketFigures.Figure: ExpressibleByArgument {}

extension MarketFigures.Basis: ExpressibleByArgument {}
