import ClaimModel
import ClaimsTestSupport
import DocumentText
import Testing

/// Main-text extraction on pages built to show one behaviour each.
@Suite("Main text")
struct ExtractionTests {
    let reader = DocumentReader()

    /// A market page with every kind of boilerplate around a short article.
    static let newsPage = """
    <!DOCTYPE html>
    <html lang="en-US">
    <head>
      <meta charset="utf-8">
      <title>Stocks slide as tariff threat returns | Market Desk</title>
      <meta property="og:title" content="Stocks slide as tariff threat returns">
      <meta property="og:site_name" content="Market Desk">
      <meta property="article:published_time" content="2025-10-10T16:45:00-04:00">
      <meta name="author" content="Jane Roe">
      <link rel="canonical" href="https://example.com/markets/stocks-slide">
      <script>window.dataLayer = [{"page": "article"}];</script>
      <style>.ad-slot { height: 250px }</style>
    </head>
    <body>
      <div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy and our partners' use of your data.</p><button>Accept</button></div>
      <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li><li><a href="/economy">Economy</a></li></ul></nav></header>
      <main>
        <article>
          <h1>Stocks slide as tariff threat returns</h1>
          <div class="byline">By Jane Roe · October 10, 2025</div>
          <div class="share-bar"><a href="#">Share on X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
          <p>Wall Street had its worst day since April on Friday. The S&amp;P&nbsp;500 fell 182.60 points, or 2.71%, to 6,552.51, after the president threatened new tariffs on Chinese goods.</p>
          <figure><img src="chart.png" alt=""><figcaption>The index fell through its 50-day average. (Photo: Desk)</figcaption></figure>
          <h2>Tech led the losses</h2>
          <p>The Nasdaq Composite dropped 3.56% to 22,204.43 as chip makers tumbled, while the Dow lost 878.82 points.</p>
          <div class="ad-slot"><span>Advertisement</span></div>
          <table>
            <tr><th>Index</th><th>Close</th><th>Change</th></tr>
            <tr><td>S&amp;P 500</td><td>6,552.51</td><td>-2.71%</td></tr>
            <tr><td>Nasdaq</td><td>22,204.43</td><td>-3.56%</td></tr>
          </table>
          <ul>
            <li>Small caps fell 3.01%.</li>
            <li>The VIX jumped above 21.</li>
          </ul>
          <blockquote><p>“This is a reminder that trade risk never left,” said one strategist.</p></blockquote>
          <p>Line one of an address<br>line two of it, both in one paragraph that is long enough to count as prose.</p>
          <div class="newsletter-signup"><h3>Get the morning brief</h3><p>Sign up for our newsletter and get the day's market moves in your inbox every morning, free.</p><form><input type="email"><button>Subscribe</button></form></div>
        </article>
        <section class="related-articles"><h2>Related</h2><ul>
          <li><a href="/a">Fed officials signal another cut is likely in December</a></li>
          <li><a href="/b">Oil prices slump as OPEC+ weighs output increase</a></li>
          <li><a href="/c">Gold hits record as investors seek safety from stocks</a></li>
        </ul></section>
        <section id="comments" class="comments"><h2>Comments</h2>
          <div class="comment"><p>I sold everything last week and the market fell 5% since, so I am very happy with my timing honestly.</p></div>
        </section>
      </main>
      <aside class="sidebar"><h3>Most read</h3><p>Why the 60/40 portfolio is back in fashion after a decade of neglect by investors everywhere.</p></aside>
      <footer><p>© 2025 Market Desk. All rights reserved. Terms · Privacy · Contact us for corrections and feedback.</p></footer>
    </body>
    </html>
    """

