import ClaimExtraction
import ClaimModel
import ClaimsKit
import ClaimsTestSupport
import Foundation
import Testing

/// The evaluation gate on real commentary: `claims extract` on the development set
/// (`../shared/dev`) and on the seed articles (`../shared/seeds`), scored by the shared scorer
/// (`../shared/tools/score-claims`), must stay at or above the floors pinned in
/// `Benchmarks/baselines.json`. Raise a floor when a change raises the figure; never lower one
/// without saying why in the commit. Skipped when `../shared` is absent.
@Suite("Claims quality gate")
struct DevGateTests {
    struct Floors: Decodable {
        var L1: Double
        var L3: Double
        var subject: Double
        var metric: Double
        var period: Double
        var direction: Double
    }

    struct Baselines: Decodable {
        var claims_dev: Floors
        var claims_seeds: Floors
    }

    static let scorer = TestPaths.shared.appendingPathComponent("tools/score-claims")
    static let dev = TestPaths.shared.appendingPathComponent("dev")
    static let seeds = TestPaths.shared.appendingPathComponent("seeds")
    static let available = TestPaths.exists(dev.appendingPathComponent("gold.jsonl")) && FileManager.default.isExecutableFile(atPath: scorer.path)

    static func floors() throws -> Baselines {
        try JSONDecoder().decode(Baselines.self, from: Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Benchmarks/baselines.json")))
    }

    /// Extracts the texts of `folder` as `claims extract FOLDER --format jsonl` does and scores
    /// them against `gold`: the scorer's overall L1 and L3 F1 and attribute agreements.
    static func score(_ folder: URL, gold: URL) throws -> [String: Double] {
        let (inputs, errors) = InputDiscovery.discover([folder.path])
        #expect(errors.isEmpty)
        let run = ExtractRun(loader: DocumentLoader(date: nil, sidecars: Sidecar.load(for: inputs)), jobs: 2)
        var lines: [String] = []
        run.run(inputs) { outcome in
            if case .success(let claims) = outcome.result { lines += claims.map { ClaimOutput.json($0) } }
        }
        let work = try TemporaryFolder()
        defer { work.remove() }
        let pred = try work.write("pred.jsonl", lines.joined(separator: "\n") + "\n")
        // the scorer is a python3 script that names its interpreter
        let result = try runProcess(scorer, [gold.path, pred.path, "--json"])
        try #require(result.status == 0, "score-claims failed: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let overall = try #require(json["overall"] as? [String: [String: Any]])
        let attributes = try #require(json["attributes"] as? [String: [String: Any]])
        var out: [String: Double] = [:]
        out["L1"] = overall["L1"]?["f1"] as? Double
        out["L3"] = overall["L3"]?["f1"] as? Double
        for a in ["subject", "metric", "period", "direction"] { out[a] = attributes[a]?["accuracy"] as? Double }
        return out
    }

    static func check(_ name: String, _ figures: [String: Double], _ floors: Floors) {
        print("claims quality gate (\(name)): " + ["L1", "L3", "subject", "metric", "period", "direction"]
            .map { "\($0) \(String(format: "%.3f", figures[$0] ?? .nan))" }.joined(separator: ", "))
        for (key, floor) in [("L1", floors.L1), ("L3", floors.L3), ("subject", floors.subject), ("metric", floors.metric),
                             ("period", floors.period), ("direction", floors.direction)] {
            let v = figures[key] ?? -1
            #expect(v >= floor, "\(name): \(key) \(String(format: "%.4f", v)) fell below its floor \(floor)")
        }
    }

    @Test("the development set of real commentary stays above its floors",
          .enabled(if: available, "../shared/dev or ../shared/tools/score-claims not present"))
    func devSet() throws {
        Self.check("dev", try Self.score(Self.dev.appendingPathComponent("texts"), gold: Self.dev.appendingPathComponent("gold.jsonl")),
                   try Self.floors().claims_dev)
    }

    @Test("the three seed articles stay above their floors",
          .enabled(if: available && TestPaths.exists(seeds), "../shared/seeds not present"))
    func seedArticles() throws {
        Self.check("seeds", try Self.score(Self.seeds, gold: TestPaths.shared.appendingPathComponent("gold/seeds.jsonl")),
                   try Self.floors().claims_seeds)
    }
}
