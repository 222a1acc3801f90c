import ClaimModel
import Foundation

extension CrossChecker.State {
    /// Checks inside one sentence:
    /// - a level reached against its starting level: "rose to 41% from 57%" (up, but lower);
    /// - compounding: "a 14.4% gain erased a 14.5% drop" (a gain erases a drop d only when it is
    ///   at least d / (1 − d): 16.96% here).
    mutating func sentenceChecks() {
        // groups in the order their first claims come (a dictionary only to find the group)
        var group: [SentenceKey: Int] = [:]
        var groups: [[Int]] = []
        for k in input.indices where !input[k].claim.forecast && !input[k].claim.hypothetical {
            let key = SentenceKey(document: documentOf[k], sentence: sentenceOf[k])
            if let g = group[key] { groups[g].append(k) } else { group[key] = groups.count; groups.append([k]) }
        }
        for claims in groups {
            reachedFrom(claims)
            compounding(claims)
            fromRecord(claims)
            partOfWhole(claims)
            sharesOverWhole(claims)
        }
    }

    struct SentenceKey: Hashable {
        var document: Int
        var sentence: Int
    }

    /// "rose to X from Y" with X below Y, or "fell to X from Y" with X above it.
    mutating func reachedFrom(_ claims: [Int]) {
        for y in claims where input[y].claim.rules["direction"] == "direction.start-level" {
            let from = input[y].claim
            for x in claims where x != y {
                let to = input[x].claim
                guard to.subject == from.subject, to.unit == from.unit, to.metric == from.metric,
                      let direction = to.direction, direction != .flat,
                      let rule = to.rules["direction"], rule.hasPrefix("direction.word"),
                      Self.reached(to) else { continue }
                let wrong = direction == .up ? bands[x].high < bands[y].low : bands[x].low > bands[y].high
                guard wrong else { continue }
                let verb = rule.split(separator: ":").last.map(String.init) ?? direction.rawValue
                add(Finding(kind: .direction, severity: .major, claims: [to, from], computed: to.value - from.value,
                            tolerance: "stated \(to.quote) covers \(bands[x]); \(from.quote) covers \(bands[y])",
                            explanation: "\"\(verb) to \(to.quote)\" from \(from.quote) is a move \(direction == .up ? "down" : "up") of \(ValueBand.number(abs(to.value - from.value))), not \(direction.rawValue)"),
                    [x, y], rule: "direction.reached-from")
            }
        }
    }

    /// "closed at 6,552.51, 3.0% below its record close of 6,753.72": the percent must be the
    /// distance between the two levels, (6,552.51 / 6,753.72 − 1) = −2.98%.
    mutating func fromRecord(_ claims: [Int]) {
        let raw = input[claims[0]].claim.sentence
        guard ["ecord", "high", "peak"].contains(where: { Self.hasBytes(raw, $0) }),
              ["below", "under", "off ", "short of", "from"].contains(where: { raw.contains($0) }) else { return }
        let levels = claims.filter { input[$0].claim.unit == .level && input[$0].claim.bound == .exact }
        let percents = claims.filter { input[$0].claim.unit == .percent && input[$0].claim.bound == .exact && input[$0].claim.metric != .return }
        guard levels.count == 2, percents.count == 1, input[levels[0]].claim.subject == input[levels[1]].claim.subject else { return }
        let low = min(input[levels[0]].claim.value, input[levels[1]].claim.value)
        let high = max(input[levels[0]].claim.value, input[levels[1]].claim.value)
        guard high > 0 else { return }
        let p = percents[0], c = input[p].claim
        let computed = (1 - low / high) * 100
        let slack = computed * (bands[levels[0]].step / low + bands[levels[1]].step / high) + 1e-9
        let band = ValueBand(low: abs(bands[p].low) < abs(bands[p].high) ? abs(bands[p].low) : abs(bands[p].high),
                             high: max(abs(bands[p].low), abs(bands[p].high)), step: bands[p].step)
        guard !band.contains(computed, slack: slack) else { return }
        add(Finding(kind: .arithmetic, severity: band.gap(to: computed) - slack <= band.step ? .minor : .major,
                    claims: [c] + levels.map { input[$0].claim }, computed: computed,
                    tolerance: "stated \(c.quote) covers \(band), widened by \(ValueBand.number(slack)) for the levels' rounding",
                    explanation: "1 − \(ValueBand.number(low)) / \(ValueBand.number(high)) = \(String(format: "%.2f", computed))%, but the text says \(c.quote)"),
            [p] + levels, rule: "arithmetic.from-record")
    }

    /// "$200 billion, or 10% of the $2 trillion": a share written as "X% of" between two amounts
    /// of one currency must be the smaller over the larger.
    mutating func partOfWhole(_ claims: [Int]) {
        let amounts = claims.filter { input[$0].claim.unit.isCurrency && input[$0].claim.bound == .exact && input[$0].claim.value > 0 }
        guard amounts.count == 2, input[amounts[0]].claim.unit == input[amounts[1]].claim.unit else { return }
        for p in claims where input[p].claim.unit == .percent && input[p].claim.bound == .exact {
            let c = input[p].claim
            guard let at = c.sentence.range(of: c.quote), c.sentence[at.upperBound...].hasPrefix(" of ") else { continue }
            let a = input[amounts[0]].claim.value, b = input[amounts[1]].claim.value
            let part = min(a, b), whole = max(a, b)
            let computed = part / whole * 100
            let slack = computed * (bands[amounts[0]].step / part + bands[amounts[1]].step / whole) + 1e-9
            guard !bands[p].contains(computed, slack: slack) else { continue }
            add(Finding(kind: .arithmetic, severity: bands[p].gap(to: computed) - slack <= bands[p].step ? .minor : .major,
                        claims: [c] + amounts.map { input[$0].claim }, computed: computed,
                        tolerance: "stated \(c.quote) covers \(bands[p]), widened by \(ValueBand.number(slack)) for the amounts' rounding",
                        explanation: "\(input[amounts[0]].claim.quote) of \(input[amounts[1]].claim.quote) is \(String(format: "%.2f", computed))%, but the text says \(c.quote)"),
                [p] + amounts, rule: "arithmetic.part-of-whole")
        }
    }

