import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// Inputs that must give a sensible document or a clear error, never a crash.
@Suite("Bad input")
struct BadInputTests {
    let reader = DocumentReader()

    @Test("an empty file is a clear error")
    func empty() {
        #expect(throws: DocumentTextError.empty) { try reader.read([UInt8](), fileName: "empty.html") }
        #expect(DocumentTextError.empty.description == "empty file")
    }

    @Test("white space only gives a document with no blocks, text kept as it is")
    func whitespaceOnly() throws {
        let doc = try reader.read(Array("  \n\t\n  ".utf8), fileName: "blank.txt")
        #expect(doc.text == "  \n\t\n  ")
        #expect(doc.blocks.isEmpty)
        let html = try reader.read(Array("<html><body>   \n  </body></html>".utf8), fileName: "blank.html")
        #expect(html.text.isEmpty)
        #expect(html.blocks.isEmpty)
    }

    @Test("a PNG is refused as binary content, named")
    func png() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array(repeating: 7, count: 64)
        #expect(throws: DocumentTextError.binaryContent(kind: "PNG image")) { try reader.read(png, fileName: "chart.html") }
        #expect(DocumentTextError.binaryContent(kind: "PNG image").description == "binary content (PNG image), not text or HTML")
    }

    @Test("NUL-laden bytes of no known format are refused as binary")
    func nulBytes() {
        var bytes = [UInt8]()
        for i in 0..<4096 { bytes.append(i % 3 == 0 ? 0 : UInt8(truncatingIfNeeded: i * 7)) }
        #expect(throws: DocumentTextError.self) { try reader.read(bytes, fileName: "blob.txt") }
    }

    @Test("100,000 nested divs parse without exhausting the stack")
    func deepNesting() throws {
        let depth = 100_000
        var html = "<html><body>"
        html += String(repeating: "<div>", count: depth)
        html += "<p>The Russell 2000 closed at 2,436.48 at the end of September, up 12% for the quarter.</p>"
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>"
        let doc = try reader.read(Array(html.utf8), fileName: "deep.html")
        #expect(doc.format == .html)
        // libxml2 stops at depth 256 unless told otherwise, which would lose the whole page
        #expect(doc.text == "The Russell 2000 closed at 2,436.48 at the end of September, up 12% for the quarter.")
    }

    @Test("a 60 MB page is read to the end")
    func hugePage() throws {
        let paragraph = "<p>Breadth improved as the equal-weight index rose 1.4% while the cap-weighted benchmark added 0.9%, with 412 of 503 members higher on the day.</p>\n"
        var html = "<html><head><title>Big</title></head><body><article>"
        let target = 60 * 1024 * 1024
        html.reserveCapacity(target + 1000)
        var count = 0
        while html.utf8.count < target {
            html += paragraph
            count += 1
        }
        html += "<p>Final paragraph: the S&amp;P 500 ended the session at 6,688.46, a record close.</p></article></body></html>"
        let doc = try reader.read(Array(html.utf8), fileName: "huge.html")
        #expect(doc.blocks.count == count + 1)
        #expect(doc.text.hasSuffix("Final paragraph: the S&P 500 ended the session at 6,688.46, a record close."))
    }

    @Test("a deadline that has passed stops the reading at a checkpoint, with the stage; none reads as before")
    func timeBudget() throws {
        let html = Array("<html><body><article><p>The Dow fell 1.1% to 45,000 on Oct. 10, 2025.</p></article></body></html>".utf8)
        let gone = Deadline.after(seconds: 1e-9)
        Thread.sleep(forTimeInterval: 0.001)
        #expect(throws: TimeBudgetExceeded(budget: 1e-9, stage: "detecting the encoding")) { try reader.read(html, fileName: "a.html", deadline: gone) }
        #expect(throws: TimeBudgetExceeded(budget: 1e-9, stage: "decoding UTF-16")) {
            try reader.read([0xFF, 0xFE] + Array("Oil fell 2%.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, fileName: "a.txt", deadline: gone)
        }
        let doc = try reader.read(html, fileName: "a.html", deadline: .after(seconds: 3600))
        #expect(doc.text == "The Dow fell 1.1% to 45,000 on Oct. 10, 2025.")
    }

    @Test("a file over the size limit is refused before parsing")
    func sizeLimit() {
        var options = ExtractionOptions()
        options.maxBytes = 1000
        let reader = DocumentReader(options: options)
        let bytes = Array(String(repeating: "a", count: 1001).utf8)
        #expect(throws: DocumentTextError.tooLarge(bytes: 1001, limit: 1000)) { try reader.read(bytes, fileName: "a.txt") }
    }

    @Test("broken markup recovers into sensible paragraphs")
    func brokenMarkup() throws {
        let html = """
        <html><body><div id="content"><p>Unclosed first paragraph about the Dow, which fell 878.82 points on Friday as trade worries returned.
        <p>Second paragraph <b>with bold <i>and italic</b> text</i> that is long enough to be read as prose by anyone.
        <div>Text directly in a div<br><br>that a double break splits into a second paragraph of its own here.</div></body>
        """
        let doc = try reader.read(Array(html.utf8), fileName: "broken.html")
        #expect(doc.blockTexts == [
            "Unclosed first paragraph about the Dow, which fell 878.82 points on Friday as trade worries returned.",
            "Second paragraph with bold and italic text that is long enough to be read as prose by anyone.",
            "Text directly in a div",
            "that a double break splits into a second paragraph of its own here.",
        ])
    }
}
