import ClaimModel
import ClaimsTestSupport
import DocumentText
import Foundation
import Testing

/// The evaluation gate: main-text quality on the article-extraction benchmark must stay at or
/// above the floors pinned in `Benchmarks/baselines.json`. Skipped when `../shared` is absent.
@Suite("Text quality gate")
struct QualityGateTests {
    struct Floors: Decodable {
        var pages: Int
        var f1: Double
        var precision: Double
        var recall: Double
    }

    struct Baselines: Decodable { var text: Floors }

    static let available = TestPaths.exists(TestPaths.textBenchmark.appendingPathComponent("ground-truth.json"))

    @Test("F1, precision and recall on the benchmark stay above their floors",
          .enabled(if: available, "../shared/data/article-extraction-benchmark not present"))
    func gate() async throws {
        let floors = try JSONDecoder().decode(Baselines.self, from: Data(contentsOf: TestPaths.packageRoot
            .appendingPathComponent("Benchmarks/baselines.json"))).text
        let truthData = try Data(contentsOf: TestPaths.textBenchmark.appendingPathComponent("ground-truth.json"))
        let truth = try #require(JSONSerialization.jsonObject(with: truthData) as? [String: [String: Any]])
        #expect(truth.count == floors.pages)

        // Decompress every page with gunzip into a temporary folder.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let html = TestPaths.textBenchmark.appendingPathComponent("html")
        let shell = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "for f in \"$0\"/*.html.gz; do gunzip -c \"$f\" > \"$1/$(basename \"$f\" .gz)\"; done", html.path, folder.url.path])
        #expect(shell.status == 0, "gunzip failed: \(shell.stderr)")

        let ids = truth.keys.sorted()
        let reader = DocumentReader()
        let scores = try await withThrowingTaskGroup(of: (Double?, Double?).self) { group in
            for id in ids {
                let expected = truth[id]?["articleBody"] as? String ?? ""
                let path = folder.url.appendingPathComponent("\(id).html")
                group.addTask {
                    let bytes = Array(try Data(contentsOf: path))
                    let text = (try? reader.read(bytes, fileName: "\(id).html").text) ?? ""
                    return ShingleScore.document(truth: expected, prediction: text)
                }
            }
            var all: [(Double?, Double?)] = []
            for try await s in group { all.append(s) }
            return all
        }
        let precisions = scores.compactMap(\.0), recalls = scores.compactMap(\.1)
        let precision = precisions.reduce(0, +) / Double(max(precisions.count, 1))
        let recall = recalls.reduce(0, +) / Double(max(recalls.count, 1))
        let f1 = 2 * precision * recall / (precision + recall)
        print("text quality gate: F1 \(f1), precision \(precision), recall \(recall) on \(scores.count) pages")
        #expect(f1 >= floors.f1, "F1 \(f1) fell below the floor \(floors.f1)")
        #expect(precision >= floors.precision, "precision \(precision) fell below the floor \(floors.precision)")
        #expect(recall >= floors.recall, "recall \(recall) fell below the floor \(floors.recall)")
    }
}
