import ClaimModel
import ClaimsTestSupport
@testable import DocumentText
import Testing

@Suite("Metadata")
struct MetadataTests {
    let reader = DocumentReader()
    let body = "<p>The benchmark index closed the quarter at a record, capping a rally that few strategists had expected in spring.</p>"

    func read(_ head: String, _ body: String? = nil) throws -> DocumentMetadata {
        try reader.read(Array("<html><head>\(head)</head><body><article>\(body ?? self.body)</article></body></html>".utf8),
                        fileName: "m.html").metadata
    }

    @Test("placeholder dates (0001-01-01, 9999-12-31) are not publication dates; the next source is used")
    func placeholderDates() throws {
        let md = try read("""
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>
        <meta property="article:published_time" content="9999-12-31">
        """, "<time datetime=\"2019-11-19\">Nov. 19</time>" + body)
        #expect(md.published?.description == "2019-11-19")
        #expect(md.publishedSource == "time:datetime")
        #expect(try read(#"<meta name="date" content="0001-01-01">"#).published == nil)
    }

    @Test("JSON-LD datePublished, also inside @graph, with author and publisher")
    func jsonLD() throws {
        let md = try read("""
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Site"},
          {"@type":"NewsArticle","headline":"Q3 in review","datePublished":"2025-10-01T06:00:00+09:00",
           "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],
           "publisher":{"@type":"Organization","name":"The Ledger"}}]}</script>
        """)
        #expect(md.published?.description == "2025-10-01")
        #expect(md.publishedSource == "json-ld:datePublished")
        #expect(md.title == "Q3 in review")
        #expect(md.author == "A. Writer, B. Writer")
        #expect(md.siteName == "The Ledger")
    }

    @Test("JSON-LD that does not parse still gives its date")
    func brokenJSONLD() throws {
        let md = try read(#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-09-30",}</script>"#)
        #expect(md.published?.description == "2025-09-30")
    }

    @Test("meta tags come before JSON-LD, JSON-LD before time elements")
    func order() throws {
        let md = try read("""
        <meta property="article:published_time" content="2025-10-02T09:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-10-03"}</script>
        """, "<time datetime=\"2025-10-04\">Oct 4</time>" + body)
        #expect(md.published?.description == "2025-10-02")
        let timeOnly = try read("", "<time datetime=\"2025-10-04T10:00\">Oct 4</time>" + body)
        #expect(timeOnly.published?.description == "2025-10-04")
        #expect(timeOnly.publishedSource == "time:datetime")
    }

    @Test("a dateline in the first lines dates an otherwise undated page (read as a line of the page near its start)")
    func dateline() throws {
        let md = try read("", "<p>NEW YORK, Oct. 10, 2025 (Wire) — Stocks tumbled on Friday after a week of calm, with the S&amp;P 500 down 2.7%.</p>")
        #expect(md.published?.description == "2025-10-10")
        #expect(md.publishedSource == "page-text")
        // a plain-text file has only its text: the dateline rule reads its first lines
        let text = try reader.read(Array("Markets wrap\n\nNEW YORK, Oct. 10, 2025 (Wire) — Stocks tumbled.\n".utf8), fileName: "w.txt")
        #expect(text.metadata.published?.description == "2025-10-10")
        #expect(text.metadata.publishedSource == "dateline")
    }

    @Test("the title falls back to <title> without the site name")
    func titleFallback() throws {
        #expect(try read("<title>Dow sheds 879 points | The Ledger</title>").title == "Dow sheds 879 points")
    }

    @Test("date forms used in metadata and datelines")
    func dateForms() {
        let cases: [(String, String?)] = [
            ("2025-10-01T08:30:00-04:00", "2025-10-01"),
            ("2025/10/01", "2025-10-01"),
            ("20251001", "2025-10-01"),
            ("Wed, 01 Oct 2025 08:30:00 GMT", "2025-10-01"),
            ("October 1, 2025", "2025-10-01"),
            ("Oct. 1, 2025 5:00 p.m. ET", "2025-10-01"),
            ("1 October 2025", "2025-10-01"),
            ("Sept. 30, 2025", "2025-09-30"),
            ("30.09.2025", "2025-09-30"),
            ("9/30/2025", "2025-09-30"),
            ("30/09/2025", "2025-09-30"),
            ("February 30, 2025", nil),
            ("yesterday", nil),
        ]
        for (text, expected) in cases {
            #expect(DateText.parse(text)?.description == expected, "\(text)")
        }
    }
}

@Suite("Plain text")
struct PlainTextTests {
    let reader = DocumentReader()

