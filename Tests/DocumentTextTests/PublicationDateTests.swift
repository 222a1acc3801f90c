import ClaimModel
@testable import DocumentText
import Testing

/// The publication-date stage, one behaviour per test, on small pages of our own.
@Suite("Publication date")
struct PublicationDateTests {
    let reader = DocumentReader()
    let body = "<p>The benchmark index closed the quarter at a record, capping a rally that few strategists had expected in spring.</p>"

    func page(_ head: String, _ html: String, lang: String? = nil) throws -> DocumentMetadata {
        let langAttribute = lang.map { " lang=\"\($0)\"" } ?? ""
        return try reader.read(Array("<html\(langAttribute)><head>\(head)</head><body>\(html)</body></html>".utf8),
                               fileName: "p.html").metadata
    }

    @Test("month names and forms of the main European languages, and CJK dates")
    func languages() {
        let cases: [(String, String?)] = [
            ("20. Juni 2018", "2018-06-20"),
            ("Mittwoch, 20. Juni 2018, 14:32 Uhr", "2018-06-20"),
            ("12. März 2020", "2020-03-12"),
            ("le 1er juin 2018", "2018-06-01"),
            ("mercredi 3 févr. 2020 à 10h15", "2020-02-03"),
            ("20 de junio de 2018", "2018-06-20"),
            ("1° aprile 2020", "2020-04-01"),
            ("20 giugno 2018", "2018-06-20"),
            ("20 juni 2018", "2018-06-20"),
            ("4 maart 2019", "2019-03-04"),
            ("2019年11月18日", "2019-11-18"),
            ("2018년 9월 28일", "2018-09-28"),
            ("31.06.2018", nil),          // June has 30 days
            ("12 May 1887", nil),         // before the web
            ("posted 3 weeks ago 2019", nil),
        ]
        for (text, expected) in cases {
            #expect(DateText.parse(text)?.description == expected, "\(text)")
        }
    }

    @Test("numeric dates: dots are day first; slashes follow the page's language; an ambiguous one in text needs a language")
    func numericOrder() {
        #expect(DateText.parse("03.04.2019")?.description == "2019-04-03")
        #expect(DateText.parse("03/04/2019", order: .monthFirst)?.description == "2019-03-04")
        #expect(DateText.parse("03/04/2019", order: .dayFirst)?.description == "2019-04-03")
        #expect(DateText.parse("13/04/2019", order: .monthFirst)?.description == "2019-04-13")
        let strict = { (s: String, o: DateText.DayOrder) in DateText.firstDate(in: DateText.tokens(Substring(s)), strict: true, order: o) }
        #expect(strict("Posted 03/04/2019", .unknown) == nil)
        #expect(strict("Posted 03/04/2019", .dayFirst)?.description == "2019-04-03")
        #expect(strict("Stand: 20.06.2018 14:32", .unknown)?.description == "2018-06-20")
        #expect(DateText.DayOrder(language: "en-US") == .monthFirst)
        #expect(DateText.DayOrder(language: "en-GB") == .dayFirst)
        #expect(DateText.DayOrder(language: "fr") == .dayFirst)
        #expect(DateText.DayOrder(language: nil) == .unknown)
    }

    @Test("a timestamp is UTC-like when its time has a zero zone or none")
    func utcLike() {
        #expect(DateText.stamp("2021-03-04T01:30:00Z")?.utcLike == true)
        #expect(DateText.stamp("2019-11-20T01:50:59.403")?.utcLike == true)
        #expect(DateText.stamp("2019-11-19T07:03:25+00:00")?.utcLike == true)
        #expect(DateText.stamp("Tue Nov 19 2019 03:05:46 GMT+0000")?.utcLike == true)
        #expect(DateText.stamp("2020-11-05T22:15:00-05:00")?.utcLike == false)
        #expect(DateText.stamp("2019-11-19")?.utcLike == false)
        #expect(DateText.stamp("Nov. 19, 2019 10:31 pm CST")?.utcLike == false)
    }

    @Test("a date in the address's path, not in its host or query")
    func address() {
        let today = CalendarDate(year: 2026, month: 1, day: 1)!
        #expect(PublicationDate.addressDate("https://news.test/markets/2023/11/08/bond-yields-fall/", today: today)?.description == "2023-11-08")
        #expect(PublicationDate.addressDate("https://news.test/story/2019-11-19/merger", today: today)?.description == "2019-11-19")
        #expect(PublicationDate.addressDate("https://news.test/statements/2019/nov/18/claim/", today: today)?.description == "2019-11-18")
        #expect(PublicationDate.addressDate("https://news.test/tuft-cells-immune-20191115/", today: today)?.description == "2019-11-15")
        #expect(PublicationDate.addressDate("https://news.test/news/275221/", today: today) == nil)
        #expect(PublicationDate.addressDate("https://news.test/2023/11/", today: today) == nil)
        #expect(PublicationDate.addressDate("https://news.test/a?date=2023-11-08", today: today) == nil)
        #expect(PublicationDate.addressDate("https://news.test/2027/01/05/later/", today: today) == nil)
    }

