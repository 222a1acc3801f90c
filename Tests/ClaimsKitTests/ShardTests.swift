@testable import ClaimsKit
import Testing

@Suite("shards")
struct ShardTests {
    @Test("K/N parses only with 1 ≤ K ≤ N")
    func parse() {
        #expect(Shard("2/4").map { "\($0)" } == "2/4")
        for bad in ["0/4", "5/4", "1/0", "x/2", "1", "1/2/3", "", "-1/2"] { #expect(Shard(bad) == nil, "\(bad)") }
    }

    @Test("N shards split any list of paths into disjoint parts that cover it, the same on every run")
    func split() {
        let paths = (0..<2_000).map { "/data/folder \($0 % 7)/article-\($0).html" }
        for n in [1, 2, 3, 4, 7] {
            let shards = (1...n).map { Shard("\($0)/\(n)")! }
            for p in paths { #expect(shards.filter { $0.contains(resolvedPath: p) }.count == 1) }
            // roughly even: no shard holds more than twice its share
            for s in shards { #expect(paths.filter { s.contains(resolvedPath: $0) }.count < 2 * paths.count / n + 10) }
        }
        // FNV-1a of the bytes: a fixed answer, whatever the process
        #expect(Shard("1/2")!.contains(resolvedPath: "/a") != Shard("2/2")!.contains(resolvedPath: "/a"))
    }
}
