/// Byte-level sniffing and decoding: byte-order marks, UTF-8 validation, declared charsets,
/// Windows-1252, binary detection and the HTML-or-text decision.
///
/// Written here rather than taken from a package: the mirror has no charset-detection library,
/// Foundation on Linux refuses the five undefined Windows-1252 bytes instead of mapping them as
/// browsers do, and these loops run over every input byte, so they are kept allocation-free.
enum TextDecoding {
    /// An encoding found by a byte-order mark.
    enum BOM: Equatable {
        case utf8, utf16LE, utf16BE

        /// The number of bytes the mark takes.
        var length: Int { self == .utf8 ? 3 : 2 }
    }

    /// The byte-order mark at the start of `bytes`, if any.
    static func bom(_ bytes: UnsafeBufferPointer<UInt8>) -> BOM? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8 }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LE }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BE }
        return nil
    }

    /// What a UTF-8 validation pass found.
    struct UTF8Scan {
        /// True when every byte belongs to a well-formed UTF-8 sequence.
        var valid: Bool
        /// Well-formed sequences of two bytes or more.
        var multibyte: Int
        /// Bytes that belong to no well-formed sequence.
        var invalid: Int
    }

    /// Validates UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), counting
    /// well-formed multi-byte sequences and stray bytes.
    static func scanUTF8(_ b: UnsafeBufferPointer<UInt8>) -> UTF8Scan {
        var i = 0
        let n = b.count
        var multibyte = 0
        var invalid = 0
        while i < n {
            // ASCII fast path, eight bytes at a time where alignment allows.
            while i + 8 <= n {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len = sequenceLength(b, i)
            if len == 0 { invalid += 1; i += 1 } else { multibyte += 1; i += len }
        }
        return UTF8Scan(valid: invalid == 0, multibyte: multibyte, invalid: invalid)
    }

    /// The length of the well-formed UTF-8 sequence that starts at `i` with a non-ASCII byte,
    /// or 0 when none does.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        let c = b[i]
        @inline(__always) func cont(_ j: Int) -> Bool { j < n && b[j] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && (0xA0...0xBF).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xED:
            return i + 2 < n && (0x80...0x9F).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && (0x90...0xBF).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && (0x80...0x8F).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Windows-1252 code points for bytes 0x80...0x9F, as the WHATWG Encoding Standard maps them
    /// (the five bytes the code page leaves undefined map to the C1 controls of the same value).
    static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar a Windows-1252 byte stands for.
    @inline(__always)
    static func cp1252Scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
    }

    /// Appends the UTF-8 form of a scalar.
    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case ..<0x80:
            out.append(UInt8(v))
        case ..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Windows-1252 bytes as UTF-8.
    static func utf8FromCP1252(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 { out.append(c) } else { appendUTF8(cp1252Scalar(c), to: &out) }
        }
        return out
    }

    /// Mostly-UTF-8 bytes with stray bytes (a pasted Latin-1 fragment in a UTF-8 page) as UTF-8:
    /// well-formed sequences are kept, and each stray byte is read as Windows-1252, which is what
    /// such bytes almost always are.
    static func utf8Repairing(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count + 16)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { out.append(c); i += 1; continue }
            let len = sequenceLength(b, i)
            if len == 0 {
                appendUTF8(cp1252Scalar(c), to: &out)
                i += 1
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + len)]))
                i += len
            }
        }
        return out
    }

    /// UTF-16 bytes (after any byte-order mark) as UTF-8; unpaired surrogates become U+FFFD.
    static func utf8FromUTF16(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        @inline(__always) func unit(_ k: Int) -> UInt32 {
            let hi = bigEndian ? b[2 * k] : b[2 * k + 1]
            let lo = bigEndian ? b[2 * k + 1] : b[2 * k]
            return UInt32(hi) << 8 | UInt32(lo)
        }
        let units = b.count / 2
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var k = 0
        while k < units {
            let u = unit(k)
            if u >= 0xD800 && u <= 0xDBFF, k + 1 < units {
                let low = unit(k + 1)
                if low >= 0xDC00 && low <= 0xDFFF {
                    appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                    k += 2
                    continue
                }
            }
            appendUTF8(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u, to: &out)
            k += 1
        }
        if b.count % 2 == 1 { appendUTF8(0xFFFD, to: &out) }  // a cut-off final byte
        return out
    }

    /// Binary formats recognised by their magic numbers, so the error can name them.
    static func knownBinaryKind(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(_ sig: [UInt8]) -> Bool {
            b.count >= sig.count && zip(b, sig).allSatisfy { $0 == $1 }
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "JPEG image" }
        if starts(Array("GIF8".utf8)) { return "GIF image" }
        if starts(Array("%PDF-".utf8)) { return "PDF document" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "ZIP archive" }
        if starts([0x1F, 0x8B]) { return "gzip-compressed data" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "ELF executable" }
        if starts(Array("RIFF".utf8)) { return "RIFF media" }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return "zstd-compressed data" }
        if starts(Array("BZh".utf8)) { return "bzip2-compressed data" }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz-compressed data" }
        if starts(Array("SQLite format 3".utf8)) { return "SQLite database" }
        return nil
    }

    /// A UTF-16 text without a byte-order mark shows as NULs in every other byte; this tells which
    /// half, from the first bytes.
    static func bomlessUTF16(_ b: UnsafeBufferPointer<UInt8>) -> BOM? {
        let n = min(b.count, 512) & ~1
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for k in stride(from: 0, to: n, by: 2) {
            if b[k] == 0 { evenZero += 1 }
            if b[k + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        if oddZero * 10 >= pairs * 9 && evenZero * 10 <= pairs { return .utf16LE }
        if evenZero * 10 >= pairs * 9 && oddZero * 10 <= pairs { return .utf16BE }
        return nil
    }

    /// True when the first bytes look like something other than text: NUL bytes or many control
    /// characters that text never has.
    static func looksBinary(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(b.count, 8192)
        guard n > 0 else { return false }
        var controls = 0
        for k in 0..<n {
            let c = b[k]
            if c == 0 { return true }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x1B { controls += 1 }
        }
        return controls * 10 > n  // over 10% control bytes
    }

    /// The WHATWG MIME-sniffing test for HTML: after leading whitespace, the bytes open with one of
    /// the tags that mark an HTML document (`<!DOCTYPE HTML`, `<html`, `<head`, `<body`, `<div`,
    /// `<p`, `<!--`, …) followed by a space or `>`. `<?xml` counts when an `<html` tag follows
    /// within the first kilobyte (XHTML).
    static func looksLikeHTML(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x0C { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "<") else { return false }
        let tags = ["!DOCTYPE HTML", "HTML", "HEAD", "SCRIPT", "IFRAME", "H1", "DIV", "FONT", "TABLE", "A",
                    "STYLE", "TITLE", "B", "BODY", "BR", "P", "META", "LINK", "ARTICLE", "SECTION",
                    "MAIN", "HEADER", "NAV", "SPAN", "H2", "H3", "UL", "OL"]
        for tag in tags {
            if matchesTag(b, at: i + 1, tag) { return true }
        }
        if matchesPrefix(b, at: i + 1, "!--") { return true }
        if matchesPrefix(b, at: i + 1, "?xml") {
            return containsASCII(b, "<html", within: 1024)
        }
        return false
    }

    /// True when the bytes at `at` spell `tag` (ASCII case-insensitive) followed by a space, `>`
    /// or `/`.
    static func matchesTag(_ b: UnsafeBufferPointer<UInt8>, at: Int, _ tag: String) -> Bool {
        guard matchesPrefix(b, at: at, tag) else { return false }
        let j = at + tag.utf8.count
        guard j < b.count else { return false }
        let c = b[j]
        return c == 0x20 || c == 0x3E || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x2F
    }

    /// ASCII case-insensitive prefix test at an offset.
    static func matchesPrefix(_ b: UnsafeBufferPointer<UInt8>, at: Int, _ s: String) -> Bool {
        var j = at
        for ch in s.utf8 {
            guard j < b.count, lower(b[j]) == lower(ch) else { return false }
            j += 1
        }
        return true
    }

    /// ASCII case-insensitive search in the first `within` bytes.
    static func containsASCII(_ b: UnsafeBufferPointer<UInt8>, _ s: String, within: Int) -> Bool {
        let limit = min(b.count, within)
        let pattern = Array(s.utf8)
        guard limit >= pattern.count else { return false }
        for i in 0...(limit - pattern.count) where matchesPrefix(b, at: i, s) { return true }
        return false
    }

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// The charset an HTML page declares in its first bytes: `<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">` (a simplified WHATWG prescan),
    /// or the encoding of an `<?xml … encoding="…"?>` declaration. Lower-cased.
    static func declaredCharset(_ b: UnsafeBufferPointer<UInt8>, within: Int = 16384) -> String? {
        let limit = min(b.count, within)
        var i = 0
        while i < limit {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matchesPrefix(b, at: i + 1, "?xml") {
                let end = findByte(b, UInt8(ascii: ">"), from: i, limit: limit)
                if let v = attributeValue(in: b, from: i, to: end, name: "encoding") { return v }
                i = end
                continue
            }
            if matchesPrefix(b, at: i + 1, "!--") {
                i = findComment(b, from: i + 4, limit: limit)
                continue
            }
            if matchesTag(b, at: i + 1, "meta") {
                let end = findByte(b, UInt8(ascii: ">"), from: i, limit: limit)
                if let v = attributeValue(in: b, from: i, to: end, name: "charset") { return v }
                if let content = attributeValue(in: b, from: i, to: end, name: "content"),
                   let v = charsetInContentType(content) {
                    return v
                }
                i = end
                continue
            }
            i += 1
        }
        return nil
    }

    static func findByte(_ b: UnsafeBufferPointer<UInt8>, _ c: UInt8, from: Int, limit: Int) -> Int {
        var j = from
        while j < limit, b[j] != c { j += 1 }
        return j
    }

    static func findComment(_ b: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        var j = from
        while j + 2 < limit {
            if b[j] == UInt8(ascii: "-"), b[j + 1] == UInt8(ascii: "-"), b[j + 2] == UInt8(ascii: ">") { return j + 3 }
            j += 1
        }
        return limit
    }

    /// The value of `name=value` / `name="value"` inside a tag's bytes, lower-cased.
    static func attributeValue(in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, name: String) -> String? {
        let n = name.utf8.count
        var j = from
        while j + n < to {
            let before = j == 0 ? 0x20 : b[j - 1]
            let boundary = before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D
                || before == 0x22 || before == 0x27 || before == 0x3B || before == 0x2F
            if boundary, matchesPrefix(b, at: j, name) {
                var k = j + n
                while k < to, b[k] == 0x20 { k += 1 }
                if k < to, b[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < to, b[k] == 0x20 { k += 1 }
                    var quote: UInt8? = nil
                    if k < to, b[k] == 0x22 || b[k] == 0x27 { quote = b[k]; k += 1 }
                    var e = k
                    while e < to {
                        let c = b[e]
                        if let q = quote { if c == q { break } } else if c == 0x20 || c == 0x3E || c == 0x3B || c == 0x2F || c == 0x22 || c == 0x27 { break }
                        e += 1
                    }
                    if e > k {
                        let bytes = UnsafeBufferPointer(rebasing: b[k..<e]).map(lower)
                        return String(decoding: bytes, as: UTF8.self).trimmingSpaces()
                    }
                }
            }
            j += 1
        }
        return nil
    }

    /// The charset parameter of a Content-Type value (`text/html; charset=iso-8859-1`).
    static func charsetInContentType(_ content: String) -> String? {
        guard let r = content.range(of: "charset") else { return nil }
        var rest = content[r.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let value = rest.prefix(while: { !" ;\"'".contains($0) })
        return value.isEmpty ? nil : String(value)
    }

    /// Charset labels that mean Windows-1252 in practice (the WHATWG Encoding Standard maps
    /// US-ASCII and ISO-8859-1 to it, since pages so labelled use its extra characters).
    static let windows1252Labels: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
        "latin1", "l1", "latin-1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819",
        "iso-ir-100", "csisolatin1", "iso_8859-1:1987",
    ]

    /// Charset labels that mean UTF-8.
    static let utf8Labels: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"]
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

extension TextDecoding {
    /// True when an HTML tag appears within the first 1024 bytes (for files named `.html` that
    /// start with text or a comment rather than a tag).
    static func containsHTMLTag(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for tag in ["<html", "<head", "<body", "<div", "<p>", "<p ", "<br", "<meta", "<title", "<!doctype", "<article", "<table", "<h1", "<h2", "<ul", "<span", "<a "] {
            if containsASCII(b, tag, within: 1024) { return true }
        }
        return false
    }
}