    /// Shares of one whole in one sentence ("the top 10 hold 45% of the index and the other 490
    /// stocks 62%") cannot add up past 100%.
    mutating func sharesOverWhole(_ claims: [Int]) {
        let shares = claims.filter { [.weight, .marketCap].contains(input[$0].claim.metric) && input[$0].claim.unit == .percent
            && [.exact, .approx, .over].contains(input[$0].claim.bound) }
        guard shares.count >= 2 else { return }
        // distinct parts: different subjects, or unnamed parts with different texts
        let parts = Set(shares.map { input[$0].claim.subject ?? ("text:" + (input[$0].claim.subjectText ?? "")) })
        guard parts.count == shares.count else { return }
        let least = shares.reduce(0.0) { $0 + max(0, bands[$1].low) }
        guard least > 100 + 1e-9 else { return }
        add(Finding(kind: .arithmetic, severity: .major, claims: shares.map { input[$0].claim }, computed: least,
                    tolerance: "the least each stated share can be: " + shares.map { "\(input[$0].claim.quote) ≥ \(ValueBand.number(max(0, bands[$0].low)))" }.joined(separator: ", "),
                    explanation: "the shares in this sentence (\(shares.map { input[$0].claim.quote }.joined(separator: " + "))) add up to at least \(ValueBand.number(least))% of one whole, which has 100%"),
            shares, rule: "arithmetic.shares-over-whole")
    }

    /// True when the claim's quote follows "to" in its sentence: a level reached, not a move.
    static func reached(_ c: Claim) -> Bool {
        guard let at = c.sentence.range(of: c.quote) else { return false }
        let before = c.sentence[..<at.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
        return before.hasSuffix(" to") || before.hasSuffix(" to a") || before.hasSuffix(" to about")
    }

    /// Words that say a gain made up for a fall (or a fall undid a gain).
    static let recoveryWords = ["erased", "erasing", "recouped", "recouping", "recovered all", "wiped out", "made up for", "reversed", "undid"]

    mutating func compounding(_ claims: [Int]) {
        guard claims.count >= 2 else { return }
        let raw = input[claims[0]].claim.sentence
        // a byte scan first: most sentences have none of the words
        guard ["rase", "ecoup", "ecover", "iped out", "ade up", "evers", "ndid"].contains(where: { Self.hasBytes(raw, $0) }) else { return }
        let sentence = raw.lowercased()
        guard let word = Self.recoveryWords.first(where: { sentence.contains($0) }) else { return }
        let returns = claims.filter { input[$0].claim.metric == .return && input[$0].claim.unit == .percent && input[$0].claim.bound == .exact }
        guard returns.count == 2 else { return }
        let (a, b) = (returns[0], returns[1])
        guard input[a].claim.subject == input[b].claim.subject, input[a].claim.value * input[b].claim.value < 0 else { return }
        // the later claim in the sentence undoes the earlier one, or the other way round: a
        // gain g erases a drop d when (1 + g)(1 − d) ≥ 1; a drop d erases a gain g when (1 − d)(1 + g) ≤ 1
        let gain = input[a].claim.value > 0 ? a : b, drop = gain == a ? b : a
        let g = bands[gain].high / 100, d = -bands[drop].high / 100  // the most favourable reading
        let gainFirst = gain < drop
        // which erased which: the subject of the recovery word is the claim before it
        let gainErasesDrop = sentence.range(of: word).map { r in
            let before = sentence[..<r.lowerBound]
            return before.contains(input[gain].claim.quote.lowercased()) && !before.contains(input[drop].claim.quote.lowercased())
        } ?? gainFirst
        if gainErasesDrop {
            let needed = d / (1 - d) * 100
            guard g * 100 < needed - 1e-9 else { return }
            let c = input[gain].claim, other = input[drop].claim
            add(Finding(kind: .arithmetic, severity: needed - g * 100 <= bands[gain].step ? .minor : .major, claims: [c, other], computed: needed,
                        tolerance: "stated \(c.quote) covers \(bands[gain]); \(other.quote) covers \(bands[drop])",
                        explanation: String(format: "a %@ gain after a %@ drop leaves (1 − %.4f) × (1 + %.4f) = %.4f of the start: erasing a %@ drop needs a %.2f%% gain",
                                            c.quote, other.quote, d, g, (1 - d) * (1 + g), other.quote, needed)), [gain, drop], rule: "arithmetic.compounding")
        } else {
            // a drop d erases a gain g when d ≥ g / (1 + g); the smallest gain is the favourable reading
            let gLow = bands[gain].low / 100
            let needed = gLow / (1 + gLow) * 100
            let dMax = -bands[drop].low / 100
            guard dMax * 100 < needed - 1e-9 else { return }
            let c = input[drop].claim, other = input[gain].claim
            add(Finding(kind: .arithmetic, severity: needed - dMax * 100 <= bands[drop].step ? .minor : .major, claims: [c, other], computed: -needed,
                        tolerance: "stated \(c.quote) covers \(bands[drop]); \(other.quote) covers \(bands[gain])",
                        explanation: String(format: "erasing a %@ gain needs a %.2f%% drop, but the text says %@", other.quote, needed, c.quote)), [drop, gain], rule: "arithmetic.compounding")
        }
    }
}
