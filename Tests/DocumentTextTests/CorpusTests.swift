import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// Every HTML article in `Corpus/` must come out exactly as its hand-written `expected/NAME.txt`.
@Suite("Corpus")
struct CorpusTests {
    static let pages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted()
    }()

    @Test("the corpus has its HTML articles and an expected text for each",
          .enabled(if: TestPaths.exists(TestPaths.corpus), "Corpus/ not present"))
    func corpusIsComplete() {
        #expect(Self.pages.count >= 6)
        for page in Self.pages {
            let expected = TestPaths.corpus.appendingPathComponent("expected/\(page.dropLast(5)).txt")
            #expect(TestPaths.exists(expected), "no expected text for \(page)")
        }
    }

    @Test("extracted text equals the expected text", .enabled(if: TestPaths.exists(TestPaths.corpus), "Corpus/ not present"),
          arguments: pages)
    func expectedText(page: String) throws {
        let url = TestPaths.corpus.appendingPathComponent(page)
        let expectedURL = TestPaths.corpus.appendingPathComponent("expected/\(page.dropLast(5)).txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let doc = try DocumentReader().read(Array(try Data(contentsOf: url)), fileName: page)
        #expect(doc.format == .html)
        #expect(doc.text + "\n" == expected)
        #expect(doc.metadata.published != nil, "\(page) has no publication date")
        #expect(doc.metadata.title != nil)
    }
}
