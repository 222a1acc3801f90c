import ClaimModel

/// A static split of the input files between workers: `--shard K/N` takes the files whose
/// resolved path hashes to K − 1 modulo N, so N workers started with 1/N … N/N over the same folder
/// (or list of files) each take a disjoint part and together all of it, on any machine.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// This worker's part, 1 … count.
    public let index: Int
    /// The number of parts.
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public var description: String { "\(index)/\(count)" }

    /// True when the file at this resolved path belongs to this shard. FNV-1a over the path's
    /// bytes: the same on every machine and every run (Swift's own hash is seeded per process).
    public func contains(resolvedPath path: String) -> Bool {
        Int(FNV1a.hash(path) % UInt64(count)) == index - 1
    }
}