    @Test("a byline in the page header, which main-text extraction drops, dates the page")
    func bylineInHeader() throws {
        let md = try page("", """
        <header><h1>Anleihen unter Druck: Renditen steigen weiter</h1>
        <p class="byline">Von Anna Keller | 20.06.2018, 14:32 Uhr</p></header>
        <article>\(body)</article>
        """, lang: "de")
        #expect(md.published?.description == "2018-06-20")
        #expect(md.publishedSource == "byline-text")
    }

    @Test("a related article's date before the title loses to the article's own after it")
    func relatedBeforeTitle() throws {
        let md = try page("", """
        <div class="related-stories"><a href="/a">Older story</a> <time datetime="2019-05-01">1 May 2019</time></div>
        <h1>Yields slide as traders price in a summer cut</h1>
        <div><time datetime="2019-05-03">3 May 2019</time></div>
        <article>\(body)</article>
        """)
        #expect(md.published?.description == "2019-05-03")
    }

    @Test("a masthead's date above the title loses to the byline below it")
    func mastheadDate() throws {
        let md = try page("", """
        <div class="top"><span class="date">Monday, 2 March 2020</span></div>
        <h1>Oil slumps as producers fail to agree on cuts</h1>
        <p class="meta">Posted on 27 February 2020 by the markets desk</p>
        <article>\(body)</article>
        """, lang: "en-GB")
        #expect(md.published?.description == "2020-02-27")
    }

