import ClaimModel
import Foundation

/// Findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the format
/// GitHub code scanning and other viewers read: one result per finding, with its rule id, its
/// explanation as the message, a level from its severity (major → error, minor → warning,
/// caveated → note), and one location per cited claim — the file, line and column of the quote
/// in the file as it is on disk, with the quote as the region's snippet.
///
/// Offsets of claims count Unicode scalars in a document's extracted text. A plain-text file is
/// its own text, so its regions are exact. In an HTML file the quote is looked for in the page's
/// source, first as written and then with `&` as `&amp;`; of several occurrences, the one whose
/// words before it (markup skipped) are the words before it in the text; a quote
/// the source does not hold literally (split by a tag, written with other entities) gets a
/// location with the file alone, so a viewer still lists it on the right file. Columns count
/// Unicode code points (`columnKind: unicodeCodePoints`).
///
/// Written by hand rather than through a SARIF package: none is kept for Swift, and the log is a
/// few fixed objects.
public enum SARIFReport {
    /// Where a quote stands in a file: 1-based line and column of its first and last character
    /// (the end column is one past the last, as SARIF's `endColumn`).
    public struct Region: Sendable, Equatable {
        /// The line of the quote's first character.
        public var startLine: Int
        /// The column of the quote's first character.
        public var startColumn: Int
        /// The line of the quote's last character.
        public var endLine: Int
        /// One past the column of the quote's last character.
        public var endColumn: Int
    }

