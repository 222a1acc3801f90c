import ClaimModel

/// Blocks of a plain-text or Markdown document, whose text is kept exactly as decoded.
///
/// Every non-blank line is a block (the claims conventions end a sentence at every line break),
/// its offsets spanning the line without its surrounding white space. Markdown marks set the kind:
/// `#` headings, `-`/`*`/`+`/`•`/`1.` list items, `>` quotes, `|` table rows.
enum PlainText {
    static func blocks(_ text: String) -> [Block] {
        // over UTF-8 bytes: offsets count Unicode scalars (bytes that are not continuation
        // bytes), and only the scalars at a line's ends are decoded
        var text = text
        return text.withUTF8 { b in
            var blocks: [Block] = []
            var i = 0
            var lineStart = 0   // in scalars
            while i <= b.count {
                var j = i
                var scalars = 0
                while j < b.count, b[j] != 0x0A {
                    if b[j] & 0xC0 != 0x80 { scalars += 1 }
                    j += 1
                }
                if let block = line(b, i, j, scalars, lineStart) { blocks.append(block) }
                lineStart += scalars + 1
                i = j + 1
            }
            return blocks
        }
    }

    /// The block of the line in bytes `from..<to` (`scalars` long, starting at scalar offset
    /// `lineStart`), or nil for a blank line.
    private static func line(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ scalars: Int, _ lineStart: Int) -> Block? {
        // trim white space at both ends, keeping offsets
        var a = from, sa = 0
        while a < to {
            let (c, n) = decode(b, a)
            guard isSpace(c) else { break }
            a += n
            sa += 1
        }
        var e = to, se = scalars
        while e > a {
            var k = e - 1
            while k > a, b[k] & 0xC0 == 0x80 { k -= 1 }
            guard isSpace(decode(b, k).0) else { break }
            e = k
            se -= 1
        }
        guard a < e else { return nil }
        var kind = BlockKind.paragraph
        var level: Int? = nil
        let (first, firstLength) = decode(b, a)
        func byte(_ k: Int) -> UInt8? { k < e ? b[k] : nil }
        switch first {
        case "#":
            var hashes = 0
            while a + hashes < e, b[a + hashes] == UInt8(ascii: "#") { hashes += 1 }
            if hashes <= 6, byte(a + hashes) == UInt8(ascii: " ") {
                kind = .heading
                level = hashes
            }
        case "-", "*", "+", "•":
            if byte(a + firstLength) == UInt8(ascii: " ") { kind = .listItem }
        case ">": kind = .quote
        case "|": kind = .tableRow
        default:
            if first.properties.numericType != nil {
                // "1. ", "12) ": up to three digits, a dot or parenthesis, a space
                var k = a, digits = 0
                while k < e {
                    let (c, n) = decode(b, k)
                    guard c.properties.numericType != nil else { break }
                    k += n
                    digits += 1
                }
                if digits <= 3, byte(k) == UInt8(ascii: ".") || byte(k) == UInt8(ascii: ")"), byte(k + 1) == UInt8(ascii: " ") {
                    kind = .listItem
                }
            }
        }
        return Block(kind: kind, start: lineStart + sa, end: lineStart + se, level: level)
    }

    /// The scalar at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c = b[i]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        let n = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2)
        var v = UInt32(c) & (n == 2 ? 0x1F : (n == 3 ? 0x0F : 0x07))
        for k in 1..<n where i + k < b.count { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
    }

    /// White space: ASCII without a table lookup, the rest by Unicode property.
    @inline(__always)
    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c == " " || c == "\t" || c == "\r" || c.value == 0x0B || c.value == 0x0C) : c.properties.isWhitespace
    }

    /// The first line, as a title, when it is short and does not read as a sentence.
    static func title(_ text: String, _ blocks: [Block]) -> String? {
        guard let first = blocks.first, first.end - first.start <= 400 else { return nil }
        let scalars = Array(text.unicodeScalars[text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: first.start)...].prefix(first.end - first.start))
        var s = String(String.UnicodeScalarView(scalars))
        if first.kind == .heading { s = String(s.drop(while: { $0 == "#" || $0 == " " })) }
        guard s.count <= 200, !s.isEmpty, s.last != "." else { return nil }
        return s
    }
}
