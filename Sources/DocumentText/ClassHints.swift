/// What an element's `class`, `id` and `role` say about its content, from word lists.
///
/// These are hints that feed the content score; they never decide alone (see
/// ``MainTextExtractor``): a hint on an element that holds most of the page's text is ignored.
struct ClassHints: OptionSet {
    let rawValue: UInt16

    /// Names that mark boilerplate: navigation, sharing, promotions, bylines, captions.
    static let boilerplate = ClassHints(rawValue: 1 << 0)
    /// Names that mark article content: `article-body`, `entry-content`, `story`, `post`.
    static let content = ClassHints(rawValue: 1 << 1)
    /// Hidden from the reader: `hidden`, `aria-hidden`, `display:none`, `sr-only`.
    static let hidden = ClassHints(rawValue: 1 << 2)
    /// `itemprop="articleBody"`: the page itself says where the article is.
    static let articleBody = ClassHints(rawValue: 1 << 3)
    /// Names that mark the comment section, which is long text but not the article.
    static let comments = ClassHints(rawValue: 1 << 4)
    /// The page's own markup says "the article is here": `<article>`, `<main>`, `role="main"`,
    /// `itemprop="articleBody"`.
    static let semantic = ClassHints(rawValue: 1 << 5)
    /// Names of the places that state an article's date: `date`, `byline`, `entry-meta`,
    /// `timestamp`, `datum`, `posted-on`. Read only by the publication-date stage.
    static let dated = ClassHints(rawValue: 1 << 6)
    /// Names of regions about other pages: related and most-read lists, sidebars, widgets,
    /// comments, footers, menus. Their dates belong to other articles.
    static let elsewhere = ClassHints(rawValue: 1 << 7)
    /// Names that mark a modification date: `updated`, `modified`, `aktualisiert`.
    static let updated = ClassHints(rawValue: 1 << 8)
    /// Names that mark a publication date: `published`, `pubdate`, `entry-date`, `post-date`.
    static let published = ClassHints(rawValue: 1 << 9)

    /// Words (whole tokens of a class or id, lower case) that mark boilerplate. A token matches
    /// when it equals an entry, or starts with an entry that ends in `*`.
    static let boilerplateWords: [String] = [
        "ad", "ads", "advert*", "adslot*", "adunit*", "adsense", "adblock*", "dfp", "sponsor*", "promo*",
        "outbrain*", "taboola*",
        "share*", "sharing", "sharethis", "social*", "sociable", "addthis",
        "related*", "recommend*", "recirc*", "readmore", "morestories", "trending*", "popular*",
        "mostread", "mostpopular", "upnext",
        "newsletter*", "subscribe*", "subscription*", "signup*", "optin", "regwall",
        "cookie*", "consent*", "gdpr",
        "nav", "navbar*", "navigation*", "menu*", "breadcrumb*", "pagination*", "pager",
        "footer*", "header*", "masthead", "toolbar*",
        "sidebar*", "widget*", "modal*", "popup*", "lightbox",
        "byline*", "author*", "avatar", "dateline", "timestamp", "postmeta", "entrymeta",
        "tags", "taglist",
        "caption*", "credit*", "figcaption",
    ]

    /// Words that mark the comment section ("commentary" is market commentary, so only whole words).
    static let commentWords: [String] = ["comment", "comments", "commentlist", "commentform", "disqus*",
                                         "respond", "replies", "discussion"]

    /// Words that mark the places where a page states its article's date.
    static let datedWords: [String] = [
        "date*", "datum*", "time", "timestamp*", "pubdate*", "publish*", "posted*", "postedon", "byline*",
        "dateline", "meta", "postmeta", "entrymeta", "articlemeta", "storymeta", "articleinfo", "postinfo",
        "entryinfo", "info", "author*", "stand", "created", "updated", "modified", "fecha", "data", "publie",
        "publication", "publicacion", "pubblicazione", "veroeffentlichung", "datierung", "zeitstempel",
    ]

    /// Words that mark regions about other pages.
    static let elsewhereWords: [String] = [
        "related*", "recommend*", "recirc*", "readmore", "morestories", "trending*", "popular*", "mostread",
        "mostpopular", "upnext", "sidebar*", "widget*", "footer*", "teaser*", "nav", "navbar*", "navigation*",
        "menu*", "comment", "comments", "commentlist", "disqus*", "replies", "respond", "breadcrumb*",
        "promo*", "newsletter*", "cookie*", "archive*", "aside", "rail", "sidebox", "moreon", "seealso",
        "latest*", "headlines", "ticker*",
        // the same regions named in German, French, Spanish, Italian, Dutch and Portuguese
        "masleido", "lomasleido", "maslei*", "meistgelesen*", "pluslus", "lespluslus", "correlat*", "relacionad*",
        "relazionat*", "verwandt*", "aehnlich*", "lireaussi", "voiraussi", "alire", "leggianche", "vertambien",
        "comentario*", "commentaire*", "kommentar*", "commenti", "reacties", "gerelateerd*", "populares", "popolari",
        "tendencias", "ultimenotizie", "dernieres*", "neueste*", "weitere*",
    ]

    /// Words that mark a modification date.
    static let updatedWords: [String] = ["updated", "update", "modified", "lastmodified", "lastupdated", "aktualisiert",
                                         "dateupdated", "datemodified", "modifieddate", "updatedate", "updatedat"]