    @Test("a UTC timestamp gives the publisher's local day the address or the byline shows")
    func localDay() throws {
        let byAddress = try page("""
        <meta property="article:published_time" content="2021-03-04T01:30:00Z">
        <link rel="canonical" href="https://news.test/markets/2021/03/03/payrolls-preview/">
        """, "<h1>Payrolls preview: what the market expects</h1><article>\(body)</article>")
        #expect(byAddress.published?.description == "2021-03-03")
        #expect(byAddress.publishedSource == "meta:article:published_time (local day: url)")

        let byByline = try page(#"<meta property="article:published_time" content="2021-03-04T01:30:00Z">"#, """
        <h1>Payrolls preview: what the market expects</h1><p class="byline">March 3, 2021, 8:30 p.m. ET</p><article>\(body)</article>
        """)
        #expect(byByline.published?.description == "2021-03-03")

        // the page shows the UTC day itself: it stays
        let shown = try page(#"<meta property="article:published_time" content="2019-11-20T06:35:39Z">"#, """
        <h1>Electric cars take the spotlight at the show</h1><p class="byline">1:39 am EST, Wednesday, November 20, 2019</p>
        <p class="caption">A visitor at the show on Tuesday, Nov. 19, 2019.</p><article>\(body)</article>
        """)
        #expect(shown.published?.description == "2019-11-20")

        // an offset of its own is the local day as written
        let offset = try page(#"<meta property="article:published_time" content="2020-11-05T22:15:00-05:00">"#,
                              "<h1>Stocks extend post-election rally</h1><article>\(body)</article>")
        #expect(offset.published?.description == "2020-11-05")
    }

    @Test("a date labelled as an update is not the publication; the first publication is")
    func updateLabel() throws {
        let md = try page("", """
        <h1>Central bank holds rates, signals patience</h1>
        <p>Updated 5 March 2021 — First published 3 March 2021</p><article>\(body)</article>
        """)
        #expect(md.published?.description == "2021-03-03")
        let french = try page("", """
        <h1>La BCE maintient ses taux directeurs inchangés</h1>
        <p class="info">Mis à jour le 7 avril 2016</p><p class="info">Publié le 5 avril 2016</p><article>\(body)</article>
        """, lang: "fr")
        #expect(french.published?.description == "2016-04-05")
    }

    @Test("impossible dates are refused and the next source used")
    func impossible() throws {
        let epoch = try page(#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"1970-01-01T00:00:00Z"}</script>"#, """
        <h1>Banks lead the index higher on rate hopes</h1><p class="date">12 September 2017</p><article>\(body)</article>
        """)
        #expect(epoch.published?.description == "2017-09-12")

        // a publication months after the page's own last modification is a placeholder
        let placeholder = try page("""
        <meta property="article:published_time" content="2019-09-01">
        <meta property="article:modified_time" content="2019-04-02T10:00:00+02:00">
        """, "<h1>Quarterly results beat forecasts</h1><p class=\"byline\">1 April 2019</p><article>\(body)</article>")
        #expect(placeholder.published?.description == "2019-04-01")

        let future = try page(#"<meta name="date" content="2199-01-01">"#,
                              "<h1>Quarterly results beat forecasts</h1><p class=\"byline\">April 1, 2019</p><article>\(body)</article>")
        #expect(future.published?.description == "2019-04-01")
    }

    @Test("markup beyond meta tags: itemprop on any element, data-* attributes, datetime on a span")
    func markup() throws {
        let itemprop = try page("", "<h1>Gold hits a record</h1><span itemprop=\"datePublished\">June 3, 2020</span><article>\(body)</article>")
        #expect(itemprop.published?.description == "2020-06-03")
        #expect(itemprop.publishedSource == "itemprop:datePublished")
        let data = try page("", "<h1>Gold hits a record</h1><div data-published=\"2019-05-02T08:00:00+02:00\"></div><article>\(body)</article>")
        #expect(data.published?.description == "2019-05-02")
        #expect(data.publishedSource == "attribute:data-published")
        let span = try page("", "<h1>Gold hits a record</h1><span datetime=\"2018-02-14\">Valentine's Day</span><article>\(body)</article>")
        #expect(span.published?.description == "2018-02-14")
        #expect(span.publishedSource == "attribute:datetime")
    }

    @Test("a two-digit year only where the markup names a date; hAtom's abbr title")
    func shortYearsAndMicroformats() throws {
        let byline = try page("", """
        <h1>Dax schließt nach starkem Handelstag im Plus</h1><div class="artikel-datum">Stand: 20.06.18 14:32 Uhr</div>
        <article>\(body)</article>
        """, lang: "de")
        #expect(byline.published?.description == "2018-06-20")
        let version = try page("", """
        <h1>Dax schließt nach starkem Handelstag im Plus</h1><p>Mit Version 1.2.18 der Handelssoftware.</p><article>\(body)</article>
        """, lang: "de")
        #expect(version.published == nil)
        let hAtom = try page("", """
        <h1>Treasury yields climb for a third day</h1><abbr class="published" title="2008-06-21T10:00:00">June 21</abbr>
        <article>\(body)</article>
        """)
        #expect(hAtom.published?.description == "2008-06-21")
        #expect(hAtom.publishedSource == "attribute:abbr-title")
    }

    @Test("an article's own footer carries its date; the page's footer and comments do not")
    func articleFooter() throws {
        let md = try page("", """
        <article><header><h1>Why exporters fear a stronger dollar</h1></header><div class="entry-content">\(body)</div>
        <footer class="entry-footer"><span class="posted-on">Posted on <time class="entry-date published" datetime="2015-06-03T08:41:17+00:00">June 3, 2015</time>
        <time class="updated" datetime="2015-06-08T14:20:03+00:00">June 8, 2015</time></span></footer></article>
        <div class="comments"><footer class="comment-meta"><time datetime="2015-06-04T07:00:00+00:00">June 4, 2015</time></footer></div>
        <footer class="site-footer"><p>Last change 1 July 2015</p></footer>
        """)
        #expect(md.published?.description == "2015-06-03")
    }

    @Test("labels: a next release, an event or a deadline is not the publication; a tooltip's date is; 'geschrieben am' allows a two-digit year")
    func labels() throws {
        let release = try page("", """
        <h1>Verbraucherpreise im Juli leicht gestiegen</h1><p>Pressemitteilung vom 07.08.2020</p>
        <p>Nächste Veröffentlichung: 08.09.2020</p><article>\(body)</article>
        """, lang: "de")
        #expect(release.published?.description == "2020-08-07")
        let event = try page("", "<h1>Webinar on rate risk for treasurers</h1><p>Event: 18 June 2020, 3 pm</p><article>\(body)</article>")
        #expect(event.published == nil)
        let tooltip = try page("", """
        <h1>Bauzinsen steigen den dritten Monat in Folge</h1><span class="ts" title="07.02.2024, 09:15 Uhr">vor 3 Stunden</span>
        <article>\(body)</article>
        """, lang: "de")
        #expect(tooltip.published?.description == "2024-02-07")
        let written = try page("", "<h1>Kassenbericht des Vereins für das erste Halbjahr</h1><p><i>geschrieben am 17.6.06 von Egon</i></p><article>\(body)</article>",
                               lang: "de")
        #expect(written.published?.description == "2006-06-17")
    }

    @Test("the title's heading is the one that carries most of the page title (a blog's name in an h1 loses to the post's h3)")
    func titleHeading() throws {
        let md = try page("<title>Main Street Notes: The stimulus package and our hardware store</title>", """
        <div class="widget Header"><h1>Main Street Notes</h1></div>
        <div class="widget Blog"><h2 class="date-header">Thursday, February 12, 2009</h2>
        <h3 class="post-title">The stimulus package and our hardware store</h3><div class="post-body">\(body)</div></div>
        """)
        #expect(md.published?.description == "2009-02-12")
    }

    @Test("a modification date is better than none; a copyright year and other pages' dates are never a date")
    func fallbacks() throws {
        let modified = try page(#"<meta property="article:modified_time" content="2022-08-09T12:00:00+01:00">"#,
                                "<h1>Sterling steadies after a volatile week</h1><article>\(body)</article>")
        #expect(modified.published?.description == "2022-08-09")
        #expect(modified.publishedSource == "meta:article:modified_time")
        let none = try page("", """
        <h1>About our research desk</h1><article>\(body)</article>
        <div class="comments"><p>Reply posted 14 June 2022</p></div><footer><p>© 2024 The Ledger</p><p>1 January 2024</p></footer>
        """)
        #expect(none.published == nil)
    }
}
