import CPoppler
import ClaimModel
import Foundation

/// Reads the text layer of a PDF through poppler (poppler-glib's C API): every page's glyphs
/// with their boxes, handed to ``PDFLayout``, and the document's title, author and creation date.
///
/// poppler does the PDF itself: the cross-reference table (repaired when damaged), fonts and
/// their Unicode maps, the reading order of text flows. What poppler cannot open is a clear
/// error: encrypted without the password, damaged past repair, no pages, or no text on any page
/// (scanned images: this reader does no OCR).
enum PDFReader {
    /// The bytes a PDF starts with (after at most 1,024 bytes of anything, which readers allow).
    static func isPDF(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sig: [UInt8] = Array("%PDF-".utf8)
        let limit = min(bytes.count - sig.count, 1024)
        guard limit >= 0 else { return false }
        var i = 0
        while i <= limit {
            if bytes[i] == sig[0], bytes[i + 1] == sig[1], bytes[i + 2] == sig[2], bytes[i + 3] == sig[3], bytes[i + 4] == sig[4] {
                return true
            }
            i += 1
        }
        return false
    }

    /// Opening documents sets up poppler's global state on first use; one at a time.
    private static let openLock = NSLock()

    /// Reads the PDF in `bytes` into a document.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, password: String?, deadline: Deadline) throws -> Document {
        guard let base = bytes.baseAddress else { throw DocumentTextError.empty }
        // poppler reads the bytes in place, through a GIO stream; they outlive the document,
        // which is freed below. (Not `poppler_document_new_from_bytes` or `_from_data`: with a
        // wrong password, poppler 22.12 retries on a memory stream it has already freed and
        // crashes; its stream path does not.)
        guard let stream = g_memory_input_stream_new_from_data(base, gssize(bytes.count), nil) else {
            throw DocumentTextError.pdfUnreadable(reason: "no memory for the stream")
        }
        defer { cpoppler_unref(UnsafeMutableRawPointer(stream)) }
        var error: UnsafeMutablePointer<GError>? = nil
        openLock.lock()
        let opened = poppler_document_new_from_stream(stream, goffset(bytes.count), password.flatMap { $0.isEmpty ? nil : $0 }, nil, &error)
        openLock.unlock()
        guard let document = opened else {
            let code = error.map { Int($0.pointee.code) } ?? -1
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            cpoppler_error_free(error)
            if code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) { throw DocumentTextError.pdfEncrypted(passwordGiven: password != nil) }
            throw DocumentTextError.pdfUnreadable(reason: message)
        }
        defer { cpoppler_unref(UnsafeMutableRawPointer(document)) }

        let count = Int(poppler_document_get_n_pages(document))
        guard count > 0 else { throw DocumentTextError.pdfUnreadable(reason: "it has no pages") }
        var pages: [PDFPageGlyphs] = []
        pages.reserveCapacity(count)
        var empty: [Int] = []
        for p in 0..<count {
            try deadline.check("reading page \(p + 1) of \(count) of the PDF")
            guard let page = poppler_document_get_page(document, Int32(p)) else {
                empty.append(p + 1)
                pages.append(PDFPageGlyphs(width: 0, height: 0, glyphs: []))
                continue
            }
            let glyphs = self.glyphs(of: page)
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            let links = self.links(of: page, height: height)
            cpoppler_unref(UnsafeMutableRawPointer(page))
            if !glyphs.contains(where: { !PDFLayout.isSpace($0.scalar) }) { empty.append(p + 1) }
            pages.append(PDFPageGlyphs(width: width, height: height, glyphs: glyphs, links: links))
        }
        if empty.count == count { throw DocumentTextError.pdfNoText(pages: count) }

        try deadline.check("laying out the PDF's text")
        var metadata = DocumentMetadata()
        metadata.title = string(poppler_document_get_title(document))
        // A browser's "print to PDF" dates the printing, not the article: its creation date is
        // no publication date (the article's own dateline is read instead); and it never
        // hyphenates, so a hyphen at a line's end is the text's own.
        let maker = (string(poppler_document_get_creator(document)) ?? "") + " " + (string(poppler_document_get_producer(document)) ?? "")
        let printed = maker.contains("Mozilla/") || maker.contains("Skia/PDF") || maker.contains("HeadlessChrome")
        let laid = PDFLayout.lay(pages, title: metadata.title, keepHyphens: printed)
        guard !laid.blocks.isEmpty else { throw DocumentTextError.pdfOnlyRunningText(pages: count) }
        metadata.author = string(poppler_document_get_author(document))
        if !printed, let created = poppler_document_get_creation_date_time(document) {
            if let d = CalendarDate(year: Int(g_date_time_get_year(created)), month: Int(g_date_time_get_month(created)),
                                    day: Int(g_date_time_get_day_of_month(created))), DateText.isPlausible(d) {
                metadata.published = d
                metadata.publishedSource = "pdf:CreationDate"
            }
            g_date_time_unref(created)
        }
        if metadata.published == nil, let dated = MetadataReader.dateline(in: laid.text) {
            metadata.published = dated
            metadata.publishedSource = "dateline"
        }
        metadata.pageStarts = laid.pageStarts
        metadata.pagesWithoutText = empty
        return Document(text: laid.text, blocks: laid.blocks, metadata: metadata, format: .pdf, encoding: "PDF")
    }

    /// A page's glyphs in poppler's reading order: its text and one box per character.
    static func glyphs(of page: OpaquePointer) -> [PDFGlyph] {
        guard let text = poppler_page_get_text(page) else { return [] }
        defer { cpoppler_free(text) }
        var boxes: UnsafeMutablePointer<PopplerRectangle>? = nil
        var n: guint = 0
        guard poppler_page_get_text_layout(page, &boxes, &n) != 0, let boxes else { return [] }
        defer { cpoppler_free(boxes) }
        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(Int(n))
        var i = 0
        // one box per character of the text, in order
        for scalar in String(cString: text).unicodeScalars {
            guard i < Int(n) else { break }
            let r = boxes[i]
            glyphs.append(PDFGlyph(scalar: scalar, x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2))
            i += 1
        }
        return glyphs
    }

    /// The boxes of a page's links (web and in-document), top-down like the glyphs' boxes.
    static func links(of page: OpaquePointer, height: Double) -> [(x1: Double, y1: Double, x2: Double, y2: Double)] {
        guard let list = poppler_page_get_link_mapping(page) else { return [] }
        defer { poppler_page_free_link_mapping(list) }
        var out: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let area = data.assumingMemoryBound(to: PopplerLinkMapping.self).pointee.area
                // link areas are in PDF space, y up
                out.append((min(area.x1, area.x2), height - max(area.y1, area.y2), max(area.x1, area.x2), height - min(area.y1, area.y2)))
            }
            node = n.pointee.next
        }
        return out
    }

    /// A GLib string as a Swift string (freed), nil when absent or blank.
    static func string(_ p: UnsafeMutablePointer<gchar>?) -> String? {
        guard let p else { return nil }
        defer { cpoppler_free(p) }
        let s = String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }
}
