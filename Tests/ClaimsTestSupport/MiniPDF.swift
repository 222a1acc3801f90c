import Foundation

/// Writes small PDF files for tests: pages of text runs placed at given points, in the standard
/// Helvetica font (which every PDF reader has, so nothing is embedded), plus shapes with no text.
/// Written here rather than taken from a library because no Swift package on the mirror writes
/// PDF on Linux, and a test wants exact positions, which a page printed by a browser does not give.
public enum MiniPDF {
    /// A run of text: its left edge and baseline in points from the page's top left, its size.
    public struct Run: Sendable {
        public var x: Double, y: Double, size: Double, text: String
        public init(_ x: Double, _ y: Double, _ text: String, size: Double = 10) {
            self.x = x
            self.y = y
            self.size = size
            self.text = text
        }
    }

    /// One page: its runs, and optionally a filled rectangle (a page of drawing, no text).
    public struct Page: Sendable {
        public var runs: [Run]
        public var rectangle: Bool
        public init(_ runs: [Run], rectangle: Bool = false) {
            self.runs = runs
            self.rectangle = rectangle
        }
    }

    /// The PDF bytes of `pages` (US Letter, 612 × 792 points), with `title` in its information
    /// dictionary.
    public static func make(_ pages: [Page], title: String? = nil, creationDate: String? = nil) -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: String) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + Array(body.utf8) + Array("\nendobj\n".utf8)
        }
        // 1 catalog, 2 pages, 3 font, 4 info, then per page: page, contents
        let first = 5
        let kids = pages.indices.map { "\(first + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        var info = "<< /Producer (MiniPDF)"
        if let title { info += " /Title (\(escaped(title)))" }
        if let creationDate { info += " /CreationDate (\(creationDate))" }
        object(info + " >>")
        for (n, page) in pages.enumerated() {
            var content = ""
            if page.rectangle { content += "0.5 g 72 72 468 648 re f\n" }
            for r in page.runs {
                content += "BT /F1 \(r.size) Tf \(r.x) \(792 - r.y) Td (\(escaped(r.text))) Tj ET\n"
            }
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(first + 2 * n + 1) 0 R >>")
            object("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
        }
        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 4 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    /// Text in a PDF string: backslash, parentheses escaped; ASCII only.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }
}