    @Test("plain text is kept exactly, line breaks and all")
    func exactText() throws {
        let text = "Title line\r\n\r\n  The Dow rose 0.5%.  \r\nSecond paragraph — with “quotes” and ½.\n"
        let doc = try reader.read(Array(text.utf8), fileName: "note.txt")
        #expect(doc.text == text)
        #expect(doc.format == .text)
        #expect(doc.blockTexts == ["Title line", "The Dow rose 0.5%.", "Second paragraph — with “quotes” and ½."])
        #expect(doc.metadata.title == "Title line")
    }

    @Test("offsets count Unicode scalars, not bytes or characters")
    func scalarOffsets() throws {
        // "é" as e + combining acute is one character but two scalars; "€" is three bytes.
        let text = "Cafe\u{301} €5bn\nNext line 2%\n"
        let doc = try reader.read(Array(text.utf8), fileName: "a.md")
        #expect(doc.blocks.map(\.start) == [0, 11])
        #expect(doc.blocks.map(\.end) == [10, 23])
    }

    @Test("Markdown marks set block kinds")
    func markdownKinds() throws {
        let text = "# Weekly wrap\n\n- S&P 500 -2.4%\n* Nasdaq -2.5%\n1. Dow -2.7%\n> A quote\n| SPX | 6,552.51 |\nPlain #hashtag\n"
        let doc = try reader.read(Array(text.utf8), fileName: "w.md")
        #expect(doc.blocks.map(\.kind) == [.heading, .listItem, .listItem, .listItem, .quote, .tableRow, .paragraph])
        #expect(doc.blocks[0].level == 1)
    }
}

@Suite("Class hints and tags")
struct HintTests {
    func hints(_ s: String) -> ClassHints {
        s.withCString { p in p.withMemoryRebound(to: UInt8.self, capacity: s.utf8.count + 1) { ClassHints.of($0) } }
    }

    @Test("boilerplate, content, comments and hidden names are recognised by whole words")
    func words() {
        #expect(hints("share-bar").contains(.boilerplate))
        #expect(hints("socialShareButtons").contains(.boilerplate))      // camelCase humps
        #expect(hints("related-articles list").contains(.boilerplate))
        #expect(hints("article-body").contains(.content))
        #expect(hints("entry-content clearfix").contains(.content))
        #expect(hints("comments").contains(.comments))
        #expect(!hints("market-commentary").contains(.comments))           // commentary is content
        #expect(!hints("header-style-2 shadow").isDisjoint(with: .boilerplate))
        #expect(!hints("loading").contains(.boilerplate))                  // "ad" is a word, not a substring
        #expect(!hints("download-link").contains(.boilerplate))
        #expect(hints("sr-only").contains(.hidden))
        #expect(hints("hidden").contains(.hidden))
        #expect(!hints("hidden-xs").contains(.hidden))                     // hidden on phones only
        #expect(hints("").isEmpty)
    }

    @Test("element names map to tags, longer names exactly")
    func tags() {
        func tag(_ s: String) -> DocumentText.Tag {
            s.withCString { p in p.withMemoryRebound(to: UInt8.self, capacity: s.utf8.count + 1) { DocumentText.Tag.lookup($0) } }
        }
        #expect(tag("p") == .p)
        #expect(tag("blockquote") == .blockquote)
        #expect(tag("figcaption") == .figcaption)
        #expect(tag("blockquotex") == .other)
        #expect(tag("blockquoze") == .other)
        #expect(tag("my-widget") == .other)
        #expect(tag("h7") == .other)
        for t in DocumentText.Tag.allCases where t != .text && t != .other { #expect(tag(t.name) == t) }
    }
}
