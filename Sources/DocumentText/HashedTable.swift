/// A fixed open-addressing table keyed by 64-bit hashes or packed names, for the lookups that
/// run for every element of every page (element names, class-name words).
///
/// Written here rather than using `Dictionary`: the keys are hashes already, and `Dictionary`
/// would hash them again with SipHash, which showed in profiles. Keys must be non-zero (zero
/// marks an empty slot); the table is built once and never changes.
struct HashedTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private let mask: Int

    /// Builds the table from its entries; `empty` fills the unused slots.
    init(_ entries: [UInt64: Value], empty: Value) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        for (k, v) in entries {
            precondition(k != 0, "the key 0 marks empty slots")
            var i = HashedTable.slot(k) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }

    /// Spreads a key's bits over the slot index (packed names are not uniform).
    @inline(__always)
    static func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: ((k ^ (k >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 32) }

    /// The value stored for `key`, or nil.
    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        var i = HashedTable.slot(key) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
