/// A few byte strings looked for in one pass over a text: a table of their first bytes turns
/// away every other byte at once. (Sentences are scanned for a handful of stems per claim; a
/// pass per stem over 100,000 sentences showed in the check benchmark.)
struct ByteStems: Sendable {
    let stems: [[UInt8]]
    let first: [Bool]

    init(_ words: [String]) {
        stems = words.map { Array($0.utf8) }
        var first = [Bool](repeating: false, count: 256)
        for s in stems { first[Int(s[0])] = true }
        self.first = first
    }

    /// True when `text` holds one of the stems.
    func found(in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { h -> Bool in
            for i in h.indices where first[Int(h[i])] {
                for stem in stems where stem[0] == h[i] && i + stem.count <= h.count {
                    var k = 1
                    while k < stem.count, h[i + k] == stem[k] { k += 1 }
                    if k == stem.count { return true }
                }
            }
            return false
        } ?? true
    }
}