    /// The SARIF level of a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .major: "error"
        case .minor: "warning"
        case .caveated: "note"
        }
    }

    /// Renders the findings of a check.
    /// - Parameters:
    ///   - report: the check's report.
    ///   - version: the tool's version, for `tool.driver.version`.
    ///   - baseFolder: the folder file URIs are made relative to (`%SRCROOT%`), normally the
    ///     working directory; files outside it get absolute `file://` URIs.
    ///   - storedText: the extracted text of a document by its path, used for a text file that is
    ///     no longer on disk.
    public static func render(_ report: CheckRun.Report, version: String, baseFolder: String,
                              storedText: @escaping (String) -> String?) -> String {
        var locator = Locator(storedText: storedText)
        let base = baseFolder.hasSuffix("/") ? baseFolder : baseFolder + "/"
        var usedRules: [String] = []
        for f in report.findings where !usedRules.contains(f.rule) { usedRules.append(f.rule) }

        var out = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
        out += "\"tool\":{\"driver\":{\"name\":\"claims\",\"version\":\(q(version)),"
        out += "\"rules\":["
        out += usedRules.map { id in
            let rule = RuleCatalog.check(id)
            let summary = rule?.summary ?? id
            return "{\"id\":\(q(id)),\"name\":\(q(ruleName(id))),\"shortDescription\":{\"text\":\(q(summary))},"
                + "\"fullDescription\":{\"text\":\(q(summary))},\"properties\":{\"kind\":\(q(rule?.field ?? ""))}}"
        }.joined(separator: ",")
        out += "]}},"
        out += "\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":\(q(fileURI(base)))}},"
        out += "\"columnKind\":\"unicodeCodePoints\",\"results\":["
        var results: [String] = []
        for (i, f) in report.findings.enumerated() {
            let paths = i < report.paths.count ? report.paths[i] : []
            var locations: [String] = []
            for (k, claim) in f.claims.enumerated() {
                let path = k < paths.count ? paths[k] : claim.doc
                var artifact: String
                if path.hasPrefix(base) {
                    artifact = "{\"uri\":\(q(encode(String(path.dropFirst(base.count))))),\"uriBaseId\":\"%SRCROOT%\"}"
                } else {
                    artifact = "{\"uri\":\(q(fileURI(path)))}"
                }
                var location = "{\"physicalLocation\":{\"artifactLocation\":\(artifact)"
                if let r = locator.region(of: claim, in: path) {
                    location += ",\"region\":{\"startLine\":\(r.startLine),\"startColumn\":\(r.startColumn),"
                        + "\"endLine\":\(r.endLine),\"endColumn\":\(r.endColumn),\"snippet\":{\"text\":\(q(claim.quote))}}"
                }
                location += "},\"message\":{\"text\":\(q(claim.doc + ": " + claim.quote))}}"
                locations.append(location)
            }
            var properties = "\"kind\":\(q(f.kind.rawValue)),\"severity\":\(q(f.severity.rawValue)),\"tolerance\":\(q(f.tolerance))"
            if let c = f.computed { properties += ",\"computed\":\(JSONWriter.number(c))" }
            if let caveat = f.caveat { properties += ",\"caveat\":\(q(caveat))" }
            if !f.inferred.isEmpty { properties += ",\"inferred\":[" + f.inferred.map(q).joined(separator: ",") + "]" }
            let ruleIndex = usedRules.firstIndex(of: f.rule) ?? 0
            results.append("{\"ruleId\":\(q(f.rule)),\"ruleIndex\":\(ruleIndex),\"level\":\(q(level(f.severity))),"
                + "\"message\":{\"text\":\(q(f.explanation))},\"locations\":[\(locations.joined(separator: ","))],"
                + "\"partialFingerprints\":{\"claimsFinding/v1\":\(q(f.id))},\"properties\":{\(properties)}}")
        }
        out += results.joined(separator: ",")
        out += "]}]}\n"
        return out
    }

    /// `conflict.sources` → `ConflictSources`: SARIF's rule name is an identifier-like label.
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func q(_ s: String) -> String { JSONWriter.quoted(s) }

    /// A path as a relative URI reference: each segment percent-encoded.
    static func encode(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? String($0)
        }.joined(separator: "/")
    }

    /// An absolute path as a `file://` URI.
    static func fileURI(_ path: String) -> String { "file://" + encode(path) }

    /// Finds quotes in files, reading each file once.
    struct Locator {
        let storedText: (String) -> String?
        var files: [String: [Unicode.Scalar]?] = [:]
        var texts: [String: [Unicode.Scalar]?] = [:]

        init(storedText: @escaping (String) -> String?) { self.storedText = storedText }

        mutating func region(of claim: Claim, in path: String) -> Region? {
            if files[path] == nil {
                let data = FileManager.default.contents(atPath: path)
                files[path] = data.map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
            }
            if texts[path] == nil { texts[path] = storedText(path).map { Array($0.unicodeScalars) } }
            let quote = Array(claim.quote.unicodeScalars)
            guard !quote.isEmpty else { return nil }
            let text = texts[path] ?? nil
            guard let source = files[path] ?? nil ?? text else { return nil }
            // a text file is its own text: the offsets hold when the quote is where they say
            if claim.end <= source.count, claim.start >= 0, Array(source[claim.start..<claim.end]) == quote {
                return SARIFReport.region(source, claim.start, claim.end)
            }
            // else: the occurrence of the quote in the source whose words before it are the
            // text's words before it (tags skipped), the earliest among equals
            let before = text.map { Locator.wordsBefore($0, claim.start, skippingTags: false) } ?? []
            for form in [quote, Array(claim.quote.replacingOccurrences(of: "&", with: "&amp;").unicodeScalars)] {
                let starts = occurrences(of: form, in: source)
                guard !starts.isEmpty else { continue }
                var best = starts[0]
                var bestScore = -1
                for start in starts {
                    let context = Locator.wordsBefore(source, start, skippingTags: true)
                    let score = zip(context, before).prefix { $0 == $1 }.count
                    if score > bestScore {
                        best = start
                        bestScore = score
                    }
                }
                return SARIFReport.region(source, best, best + form.count)
            }
            return nil
        }

        /// Up to 40 letters and digits before an offset, nearest first, lower case; in an HTML
        /// source the markup between `<` and `>` is skipped.
        static func wordsBefore(_ text: [Unicode.Scalar], _ offset: Int, skippingTags: Bool) -> [Unicode.Scalar] {
            var out: [Unicode.Scalar] = []
            var i = min(offset, text.count) - 1
            while i >= 0 && out.count < 40 {
                let c = text[i]
                if skippingTags && c == ">" {
                    var j = i - 1
                    while j >= 0 && text[j] != "<" && i - j < 2_000 { j -= 1 }
                    i = j - 1
                    continue
                }
                if c.properties.isAlphabetic || ("0"..."9").contains(c) { out.append(contentsOf: String(c).lowercased().unicodeScalars) }
                i -= 1
            }
            return out
        }

        func occurrences(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
            guard pattern.count <= text.count else { return [] }
            var found: [Int] = []
            let first = pattern[0]
            var i = 0
            while i + pattern.count <= text.count {
                if text[i] == first, text[i..<(i + pattern.count)].elementsEqual(pattern) { found.append(i) }
                i += 1
            }
            return found
        }
    }

    /// The lines and columns of scalars `start..<end` of a text.
    static func region(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Region {
        let (sl, sc) = FindingOutput.lineColumn(text, offset: start)
        let (el, ec) = FindingOutput.lineColumn(text, offset: end)
        return Region(startLine: sl, startColumn: sc, endLine: el, endColumn: ec)
    }
}
