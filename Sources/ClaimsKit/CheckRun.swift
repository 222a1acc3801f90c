import ClaimModel
import ClaimStore
import CrossCheck
import Foundation
import MarketMetrics

/// A cross-check of the claims database: every stored claim (or only those of some documents)
/// checked against each other and the market data, findings and verdicts stored, and the
/// findings that concern the documents asked about returned for a report.
public struct CheckRun: Sendable {
    /// The database.
    public var database: any ClaimDatabase
    /// Market data, when the user has some.
    public var data: MarketData?

    /// Creates a run.
    public init(database: any ClaimDatabase, data: MarketData?) {
        self.database = database
        self.data = data
    }

    /// What a check found, for a report.
    public struct Report: Sendable {
        /// The findings that involve at least one document in scope, in the contract's order.
        public var findings: [Finding]
        /// For each finding, the resolved paths of its claims' documents.
        public var paths: [[String]]
        /// Documents and claims in scope.
        public var documents: Int
        /// See ``documents``.
        public var claims: Int
        /// Verdicts of the claims in scope.
        public var verdicts: [Verdict: Int]
        /// Groups of documents taken as copies of one article.
        public var copies: [[String]]
        /// Seconds spent reading, checking and saving.
        public var seconds: Double
        /// The claims of each document in scope (with their verdicts), by resolved path, in order.
        public var claimsByPath: [(path: String, claims: [Claim])]
    }

    /// Checks the store.
    /// - Parameters:
    ///   - scope: resolved paths of the documents to report on (nil: all). Claims outside the
    ///     scope still take part (a new note is checked against the whole database) unless
    ///     `isolated`.
    ///   - isolated: check the scope's claims only; nothing is saved, so the stored verdicts of
    ///     a whole-database check stay.
    public func run(scope: Set<String>? = nil, isolated: Bool = false) throws -> Report {
        let started = Date()
        var stored = try database.claimsForCheck()
        if isolated, let scope { stored = stored.filter { scope.contains($0.path) } }
        let result = CrossChecker(data: data).check(stored.map { CheckClaim(document: $0.path, claim: $0.claim) })
        if !isolated {
            var items: [StoredCheck.Item] = []
            for (f, claims) in zip(result.findings, result.findingClaims) {
                items.append(StoredCheck.Item(kind: f.kind.rawValue, severity: f.severity.rawValue, fingerprint: f.id,
                                              explanation: f.explanation, json: FindingOutput.json(f), claims: claims.map { stored[$0].id }))
            }
            var verdicts: [Int64: Verdict] = [:]
            // only the verdicts that changed: a second check of an unchanged store writes none
            for (k, v) in result.verdicts.enumerated() where stored[k].claim.verdict != v { verdicts[stored[k].id] = v }
            try database.saveCheck(StoredCheck(findings: items, verdicts: verdicts))
        }
        func inScope(_ path: String) -> Bool { scope?.contains(path) ?? true }
        var findings: [Finding] = [], paths: [[String]] = []
        for (f, claims) in zip(result.findings, result.findingClaims) {
            let p = claims.map { stored[$0].path }
            guard p.contains(where: inScope) else { continue }
            var finding = f
            for (n, k) in claims.enumerated() { finding.claims[n].verdict = result.verdicts[k] }
            findings.append(finding)
            paths.append(p)
        }
        var verdicts: [Verdict: Int] = [:]
        var byPath: [(path: String, claims: [Claim])] = []
        var count = 0
        for (k, s) in stored.enumerated() where inScope(s.path) {
            verdicts[result.verdicts[k], default: 0] += 1
            var c = s.claim
            c.verdict = result.verdicts[k]
            if byPath.last?.path == s.path { byPath[byPath.count - 1].claims.append(c) } else { byPath.append((s.path, [c])) }
            count += 1
        }
        return Report(findings: findings, paths: paths, documents: byPath.count, claims: count, verdicts: verdicts,
                      copies: result.copies, seconds: Date().timeIntervalSince(started), claimsByPath: byPath)
    }
}

