import ArgumentParser
import ClaimsKit
import Foundation

/// The options every report of findings takes.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "A market data folder to check claims against (see `claims metrics`).")
    var data: String?

    @Option(name: .long, help: "text, jsonl (the findings contract), json (one object with a summary), html (one self-contained page) or sarif (SARIF 2.1.0, for code-scanning viewers).")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var out: String?

    @Option(name: .long, help: "The lowest severity that makes the exit status 1: caveated, minor, major or never.")
    var failOn: FailOn = .minor

    @Option(name: .long, help: "A JSONL file of earlier findings (or their ids) to leave out of the report and the exit status.")
    var baseline: String?

    @Option(name: .long, help: "Write the reported findings to this file as a baseline.")
    var writeBaseline: String?

    typealias ReportFormat = FindingReport.Format
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case caveated, minor, major, never

        /// The lowest severity that fails, or nil for never.
        var severity: Severity? { Severity(rawValue: rawValue) }
    }

    /// Loads `--data` (or the first of `fallbacks` that exists); warnings for unreadable files.
    func marketData(fallbacks: [String] = []) throws -> MarketFigures.DataSet? {
        var folder = data
        if folder == nil {
            folder = fallbacks.first { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            }
        }
        guard let folder else { return nil }
        do {
            let market = try MarketFigures.load(folder: folder)
            for problem in market.problems { StandardError.print("claims: warning: \(problem)") }
            return market
        } catch {
            StandardError.print("claims: --data: \(error)")
            throw ExitCode(2)
        }
    }

    /// Prints the report and returns the exit status the findings contract gives it.
    func report(_ r: CheckRun.Report, store: Store) throws -> Int32 {
        var report = r
        if let baseline {
            guard let text = try? String(contentsOfFile: baseline, encoding: .utf8) else {
                StandardError.print("claims: --baseline \(baseline): cannot be read")
                throw ExitCode(2)
            }
            FindingReport.leaveOut(baseline: text, from: &report)
        }
        if let writeBaseline {
            do { try FindingReport.baseline(report).write(toFile: writeBaseline, atomically: true, encoding: .utf8) } catch {
                StandardError.print("claims: --write-baseline \(writeBaseline): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        let text = store.render(report, as: format, version: Claims.configuration.version, colour: out == nil && isatty(1) != 0)
        if let out {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                StandardError.print("claims: --out \(out): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            let output = StandardOutput()
            output.write(Array(text.utf8))
            output.flush()
        }
        return FindingReport.exitStatus(report, failOn: failOn.severity)
    }
}

extension FindingReport.Format: ExpressibleByArgument {}
