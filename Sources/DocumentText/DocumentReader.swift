import ClaimModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a file into a ``ClaimModel/Document``: the entry point of this module.
///
/// The cascade: size and binary checks; encoding (a byte-order mark; else UTF-8 when the bytes
/// are valid UTF-8; else the charset the page declares; else Windows-1252, with a mostly-UTF-8
/// file keeping its UTF-8 and only its stray bytes read as Windows-1252); the HTML-or-text
/// decision (the first bytes, helped by the file name); then libxml2 and the main-text extractor
/// for HTML, or the text as decoded for plain text.
///
/// A reader holds no state between calls and is safe to share across threads.
public struct DocumentReader: Sendable {
    /// The thresholds of the extraction.
    public var options: ExtractionOptions

    /// Creates a reader.
    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// File-name extensions that mean HTML.
    public static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

    /// Reads a document from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - fileName: the file's name, used only to help the HTML-or-text decision; nil for
    ///     standard input.
    ///   - deadline: when to give up: checked between the stages (decoding, parsing, extraction).
    /// - Throws: ``DocumentTextError`` when the bytes are empty, too large, binary, or HTML that
    ///   libxml2 cannot read; ``ClaimModel/TimeBudgetExceeded`` past the deadline.
    public func read(_ bytes: [UInt8], fileName: String? = nil, deadline: Deadline = .never) throws -> Document {
        try bytes.withUnsafeBufferPointer { try read($0, fileName: fileName, deadline: deadline) }
    }

    /// Reads a document from bytes in memory; see ``read(_:fileName:deadline:)-([UInt8],_,_)``.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String? = nil, deadline: Deadline = .never) throws -> Document {
        guard bytes.count > 0 else { throw DocumentTextError.empty }
        guard bytes.count <= options.maxBytes else {
            throw DocumentTextError.tooLarge(bytes: bytes.count, limit: options.maxBytes)
        }
        let ext = fileName.flatMap { name -> String? in
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            return name[name.index(after: dot)...].lowercased()
        }

        // Byte-order marks and UTF-16: decode to UTF-8 first.
        var converted: [UInt8]? = nil
        var encoding: String? = nil
        var body = bytes
        if let bom = TextDecoding.bom(bytes) {
            body = UnsafeBufferPointer(rebasing: bytes[bom.length...])
            switch bom {
            case .utf8: encoding = "UTF-8"
            case .utf16LE: converted = TextDecoding.utf8FromUTF16(body, bigEndian: false); encoding = "UTF-16LE"
            case .utf16BE: converted = TextDecoding.utf8FromUTF16(body, bigEndian: true); encoding = "UTF-16BE"
            }
        } else if let bom = TextDecoding.bomlessUTF16(bytes) {
            converted = TextDecoding.utf8FromUTF16(bytes, bigEndian: bom == .utf16BE)
            encoding = bom == .utf16BE ? "UTF-16BE" : "UTF-16LE"
        } else {
            if PDFReader.isPDF(bytes) { return try PDFReader.read(bytes, password: options.pdfPassword, deadline: deadline) }
            if let kind = TextDecoding.knownBinaryKind(bytes) { throw DocumentTextError.binaryContent(kind: kind) }
            if TextDecoding.looksBinary(bytes) {
                throw DocumentTextError.binaryContent(kind: "NUL or control bytes")
            }
        }
        if let converted {
            try deadline.check("decoding UTF-16")
            return try converted.withUnsafeBufferPointer { try decoded($0, encoding: encoding!, ext: ext, checked: true, deadline: deadline) }
        }
        return try decoded(body, encoding: encoding, ext: ext, checked: encoding != nil, deadline: deadline)
    }

    /// Continues with bytes that are UTF-8 (`checked`), or of unknown encoding.
    private func decoded(_ b: UnsafeBufferPointer<UInt8>, encoding known: String?, ext: String?, checked: Bool,
                         deadline: Deadline) throws -> Document {
        let isHTML = TextDecoding.looksLikeHTML(b)
            || (ext.map(DocumentReader.htmlExtensions.contains) == true && TextDecoding.containsHTMLTag(b))
        var encoding = known ?? "UTF-8"
        var repaired: [UInt8]? = nil
        var parseEncoding = "UTF-8"
        if known == nil || !checked {
            let scan = TextDecoding.scanUTF8(b)
            if !scan.valid {
                let declared = isHTML ? TextDecoding.declaredCharset(b) : nil
                if let label = declared, !TextDecoding.utf8Labels.contains(label),
                   !TextDecoding.windows1252Labels.contains(label), HTMLTree.knowsEncoding(label) {
                    // the page's own label, decoded by libxml2 (iconv)
                    parseEncoding = label
                    encoding = label
                } else if scan.multibyte > 0 && scan.multibyte >= scan.invalid {
                    repaired = TextDecoding.utf8Repairing(b)
                    encoding = "UTF-8 (with Windows-1252 bytes)"
                } else {
                    repaired = TextDecoding.utf8FromCP1252(b)
                    encoding = "windows-1252"
                }
            }
        }
        try deadline.check("detecting the encoding")
        if let repaired {
            return try repaired.withUnsafeBufferPointer {
                try finish($0, isHTML: isHTML, parseEncoding: "UTF-8", encoding: encoding, deadline: deadline)
            }
        }
        return try finish(b, isHTML: isHTML, parseEncoding: parseEncoding, encoding: encoding, deadline: deadline)
    }

    private func finish(_ b: UnsafeBufferPointer<UInt8>, isHTML: Bool, parseEncoding: String, encoding: String,
                        deadline: Deadline) throws -> Document {
        // NUL bytes past the sniffed start (or from UTF-16 NUL code units) are dropped: no text has
        // them, PostgreSQL cannot store them, and 0x00 is never part of a longer UTF-8 sequence
        if parseEncoding == "UTF-8", let base = b.baseAddress, memchr(base, 0, b.count) != nil {
            let cleaned = b.filter { $0 != 0 }
            guard !cleaned.isEmpty else { throw DocumentTextError.empty }
            return try cleaned.withUnsafeBufferPointer {
                try finish($0, isHTML: isHTML, parseEncoding: parseEncoding, encoding: encoding, deadline: deadline)
            }
        }
        if !isHTML {
            let text = String(decoding: b, as: UTF8.self)
            let blocks = PlainText.blocks(text)
            try deadline.check("cutting the text into blocks")
            var metadata = DocumentMetadata(title: PlainText.title(text, blocks))
            if let d = MetadataReader.dateline(in: text) {
                metadata.published = d
                metadata.publishedSource = "dateline"
            }
            return Document(text: text, blocks: blocks, metadata: metadata, format: .text, encoding: encoding)
        }
        let extractor = MainTextExtractor(options: options)
        return try HTMLTree.parse(b, encoding: parseEncoding) { tree in
            try deadline.check("parsing the HTML")
            var (metadata, fallback) = MetadataReader.read(tree.raw, tree: tree)
            let (text, blocks) = extractor.extract(tree, title: metadata.title ?? tree.raw.title)
            try deadline.check("finding the article text")
            if metadata.published == nil {
                if let d = MetadataReader.dateline(in: text) {
                    metadata.published = d
                    metadata.publishedSource = "dateline"
                } else if let fallback {
                    metadata.published = fallback.date
                    metadata.publishedSource = fallback.source
                }
            }
            return Document(text: text, blocks: blocks, metadata: metadata, format: .html, encoding: encoding)
        }
    }
}
