/// A set of words tested by token hash: the rules ask "is this token one of these words?" at
/// nearly every token, and a `Set<String>` lookup (SipHash over a fresh lower-cased string) costs
/// more than the rest of the test. Keys are the tokens' FNV-1a hashes of their lower-cased text, in
/// an open-addressing array indexed by the hash itself.
public struct WordSet: Sendable {
    private var keys: [UInt64]
    private let mask: Int

    /// A set of words (matched case-insensitively; one token each).
    public init(_ words: [String]) { self.init(hashes: words.map { FNV.hash($0) }) }

    /// A set of token hashes (lower-cased FNV-1a).
    init(hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 4 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for h in hashes {
            var i = Int(truncatingIfNeeded: h) & mask
            while keys[i] != 0 && keys[i] != h { i = (i + 1) & mask }
            keys[i] = h
        }
    }

    /// True when the token is a word or symbol of the set.
    @inline(__always)
    public func contains(_ token: Token) -> Bool { contains(hash: token.hash) }

    /// True when a lower-cased FNV-1a hash is one of the set's.
    @inline(__always)
    public func contains(hash h: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[i]
            if k == h { return true }
            if k == 0 { return false }
            i = (i + 1) & mask
        }
    }
}

extension WordSet: ExpressibleByArrayLiteral {
    /// A set written as a literal: `let conjunctions: WordSet = ["and", "but"]`.
    public init(arrayLiteral words: String...) { self.init(words) }
}

extension SentenceAnalysis {
    /// True when token `i` exists and is one of `words`.
    @inline(__always)
    public func token(_ i: Int, in words: WordSet) -> Bool { i >= 0 && i < tokens.count && words.contains(tokens[i]) }

    /// True when token `i` is a word and is `word` (case-insensitively).
    @inline(__always)
    public func isWord(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        return tokens[i].hash == FNV.hash(word)
    }

    /// True when token `i` is `text` (a word, number or symbol; case-insensitively).
    @inline(__always)
    public func isToken(_ i: Int, _ text: StaticString) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].hash == FNV.hash(text)
    }

    /// True when the tokens from `i` on are `texts`, one token each: `phrase(k, "year", "-", "to", "-", "date")`.
    public func phrase(_ i: Int, _ texts: StaticString...) -> Bool {
        guard i >= 0, i + texts.count <= tokens.count else { return false }
        for (k, text) in texts.enumerated() where tokens[i + k].hash != FNV.hash(text) { return false }
        return true
    }
}
