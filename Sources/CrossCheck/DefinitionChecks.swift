import ClaimModel
import Foundation

extension CrossChecker.State {
    /// Market terms a text may define by a threshold ("a correction is a drop of 10% or more").
    static let definedTerms = ["bear market", "bull market", "correction"]
    /// Byte stems of `definedTerms`, for a scan before any string work.
    static let termStems = ByteStems(["orrection", "ear market", "ull market"])
    /// Words that make a sentence define a term rather than use it.
    static let definingWords = [" is ", " as ", " means ", "defined", "definition"]
    /// Words that make a threshold a floor: the term needs at least that much.
    static let floorWords = ["or more", "at least", "more than", "or greater", "or worse"]
    /// Words that say a term does not (yet) apply: "near", "avoided", "would".
    static let hedgeWords = ["near", "close to", "approach", "avoid", "not ", "n't", "short of", "would", "could", "if ", "edge", "brink",
                             "flirt", "threat", "risk", "toward", "towards"]

    /// A definition in the text applied wrongly: the text defines a term by a threshold ("a
    /// correction is a drop of 10% or more") and later calls a smaller move by that name ("the
    /// index entered a correction after falling 8.5%"). Within one document; the move must be a
    /// return with the definition's direction, and the later sentence must not hedge ("near a
    /// correction", "avoided a bear market").
    mutating func definitions() {
        var byDocument: [Int: [Int]] = [:]
        for k in input.indices where !input[k].claim.forecast && !input[k].claim.hypothetical {
            byDocument[documentOf[k], default: []].append(k)
        }
        for (_, claims) in byDocument.sorted(by: { $0.key < $1.key }) {
            // the definitions: a percent in a sentence that names a term, defines it and sets a floor
            var definitions: [(term: String, k: Int, down: Bool)] = []
            for k in claims where input[k].claim.unit == .percent {
                let raw = input[k].claim.sentence
                guard Self.termStems.found(in: raw) else { continue }
                let s = raw.lowercased()
                guard let term = Self.definedTerms.first(where: { s.contains($0) }),
                      Self.definingWords.contains(where: { s.contains($0) }), Self.floorWords.contains(where: { s.contains($0) }) else { continue }
                let down = term != "bull market"
                if !definitions.contains(where: { $0.term == term }) { definitions.append((term, k, down)) }
            }
            guard !definitions.isEmpty else { continue }
            for k in claims where input[k].claim.metric == .return && input[k].claim.unit == .percent {
                let c = input[k].claim
                let s = c.sentence.lowercased()
                for d in definitions where s.contains(d.term) && c.sentence != input[d.k].claim.sentence {
                    guard !Self.hedgeWords.contains(where: { s.contains($0) }),
                          c.direction == (d.down ? .down : .up) || (c.direction == nil && (c.value < 0) == d.down) else { continue }
                    let threshold = abs(input[d.k].claim.value)
                    // the largest size the stated figure allows must still fall short of the floor
                    let size = max(abs(bands[k].low), abs(bands[k].high))
                    guard size < threshold else { continue }
                    let move = d.down ? "drop" : "rise"
                    add(Finding(kind: .arithmetic, severity: .major, claims: [c, input[d.k].claim], computed: threshold,
                                tolerance: "stated \(c.quote) covers \(bands[k]); the definition's floor is \(input[d.k].claim.quote)",
                                explanation: "the text defines a \(d.term) as a \(move) of \(input[d.k].claim.quote) or more, but calls a \(move) of \(c.quote) one"),
                        [k, d.k], rule: "arithmetic.definition")
                }
            }
        }
    }
}
