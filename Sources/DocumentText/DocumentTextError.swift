/// Why a file could not be turned into a ``ClaimModel/Document``.
///
/// The description names the reason in a few words and never dumps page content; the caller adds
/// the file name (`claims text` prints `path: reason`).
public enum DocumentTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not text: a NUL-laden or known binary format (`kind` names it when known).
    case binaryContent(kind: String)
    /// The input is larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// libxml2 returned no document for bytes that looked like HTML.
    case unparsable(bytes: Int)
    /// The input holds no text at all (empty, or only markup).
    case empty
    /// A PDF that needs a password (`passwordGiven`: the one given did not open it).
    case pdfEncrypted(passwordGiven: Bool)
    /// A PDF that poppler cannot open, even after repairing its cross-reference table.
    case pdfUnreadable(reason: String)
    /// A PDF with no text layer on any of its `pages` (scanned images; no OCR is done).
    case pdfNoText(pages: Int)
    /// A PDF whose only text is running headers, footers and page numbers (a blank page printed
    /// by a browser, say).
    case pdfOnlyRunningText(pages: Int)

    public var description: String {
        switch self {
        case .binaryContent(let kind):
            return "binary content (\(kind)), not text or HTML"
        case .tooLarge(let bytes, let limit):
            return "file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .unparsable(let bytes):
            return "HTML parser could not read the \(bytes) bytes"
        case .empty:
            return "empty file"
        case .pdfEncrypted(let given):
            return given ? "encrypted PDF: the password given does not open it" : "encrypted PDF: give its password with --pdf-password"
        case .pdfUnreadable(let reason):
            return "damaged PDF, not readable (\(reason))"
        case .pdfOnlyRunningText(let pages):
            return "PDF without article text (\(pages == 1 ? "its page holds" : "its \(pages) pages hold") only running headers, footers and page numbers)"
        case .pdfNoText(let pages):
            return "PDF without a text layer (\(pages == 1 ? "its page is" : "all \(pages) pages are") images; no OCR is done)"
        }
    }
}
