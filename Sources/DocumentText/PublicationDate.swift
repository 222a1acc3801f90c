import ClaimModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the day a page was first published, from everything the page states: markup (meta
/// tags, JSON-LD, `itemprop`, `time` and `data-*` attributes), its address, and visible text
/// anywhere on the page — bylines and datelines sit in headers and author boxes that main-text
/// extraction rightly drops.
///
/// The order of trust, first found wins:
/// 1. a publication date in markup (meta tags in ``publishedKeys`` order, JSON-LD
///    `datePublished`, `itemprop="datePublished"`, `<time pubdate>`, `data-published`, hAtom's
///    `<abbr class="published" title>`);
/// 2. the date nearest the title among visible dates in places named for dates (`byline`,
///    `date`, `entry-meta`, a `time` element's text) and `datetime`/`data-date` attributes;
/// 3. a date in the page's address (`/2023/11/08/`, `-20231108`);
/// 4. a visible date in a short line near the title;
///
/// then, after the caller's dateline rule on the article text, the ``Found/fallback``:
/// 5. a modification date (better than none);
/// 6. a date standing alone on a short line anywhere on the page.
///
/// "Near the title" means: after the heading that carries the page title (else the first
/// `h1`, else the start of the `article` element), before it only a little; dates inside
/// related-article lists, sidebars, comments, menus and footers are other pages' dates and never
/// count. Labels decide between dates: a date labelled "Updated"/"Aktualisiert"/"Mis à jour" is
/// a modification date, never the publication. Numeric dates are read day first unless the page
/// is in United States English (or its own dates show month first); `03/04/2019` on a page of no
/// known language is not read at all.
///
/// Refused: a day before 1995 (no web page is older), after today, or a month or more after
/// the page's own modification date; a day whose numbers cannot be a date as written (`31.06.2018`). A
/// timestamp in UTC (or with no zone) whose day is one off the publisher's local day, which a
/// visible date or the address shows, gives that local day: `2021-03-04T01:30:00Z` on a page
/// that reads "3 March 2021, 8:30 p.m. ET" was published on the 3rd.
enum PublicationDate {
    /// What the stage found: the date and where it came from, and the weaker fallback.
    struct Found {
        var date: CalendarDate?
        var source: String?
        /// Used only when neither the stages above nor the article text's dateline give a date.
        var fallback: (date: CalendarDate, source: String)?
    }

    /// Meta names that carry the publication date, in order of trust.
    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:article:published",
        "og:published_time", "datepublished", "published_time", "publishdate", "publish-date", "publish_date",
        "published-date", "date_published", "publication_date", "publication-date", "pubdate", "pub_date",
        "og:pubdate", "og:publish_date", "og:datepublished", "rnews:datepublished", "dc.date.issued",
        "dcterms.issued", "dc.date.publication", "dc.date.created", "dcterms.created", "dc.created", "dc:created",
        "dc.date", "dc:date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "article.published",
        "article.created", "article_date_original", "original-publish-date", "originalpublicationdate",
        "dcsext.articlefirstpublished", "shareaholic:article_published_time", "vr:published_time",
        "mediator_published_time", "twt-published-at", "cxenseparse:recs:publishtime", "citation_publication_date",
        "citation_date", "release_date", "datecreated", "date_created", "dateposted", "displaydate", "doc_date",
        "pdate", "rbpubdate", "og:regdate",
    ]

    /// Meta names that carry a modification date.
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "article:modified", "modified_time", "updated_time",
        "datemodified", "dateupdated", "dc.date.modified", "dcterms.modified", "dc.modified", "last-modified",
        "lastmodified", "last_modified", "last_updated", "lastmod", "modified", "article.updated",
    ]

    /// What the words before a visible date say it is.
    enum Label {
        /// "Published", "Veröffentlicht am", "Publié le", "geschrieben am".
        case publication
        /// "Updated", "Aktualisiert", "Mis à jour": a modification date.
        case update
        /// "Termin", "Event", "Next release", "Nächste Veröffentlichung", "Deadline": a date of
        /// something else, never the page's publication.
        case other
    }

    /// Label words, lower case. A date takes the label of the last label word before it.
    static let labels: [String: Label] = {
        var table: [String: Label] = [:]
        for w in ["updated", "update", "modified", "aktualisiert", "geändert", "actualizado", "actualización",
                  "aggiornato", "aggiornamento", "bijgewerkt", "atualizado", "revised", "edited", "jour", "modifié",
                  "actualisé"] { table[w] = .update }
        for w in ["published", "posted", "publié", "publie", "veröffentlicht", "erstellt", "publicado", "pubblicato",
                  "gepubliceerd", "geplaatst", "created", "first", "erschienen", "publicada", "geschrieben", "verfasst",
                  "written", "stand", "écrit", "redigé", "rédigé"] { table[w] = .publication }
        for w in ["termin", "termine", "veranstaltung", "event", "events", "webinar", "seminar", "konferenz", "conference",
                  "tagung", "deadline", "frist", "anmeldeschluss", "anmeldung", "registration", "next", "nächste", "nächster",
                  "nächsten", "prochaine", "prochain", "upcoming", "when", "wann", "hauptversammlung", "meeting",
                  "séminaire", "réunion", "évènement", "événement", "bis", "until", "expires", "gültig",
                  "valid"] { table[w] = .other }
        return table
    }()

    /// The most visible sites read from one page, and the furthest a site may lie from the title.
    static let maxSites = 400
    static let windowAfter = 250
    static let windowBefore = 60

    /// Finds the date. `meta` holds the page's meta tags by lower-case name (first value kept);
    /// `jsonLD` the parsed JSON-LD objects, article types first (called only when meta tags give
    /// no publication date; the caller parses once and keeps the result); `today` the latest day a page may have been published.
    static func find(meta: [String: String], jsonLD: () -> [[String: Any]], raw: RawMetadata, tree: borrowing HTMLTree,
                     language: String?, title: String?, today: CalendarDate = PublicationDate.today()) -> Found {
        var order = DateText.DayOrder(language: language)
        let anchor = anchorNode(tree, title: title)
        // the lines around the title first; the rest of the page only when it comes to the fallback
        let window = max(0, anchor - windowBefore * 4)..<min(tree.count, anchor + windowAfter * 6)
        let sites = visibleSites(tree, in: window, anchor: anchor, order: &order)

        // JSON-LD is read for a modification date only when it is read anyway
        let needsLD = !publishedKeys.contains { meta[$0] != nil }
        let modified = modificationDates(meta: meta, ld: needsLD ? jsonLD() : [], tree: tree, order: order, today: today)
        let latestModified = modified.map(\.0.date).max()
        func allowed(_ d: CalendarDate) -> Bool {
            // content systems write a modification before a scheduled publication: only a
            // publication a month or more after the last modification is a placeholder
            d <= today && (latestModified.map { d <= $0.adding(days: 31) } ?? true)
        }
        let structured = markupPublication(meta: meta, ld: jsonLD, raw: raw, tree: tree, order: order, allowed: allowed)

        let urlDate = addressDate(raw.canonical ?? meta["og:url"], today: today)

        // Visible dates the page shows near its title (not labelled as updates): they settle a
        // UTC timestamp's local day, and stand on their own when markup names no date.
        let near = sites.filter { !$0.elsewhere && !$0.updated && allowed($0.date) }
        let dated = nearest(near.filter { $0.dated }, to: anchor, window: nil)
        let timeAttributes = tree.dateAttributes.compactMap { a -> Site? in
            guard a.kind == .time || a.kind == .attribute, let s = DateText.stamp(a.value, order: order), allowed(s.date) else { return nil }
            let context = context(of: Int(a.node), tree, anchor: anchor)
            guard !context.elsewhere, !context.updated else { return nil }
            return Site(node: Int(a.node), date: s.date, dated: true, elsewhere: false, updated: false,
                        source: tree.tag[Int(a.node)] == .time ? "time:datetime" : "attribute:\(a.name)", utcLike: s.utcLike)
        }
        let plain = nearest(near.filter { !$0.dated }, to: anchor, window: (windowBefore, windowAfter))

        if let (stamp, source) = structured {
            if stamp.utcLike {
                // the publisher's local day, when the page shows it and the UTC day differs by one
                // (a visible date or the address); any of them showing the UTC day keeps it
                let localTimes = timeAttributes.filter { !$0.utcLike }
                // a plain line counts only when short and right under the title
                let underTitle = nearest(near.filter { !$0.dated && $0.short }, to: anchor, window: (0, 30))
                let witnesses = [dated, urlDate.map { Site(node: anchor, date: $0, source: "url") },
                                 nearest(localTimes, to: anchor, window: nil), underTitle].compactMap { $0 }
                let shown = near.contains { $0.date == stamp.date } || urlDate == stamp.date
                    || timeAttributes.contains { $0.date == stamp.date && !$0.utcLike }
                if !shown,
                   let w = witnesses.first(where: { abs($0.date.daysSinceEpoch - stamp.date.daysSinceEpoch) == 1 }) {
                    return Found(date: w.date, source: "\(source) (local day: \(w.source))")
                }
            }
            return Found(date: stamp.date, source: source)
        }
        // a place named for dates or a time element near the title, the nearer of the two
        if let own = nearest(near.filter { $0.dated } + timeAttributes, to: anchor, window: (windowBefore * 4, windowAfter * 6)) {
            return Found(date: own.date, source: own.source)
        }
        if let urlDate { return Found(date: urlDate, source: "url") }
        if let plain { return Found(date: plain.date, source: plain.source) }

        var found = Found()
        if let (stamp, source) = modified.first {
            found.fallback = (stamp.date, source)
            return found
        }
        let page = visibleSites(tree, in: 0..<window.lowerBound, anchor: anchor, order: &order) + sites
            + visibleSites(tree, in: window.upperBound..<tree.count, anchor: anchor, order: &order)
        if let update = page.first(where: { !$0.elsewhere && $0.updated && $0.date <= today }) {
            found.fallback = (update.date, "updated-text")
        } else if let any = page.first(where: { !$0.elsewhere && allowed($0.date) && $0.short }) {
            found.fallback = (any.date, "page-text")
        }
        return found
    }

    /// The modification dates the markup states, meta tags first: the upper bound of a
    /// publication date, and the last resort.
    static func modificationDates(meta: [String: String], ld: [[String: Any]], tree: borrowing HTMLTree,
                                  order: DateText.DayOrder, today: CalendarDate) -> [(DateText.Stamp, String)] {
        var modified: [(DateText.Stamp, String)] = []
        for key in modifiedKeys {
            if let v = meta[key], let s = DateText.stamp(v, order: order), s.date <= today { modified.append((s, "meta:\(key)")) }
        }
        for a in tree.dateAttributes where a.kind == .itempropModified {
            if let s = DateText.stamp(a.value, order: order), s.date <= today {
                modified.append((s, a.name == "itemprop" ? "itemprop:dateModified" : "attribute:\(a.name)"))
            }
        }
        for object in ld {
            if let v = object["dateModified"] as? String, let s = DateText.stamp(v, order: order), s.date <= today {
                modified.append((s, "json-ld:dateModified"))
                break
            }
        }
        return modified
    }

    /// The publication date the markup states, with its source: meta tags in
    /// ``publishedKeys`` order, JSON-LD (also when it does not parse), then `itemprop`, `<time
    /// pubdate>`, `data-published` and hAtom attributes. Dates `allowed` refuses are passed over.
    static func markupPublication(meta: [String: String], ld: () -> [[String: Any]], raw: RawMetadata,
                                  tree: borrowing HTMLTree, order: DateText.DayOrder,
                                  allowed: (CalendarDate) -> Bool) -> (DateText.Stamp, String)? {
        for key in publishedKeys {
            if let v = meta[key], let s = DateText.stamp(v, order: order), allowed(s.date) { return (s, "meta:\(key)") }
        }
        for object in ld() {
            for key in ["datePublished", "dateCreated", "uploadDate"] {
                if let v = object[key] as? String, let s = DateText.stamp(v, order: order), allowed(s.date) {
                    return (s, "json-ld:\(key)")
                }
            }
        }
        // JSON-LD that does not parse (trailing commas, comments) still names its date
        for json in raw.jsonLD {
            if let v = MetadataReader.scanJSONString(json, key: "datePublished"), let s = DateText.stamp(v, order: order),
               allowed(s.date) {
                return (s, "json-ld:datePublished")
            }
        }
        for a in tree.dateAttributes where a.kind == .itempropPublished {
            if let s = DateText.stamp(a.value, order: order), allowed(s.date) {
                let source = a.name == "itemprop" ? "itemprop:datePublished"
                    : tree.tag[Int(a.node)] == .time ? "time:pubdate" : "attribute:\(a.name)"
                return (s, source)
            }
        }
        return nil
    }

    /// A visible date on the page.
    struct Site {
        var node: Int
        var date: CalendarDate
        /// In a place named for dates (`byline`, `date`, `entry-meta`) or a `time` element.
        var dated = false
        /// In a region about other pages.
        var elsewhere = false
        /// Labelled as a modification date.
        var updated = false
        var source: String
        var utcLike = false
        /// The whole line is short: a date standing alone, not prose.
        var short = true
    }

    /// The context of a node: what its element and the elements around it are named.
    struct Context {
        var dated = false
        var elsewhere = false
        var updated = false
        var published = false
    }

    /// The context of a node. A region that also holds the anchor is the article's own (a
    /// `<body class="has-sidebar">`, a wrapper named `main-nav-layout`): it is never elsewhere.
    /// Without an anchor, a region holding a third of the page is not elsewhere either.
    static func context(of node: Int, _ tree: borrowing HTMLTree, anchor: Int? = nil) -> Context {
        var c = Context()
        var i = node
        var depth = 0
        while i >= 0 && depth < 40 {
            let h = tree.hints[i]
            let t = tree.tag[i]
            // the nearest few elements say what the date is; any ancestor says where it is
            if depth < 6 {
                if h.contains(.dated) || t == .time || t == .address { c.dated = true }
                if h.contains(.published) { c.published = true; c.updated = false }
                else if h.contains(.updated) && !c.published { c.updated = true }
            }
            if h.contains(.elsewhere) || h.contains(.comments) || t == .footer || t == .nav || t == .aside {
                let end = Int(tree.end[i])
                let holdsAnchor = anchor.map { $0 >= i && $0 < end } ?? (end - i > tree.count / 3)
                // an article's own footer (a <footer> inside the <article> that holds the title)
                // carries the article's date, unlike the page's footer
                let ownFooter = t == .footer && !h.contains(.comments) && anchor.map { insideArticle(i, of: $0, tree) } == true
                if !holdsAnchor && !ownFooter { c.elsewhere = true }
            }
            i = Int(tree.parent[i])
            depth += 1
        }
        return c
    }

    /// True when node `i` lies inside the nearest `article` element around the anchor.
    static func insideArticle(_ i: Int, of anchor: Int, _ tree: borrowing HTMLTree) -> Bool {
        var a = anchor
        var depth = 0
        while a >= 0 && depth < 40 {
            if tree.tag[a] == .article { return i > a && i < Int(tree.end[a]) }
            a = Int(tree.parent[a])
            depth += 1
        }
        return false
    }

    /// The node dates are measured from: the heading (`h1` to `h3`) that carries most of the
    /// page's title, else the first `h1` outside other pages' regions, else the start of the `article`
    /// or `main` element, else the top. A site's logo is often an `h1` too.
    static func anchorNode(_ tree: borrowing HTMLTree, title: String?) -> Int {
        if let title, let key = titleKey(Substring(title)), key.count >= 12 {
            // the heading that carries most of the title: a blog's name in an h1 loses to the
            // post's title in an h3 when the page title holds both
            var best = -1
            var bestLength = 0
            var seen = 0
            for i in 0..<tree.count where tree.tag[i] == .h1 || tree.tag[i] == .h2 || tree.tag[i] == .h3 {
                seen += 1
                if seen > 60 { break }
                var text = ""
                for j in (i + 1)..<Int(tree.end[i]) where tree.tag[j] == .text {
                    if let bytes = tree.textBytes(j) { text += String(decoding: bytes, as: UTF8.self) }
                    if text.utf8.count > 400 { break }
                }
                guard let heading = titleKey(Substring(text)), heading.count >= 12,
                      key.contains(heading.prefix(40)) || heading.contains(key.prefix(40)) else { continue }
                let length = min(heading.count, key.count)
                if length > bestLength {
                    best = i
                    bestLength = length
                }
            }
            if best >= 0 { return best }
        }
        for i in 0..<tree.count where tree.tag[i] == .h1 {
            if !context(of: i, tree).elsewhere { return i }
        }
        for i in 0..<tree.count where tree.tag[i] != .text && tree.hints[i].contains(.semantic) { return i }
        return 0
    }

    /// A title's letters and digits, lower case, for comparing a heading with the page title
    /// (ASCII folded by hand, other letters kept as they are: both sides are read the same way).
    static func titleKey(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for c in s.utf8 {
            if c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) {
                bytes.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The site closest to the anchor: after it counts as near, before it four times as far
    /// (a page header's date, before the title, is often today's date rather than the article's).
    static func nearest(_ sites: [Site], to anchor: Int, window: (before: Int, after: Int)?) -> Site? {
        var best: Site? = nil
        var bestDistance = Int.max
        for s in sites {
            let after = s.node >= anchor
            let gap = after ? s.node - anchor : anchor - s.node
            if let window, gap > (after ? window.after : window.before) { continue }
            let distance = after ? gap : gap * 4 + 2
            if distance < bestDistance {
                best = s
                bestDistance = distance
            }
        }
        return best
    }

    /// The visible dates of the page's short text lines in `range`, in document order. An
    /// unknown day order is settled by the page's own numeric dates when one has a day above 12.
    static func visibleSites(_ tree: borrowing HTMLTree, in range: Range<Int>, anchor: Int,
                             order: inout DateText.DayOrder) -> [Site] {
        var candidates: [(node: Int, tokens: [DateText.Token], short: Bool, label: Int, shortYear: Bool)] = []
        var previousLabel = -1
        for i in range where tree.tag[i] == .text {
            guard let bytes = tree.textBytes(i), bytes.count > 0, bytes.count <= 400 else { continue }
            let length = bytes.count
            let year = hasYear(bytes)
            let shortYear = !year && length <= 80 && hasShortDottedDate(bytes)
            if !year && !shortYear {
                // a short label ("Updated:", "Publié le") before the element holding the date
                if length <= 40 { previousLabel = i }
                continue
            }
            if isCopyright(bytes) { continue }
            let label = previousLabel >= 0 && i - previousLabel <= 4 ? previousLabel : -1
            previousLabel = -1
            candidates.append((i, DateText.tokens(Substring(String(decoding: bytes, as: UTF8.self))), length <= 160, label,
                               shortYear))
            if candidates.count >= maxSites { break }
        }
        if order == .unknown { order = settledOrder(candidates.map(\.tokens)) }
        var sites: [Site] = []
        for candidate in candidates {
            let tokens = candidate.tokens
            let context = context(of: candidate.node, tree, anchor: anchor)
            var label: Label? = nil
            if candidate.label >= 0, let bytes = tree.textBytes(candidate.label) {
                label = labelOf(DateText.tokens(Substring(String(decoding: bytes, as: UTF8.self))))
            }
            var k = 0
            while k < tokens.count {
                // a two-digit year only where the markup or a label says a date stands there
                let shortYears = candidate.shortYear && (context.dated || label == .publication)
                guard let (date, taken) = DateText.date(at: k, in: tokens, strict: true, order: order, shortYears: shortYears) else {
                    if case .word(let w) = tokens[k], let l = labels[w] { label = l }
                    k += 1
                    continue
                }
                if DateText.plausibleYears.contains(date.year), label != .other {
                    let updated = label.map { $0 == .update } ?? context.updated
                    sites.append(Site(node: candidate.node, date: date, dated: context.dated, elsewhere: context.elsewhere,
                                      updated: updated, source: context.dated ? "byline-text" : "page-text",
                                      utcLike: false, short: candidate.short))
                }
                k += taken
            }
        }
        return sites
    }

    /// True for a copyright line (`©`, `Copyright`, `(c) 2024`): its year is never a publication.
    static func isCopyright(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<b.count where b[i] == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA9 { return true }
        return TextDecoding.containsASCII(b, "copyright", within: b.count) || TextDecoding.containsASCII(b, "(c) ", within: b.count)
    }

    /// The label of the last label word of a text, if any.
    static func labelOf(_ tokens: [DateText.Token]) -> Label? {
        var label: Label? = nil
        for t in tokens {
            if case .word(let w) = t, let l = labels[w] { label = l }
        }
        return label
    }

    /// The day order the page's own numeric dates show: a first number above 12 means day first,
    /// a second above 12 month first.
    static func settledOrder(_ texts: [[DateText.Token]]) -> DateText.DayOrder {
        for t in texts {
            var k = 0
            while k + 4 < t.count {
                if let (a, ad) = DateText.number(t[k]), ad <= 2, DateText.isSeparator(t[k + 1], "/-"),
                   let (b, bd) = DateText.number(t[k + 2]), bd <= 2, DateText.isSeparator(t[k + 3], "/-"),
                   let (_, yd) = DateText.number(t[k + 4]), yd == 4 {
                    if a > 12 && b <= 12 { return .dayFirst }
                    if b > 12 && a <= 12 { return .monthFirst }
                }
                k += 1
            }
        }
        return .unknown
    }

    /// True when the bytes hold a run of exactly four digits from 1995 to 2199: every date form
    /// read here has one.
    static func hasYear(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var value = 0
        for c in b {
            if c >= 0x30 && c <= 0x39 {
                run += 1
                value = value * 10 + Int(c - 0x30)
                if run > 4 { value = 10_000 }
            } else {
                if run == 4 && value >= 1995 && value <= 2199 { return true }
                run = 0
                value = 0
            }
        }
        return run == 4 && value >= 1995 && value <= 2199
    }

    /// True when the bytes hold `D.M.YY` or `DD.MM.YY` standing alone (no digit or dot after).
    static func hasShortDottedDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "."), digit(i - 1), digit(i + 1) {
                // ".MM.YY" after the day: find the second dot
                var j = i + 1
                while digit(j) && j - i <= 2 { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "."), digit(j + 1), digit(j + 2), !digit(j + 3),
                   !(j + 3 < b.count && b[j + 3] == UInt8(ascii: ".") && digit(j + 4)) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// A date in the path of the page's address: `/2023/11/08/`, `/2023-11-08/`, `-20231108/`,
    /// `/2019/nov/18/`, `/story/2019-11-19/`. Host names and query strings are not read.
    static func addressDate(_ url: String?, today: CalendarDate) -> CalendarDate? {
        guard var path = url?.prefix(400) else { return nil }
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            guard let slash = path.firstIndex(of: "/") else { return nil }
            path = path[slash...]
        }
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        let t = DateText.tokens(path)
        func ok(_ d: CalendarDate?) -> CalendarDate? {
            guard let d, DateText.isPlausible(d, today: today) else { return nil }
            return d
        }
        var k = 0
        while k < t.count {
            if let (y, yd) = DateText.number(t[k]), yd == 4, k + 4 < t.count, DateText.isSeparator(t[k + 1], "/-_"),
               DateText.isSeparator(t[k + 3], "/-_"), let (d, dd) = DateText.number(t[k + 4]), dd <= 2 {
                if let (m, md) = DateText.number(t[k + 2]), md <= 2, let date = ok(CalendarDate(year: y, month: m, day: d)) {
                    return date
                }
                if let m = DateText.month(t[k + 2]), let date = ok(CalendarDate(year: y, month: m, day: d)) { return date }
            }
            if let (v, digits) = DateText.number(t[k]), digits == 8,
               (k == 0 || DateText.isSeparator(t[k - 1], "/-_")),
               (k + 1 == t.count || DateText.isSeparator(t[k + 1], "/-_.")),
               let date = ok(CalendarDate(year: v / 10000, month: v / 100 % 100, day: v % 100)) {
                return date
            }
            k += 1
        }
        return nil
    }

    /// Today's date in UTC, plus one day: a page may carry its publisher's local day, which is
    /// ahead of UTC east of Greenwich.
    static func today() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int(time(nil) / 86_400)).adding(days: 1)
    }
}
