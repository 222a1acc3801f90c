import ClaimsTestSupport
@testable import DocumentText
import Foundation
import Testing

/// Inputs the fuzzers found (Tests/Fuzz/Regressions/FuzzDocumentText), kept as regression tests:
/// each is read as the fuzz target reads it, and what it once broke is checked.
@Suite("Fuzz regressions: DocumentText")
struct FuzzRegressionTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/Fuzz/Regressions/FuzzDocumentText")

    @Test("every kept input reads without a crash and gives a text without NUL characters")
    func keptInputs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            for fileName in ["fuzz.html", "fuzz.txt"] {
                if let document = try? DocumentReader().read(bytes, fileName: fileName) {
                    #expect(!document.text.unicodeScalars.contains("\u{0}"), "\(name) as \(fileName)")
                }
            }
        }
    }

    @Test("NUL bytes after a byte-order mark are dropped from the text; the words around them stay")
    func nulAfterBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("The Dow".utf8) + [0, 0, 0] + Array(" rose 1.2%.".utf8)
        let document = try DocumentReader().read(bytes, fileName: "note.txt")
        #expect(document.text == "The Dow rose 1.2%.")
        // in a page, past the first 8 KB (NULs there mean binary)
        let html = try DocumentReader().read(Array("<html><body><p>The Dow rose 1.2%.".utf8) + Array(repeating: 0x20, count: 9000) + [0]
                                             + Array(" Oil fell 2%.</p></body></html>".utf8), fileName: "page.html")
        #expect(!html.text.unicodeScalars.contains("\u{0}") && html.text.contains("rose 1.2%") && html.text.contains("Oil fell 2%."))
    }
}
