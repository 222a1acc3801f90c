import ClaimModel
import ClaimsTestSupport
@testable import DocumentText
import Testing

/// The encoding cascade: byte-order mark, valid UTF-8, declared charset, Windows-1252.
@Suite("Encodings")
struct EncodingTests {
    let reader = DocumentReader()

    func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html><head>\(head)<title>T</title></head><body><article><p>\(body)</p></article></body></html>"
    }

    /// A paragraph long enough to count as article prose.
    let prose = "Stocks rallied across the board as investors weighed the latest inflation report and its meaning for rates."

    @Test("valid UTF-8 wins over a stale charset label")
    func staleLabel() throws {
        let html = page("The fund took in €5bn. \(prose)", head: #"<meta charset="iso-8859-1">"#)
        let doc = try reader.read(Array(html.utf8), fileName: "a.html")
        #expect(doc.text.contains("took in €5bn."))
        #expect(doc.encoding == "UTF-8")
    }

    @Test("a Latin-1 page labelled so decodes by its label")
    func latin1Labelled() throws {
        var bytes = Array(page("Le caf\u{E9} na\u{EF}f co\u{FB}te 5\u{A0}\u{A3}. \(prose)",
                               head: #"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#)
            .unicodeScalars.map { UInt8($0.value) })
        bytes.append(0x0A)
        let doc = try reader.read(bytes, fileName: "latin1.html")
        #expect(doc.text.contains("Le café naïf coûte 5 £."))
        #expect(doc.encoding == "windows-1252")
    }

    @Test("a page labelled UTF-8 whose bytes are Windows-1252 still reads right")
    func mislabelledWindows1252() throws {
        // 0x80 is € and 0x93/0x94 are curly quotes in Windows-1252; none is valid UTF-8 here.
        let head = Array(#"<html><head><meta charset="utf-8"></head><body><p>Outflows hit "#.utf8)
        let middle: [UInt8] = [0x80] + Array("10.8bn, the \"".utf8) + [0x93] + Array("worst".utf8) + [0x94]
        let tail = Array(" week since March. \(prose)</p></body></html>".utf8)
        let doc = try reader.read(head + middle + tail, fileName: "cp1252.html")
        #expect(doc.text.contains("Outflows hit €10.8bn, the \"“worst” week since March."))
        #expect(doc.encoding == "windows-1252")
    }

    @Test("a UTF-8 page with a few stray Latin-1 bytes keeps its UTF-8 and repairs the strays")
    func mixedRepair() throws {
        var bytes = Array(page("Yields in the euro area (€) fell; caf", head: "").utf8)
        let cut = bytes.count - "</p></article></body></html>".utf8.count
        bytes.insert(contentsOf: [0xE9] + Array(" owners paid more. \(prose)".utf8), at: cut)
        let doc = try reader.read(bytes, fileName: "mixed.html")
        #expect(doc.text.contains("Yields in the euro area (€) fell; café owners paid more."))
    }

    @Test("UTF-16 with a byte-order mark, little- and big-endian, HTML and text")
    func utf16() throws {
        let html = page("Le marché a gagné 1,8 %. \(prose)")
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for unit in html.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let a = try reader.read(le, fileName: "le.html"), b = try reader.read(be, fileName: "be.html")
        #expect(a.text.contains("Le marché a gagné 1,8 %."))
        #expect(a.text == b.text)
        #expect(a.encoding == "UTF-16LE" && b.encoding == "UTF-16BE")
        #expect(a.format == .html)

        let text = "Nikkei 225 rose 1.2% 📈\n"
        var t: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { t += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = try reader.read(t, fileName: "note.txt")
        #expect(doc.text == text)           // the mark is not part of the text
        #expect(doc.format == .text)
    }

    @Test("a UTF-8 byte-order mark is not part of the text")
    func utf8BOM() throws {
        let doc = try reader.read([0xEF, 0xBB, 0xBF] + Array("Dow 46,397.89\n".utf8), fileName: "a.txt")
        #expect(doc.text == "Dow 46,397.89\n")
        #expect(doc.blocks.first?.start == 0)
    }

    @Test("a declared charset other than UTF-8 and Latin-1 is decoded by libxml2")
    func koi8r() throws {
        // "Привет" in KOI8-R.
        let word: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let bytes = Array(#"<html><head><meta charset="koi8-r"></head><body><p>"#.utf8) + word
            + Array(", рынок. \(prose)</p></body></html>".unicodeScalars.compactMap { $0.isASCII ? UInt8($0.value) : nil })
        let doc = try reader.read(bytes, fileName: "ru.html")
        #expect(doc.text.hasPrefix("Привет"))
        #expect(doc.encoding == "koi8-r")
    }

    @Test("invalid UTF-8 in plain text falls back to Windows-1252, not replacement characters")
    func invalidUTF8Text() throws {
        let bytes = Array("Gewinn: ".utf8) + [0x80] + Array("5 Mio.\n".utf8)
        let doc = try reader.read(bytes, fileName: "de.txt")
        #expect(doc.text == "Gewinn: €5 Mio.\n")
        #expect(!doc.text.contains("\u{FFFD}"))
    }
}

@Suite("Byte sniffing")
struct SniffingTests {
    func sniff(_ s: String) -> Bool {
        Array(s.utf8).withUnsafeBufferPointer { TextDecoding.looksLikeHTML($0) }
    }

    @Test("HTML is told by its first bytes, not by its name")
    func htmlSignatures() {
        #expect(sniff("<!DOCTYPE html><html>"))
        #expect(sniff("  \n<html lang=en>"))
        #expect(sniff("<!-- saved page --><div>"))
        #expect(sniff("<p>text</p>"))
        #expect(sniff(#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">"#))
        #expect(!sniff("S&P 500 <up> 2%"))
        #expect(!sniff("Plain note about the Nasdaq."))
        #expect(!sniff("<paragraph>"))   // not an HTML tag
    }

    @Test("a .txt file that is really HTML is read as HTML; an .html file of plain text as text")
    func nameDoesNotDecide() throws {
        let reader = DocumentReader()
        let html = try reader.read(Array("<html><body><p>Stocks rose today as traders bought the dip in chip makers and banks alike.</p></body></html>".utf8), fileName: "page.txt")
        #expect(html.format == .html)
        let text = try reader.read(Array("Stocks rose 2% today.\n".utf8), fileName: "page.html")
        #expect(text.format == .text)
        #expect(text.text == "Stocks rose 2% today.\n")
    }

    @Test("Windows-1252 maps its 0x80...0x9F bytes as browsers do")
    func windows1252Table() {
        let out = [UInt8]([0x80, 0x85, 0x93, 0x94, 0x96, 0x9F, 0x81, 0xA3]).withUnsafeBufferPointer { TextDecoding.utf8FromCP1252($0) }
        #expect(String(decoding: out, as: UTF8.self) == "€…“”–Ÿ\u{81}£")
    }

    @Test("UTF-8 validation rejects overlongs, surrogates and truncated sequences")
    func utf8Validation() {
        func valid(_ b: [UInt8]) -> Bool { b.withUnsafeBufferPointer { TextDecoding.scanUTF8($0).valid } }
        #expect(valid(Array("€ 𝄞 é abc".utf8)))
        #expect(!valid([0xC0, 0xAF]))               // overlong "/"
        #expect(!valid([0xED, 0xA0, 0x80]))         // a surrogate
        #expect(!valid([0xE2, 0x82]))               // cut short
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))   // above U+10FFFF
    }

    @Test("the declared charset is found in meta charset, http-equiv and the XML declaration")
    func declaredCharset() {
        func declared(_ s: String) -> String? { Array(s.utf8).withUnsafeBufferPointer { TextDecoding.declaredCharset($0) } }
        #expect(declared(#"<html><head><meta charset="Windows-1251">"#) == "windows-1251")
        #expect(declared(#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#) == "shift_jis")
        #expect(declared(#"<?xml version="1.0" encoding="ISO-8859-2"?><html>"#) == "iso-8859-2")
        #expect(declared(#"<!-- <meta charset="koi8-r"> --><meta charset=utf-8>"#) == "utf-8")
        #expect(declared("<html><body>no label</body></html>") == nil)
    }
}
