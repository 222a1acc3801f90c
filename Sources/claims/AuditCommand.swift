import ArgumentParser
import ClaimModel
import ClaimStore
import ClaimsKit
import Foundation
import MarketMetrics

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

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json, html, sarif }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case caveated, minor, major, never }

    /// Loads `--data` (or the first of `fallbacks` that exists); warnings for unreadable files.
    func marketData(fallbacks: [String] = []) throws -> MarketData? {
        var folder = data
        if folder == nil {
            folder = fallbacks.first { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            }
        }
        guard let folder else { return nil }
        do {
            let market = try MarketData.load(folder: folder)
            for problem in market.problems { StandardError.print("claims: warning: \(problem)") }
            return market
        } catch {
            StandardError.print("claims: --data: \(error)")
            throw ExitCode(2)
        }
    }

    /// Prints the report and returns the exit status the findings contract gives it.
    func report(_ r: CheckRun.Report, database: any ClaimDatabase) throws -> Int32 {
        var report = r
        if let baseline {
            guard let text = try? String(contentsOfFile: baseline, encoding: .utf8) else {
                StandardError.print("claims: --baseline \(baseline): cannot be read")
                throw ExitCode(2)
            }
            let accepted = FindingOutput.baselineIDs(text)
            let keep = report.findings.indices.filter { !accepted.contains(report.findings[$0].id) }
            report.findings = keep.map { report.findings[$0] }
            report.paths = keep.map { report.paths[$0] }
        }
        if let writeBaseline {
            let lines = report.findings.map { FindingOutput.json($0) + "\n" }.joined()
            do { try lines.write(toFile: writeBaseline, atomically: true, encoding: .utf8) } catch {
                StandardError.print("claims: --write-baseline \(writeBaseline): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        var text: String
        switch format {
        case .jsonl:
            text = report.findings.map { FindingOutput.json($0) + "\n" }.joined()
        case .json:
            text = "{\"summary\":" + summaryJSON(report) + ",\"findings\":["
            text += report.findings.map { FindingOutput.json($0) }.joined(separator: ",") + "]}\n"
        case .text:
            text = FindingText(database: database, colour: out == nil && isatty(1) != 0).render(report)
        case .sarif:
            text = SARIFReport.render(report, version: Claims.configuration.version, baseFolder: FileManager.default.currentDirectoryPath) {
                (try? database.documentText(path: $0)) ?? nil
            }
        case .html:
            let documents = report.claimsByPath.map { entry in
                HTMLReport.DocumentView(name: entry.claims.first?.doc ?? entry.path,
                                        text: ((try? database.documentText(path: entry.path)) ?? nil) ?? "", claims: entry.claims)
            }
            let stamp = ISO8601DateFormatter().string(from: Date())
            text = HTMLReport.render(report, documents: documents, generated: "claims \(Claims.configuration.version), store \(database.location), \(stamp)")
        }
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
        let threshold: Severity? = switch failOn {
        case .caveated: .caveated
        case .minor: .minor
        case .major: .major
        case .never: nil
        }
        guard let threshold else { return 0 }
        return report.findings.contains { $0.severity >= threshold } ? 1 : 0
    }

    func summaryJSON(_ r: CheckRun.Report) -> String {
        var kinds: [String: Int] = [:]
        for f in r.findings { kinds[f.kind.rawValue, default: 0] += 1 }
        let k = FindingKind.allCases.map { "\"\($0.rawValue)\":\(kinds[$0.rawValue] ?? 0)" }.joined(separator: ",")
        let v = Verdict.allCases.map { "\"\($0.rawValue)\":\(r.verdicts[$0] ?? 0)" }.joined(separator: ",")
        return "{\"documents\":\(r.documents),\"claims\":\(r.claims),\"verdicts\":{\(v)},\"findings\":{\(k)}}"
    }
}

/// The terminal report: findings grouped by kind and severity, each with its quotes and where
/// they stand (`doc:line:column`), the computation and any caveat; then one summary line.
struct FindingText {
    let database: any ClaimDatabase
    let colour: Bool

    func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func render(_ r: CheckRun.Report) -> String {
        var texts: [String: String?] = [:]
        func place(_ c: Claim, _ path: String) -> String {
            if texts[path] == nil { texts[path] = try? database.documentText(path: path) }
            guard let text = texts[path] ?? nil else { return c.doc }
            let (line, column) = FindingOutput.lineColumn(text, offset: c.start)
            return "\(c.doc):\(line):\(column)"
        }
        var out = ""
        let order: [(FindingKind, Severity)] = FindingKind.allCases.flatMap { k in Severity.allCases.reversed().map { (k, $0) } }
        for (kind, severity) in order {
            let group = r.findings.indices.filter { r.findings[$0].kind == kind && r.findings[$0].severity == severity }
            guard !group.isEmpty else { continue }
            let code = severity == .major ? "1;31" : severity == .minor ? "33" : "36"
            out += paint("\(kind.rawValue) · \(severity.rawValue) (\(group.count))", code) + "\n"
            for i in group {
                let f = r.findings[i]
                for (n, c) in f.claims.enumerated() {
                    let lead = n == 0 ? "  ✗ " : "    "
                    let period = c.period.map { $0.isPoint ? " \($0.start)" : " \($0.start)..\($0.end)" } ?? ""
                    let verdict = c.verdict.map { " [\($0.rawValue)]" } ?? ""
                    out += "\(lead)\(place(c, r.paths[i][n]))  \"\(c.quote)\"  \(c.subject ?? "-") \(c.metric.rawValue)\(period)\(verdict)\n"
                }
                out += "    " + f.explanation + "\n"
                out += "    tolerance: " + f.tolerance + "\n"
                if let caveat = f.caveat { out += "    caveat: " + caveat + "\n" }
                if !f.inferred.isEmpty { out += "    inferred: " + f.inferred.joined(separator: "; ") + "\n" }
                out += "    id: \(f.id)  check: \(f.rule)\n"
            }
            out += "\n"
        }
        var kinds: [FindingKind: Int] = [:]
        for f in r.findings { kinds[f.kind, default: 0] += 1 }
        let findings = r.findings.isEmpty ? "no findings"
            : "findings: " + FindingKind.allCases.compactMap { k in kinds[k].map { "\($0) \(k.rawValue)" } }.joined(separator: ", ")
        out += "\(r.documents) documents, \(r.claims) claims: \(r.verdicts[.supported] ?? 0) supported, "
            + "\(r.verdicts[.contradicted] ?? 0) contradicted, \(r.verdicts[.unverifiable] ?? 0) unverifiable; \(findings)\n"
        return out
    }
}

extension Claims {
    /// `claims check`: cross-checks what is stored.
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Cross-check the stored claims against each other and market data; store and print the findings.",
            discussion: """
            Stores the findings and a verdict per claim (supported, contradicted, unverifiable), \
            which `query` and `export` then print. Exit status: 0 no findings at or above \
            --fail-on (default minor), 1 some, 2 unreadable --data or baseline, 3 database \
            unusable, 64 usage.
            """
        )

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var reportOptions: ReportOptions

        func run() throws {
            let market = try reportOptions.marketData()
            var status: Int32 = 0
            try StoreFailure.report {
                let database = try storeOptions.open()
                let report = try CheckRun(database: database, data: market).run()
                status = try reportOptions.report(report, database: database)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// `claims audit`: ingest, check and report in one go — the main job.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Ingest articles, cross-check their claims, and report what cannot all be true.",
            discussion: """
            The articles are ingested into the store (default ./claims.sqlite; unchanged files \
            are skipped), every stored claim is checked against each other and the market data \
            (--data, or a market/ folder inside an audited folder), and the findings that involve \
            at least one of the given documents are printed. --isolated checks the given \
            documents only and stores nothing. Exit status: 0 clean, 1 findings at or above \
            --fail-on (default minor), 2 some input could not be read (the others are audited), \
            3 database unusable, 64 usage.
            """
        )

        @Argument(help: "Files and folders of articles.")
        var paths: [String]

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var reportOptions: ReportOptions

        @Flag(name: .long, help: "Check the given documents against each other only; store no findings.")
        var isolated = false

        @Option(name: .long, help: "Files processed in parallel (default: all cores).")
        var jobs: Int = ParallelRunner.coreCount

        @Flag(name: .long, help: "Print no progress or ingest summary on standard error.")
        var quiet = false

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            let market = try reportOptions.marketData(fallbacks: paths.map { ($0 as NSString).appendingPathComponent("market") })
            var status: Int32 = 0
            try StoreFailure.report {
                let outcome = try IngestCommand.ingest(paths, store: storeOptions, documents: documents, jobs: jobs, prune: false,
                                                       progress: false, quiet: quiet)
                let scope = Set(outcome.inputs.map { IngestRun.resolved($0.path) })
                let report = try CheckRun(database: outcome.database, data: market).run(scope: scope, isolated: isolated)
                status = try reportOptions.report(report, database: outcome.database)
                if outcome.failed > 0 { status = 2 }
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
