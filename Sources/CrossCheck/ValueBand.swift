import ClaimModel
import Foundation

/// The values a stated figure stands for, given its precision and bound.
///
/// Conventions:
/// - exact: half a rounding step either side of the stated value: "1.8%" covers [1.75, 1.85)
///   (rounded half up: 1.85 is written 1.9; `overlaps` and `covers` read the band so);
///   the step comes from the digits written ("7.79%" → 0.01, "$10.8 billion" → $0.1 billion);
/// - approximate ("about", "roughly"): 10% of the value either side, or half a step
///   when that is wider: "about 20%" covers [18, 22), so 19.6% passes and 27% does not; "nearly"
///   and "almost" a little short of the figure, 5% of it: "nearly 29%" covers [27.55, 29.5);
/// - over / under: everything beyond the value ("over 25%" is (25, ∞));
/// - range: from the low end to the high end, each with half a step.
///
/// Basis points are held as percentage points (25 bp = 0.25 pp), so the two compare.
public struct ValueBand: Sendable, Hashable, CustomStringConvertible {
    /// The lowest value covered (−∞ for "under").
    public var low: Double
    /// The highest value covered (+∞ for "over").
    public var high: Double
    /// The rounding step of the stated figure, in the band's unit.
    public var step: Double

    /// The half-width of an approximate figure's band, relative to the value.
    public static let approximateSpread = 0.10

    /// How far short of its figure "nearly" and "almost" may fall, relative to the value.
    public static let shortSpread = 0.05

    /// True for a figure written with "nearly" or "almost" just before it (in the two words
    /// before its quote: "nearly 29%", "almost $2 trillion").
    static func short(_ c: Claim) -> Bool {
        guard c.sentence.utf8.contains(where: { $0 == UInt8(ascii: "y") || $0 == UInt8(ascii: "t") }),
              let words = c.wordsBeforeQuote(hyphenated: false)?.suffix(2) else { return false }
        return words.contains("nearly") || words.contains("almost")
    }

    /// The band of a claim, in its canonical unit (see ``CanonicalUnit``).
    public init(_ c: Claim) {
        let scale = CanonicalUnit(c.unit).scale
        let v = c.value * scale
        let step = Self.step(quote: c.quote, value: c.value) * scale
        self.step = step
        switch c.bound {
        case .exact:
            (low, high) = (v - step / 2, v + step / 2)
        case .approx:
            let spread = max(step / 2, abs(v) * Self.approximateSpread)
            if Self.short(c) {
                // "nearly 29%", "almost 27%": a little short of the figure, not past it
                let below = max(step / 2, abs(v) * Self.shortSpread)
                (low, high) = v < 0 ? (v - step / 2, v + below) : (v - below, v + step / 2)
            } else {
                (low, high) = (v - spread, v + spread)
            }
        case .over:
            (low, high) = v < 0 ? (-.infinity, v) : (v, .infinity)
        case .under:
            (low, high) = v < 0 ? (v, 0) : (-.infinity, v)
        case .range:
            let top = (c.valueHigh ?? c.value) * scale
            (low, high) = (min(v, top) - step / 2, max(v, top) + step / 2)
        }
    }

    /// A band from its ends (tests, computed values).
    public init(low: Double, high: Double, step: Double) {
        self.low = low
        self.high = high
        self.step = step
    }

    /// The rounding step the quote's digits imply: 10^−(digits after the point), times the
    /// scale word's factor ("$10.8 billion": value 1.08e10 from the number 10.8 → step 1e8).
    public static func step(quote: String, value: Double) -> Double {
        var digits = "", decimals = 0, seenDot = false, started = false
        for ch in quote {
            if ch.isASCII, ch.isNumber {
                started = true
                digits.append(ch)
                if seenDot { decimals += 1 }
            } else if ch == ".", started, !seenDot {
                seenDot = true
                digits.append(ch)
            } else if ch == ",", started {
                continue
            } else if started {
                break
            }
        }
        let written = Double(digits).map(abs) ?? 0
        let scale = written > 0 && value != 0 ? abs(value) / written : 1
        // a scale that is a power of ten (billion, thousand) or 1; anything else is rounding of
        // the value itself, and the written number's own scale applies
        let power = scale > 0 ? (log10(scale)).rounded() : 0
        let factor = abs(log10(scale) - power) < 1e-6 ? pow(10, power) : 1
        return pow(10, -Double(decimals)) * factor
    }

