import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// PDFs of our own, written with exact positions (`MiniPDF`): reading order, columns, tables,
/// running headers and footers, hyphenation, metadata, and the bad files.
@Suite("PDF documents")
struct PDFTests {
    typealias Run = MiniPDF.Run
    let reader = DocumentReader()

    func read(_ pages: [MiniPDF.Page], title: String? = nil, created: String? = nil) throws -> Document {
        try reader.read(MiniPDF.make(pages, title: title, creationDate: created), fileName: "note.pdf")
    }

    /// The texts of the document's blocks.
    func blocks(_ d: Document) -> [String] {
        let scalars = Array(d.text.unicodeScalars)
        return d.blocks.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test("two columns read column by column, even when the page draws their lines alternately")
    func twoColumns() throws {
        let left = ["The S&P 500 rose 7.8% in the", "third quarter, its best quarter", "since the end of 2023."]
        let right = ["Small caps gained 12.0% over", "the same three months, their", "best run in four years."]
        var runs: [Run] = []
        for i in 0..<3 {
            runs.append(Run(72, 100 + 12 * Double(i), left[i]))
            runs.append(Run(330, 100 + 12 * Double(i), right[i]))
        }
        let d = try read([MiniPDF.Page(runs)])
        #expect(d.format == .pdf)
        #expect(blocks(d) == ["The S&P 500 rose 7.8% in the third quarter, its best quarter since the end of 2023.",
                              "Small caps gained 12.0% over the same three months, their best run in four years."])
        #expect(d.blocks.map(\.kind) == [.paragraph, .paragraph])
    }

    @Test("three columns on three pages: no interleaved lines, and the running header and footer nowhere")
    func threeColumnsRunningLines() throws {
        var pages: [MiniPDF.Page] = []
        var expected: [String] = []
        for p in 1...3 {
            var runs = [Run(72, 40, "Harbor Notes - Weekly Markets Letter", size: 8), Run(280, 770, "Page \(p) of 3", size: 8)]
            for c in 0..<3 {
                let x = 72 + Double(c) * 160
                // lines as a typesetter wraps them: the next line's first word would not have fit
                let words = ["Column \(c + 1) of page \(p) opens with", "figures from the \(["first", "second", "third"][p - 1]) week:",
                             "the index rose \(p).\(c)% then, and", "column \(c + 1) ends on page \(p)."]
                for (i, line) in words.enumerated() { runs.append(Run(x, 120 + 12 * Double(i), line, size: 9)) }
                expected.append(words.joined(separator: " "))
            }
            pages.append(MiniPDF.Page(runs))
        }
        let d = try read(pages)
        #expect(blocks(d) == expected)
        #expect(!d.text.contains("Harbor Notes") && !d.text.contains("Page "))
        #expect(d.metadata.pageStarts?.count == 3)
        #expect(d.metadata.pageStarts?.first == 0)
    }

    @Test("a table keeps one row a line, its cells apart, adjacent figures never merged")
    func table() throws {
        let xs: [Double] = [72, 260, 340, 420]
        let rows = [["Index", "Close", "Change", "% Change"], ["S&P 500", "6,688.46", "+483.51", "+7.79%"],
                    ["Nasdaq Composite", "22,660.01", "+2,290.28", "+11.24%"], ["Russell 2000", "2,436.48", "+261.44", "+12.02%"]]
        var runs = [Run(72, 80, "How the main indexes finished the quarter:")]
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { runs.append(Run(xs[c], 110 + 16 * Double(r), cell)) }
        }
        runs.append(Run(72, 190, "Closes as of September 30, 2025."))
        let d = try read([MiniPDF.Page(runs)])
        #expect(blocks(d) == ["How the main indexes finished the quarter:", "Index | Close | Change | % Change",
                              "S&P 500 | 6,688.46 | +483.51 | +7.79%", "Nasdaq Composite | 22,660.01 | +2,290.28 | +11.24%",
                              "Russell 2000 | 2,436.48 | +261.44 | +12.02%", "Closes as of September 30, 2025."])
        #expect(d.blocks.map(\.kind) == [.paragraph, .tableRow, .tableRow, .tableRow, .tableRow, .paragraph])
        // rows of one table are one line apart, as in HTML tables
        #expect(d.text.contains("% Change\nS&P 500 | "))
    }

    @Test("a word hyphenated at a line's end is joined; a heading in a larger font is a heading")
    func hyphensAndHeadings() throws {
        let d = try read([MiniPDF.Page([
            Run(72, 80, "Rates and Stocks", size: 18),
            Run(72, 110, "The Federal Reserve cut rates as infla-"),
            Run(72, 122, "tion cooled, and the Nasdaq Composite"),
            Run(72, 134, "gained 2.1% on the day."),
        ])])
        #expect(blocks(d) == ["Rates and Stocks", "The Federal Reserve cut rates as inflation cooled, and the Nasdaq Composite gained 2.1% on the day."])
        #expect(d.blocks.first?.kind == .heading)
    }

    @Test("title and creation date from the document information; a page without text is named")
    func metadata() throws {
        let d = try read([MiniPDF.Page([Run(72, 100, "The S&P 500 rose 1.2% on Tuesday.")]), MiniPDF.Page([], rectangle: true)],
                         title: "Weekly note", created: "D:20250930120000Z")
        #expect(d.metadata.title == "Weekly note")
        #expect(d.metadata.published == CalendarDate(iso: "2025-09-30"))
        #expect(d.metadata.publishedSource == "pdf:CreationDate")
        #expect(d.metadata.pagesWithoutText == [2])
    }

    @Test("a PDF of images only is a clear error, no OCR")
    func noTextLayer() {
        #expect(throws: DocumentTextError.pdfNoText(pages: 2)) {
            try read([MiniPDF.Page([], rectangle: true), MiniPDF.Page([], rectangle: true)])
        }
        #expect(DocumentTextError.pdfNoText(pages: 2).description == "PDF without a text layer (all 2 pages are images; no OCR is done)")
    }

    @Test("a damaged cross-reference table is repaired; a truncated file is read as far as it goes or refused clearly")
    func damaged() throws {
        let pages = (1...3).map { MiniPDF.Page([Run(72, 100, "Page \($0) says the S&P 500 rose \($0).5% that week.")]) }
        let good = MiniPDF.make(pages)
        let original = try reader.read(good, fileName: "note.pdf")
        #expect(blocks(original).count == 3)
        // every offset in the xref table wrong, and startxref pointing nowhere
        var text = String(decoding: good, as: UTF8.self)
        let xref = text.range(of: "xref\n")!.lowerBound
        text = String(text[..<xref]) + String(text[xref...]).replacingOccurrences(of: #"\d{10} 00000 n"#, with: "0000000009 00000 n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"startxref\n\d+"#, with: "startxref\n999999", options: .regularExpression)
        let repaired = try reader.read(Array(text.utf8), fileName: "note.pdf")
        #expect(repaired.text == original.text)
        // cut anywhere: a document or a clear error, never a crash
        for cut in stride(from: 10, to: good.count, by: max(1, good.count / 40)) {
            do {
                let d = try reader.read(Array(good.prefix(cut)), fileName: "note.pdf")
                #expect(original.text.hasPrefix(d.text.prefix(20)))
            } catch let error as DocumentTextError {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(throws: DocumentTextError.self) { try reader.read(Array("%PDF-1.4\nnothing else".utf8), fileName: "x.pdf") }
    }

    @Test("a thousand pages are read whole, their page numbers dropped")
    func thousandPages() throws {
        let pages = (1...1000).map { n in
            MiniPDF.Page([Run(72, 100, "On day \(n) the index rose 1.\(n % 10)% to a record."), Run(300, 770, "\(n)", size: 8)])
        }
        let started = Date()
        let d = try read(pages)
        #expect(d.blocks.count == 1000)
        #expect(blocks(d)[999] == "On day 1000 the index rose 1.0% to a record.")
        #expect(d.metadata.pageStarts?.count == 1000)
        #expect(!d.text.contains("\n1000\n"))
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test("a PDF is known by its first bytes, whatever its name")
    func signature() throws {
        let bytes = Array("junk before the header\n".utf8) + MiniPDF.make([MiniPDF.Page([Run(72, 100, "The Dow fell 0.5%.")])])
        let d = try reader.read(bytes, fileName: "note.txt")
        #expect(d.format == .pdf && d.text == "The Dow fell 0.5%.")
    }
}

@Suite("PDF documents: encryption")
struct PDFEncryptionTests {
    @Test("an encrypted PDF needs its password; with it, its text is read")
    func encrypted() throws {
        // made by scripts/make-pdf-fixtures.sh (qpdf, AES-256, user password "secret")
        let bytes = Array(try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/PDFFixtures/encrypted.pdf")))
        #expect(throws: DocumentTextError.pdfEncrypted(passwordGiven: false)) { try DocumentReader().read(bytes, fileName: "e.pdf") }
        var options = ExtractionOptions()
        options.pdfPassword = "wrong"
        #expect(throws: DocumentTextError.pdfEncrypted(passwordGiven: true)) { try DocumentReader(options: options).read(bytes, fileName: "e.pdf") }
        options.pdfPassword = "secret"
        let d = try DocumentReader(options: options).read(bytes, fileName: "e.pdf")
        #expect(d.text == "The S&P 500 rose 1.2% on Tuesday, its third straight gain.")
    }
}

/// Pages of our own printed to PDF by headless Chromium, as a user prints an article: CSS columns,
/// a table, the browser's own running header (date, title) and footer (address, page n/m).
/// Skipped, with a message, where no Chromium is installed.
@Suite("PDF documents: pages printed by a browser")
struct PrintedPDFTests {
    static let browser: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// The PDF Chromium prints of `html`.
    func printed(_ html: String) throws -> Document {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = try folder.write("page.html", html)
        let pdf = folder.url.appendingPathComponent("page.pdf")
        _ = try runProcess(Self.browser!, ["--headless", "--no-sandbox", "--disable-gpu", "--print-to-pdf=\(pdf.path)", page.absoluteString])
        return try DocumentReader().read(Array(try Data(contentsOf: pdf)), fileName: "page.pdf")
    }

    /// Sentences of our own: column `c`, paragraph `p`, each with a figure.
    static func paragraph(_ c: Int, _ p: Int) -> String {
        "In column \(c), paragraph \(p) says the index rose \(c).\(p)% over the period, as breadth improved and smaller companies joined the advance."
    }

    @Test("three CSS columns over two pages read column by column; the browser's header and footer appear nowhere",
          .enabled(if: browser != nil, "no Chromium: apt-get install chromium"))
    func threeColumns() throws {
        let paragraphs = (1...3).flatMap { c in (1...6).map { p in Self.paragraph(c, p) } }
        let html = """
            <html><head><title>Harbor Notes: the columns test</title>
            <style>body { font: 11pt serif; } .cols { column-count: 3; column-gap: 2em; } p { margin: 0 0 0.8em; break-inside: avoid; }</style>
            </head><body><div class="cols">\(paragraphs.map { "<p>\($0)</p>" }.joined())\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></body></html>
            """
        let d = try printed(html)
        let expected = paragraphs + paragraphs
        let scalars = Array(d.text.unicodeScalars)
        let blocks = d.blocks.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(blocks == expected)
        #expect(!d.text.contains("Harbor Notes") && !d.text.contains("file://") && !d.text.contains("1/2"))
    }

    @Test("a table printed by the browser keeps its rows, cells apart, beside paragraphs in two columns",
          .enabled(if: browser != nil, "no Chromium: apt-get install chromium"))
    func tableAndTwoColumns() throws {
        let html = """
            <html><head><title>Closing levels</title>
            <style>body { font: 11pt sans-serif; } .cols { column-count: 2; } td, th { padding: 3px 12px; }</style></head><body>
            <p>How the main indexes finished the quarter:</p>
            <table><tr><th>Index</th><th>Close</th><th>Change</th><th>% Change</th></tr>
            <tr><td>S&amp;P 500</td><td>6,688.46</td><td>+483.51</td><td>+7.79%</td></tr>
            <tr><td>Dow Jones Industrial Average</td><td>46,397.89</td><td>+2,303.12</td><td>+5.22%</td></tr>
            <tr><td>Russell 2000</td><td>2,436.48</td><td>+261.44</td><td>+12.02%</td></tr></table>
            <div class="cols"><p>\(Self.paragraph(1, 1))</p><p>\(Self.paragraph(2, 1))</p></div>
            </body></html>
            """
        let d = try printed(html)
        let scalars = Array(d.text.unicodeScalars)
        let blocks = d.blocks.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(blocks == ["How the main indexes finished the quarter:", "Index | Close | Change | % Change",
                           "S&P 500 | 6,688.46 | +483.51 | +7.79%", "Dow Jones Industrial Average | 46,397.89 | +2,303.12 | +5.22%",
                           "Russell 2000 | 2,436.48 | +261.44 | +12.02%", Self.paragraph(1, 1), Self.paragraph(2, 1)])
        #expect(d.blocks.filter { $0.kind == .tableRow }.count == 4)
    }
}

@Suite("PDF documents: large and empty files")
struct PDFLargeTests {
    @Test("a page among 20,000 objects packed in compressed object streams is read, quickly")
    func objectStreams() throws {
        // made by scripts/make-pdf-fixtures.sh (qpdf --object-streams=generate)
        let bytes = Array(try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/PDFFixtures/object-streams.pdf")))
        let started = Date()
        let d = try DocumentReader().read(bytes, fileName: "objects.pdf")
        #expect(d.text == "The S&P 500 rose 1.2% on a page among twenty thousand other objects.")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a PDF whose only text is its running header and footer says so")
    func onlyRunningText() {
        let pages = (1...2).map { MiniPDF.Page([MiniPDF.Run(72, 30, "Harbor Notes - Weekly", size: 8), MiniPDF.Run(300, 775, "\($0)", size: 8)]) }
        #expect(throws: DocumentTextError.pdfOnlyRunningText(pages: 2)) { try DocumentReader().read(MiniPDF.make(pages), fileName: "blank.pdf") }
    }
}
