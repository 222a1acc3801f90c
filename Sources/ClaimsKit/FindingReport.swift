import ClaimModel
import ClaimStore
import Foundation

/// Every form a check's findings are reported in, the baseline that leaves reviewed findings
/// out, and the exit status the findings contract gives a report: what `claims audit` and
/// `claims check` print, without the command line.
public struct FindingReport {
    /// The forms of a report.
    public enum Format: String, Sendable, CaseIterable {
        /// Findings grouped by kind and severity, each quote at `doc:line:column`.
        case text
        /// The findings contract, one finding a line.
        case jsonl
        /// `{"summary": …, "findings": […]}`.
        case json
        /// One self-contained page (``HTMLReport``).
        case html
        /// SARIF 2.1.0 (``SARIFReport``).
        case sarif
    }

    /// The store the findings came from: it holds the documents' texts the reports quote.
    public let database: any ClaimDatabase
    /// The tool's version, for the reports that name it.
    public let version: String

    /// Creates a reporter.
    public init(database: any ClaimDatabase, version: String) {
        self.database = database
        self.version = version
    }

    /// The report in one form.
    public func render(_ report: CheckRun.Report, as format: Format, colour: Bool = false) -> String {
        switch format {
        case .jsonl:
            return Self.baseline(report)
        case .json:
            return "{\"summary\":" + Self.summaryJSON(report) + ",\"findings\":["
                + report.findings.map { FindingOutput.json($0) }.joined(separator: ",") + "]}\n"
        case .text:
            return text(report, colour: colour)
        case .sarif:
            return SARIFReport.render(report, version: version, baseFolder: FileManager.default.currentDirectoryPath) {
                (try? database.documentText(path: $0)) ?? nil
            }
        case .html:
            let documents = report.claimsByPath.map { entry in
                HTMLReport.DocumentView(name: entry.claims.first?.doc ?? entry.path,
                                        text: ((try? database.documentText(path: entry.path)) ?? nil) ?? "", claims: entry.claims)
            }
            let stamp = ISO8601DateFormatter().string(from: Date())
            return HTMLReport.render(report, documents: documents, generated: "claims \(version), store \(database.location), \(stamp)")
        }
    }

    /// The findings as a baseline file: the contract's lines.
    public static func baseline(_ report: CheckRun.Report) -> String {
        report.findings.map { FindingOutput.json($0) + "\n" }.joined()
    }

    /// Leaves out of a report the findings a baseline (finding lines or bare ids) names.
    public static func leaveOut(baseline text: String, from report: inout CheckRun.Report) {
        let accepted = FindingOutput.baselineIDs(text)
        let keep = report.findings.indices.filter { !accepted.contains(report.findings[$0].id) }
        report.findings = keep.map { report.findings[$0] }
        report.paths = keep.map { report.paths[$0] }
    }

    /// 1 when a finding is at or above `failOn`, else 0 (and 0 for `nil`, "never").
    public static func exitStatus(_ report: CheckRun.Report, failOn: Severity?) -> Int32 {
        guard let failOn else { return 0 }
        return report.findings.contains { $0.severity >= failOn } ? 1 : 0
    }

    /// The summary object of the `json` form: documents, claims, verdicts and findings by kind.
    public static func summaryJSON(_ r: CheckRun.Report) -> String {
        var kinds: [String: Int] = [:]
        for f in r.findings { kinds[f.kind.rawValue, default: 0] += 1 }
        let k = FindingKind.allCases.map { "\"\($0.rawValue)\":\(kinds[$0.rawValue] ?? 0)" }.joined(separator: ",")
        let v = Verdict.allCases.map { "\"\($0.rawValue)\":\(r.verdicts[$0] ?? 0)" }.joined(separator: ",")
        return "{\"documents\":\(r.documents),\"claims\":\(r.claims),\"verdicts\":{\(v)},\"findings\":{\(k)}}"
    }

    /// The terminal report: findings grouped by kind and severity, each with its quotes and
    /// where they stand (`doc:line:column`), the computation and any caveat; then one summary
    /// line. ANSI colours only when `colour`.
    public func text(_ r: CheckRun.Report, colour: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var texts: [String: String?] = [:]
        var pages: [String: [Int]?] = [:]
        func place(_ c: Claim, _ path: String) -> String {
            if texts[path] == nil { texts[path] = try? database.documentText(path: path) }
            if pages[path] == nil { pages[path] = (try? database.documentPages(path: path)) ?? nil }
            guard let text = texts[path] ?? nil else { return c.doc }
            return FindingOutput.place(c, in: text, pages: pages[path] ?? nil)
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
