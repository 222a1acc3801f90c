import ClaimExtraction
import ClaimModel
import DocumentText
import Testing

/// The sentences of a plain text, as strings.
func sentences(_ text: String) throws -> [String] {
    let document = try DocumentReader().read(Array(text.utf8), fileName: "t.txt")
    let scalars = Array(document.text.unicodeScalars)
    return SentenceSplitter.split(document).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
}

/// Sentence segmentation by the gold rule: line breaks always end a sentence; inside a line, `.`,
/// `!` or `?` before a space and a capital, digit or opening quote, except after abbreviations,
/// initials and a list marker.
@Suite("Sentence splitter")
struct SentenceSplitterTests {
    @Test("abbreviations, initials and decimals do not end a sentence")
    func abbreviations() throws {
        #expect(try sentences("The U.S. economy grew 3.1% in Q3. Apple Inc. rose 2.5% vs. a year ago. Arthur J. Gallagher fell 1.2%. Banks slid, and J.P. Morgan lost 3%.\n") == [
            "The U.S. economy grew 3.1% in Q3.",
            "Apple Inc. rose 2.5% vs. a year ago.",
            "Arthur J. Gallagher fell 1.2%.",
            "Banks slid, and J.P. Morgan lost 3%.",
        ])
    }

    @Test("a sentence ends before a digit, a quote or a capital, not before lower case")
    func ends() throws {
        #expect(try sentences("Stocks fell. 2025 was hard! “Sell,” he said. Then came e.g. bonds? yes.\n") == [
            "Stocks fell.", "2025 was hard!", "“Sell,” he said.", "Then came e.g. bonds? yes.",
        ])
    }

    @Test("line breaks end sentences; a list marker stays with its line")
    func lines() throws {
        #expect(try sentences("Risks\n1. Portfolio concentration rose to 38%.\n2. Breadth fell\nto 41%.\n") == [
            "Risks", "1. Portfolio concentration rose to 38%.", "2. Breadth fell", "to 41%.",
        ])
    }

    @Test("a run longer than 1,000 bytes without a sentence end is read in pieces that keep their offsets")
    func longRuns() throws {
        let text = String(repeating: "the index rose 2% and ", count: 200) + "\n"
        let document = try DocumentReader().read(Array(text.utf8), fileName: "t.txt")
        let spans = SentenceSplitter.split(document)
        let bytes = Array(document.text.utf8)
        let scalars = Array(document.text.unicodeScalars)
        #expect(spans.count >= 5)
        for s in spans {
            #expect(s.byteEnd - s.byteStart <= SentenceSplitter.maxSentenceBytes)
            // the scalar offsets and the byte offsets name the same text, cut at white space
            #expect(String(decoding: bytes[s.byteStart..<s.byteEnd], as: UTF8.self) == String(String.UnicodeScalarView(scalars[s.start..<s.end])))
            #expect(bytes[s.byteStart] != 0x20 && bytes[s.byteEnd - 1] != 0x20)
        }
        // together the pieces cover every word
        #expect(spans.map { $0.byteEnd - $0.byteStart }.reduce(0, +) + spans.count - 1 == bytes.count - 2)
    }
}
