import ClaimModel

/// A sentence of a document: its place in the text and the block it belongs to.
public struct SentenceSpan: Sendable, Hashable {
    /// Byte offset of the first byte in the document's UTF-8.
    public var byteStart: Int
    /// Byte offset just past the last byte.
    public var byteEnd: Int
    /// Offset of the first Unicode scalar in the document text.
    public var start: Int
    /// Offset just past the last scalar.
    public var end: Int
    /// The index of its block in `Document.blocks`, or -1 when the document has none.
    public var block: Int
    /// The block's kind.
    public var kind: BlockKind
}

/// Cuts a document into sentences by the rule of the gold annotations: a line break always ends a
/// sentence; inside a line, a sentence ends at `.`, `!` or `?` (and any closing quotes or brackets
/// after it) followed by a space and a capital letter, a digit or an opening quote — except after
/// abbreviations (U.S., vs., e.g., Inc., Corp., Sept., No., single initials) and after a list
/// marker that opens the line ("1. Portfolio risk").
public enum SentenceSplitter {
    /// Lower-cased abbreviations (without their final period) after which a period does not end a
    /// sentence.
    static let abbreviations: Set<String> = [
        "u.s", "u.k", "u.n", "e.u", "vs", "e.g", "i.e", "inc", "corp", "co", "ltd", "jr", "sr", "mr", "mrs", "ms",
        "dr", "st", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
        "a.m", "p.m", "approx", "est", "rep", "sen", "gov", "gen", "lt", "col", "fig", "vol", "ca", "cf", "al", "mt",
        "ft", "bros", "dept", "univ", "assn", "intl", "u.s.a", "d.c", "n.y", "calif", "mass", "wash", "fla", "tex",
    ]

    /// The sentences of a document, in order.
    public static func split(_ document: Document) -> [SentenceSpan] {
        let bytes = Array(document.text.utf8)
        return split(bytes, blocks: document.blocks)
    }