    /// True when some value lies in both bands. A band holds its low end but not its high end
    /// (figures are rounded half up: 7773.93 covers [7773.925, 7773.935) and 7773.94 covers
    /// [7773.935, 7773.945), so the two cannot both be right); ends are compared at twelve
    /// significant digits (40 bits), so that the binary drift of `value ± step / 2` never decides.
    public func overlaps(_ o: ValueBand) -> Bool {
        Self.snapped(low) < Self.snapped(o.high) && Self.snapped(o.low) < Self.snapped(high)
    }

    /// True when `x` lies in the band as `overlaps` reads it: from its low end, up to but not
    /// including its high end.
    public func covers(_ x: Double) -> Bool {
        let y = Self.snapped(x)
        return Self.snapped(low) <= y && y < Self.snapped(high)
    }

    /// `x` rounded to 40 significant bits, about twelve decimal digits (infinities and zero as
    /// they are): a multiple of a power of two, so that it costs no logarithm and divides exactly.
    public static func snapped(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let m = Double(sign: .plus, exponent: x.exponent - 40, significand: 1)
        return (x / m).rounded() * m
    }

    /// True when `x` lies in the band widened by `slack` on each side.
    public func contains(_ x: Double, slack: Double = 0) -> Bool { x >= low - slack && x <= high + slack }

    /// How far apart two bands are (0 when they overlap).
    public func gap(to o: ValueBand) -> Double { max(0, max(low, o.low) - min(high, o.high)) }

    /// How far a value lies outside the band (0 inside).
    public func gap(to x: Double) -> Double { max(0, max(low - x, x - high)) }

    /// The same band mirrored about zero (for a sign read the wrong way round).
    public var negated: ValueBand { ValueBand(low: -high, high: -low, step: step) }

    public var description: String {
        func f(_ x: Double) -> String {
            if x == .infinity { return "∞" }
            if x == -.infinity { return "−∞" }
            return Self.number(x)
        }
        if low == -.infinity { return "(−∞, \(f(high)))" }
        if high == .infinity { return "(\(f(low)), ∞)" }
        return "[\(f(low)), \(f(high)))"
    }

    /// A number as a reader writes it: up to 4 decimals, no trailing zeros.
    public static func number(_ x: Double) -> String {
        var s = String(format: "%.4f", x)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        if s == "-0" { s = "0" }
        return s
    }
}

/// Units that compare: basis points are percentage points ×100; everything else is itself.
public struct CanonicalUnit: Sendable, Hashable {
    /// The family the value is compared in (`pp` for both `pp` and `bp`).
    public var family: String
    /// The factor from the claim's unit to the family's.
    public var scale: Double

    /// The canonical unit of a claim unit.
    public init(_ unit: QuantityUnit) {
        switch unit {
        case .bp: (family, scale) = ("pp", 0.01)
        default: (family, scale) = (unit.rawValue, 1)
        }
    }
}

extension Claim {
    /// The words of the sentence before the quote, in lower case (letters only, or letters and
    /// hyphens when `hyphenated`: "intra-day"); nil when the quote is not in the sentence. The
    /// checks read the words a figure is written after ("nearly 29%", "the low reached …").
    func wordsBeforeQuote(hyphenated: Bool) -> [Substring]? {
        guard let at = sentence.range(of: quote) else { return nil }
        let before = sentence[..<at.lowerBound].lowercased()
        return before.split(whereSeparator: { !$0.isLetter && !(hyphenated && $0 == "-") }).map { $0 }
    }
}