    @Test("only the article is kept, in blocks of the right kinds")
    func newsPageBlocks() throws {
        let doc = try reader.read(Array(Self.newsPage.utf8), fileName: "slide.html")
        #expect(doc.blockTexts == [
            "Wall Street had its worst day since April on Friday. The S&P 500 fell 182.60 points, or 2.71%, to 6,552.51, after the president threatened new tariffs on Chinese goods.",
            "Tech led the losses",
            "The Nasdaq Composite dropped 3.56% to 22,204.43 as chip makers tumbled, while the Dow lost 878.82 points.",
            "Index | Close | Change",
            "S&P 500 | 6,552.51 | -2.71%",
            "Nasdaq | 22,204.43 | -3.56%",
            "Small caps fell 3.01%.",
            "The VIX jumped above 21.",
            "“This is a reminder that trade risk never left,” said one strategist.",
            "Line one of an address\nline two of it, both in one paragraph that is long enough to count as prose.",
        ])
        #expect(doc.blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .tableRow, .tableRow, .tableRow,
                                           .listItem, .listItem, .quote, .paragraph])
        #expect(doc.blocks[1].level == 2)
    }

    @Test("blocks are separated by blank lines, rows and list items by single line breaks")
    func separators() throws {
        let doc = try reader.read(Array(Self.newsPage.utf8), fileName: "slide.html")
        #expect(doc.text.contains("878.82 points.\n\nIndex | Close | Change\nS&P 500 | 6,552.51 | -2.71%\nNasdaq | 22,204.43 | -3.56%\n\nSmall caps fell 3.01%.\nThe VIX jumped above 21.\n\n“This"))
        #expect(!doc.text.hasSuffix("\n"))
        #expect(!doc.text.contains("\n\n\n"))
    }

    @Test("block offsets are Unicode-scalar offsets into the text")
    func offsets() throws {
        let doc = try reader.read(Array(Self.newsPage.utf8), fileName: "slide.html")
        let scalars = Array(doc.text.unicodeScalars)
        var previousEnd = 0
        for block in doc.blocks {
            #expect(block.start >= previousEnd && block.end <= scalars.count && block.start < block.end)
            #expect(!scalars[block.start].properties.isWhitespace && !scalars[block.end - 1].properties.isWhitespace)
            previousEnd = block.end
        }
        #expect(previousEnd == scalars.count)
    }

    @Test("boilerplate around the article never leaks into the text")
    func noBoilerplate() throws {
        let doc = try reader.read(Array(Self.newsPage.utf8), fileName: "slide.html")
        for junk in ["cookies", "Home", "Share on X", "By Jane Roe", "Advertisement", "Photo: Desk", "newsletter",
                     "Fed officials", "sold everything", "60/40", "All rights reserved", "dataLayer", "height: 250px",
                     "Stocks slide as tariff threat returns"] {
            #expect(!doc.text.contains(junk), "\(junk) leaked into the text")
        }
    }

    @Test("page metadata is read from meta tags")
    func metadata() throws {
        let md = try reader.read(Array(Self.newsPage.utf8), fileName: "slide.html").metadata
        #expect(md.title == "Stocks slide as tariff threat returns")
        #expect(md.published?.description == "2025-10-10")
        #expect(md.publishedSource == "meta:article:published_time")
        #expect(md.author == "Jane Roe")
        #expect(md.url == "https://example.com/markets/stocks-slide")
        #expect(md.siteName == "Market Desk")
        #expect(md.language == "en-US")
    }

    @Test("hidden elements are not text")
    func hiddenElements() throws {
        let html = """
        <html><body><div class="story">
        <p>Treasury yields rose for a third day, with the ten-year note ending the session at 4.12%, its highest since July.</p>
        <p style="display: none">Hidden paragraph with a fake figure of 99.9% that no reader sees on the page at all, ever.</p>
        <p hidden>Another hidden paragraph that claims the Dow rose 50% today, which no reader would ever see on screen.</p>
        <span class="sr-only">Screen reader text.</span>
        <p>The two-year yield climbed to 3.61% as traders pared bets on further rate cuts before the end of the year.</p>
        </div></body></html>
        """
        let doc = try reader.read(Array(html.utf8), fileName: "h.html")
        #expect(doc.blockTexts.count == 2)
        #expect(!doc.text.contains("99.9%") && !doc.text.contains("50%") && !doc.text.contains("Screen reader"))
    }

    @Test("layout tables are not read as data rows")
    func layoutTable() throws {
        let long = String(repeating: "Markets were calm as investors awaited the jobs report, with volumes light and spreads tight. ", count: 6)
        let html = "<html><body><table><tr><td><a href='/'>Home</a> <a href='/m'>Markets</a></td><td><p>\(long)</p><p>\(long)</p></td></tr></table></body></html>"
        let doc = try reader.read(Array(html.utf8), fileName: "old.html")
        #expect(doc.blocks.allSatisfy { $0.kind == .paragraph })
        #expect(doc.blockTexts.count == 2)
        #expect(!doc.text.contains(" | "))
    }

    @Test("preformatted text keeps its spacing")
    func preformatted() throws {
        let html = """
        <html><body><article><p>The closing levels, as printed by the exchange feed at the end of the trading session today:</p>
        <pre>SPX   6552.51  -2.71%
        NDX  24221.00  -3.49%</pre></article></body></html>
        """
        let doc = try reader.read(Array(html.utf8), fileName: "pre.html")
        #expect(doc.blockTexts.last == "SPX   6552.51  -2.71%\nNDX  24221.00  -3.49%")
    }

    @Test("the same page read twice, or on many threads, gives the same document")
    func deterministicAndThreadSafe() async throws {
        let bytes = Array(Self.newsPage.utf8)
        let first = try reader.read(bytes, fileName: "slide.html")
        let reader = self.reader
        try await withThrowingTaskGroup(of: Document.self) { group in
            for _ in 0..<32 { group.addTask { try reader.read(bytes, fileName: "slide.html") } }
            for try await doc in group { #expect(doc == first) }
        }
    }
}
