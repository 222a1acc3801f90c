/// One article, reduced to its own text: what every later stage reads.
///
/// For HTML, `text` is the main text that `claims text` prints (boilerplate removed, blocks
/// separated by blank lines). For plain text (`.txt`, `.md`, or anything that is not HTML) it is
/// the file's text exactly as decoded, so offsets point into the user's own file.
///
/// ## Topics
/// - ``Block``
/// - ``DocumentMetadata``
public struct Document: Sendable, Hashable, Codable {
    /// The article's text.
    public var text: String
    /// The text's blocks, in order, with offsets into `text` in Unicode scalars.
    public var blocks: [Block]
    /// Title, date, author and other facts about the page.
    public var metadata: DocumentMetadata
    /// Whether the source was read as HTML or as plain text.
    public var format: SourceFormat
    /// The character encoding the bytes were decoded from (`UTF-8`, `windows-1252`, `UTF-16LE`, …).
    public var encoding: String

    /// Creates a document from its parts.
    public init(text: String, blocks: [Block], metadata: DocumentMetadata, format: SourceFormat, encoding: String) {
        self.text = text
        self.blocks = blocks
        self.metadata = metadata
        self.format = format
        self.encoding = encoding
    }
}

/// How a source was read.
public enum SourceFormat: String, Sendable, Hashable, Codable {
    /// An HTML (or XHTML) page: parsed, and reduced to its main text.
    case html
    /// Plain text or Markdown: taken as it is.
    case text
    /// A PDF: its text layer, laid out in reading order.
    case pdf
}

/// A run of the document text with one role: a heading, a paragraph, a list item, a table row or a
/// quotation.
public struct Block: Sendable, Hashable, Codable {
    /// The block's role.
    public var kind: BlockKind
    /// Offset of the block's first Unicode scalar in the document text.
    public var start: Int
    /// Offset just past the block's last Unicode scalar (end exclusive).
    public var end: Int
    /// Heading level 1...6 for headings; nil for other blocks.
    public var level: Int?

    /// Creates a block.
    public init(kind: BlockKind, start: Int, end: Int, level: Int? = nil) {
        precondition(start <= end, "a block ends before it starts")
        self.kind = kind
        self.start = start
        self.end = end
        self.level = level
    }
}

/// The role of a block of text.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A heading (`h1`…`h6`, or a Markdown `#` line).
    case heading
    /// A paragraph of running text.
    case paragraph
    /// One item of a bulleted or numbered list.
    case listItem = "list_item"
    /// One row of a table, its cells separated by ` | `.
    case tableRow = "table_row"
    /// A block quotation.
    case quote
}

/// Facts about a document that are not its text.
///
/// Every field is optional: pages differ in what they state. `published` is a calendar day taken
/// as written on the page (before any time-zone conversion); `publishedSource` says where it came
/// from, so a reader can judge it.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    /// The article's headline.
    public var title: String?
    /// The day the article was published.
    public var published: CalendarDate?
    /// Where `published` was found: `documents.tsv`, `--date`, `meta:article:published_time`,
    /// `json-ld:datePublished`, `itemprop:datePublished`, `time:datetime`, `byline-text`, `url`,
    /// `dateline`, `page-text`; a UTC timestamp moved to the publisher's local day says so
    /// (`meta:article:published_time (local day: url)`).
    public var publishedSource: String?
    /// The author or authors, as the page names them.
    public var author: String?
    /// The canonical URL of the page.
    public var url: String?
    /// The publication or web site.
    public var siteName: String?
    /// The language tag (`en`, `en-US`).
    public var language: String?
    /// The page's summary (`description` meta), when it gives one.
    public var summary: String?
    /// A PDF's pages: the offset (Unicode scalars into the text) where each page's text starts,
    /// -1 for a page with none; nil for other formats.
    public var pageStarts: [Int]?
    /// A PDF's pages (1-based) that have no text layer: scanned images, read as nothing.
    public var pagesWithoutText: [Int]?

    /// Creates metadata; every field defaults to unknown.
    public init(title: String? = nil, published: CalendarDate? = nil, publishedSource: String? = nil,
                author: String? = nil, url: String? = nil, siteName: String? = nil,
                language: String? = nil, summary: String? = nil) {
        self.title = title
        self.published = published
        self.publishedSource = publishedSource
        self.author = author
        self.url = url
        self.siteName = siteName
        self.language = language
        self.summary = summary
    }
}
