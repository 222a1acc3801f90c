import ClaimModel
@testable import ClaimsKit
import Foundation
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    let hostile = "Up 1.2% <script>alert(1)</script> <img src=x onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">x</a> & more"

    func report() -> (CheckRun.Report, [HTMLReport.DocumentView]) {
        let period = Period(start: CalendarDate(iso: "2025-07-01")!, end: CalendarDate(iso: "2025-09-30")!)
        var a = Claim(doc: "a<b>.txt", quote: "1.2%", start: 3, end: 7, sentence: hostile, value: 1.2, unit: .percent,
                      subject: "SPX", metric: .return, period: period)
        a.verdict = .contradicted
        var b = Claim(doc: "c.txt", quote: "7.8%", start: 0, end: 4, sentence: "7.8% in Q3", value: 7.8, unit: .percent,
                      subject: "SPX", metric: .return, period: period)
        b.verdict = .supported
        let f = Finding(kind: .conflict, severity: .major, claims: [a, b], tolerance: "stated 1.2% covers [1.15, 1.25]",
                        explanation: "a<b>.txt says 1.2% but c.txt says 7.8% </p><script>alert(4)</script>")
        let r = CheckRun.Report(findings: [f], paths: [["/a", "/c"]], documents: 2, claims: 2,
                                verdicts: [.supported: 1, .contradicted: 1], copies: [], seconds: 0,
                                claimsByPath: [("/a", [a]), ("/c", [b])])
        return (r, [HTMLReport.DocumentView(name: "a<b>.txt", text: hostile, claims: [a])])
    }

    @Test("document text, names and explanations are escaped; the page has no script and forbids scripts and loads")
    func escaped() {
        let (r, docs) = report()
        let html = HTMLReport.render(r, documents: docs, generated: "test <now>")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a "))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("onerror=&quot;alert(2)&quot;"))
        #expect(html.contains("a&lt;b&gt;.txt"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test("claims are marked by verdict with their fields; conflicts get a chart of values and bands")
    func content() {
        let (r, docs) = report()
        let html = HTMLReport.render(r, documents: docs, generated: "")
        // the claim at scalars 3..<7 of the text is marked, and the text around it kept
        #expect(html.contains("Up <mark class=\"v-contradicted\" tabindex=\"0\""))
        #expect(html.contains(">1.2%<span class=\"tip\">value 1.2 percent (exact) · subject SPX · metric return"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.components(separatedBy: "<circle").count - 1 == 2)
        #expect(html.contains("1 finding (1 major) in 2 documents and 2 claims."))
    }
}
