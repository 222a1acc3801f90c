/// Multi-word phrases keyed by their tokens, for longest-first matching in a token stream.
///
/// A phrase's key combines the hashes of its tokens (lower-cased, or as written for case-sensitive
/// tables), leaving out hyphens so that "Nasdaq-100" and "Nasdaq 100" are the same phrase. Every
/// proper prefix of a phrase is recorded too, so a lookup stops as soon as no phrase can continue.
/// Lookups index open-addressing arrays directly by the key (no rehashing), since they run at
/// every token of every sentence.
public struct PhraseTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var slots: [Int32]        // index into `ranges`, or -1 for a prefix-only key
    private var ranges: [Range<Int32>] = []
    private var values: [Value] = []
    private var mask: Int
    private var count = 0
    /// A bit per possible first-token key (hashed to 16 bits): a token that starts no phrase is
    /// turned away by one small, cache-resident array instead of a probe into the big one.
    private var firstBits = [UInt64](repeating: 0, count: 1024)
    /// The longest phrase, in tokens.
    public private(set) var maxTokens = 0

    /// An empty table.
    public init() {
        keys = [UInt64](repeating: 0, count: 64)
        slots = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    /// Creates a table from phrases and their values; a phrase given twice keeps every value.
    public init(_ entries: [(phrase: String, value: Value)], caseSensitive: Bool = false) {
        self.init()
        var grouped: [UInt64: [Value]] = [:]
        var order: [UInt64] = []
        var prefixes = Set<UInt64>()
        for (phrase, value) in entries {
            let hashes = PhraseTable.tokenHashes(phrase, caseSensitive: caseSensitive)
            guard !hashes.isEmpty else { continue }
            maxTokens = max(maxTokens, hashes.count)
            var key = PhraseTable.seed
            let first = PhraseTable.combine(key, hashes[0])
            firstBits[Int(truncatingIfNeeded: first >> 6) & 1023] |= 1 << (first & 63)
            for (k, h) in hashes.enumerated() {
                key = PhraseTable.combine(key, h)
                if k < hashes.count - 1 { prefixes.insert(key) }
            }
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(value)
        }
        var size = 64
        while size < (order.count + prefixes.count) * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for key in order {
            let vs = grouped[key]!
            let start = Int32(values.count)
            values.append(contentsOf: vs)
            ranges.append(start..<Int32(values.count))
            insert(key, slot: Int32(ranges.count - 1))
        }
        for key in prefixes where find(key) == nil { insert(key, slot: -1) }
    }

    @inline(__always) static var seed: UInt64 { 0x243F_6A88_85A3_08D3 }

    @inline(__always)
    static func combine(_ key: UInt64, _ h: UInt64) -> UInt64 {
        var x = (key ^ h) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 31
        return x == 0 ? 1 : x
    }

    /// True for tokens that phrases leave out: hyphens (`-`, `‐`, `‑`).
    @inline(__always)
    static func isJoiner(_ t: Token) -> Bool {
        t.kind == .symbol && (t.scalar == "-" || t.scalar == "\u{2010}" || t.scalar == "\u{2011}")
    }

    static func tokenHashes(_ phrase: String, caseSensitive: Bool) -> [UInt64] {
        let bytes = Array(phrase.utf8)
        return bytes.withUnsafeBufferPointer { b in
            Tokenizer.tokenize(b).filter { !isJoiner($0) }.map { caseSensitive ? $0.exactHash : $0.hash }
        }
    }

    private mutating func insert(_ key: UInt64, slot: Int32) {
        var i = Int(truncatingIfNeeded: key) & mask
        while keys[i] != 0 {
            if keys[i] == key { slots[i] = slot; return }
            i = (i + 1) & mask
        }
        keys[i] = key
        slots[i] = slot
        count += 1
    }

    /// The slot of a key: -1 for a prefix, nil when absent.
    @inline(__always)
    private func find(_ key: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[i]
            if k == key { return slots[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// A match: the tokens `start..<end` (hyphens inside included) and the phrase's values.
    public struct Match {
        /// First token of the phrase.
        public var start: Int
        /// One past the last token.
        public var end: Int
        /// The values stored for the phrase.
        public var values: ArraySlice<Value>
    }

    /// The longest phrase that starts at token `i`, or nil.
    public func longest(in tokens: [Token], at i: Int, caseSensitive: Bool = false) -> Match? {
        guard count > 0, i < tokens.count else { return nil }
        let first = PhraseTable.combine(PhraseTable.seed, caseSensitive ? tokens[i].exactHash : tokens[i].hash)
        guard firstBits[Int(truncatingIfNeeded: first >> 6) & 1023] & (1 << (first & 63)) != 0,
              !PhraseTable.isJoiner(tokens[i]) else { return nil }
        var key = PhraseTable.seed
        var j = i
        var used = 0
        var best: Match? = nil
        while j < tokens.count && used < maxTokens {
            let t = tokens[j]
            if PhraseTable.isJoiner(t) {
                // a hyphen joins two words only when glued to both
                guard j > i, j + 1 < tokens.count, !tokens[j + 1].spaceBefore, !t.spaceBefore else { break }
                j += 1
                continue
            }
            // words of a phrase are separate tokens: a phrase never continues into a glued word
            // unless the phrase itself was glued that way (tokenizing the lexicon entry the same)
            key = PhraseTable.combine(key, caseSensitive ? t.exactHash : t.hash)
            used += 1
            guard let slot = find(key) else { break }
            if slot >= 0 {
                let r = ranges[Int(slot)]
                best = Match(start: i, end: j + 1, values: values[Int(r.lowerBound)..<Int(r.upperBound)])
            }
            j += 1
        }
        return best
    }

    /// Every value, in insertion order.
    public var allValues: [Value] { values }
}
