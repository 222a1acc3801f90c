import ClaimModel
import Foundation

/// Turns what a page states about itself (meta tags, JSON-LD, the `html` element) into
/// ``ClaimModel/DocumentMetadata``; the publication date is ``PublicationDate``'s, and
/// ``dateline(in:)`` reads a date from the first lines of a text.
enum MetadataReader {
    /// Reads a parsed page's metadata; the publication date comes from ``PublicationDate``,
    /// whose fallback (a modification date, a date alone on a line) is returned apart: the
    /// caller uses it only when the article text's dateline gives no date.
    static func read(_ raw: RawMetadata, tree: borrowing HTMLTree) -> (DocumentMetadata, fallback: (date: CalendarDate, source: String)?) {
        var md = DocumentMetadata()
        var meta = [String: String]()
        for (k, v) in raw.meta where meta[k] == nil && !v.isEmpty { meta[k] = v }
        // JSON-LD is parsed only when a field needs it (it can be large).
        var parsed: [[String: Any]]? = nil
        func ld() -> [[String: Any]] {
            if let parsed { return parsed }
            let objects = raw.jsonLD.flatMap(jsonLDObjects)
            parsed = objects
            return objects
        }
        fill(&md, meta: meta, raw: raw, ld: ld)
        let found = PublicationDate.find(meta: meta, jsonLD: ld, raw: raw, tree: tree, language: md.language,
                                        title: md.title ?? raw.title)
        md.published = found.date
        md.publishedSource = found.source
        return (md, found.fallback)
    }

    /// The fields other than the date.
    static func fill(_ md: inout DocumentMetadata, meta: [String: String], raw: RawMetadata, ld: () -> [[String: Any]]) {
        // Title.
        if let t = meta["og:title"] ?? meta["twitter:title"] ?? ld().lazy.compactMap({ $0["headline"] as? String }).first
            ?? meta["title"] ?? meta["headline"] {
            md.title = clean(t)
        } else if let t = raw.title {
            md.title = clean(stripSiteSuffix(t))
        }

        // Author.
        if let a = meta["author"] ?? meta["article:author"] ?? meta["byl"] ?? meta["dc.creator"]
            ?? meta["sailthru.author"] ?? meta["parsely-author"], !a.hasPrefix("http") {
            md.author = clean(a.hasPrefix("By ") ? String(a.dropFirst(3)) : a)
        } else {
            for object in ld() {
                if let name = authorName(object["author"]) {
                    md.author = clean(name)
                    break
                }
            }
        }

        // URL, site, language, summary.
        md.url = raw.canonical ?? meta["og:url"] ?? ld().lazy.compactMap { $0["url"] as? String }.first
        md.siteName = (meta["og:site_name"] ?? ld().lazy.compactMap { publisherName($0["publisher"]) }.first
            ?? meta["application-name"]).map(clean)
        if let lang = raw.language ?? meta["content-language"] ?? meta["og:locale"]
            ?? ld().lazy.compactMap({ $0["inLanguage"] as? String }).first {
            md.language = lang.replacingOccurrences(of: "_", with: "-").trimmingSpaces()
        }
        if let d = meta["description"] ?? meta["og:description"] { md.summary = clean(d) }
        for field in [\DocumentMetadata.title, \.author, \.url, \.siteName, \.language, \.summary] {
            if md[keyPath: field]?.isEmpty == true { md[keyPath: field] = nil }
        }
    }

    /// A date in the first lines of the text: `NEW YORK, Oct. 1, 2025 (Reuters) —`,
    /// `Published October 1, 2025`. Only forms with a month name or an ISO date count.
    static func dateline(in text: String) -> CalendarDate? {
        var lines = 0
        // the first few lines only, found over UTF-8: never split a whole (maybe huge) text
        let u = text.utf8
        var start = u.startIndex
        while start < u.endIndex, lines < 6 {
            let end = u[start...].firstIndex(of: 0x0A) ?? u.endIndex
            let line = u[start..<end]
            if !line.isEmpty {
                lines += 1
                // every date form has a digit
                if line.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    let head = Substring(text[start..<end]).prefix(160)
                    if let d = DateText.firstDate(in: DateText.tokens(head), strict: true), DateText.isPlausible(d) {
                        return d
                    }
                }
            }
            start = end < u.endIndex ? u.index(after: end) : end
        }
        return nil
    }

    /// White space collapsed, ends trimmed.
    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `Headline | Site` and `Headline - Site` lose the site part when it is short.
    static func stripSiteSuffix(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            if let r = title.range(of: separator, options: .backwards) {
                let head = title[..<r.lowerBound], tail = title[r.upperBound...]
                if tail.count < 40 && head.count > tail.count { return String(head) }
            }
        }
        return title
    }

    /// Every JSON object in a JSON-LD script, `@graph` members and nested objects included,
    /// article types first.
    static func jsonLDObjects(_ json: String) -> [[String: Any]] {
        var body = json.trimmingSpaces()
        if let first = body.first, let last = body.last, !("{[".contains(first) && "}]".contains(last)) {
            // CDATA wrappers and HTML comments that some pages leave around the JSON
            for junk in ["//<![CDATA[", "//]]>", "<![CDATA[", "]]>", "<!--", "-->"] {
                body = body.replacingOccurrences(of: junk, with: "")
            }
        }
        guard let data = body.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return []
        }
        var out: [[String: Any]] = []
        var stack: [Any] = [parsed]
        var steps = 0
        while let item = stack.popLast(), steps < 10_000 {
            steps += 1
            if let dict = item as? [String: Any] {
                out.append(dict)
                if let graph = dict["@graph"] { stack.append(graph) }
                if let entity = dict["mainEntity"] { stack.append(entity) }
            } else if let array = item as? [Any] {
                stack.append(contentsOf: array.reversed())
            }
        }
        func isArticle(_ d: [String: Any]) -> Bool {
            let types: [String] = (d["@type"] as? [String]) ?? [(d["@type"] as? String) ?? ""]
            return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }
        }
        return out.filter(isArticle) + out.filter { !isArticle($0) }
    }

    static func authorName(_ value: Any?) -> String? {
        if let s = value as? String { return s.hasPrefix("http") ? nil : s }
        if let d = value as? [String: Any] { return d["name"] as? String }
        if let a = value as? [Any] {
            let names = a.compactMap(authorName)
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    static func publisherName(_ value: Any?) -> String? {
        if let d = value as? [String: Any] { return d["name"] as? String }
        if let a = value as? [Any] { return a.lazy.compactMap(publisherName).first }
        return nil
    }

    /// The string value of `"key": "…"` found by scanning, for JSON that does not parse.
    static func scanJSONString(_ json: String, key: String) -> String? {
        guard let r = json.range(of: "\"\(key)\"") else { return nil }
        var rest = json[r.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard rest.first == "\"" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != "\"" })
        return String(value)
    }
}
