/// Every threshold of the HTML-to-text stage, in one place, with the reason for its value.
///
/// The defaults were set on the article-extraction benchmark (`scripts/bench-text.sh`): change
/// one only with a benchmark run that shows the effect.
public struct ExtractionOptions: Sendable, Hashable {
    /// Text blocks at least this long (in characters, spaces excluded) count as article prose
    /// when their link density is low: a sentence or two. Shorter blocks are menu items, labels,
    /// bylines and buttons as often as they are prose.
    /// The password of encrypted PDFs (nil: none).
    public var pdfPassword: String? = nil

    public var longBlock: Int = 80
    /// Blocks shorter than `longBlock` but at least this long count as prose when they end like a
    /// sentence.
    public var mediumBlock: Int = 25
    /// Share of a block's characters inside links above which the block is navigation, not prose.
    public var maxLinkDensity: Double = 0.5
    /// When the article found with class-name hints holds less prose than this (characters),
    /// the page is read again without them, and the reading with more prose wins: a page whose
    /// every paragraph sits in an unluckily named wrapper still gives its text.
    public var minimumArticle: Double = 250
    /// An element inside the article is a link list ("more stories", teasers) when it holds at
    /// least three link-only blocks and at least this many of them per prose block.
    public var teaserRatio: Double = 0.5
    /// A link block this long (characters) reads as a headline, the mark of a teaser list.
    public var headlineLink: Int32 = 20
    /// The page's own article element (`<article>`, `itemprop="articleBody"`) inside the
    /// winning container replaces it when it holds at least this share of the container's prose:
    /// the rest is then other posts or teasers.
    public var semanticShare: Double = 0.6
    /// It also does when it holds at least half that share and this many times the prose of the
    /// next largest article element (a story among many teaser cards).
    public var semanticDominance: Double = 4
    /// Weight of a short block's characters against the container that holds it: short blocks
    /// (menus, labels) argue mildly against a container.
    public var shortBlockWeight: Double = 0.5
    /// Weight of the characters of data-table cells and preformatted blocks for their container:
    /// tables of figures are content, but weaker evidence of the article than prose.
    public var dataBlockWeight: Double = 0.5
    /// Short blocks that are page furniture wherever they stand, compared in lower case with
    /// everything but letters removed: ad labels, "continue reading" prompts, share and follow
    /// labels, in the languages the benchmark pages use.
    public var boilerplateLines: Set<String> = [
        "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsoredcontent",
        "paidcontent", "promoted", "storycontinuesbelow", "articlecontinuesbelow", "storycontinuesbelowadvertisement",
        "continuereadingbelow", "continuereading", "continuereadingthemainstory", "readmore", "readmorebelow",
        "readnext", "readalso", "alsoread", "seealso", "related", "relatedarticles", "relatedstories",
        "relatedcontent", "moreonthis", "morestories", "share", "sharethis", "sharethisarticle", "sharethisstory",
        "shareonfacebook", "shareontwitter", "followus", "subscribe", "signup", "skipad", "clickhere",
        "thisslideshowrequiresjavascript", "loading", "loadingcomments", "comments", "printthisarticle",
        "anzeige", "werbung", "publicité", "publicite", "pubblicità", "pubblicita", "publicidad", "реклама",
    ]
    /// Pages larger than this many bytes are refused, so one file cannot exhaust memory (the
    /// largest real article pages are a few megabytes).
    public var maxBytes: Int = 64 * 1024 * 1024

    /// The defaults.
    public init() {}
}