/// Findings as text: the findings contract's JSON line.
public enum FindingOutput {
    /// One finding as a JSON object (no line break): `id`, `kind`, `severity`, `claims` (each
    /// with the contract's fields and its verdict), `computed`, `tolerance`, `explanation`,
    /// `caveat`, `rule` (the check that fired), `inferred` (key fields not read, when any) and
    /// `inputs` (the market data a data finding used).
    public static func json(_ f: Finding) -> String {
        typealias W = JSONWriter
        var out: [UInt8] = []
        W.literal("{\"id\":", &out); W.quote(f.id, into: &out)
        W.literal(",\"kind\":", &out); W.quote(f.kind.rawValue, into: &out)
        W.literal(",\"severity\":", &out); W.quote(f.severity.rawValue, into: &out)
        W.literal(",\"claims\":[", &out)
        for (n, c) in f.claims.enumerated() {
            if n > 0 { W.literal(",", &out) }
            W.literal("{\"doc\":", &out); W.quote(c.doc, into: &out)
            W.literal(",\"quote\":", &out); W.quote(c.quote, into: &out)
            W.literal(",\"start\":", &out); W.integer(c.start, &out)
            W.literal(",\"end\":", &out); W.integer(c.end, &out)
            W.literal(",\"value\":", &out); W.number(c.value, &out)
            W.literal(",\"unit\":", &out); W.quote(c.unit.rawValue, into: &out)
            W.literal(",\"subject\":", &out); W.optional(c.subject, &out)
            W.literal(",\"metric\":", &out); W.quote(c.metric.rawValue, into: &out)
            W.literal(",\"period\":", &out); W.period(c.period, &out)
            if let v = c.verdict { W.literal(",\"verdict\":", &out); W.quote(v.rawValue, into: &out) }
            W.literal("}", &out)
        }
        W.literal("],\"computed\":", &out)
        if let x = f.computed, x.isFinite { W.number((x * 1e6).rounded() / 1e6, &out) } else { W.literal("null", &out) }
        W.literal(",\"tolerance\":", &out); W.quote(f.tolerance, into: &out)
        W.literal(",\"explanation\":", &out); W.quote(f.explanation, into: &out)
        W.literal(",\"caveat\":", &out); W.optional(f.caveat, &out)
        // which check fired, and which key fields were inferred rather than read (extra fields)
        W.literal(",\"rule\":", &out); W.quote(f.rule, into: &out)
        if !f.inferred.isEmpty {
            W.literal(",\"inferred\":[", &out)
            for (n, x) in f.inferred.enumerated() {
                if n > 0 { W.literal(",", &out) }
                W.quote(x, into: &out)
            }
            W.literal("]", &out)
        }
        if !f.inputs.isEmpty {
            W.literal(",\"inputs\":[", &out)
            for (n, i) in f.inputs.enumerated() {
                if n > 0 { W.literal(",", &out) }
                W.literal("{\"symbol\":", &out); W.quote(i.symbol, into: &out)
                W.literal(",\"date\":\"", &out); W.date(i.date, &out)
                W.literal("\",\"value\":", &out); W.number(i.value, &out)
                W.literal(",\"role\":", &out); W.quote(i.role, into: &out)
                W.literal("}", &out)
            }
            W.literal("]", &out)
        }
        W.literal("}", &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Where a claim stands, as reports print it: `doc:line:column` in its document's text, or for
    /// a PDF `doc:pPAGE:line:column`, the line counted from the top of its page's text.
    public static func place(_ c: Claim, in text: String, pages: [Int]?) -> String {
        if let pages, let page = pages.indices.last(where: { pages[$0] >= 0 && pages[$0] <= c.start }) {
            let (line, column) = lineColumn(text.unicodeScalars.dropFirst(pages[page]), offset: c.start - pages[page])
            return "\(c.doc):p\(page + 1):\(line):\(column)"
        }
        let (line, column) = lineColumn(text, offset: c.start)
        return "\(c.doc):\(line):\(column)"
    }

    /// The 1-based line and column (in Unicode scalars) of a scalar offset into a text.
    public static func lineColumn(_ text: String, offset: Int) -> (line: Int, column: Int) {
        lineColumn(text.unicodeScalars, offset: offset)
    }

    /// The same, over a text's Unicode scalars.
    public static func lineColumn(_ scalars: some Sequence<Unicode.Scalar>, offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1, k = 0
        for s in scalars {
            if k == offset { break }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
            k += 1
        }
        return (line, column)
    }

    /// The ids a baseline file names: each line a finding's JSON (its `id`) or a bare id.
    public static func baselineIDs(_ text: String) -> Set<String> {
        var ids = Set<String>()
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let id = object["id"] as? String {
                ids.insert(id)
            } else {
                ids.insert(line.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
        }
        return ids
    }
}