    /// Words that mark a publication date.
    static let publishedWords: [String] = ["published", "publishdate", "pubdate", "posted", "postedon", "postdate",
                                           "entrydate", "datepublished", "publisheddate", "publishedat", "created",
                                           "publicationdate", "veroeffentlicht"]

    /// Words that mark article content.
    static let contentWords: [String] = [
        "article*", "content*", "entry*", "post", "posts", "postbody", "postcontent", "story*", "body",
        "text", "main", "blog", "prose", "richtext", "copy", "bodytext", "maincontent", "articlebody",
        "embed*", "tweet",
    ]

    /// Class names that hide an element from every reader. Only whole class names count, read
    /// joined (`sr-only` → `sronly`): `hidden-xs` hides on phones only and is not listed.
    static let hiddenNames: [String] = ["hidden", "sronly", "visuallyhidden", "screenreaderonly",
                                        "screenreadertext", "offscreen", "invisible", "dnone", "hide"]

    /// Class name → hints, for whole class names; built once.
    private static let wholeNames: HashedTable<ClassHints> = {
        var table = [UInt64: ClassHints]()
        for w in hiddenNames { table[hash(w), default: []].insert(.hidden) }
        return HashedTable(table, empty: [])
    }()

    /// Word → hints, for whole-token matches; built once from the lists above.
    private static let exact = HashedTable(build(prefixes: false), empty: ClassHints())
    /// Prefix → hints, for the `word*` entries.
    private static let prefixes = HashedTable(build(prefixes: true), empty: ClassHints())
    /// The lengths of the prefixes in `prefixes`, as a bit set.
    private static let prefixLengths: UInt64 = {
        var bits: UInt64 = 0
        for (list, _) in lists {
            for w in list where w.hasSuffix("*") { bits |= 1 << UInt64(w.utf8.count - 1) }
        }
        return bits
    }()

    /// Every word list with the hint it gives.
    private static let lists: [([String], ClassHints)] = [
        (boilerplateWords, .boilerplate), (commentWords, .comments), (contentWords, .content), (datedWords, .dated),
        (elsewhereWords, .elsewhere), (updatedWords, .updated), (publishedWords, .published),
    ]

    private static func build(prefixes wantPrefixes: Bool) -> [UInt64: ClassHints] {
        var table = [UInt64: ClassHints]()
        for (words, hint) in lists {
            for w in words where w.hasSuffix("*") == wantPrefixes {
                table[hash(wantPrefixes ? String(w.dropLast()) : w), default: []].insert(hint)
            }
        }
        return table
    }

    private static func hash(_ word: String) -> UInt64 {
        var h = fnvOffset
        for b in word.utf8 { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// The hints of one class or id value.
    ///
    /// The value is split into lower-case words at non-alphanumerics and camelCase humps
    /// (`articleBody`, `share-bar`); each word is looked up whole and by its prefixes, and a
    /// compound of two to four words is also looked up joined (`article-body` → `articlebody`).
    /// Works on the bytes with hashes, since it runs for every element of every page.
    static func of(_ value: UnsafePointer<UInt8>) -> ClassHints {
        var hints: ClassHints = []
        var i = 0
        var h = fnvOffset          // hash of the current word
        var length = 0             // length of the current word
        var joined = fnvOffset     // hash of the current class name's words, joined
        var words = 0
        var previousLower = false
        func endWord() {
            if length > 0 {
                if let found = exact[h] { hints.formUnion(found) }
                words += 1
            }
            h = fnvOffset
            length = 0
        }
        func endName() {
            endWord()
            if words > 1 && words <= 4, let found = exact[joined] { hints.formUnion(found) }
            if words >= 1 && words <= 3, let found = wholeNames[joined] { hints.formUnion(found) }
            joined = fnvOffset
            words = 0
        }
        while i < 512 {
            let c = value[i]
            if c == 0 { break }
            let isUpper = c >= 0x41 && c <= 0x5A
            let isLower = c >= 0x61 && c <= 0x7A
            let isDigit = c >= 0x30 && c <= 0x39
            if isUpper || isLower || isDigit {
                if isUpper && previousLower { endWord() }
                let lc = UInt64(c | (isUpper ? 0x20 : 0))
                h = (h ^ lc) &* fnvPrime
                joined = (joined ^ lc) &* fnvPrime
                length += 1
                if length < 64, prefixLengths & (1 << UInt64(length)) != 0, let found = prefixes[h] {
                    hints.formUnion(found)
                }
                previousLower = isLower || isDigit
            } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                endName()  // a space separates class names
                previousLower = false
            } else {
                endWord()
                previousLower = false
            }
            i += 1
        }
        endName()
        return hints
    }

    /// The hints of a `role` attribute.
    static func ofRole(_ value: UnsafePointer<UInt8>) -> ClassHints {
        switch String(cString: value).lowercased() {
        case "navigation", "contentinfo", "complementary", "menu", "menubar":
            return [.boilerplate, .elsewhere]
        case "banner", "search", "toolbar", "dialog", "alertdialog", "tablist":
            return .boilerplate
        case "main", "article":
            return [.content, .semantic]
        default:
            return []
        }
    }
}
