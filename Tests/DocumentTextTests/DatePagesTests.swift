import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// The publication-date gate: the pages of `Tests/DatePages` (written by us, one class of
/// difficulty each, in English, German, French and more) must get their expected dates at or
/// above the accuracy pinned in `Benchmarks/baselines.json`.
@Suite("Publication dates of our own pages")
struct DatePagesTests {
    struct Floors: Decodable {
        var pages: Int
        var accuracy: Double
    }

    struct Baselines: Decodable {
        var dates: Floors
        var datesHoldout: Floors

        enum CodingKeys: String, CodingKey {
            case dates
            case datesHoldout = "dates_holdout"
        }
    }

    struct Page {
        var file: String
        var expected: String?
        var kind: String
        var language: String
    }

    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/DatePages")
    /// Pages written apart from the rules, to measure them on layouts they were not shaped on.
    static let holdout = TestPaths.packageRoot.appendingPathComponent("Tests/DatePagesHoldout")

    static func pages(in folder: URL = folder) throws -> [Page] {
        let table = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4 else { return nil }
            return Page(file: f[0], expected: f[1] == "-" ? nil : f[1], kind: f[2], language: f[3])
        }
    }

    @Test("accuracy stays at or above its floor; every class and the three main languages are represented")
    func gate() throws {
        let floors = try JSONDecoder().decode(Baselines.self, from: Data(contentsOf: TestPaths.packageRoot
            .appendingPathComponent("Benchmarks/baselines.json"))).dates
        let pages = try Self.pages()
        #expect(pages.count == floors.pages)
        let classes = Dictionary(grouping: pages, by: \.kind)
        for kind in ["visible", "forms", "markup", "several", "impossible", "none"] {
            #expect((classes[kind]?.count ?? 0) >= 5, "class \(kind) has too few pages")
        }
        for language in ["en", "de", "fr"] {
            #expect(pages.filter { $0.language == language }.count >= 15, "language \(language) has too few pages")
        }
        let (accuracy, wrong) = try Self.score(pages, in: Self.folder)
        #expect(accuracy >= floors.accuracy, "accuracy \(accuracy) below \(floors.accuracy): \(wrong.joined(separator: "; "))")
        print("DatePagesTests: accuracy \(accuracy); wrong: \(wrong)")
    }

    @Test("the held-out pages stay at or above their floor")
    func holdout() throws {
        let floors = try JSONDecoder().decode(Baselines.self, from: Data(contentsOf: TestPaths.packageRoot
            .appendingPathComponent("Benchmarks/baselines.json"))).datesHoldout
        let pages = try Self.pages(in: Self.holdout)
        #expect(pages.count == floors.pages)
        let (accuracy, wrong) = try Self.score(pages, in: Self.holdout)
        #expect(accuracy >= floors.accuracy, "accuracy \(accuracy) below \(floors.accuracy): \(wrong.joined(separator: "; "))")
        print("DatePagesTests (held out): accuracy \(accuracy); wrong: \(wrong)")
    }

    /// The share of pages whose date is the expected one, and the pages that are wrong.
    static func score(_ pages: [Page], in folder: URL) throws -> (Double, [String]) {
        let reader = DocumentReader()
        var right = 0
        var wrong: [String] = []
        for page in pages {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(page.file)))
            let metadata = try reader.read(bytes, fileName: page.file).metadata
            if metadata.published?.description == page.expected {
                right += 1
            } else {
                wrong.append("\(page.file): expected \(page.expected ?? "none"), got \(metadata.published?.description ?? "none") from \(metadata.publishedSource ?? "-")")
            }
        }
        return (Double(right) / Double(pages.count), wrong)
    }
}