    /// The sentences of UTF-8 text with its blocks (block offsets in scalars).
    public static func split(_ bytes: [UInt8], blocks: [Block]) -> [SentenceSpan] {
        // scalar offset → byte offset for block boundaries
        var out: [SentenceSpan] = []
        let regions: [(Int, Int, Int, BlockKind)]  // scalar start, scalar end, block, kind
        if blocks.isEmpty {
            regions = [(0, Int.max, -1, .paragraph)]
        } else {
            regions = blocks.enumerated().map { ($1.start, $1.end, $0, $1.kind) }
        }
        var scalar = 0
        var byte = 0
        for (rs, re, block, kind) in regions {
            // advance to the region's start
            while scalar < rs, byte < bytes.count {
                byte += 1
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
            var sentenceStartByte = byte, sentenceStartScalar = scalar
            func emit(_ endByte: Int, _ endScalar: Int) {
                // trim white space at both ends
                var b0 = sentenceStartByte, s0 = sentenceStartScalar, b1 = endByte, s1 = endScalar
                while b0 < b1, isSpace(bytes[b0]) { b0 += 1; s0 += 1 }
                while b1 > b0, isSpace(bytes[b1 - 1]) { b1 -= 1; s1 -= 1 }
                if b0 < b1 { out.append(SentenceSpan(byteStart: b0, byteEnd: b1, start: s0, end: s1, block: block, kind: kind)) }
            }
            var lineStart = byte
            while scalar < re, byte < bytes.count {
                let c = bytes[byte]
                if c == 0x0A || c == 0x0D {
                    emit(byte, scalar)
                    byte += 1
                    scalar += 1
                    if c == 0x0D, byte < bytes.count, bytes[byte] == 0x0A, scalar < re { byte += 1; scalar += 1 }
                    sentenceStartByte = byte
                    sentenceStartScalar = scalar
                    lineStart = byte
                    continue
                }
                if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?"),
                   let (closeByte, closeScalars) = sentenceEnd(bytes, byte, lineStart: lineStart) {
                    emit(closeByte, scalar + closeScalars)
                    byte = closeByte
                    scalar += closeScalars
                    sentenceStartByte = byte
                    sentenceStartScalar = scalar
                    continue
                }
                byte += 1
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
            emit(byte, scalar)
        }
        return capped(out, bytes)
    }

    /// The longest sentence read as one, in bytes. No real sentence comes near it; a longer run of
    /// text without sentence ends (a table flattened into one line, a run of digits) is read in
    /// pieces, so the work per sentence, which grows with its length times its numbers, stays
    /// bounded and the work per document grows linearly with its length.
    public static let maxSentenceBytes = 1_000

    /// Spans longer than `maxSentenceBytes` cut into pieces at the last white space before the
    /// limit (or, with none in its second half, at the last character boundary).
    static func capped(_ spans: [SentenceSpan], _ bytes: [UInt8]) -> [SentenceSpan] {
        guard spans.contains(where: { $0.byteEnd - $0.byteStart > maxSentenceBytes }) else { return spans }
        var out: [SentenceSpan] = []
        for span in spans {
            var piece = span
            while piece.byteEnd - piece.byteStart > maxSentenceBytes {
                let limit = piece.byteStart + maxSentenceBytes
                var cut = limit
                while cut > piece.byteStart + maxSentenceBytes / 2, !isSpace(bytes[cut]) { cut -= 1 }
                if !isSpace(bytes[cut]) {
                    cut = limit
                    while bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                }
                var head = piece
                head.byteEnd = cut
                head.end = head.start + scalars(bytes, piece.byteStart, cut)
                // the rest, without the white space it starts with
                var rest = piece
                var from = cut
                while from < piece.byteEnd, isSpace(bytes[from]) { from += 1 }
                rest.byteStart = from
                rest.start = head.end + scalars(bytes, cut, from)
                while head.byteEnd > head.byteStart, isSpace(bytes[head.byteEnd - 1]) { head.byteEnd -= 1; head.end -= 1 }
                out.append(head)
                piece = rest
            }
            if piece.byteEnd > piece.byteStart { out.append(piece) }
        }
        return out
    }

    /// Unicode scalars in bytes `from..<to`.
    static func scalars(_ b: [UInt8], _ from: Int, _ to: Int) -> Int {
        var n = 0
        for k in from..<to where b[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    /// When the punctuation at `i` ends a sentence: the byte just past it (and past closing quotes
    /// and brackets) and the number of scalars that takes.
    static func sentenceEnd(_ b: [UInt8], _ i: Int, lineStart: Int) -> (Int, Int)? {
        var j = i + 1
        var scalars = 1
        // more terminal punctuation and closing quotes/brackets: "?!", ".\"", ".’", ".)"
        while j < b.count {
            let c = b[j]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "\"")
                || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") {
                j += 1
                scalars += 1
            } else if c == 0xE2, j + 2 < b.count, b[j + 1] == 0x80, b[j + 2] == 0x9D || b[j + 2] == 0x99 {
                j += 3   // ” or ’
                scalars += 1
            } else {
                break
            }
        }
        // a space, then a capital, a digit or an opening quote
        guard j < b.count, b[j] == 0x20 || b[j] == 0x09 else { return nil }
        var k = j
        while k < b.count, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
        guard k < b.count else { return nil }
        let n = b[k]
        let opensSentence = (n >= 0x41 && n <= 0x5A) || (n >= 0x30 && n <= 0x39) || n == UInt8(ascii: "\"") || n == UInt8(ascii: "'")
            || n == UInt8(ascii: "(") || n == UInt8(ascii: "$")
            || (n == 0xE2 && k + 2 < b.count && b[k + 1] == 0x80 && (b[k + 2] == 0x9C || b[k + 2] == 0x98))  // “ ‘
            || (n >= 0xC3 && n <= 0xC3 && k + 1 < b.count && b[k + 1] >= 0x80 && b[k + 1] <= 0x9E)        // À..Þ
        guard opensSentence else { return nil }
        guard b[i] == UInt8(ascii: ".") else { return (j, scalars) }
        // the word before the period
        var w = i
        while w > lineStart, !isSpace(b[w - 1]), b[w - 1] != UInt8(ascii: "(") && b[w - 1] != UInt8(ascii: "\"") { w -= 1 }
        let word = String(decoding: b[w..<i], as: UTF8.self).lowercased()
        if abbreviations.contains(word) { return nil }
        // a single letter ("J." in "Arthur J. Gallagher") is an initial, and so are initials run
        // together ("J.P. Morgan", "A.P. Moller")
        if word.count == 1, let ch = word.first, ch.isLetter { return nil }
        if word.count >= 3, word.count <= 7, word.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ $0.count == 1 && $0.first!.isLetter }) {
            return nil
        }
        // a short capitalised abbreviation before a figure, as in a table row ("NASDAQ Comp. 9.65%",
        // "Dow Jones Ind. Avg. 2.38")
        if n >= 0x30 && n <= 0x39, (2...4).contains(word.count), word.allSatisfy({ $0.isLetter }), b[w] >= 0x41 && b[w] <= 0x5A {
            return nil
        }
        // a list marker opening the line: "1. Portfolio Concentration Risk"
        if w == lineStart || String(decoding: b[lineStart..<w], as: UTF8.self).allSatisfy({ $0 == " " || $0 == "\t" }) {
            if !word.isEmpty, word.count <= 3, word.allSatisfy({ $0.isNumber }) { return nil }
        }
        return (j, scalars)
    }
}
