/// Tokens of one sentence: words, numbers and single symbols, with byte offsets into its UTF-8.
///
/// Written by hand over bytes, not with `String` APIs: it runs on every sentence of every
/// document, and the claims benchmark needs tens of thousands of sentences per second.
public struct Token: Sendable, Hashable {
    /// What the token is.
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly with digits after the first letter (`Nasdaq`, `EMA9`, `Q3`).
        case word
        /// Digits with thousands separators and one decimal point (`4,649.23`).
        case number
        /// One symbol or punctuation character (`%`, `$`, `,`, `’`, `€`).
        case symbol
    }

    // Stored compactly (48 bytes, not 88): sentences hold and copy tokens all the time.
    private let _start: Int32
    private let _end: Int32
    /// FNV-1a hash of the token's text in lower case (ASCII folding): case-insensitive lookups.
    public let hash: UInt64
    /// FNV-1a hash of the token's text as written: case-sensitive lookups (tickers).
    public let exactHash: UInt64
    private let _number: Double       // NaN for none
    /// The first Unicode scalar (for symbols: which symbol).
    public let scalar: Unicode.Scalar
    /// The kind.
    public let kind: Kind
    private let _decimals: UInt8
    private let _integerDigits: UInt8
    private let flags: UInt8

    /// Byte offset of the first byte in the sentence's UTF-8.
    @inline(__always) public var start: Int { Int(_start) }
    /// Byte offset just past the last byte.
    @inline(__always) public var end: Int { Int(_end) }
    /// True when white space comes before the token (or it starts the sentence).
    @inline(__always) public var spaceBefore: Bool { flags & 1 != 0 }
    /// Words: the first letter is upper case.
    @inline(__always) public var capitalized: Bool { flags & 2 != 0 }
    /// Words: every letter is upper case (and there is at least one).
    @inline(__always) public var allUpper: Bool { flags & 4 != 0 }
    /// Numbers: written with thousands separators.
    @inline(__always) public var grouped: Bool { flags & 8 != 0 }
    /// Numbers: the value (nil when too long to be a sensible quantity).
    @inline(__always) public var number: Double? { _number.isNaN ? nil : _number }
    /// Numbers: digits after the decimal point (0 for integers).
    @inline(__always) public var decimals: Int { Int(_decimals) }
    /// Numbers: digits before the decimal point, separators excluded.
    @inline(__always) public var integerDigits: Int { Int(_integerDigits) }

    /// Creates a token (sentences are at most a few thousand bytes, and digit counts are capped).
    init(kind: Kind, start: Int, end: Int, hash: UInt64, exactHash: UInt64, spaceBefore: Bool, capitalized: Bool, allUpper: Bool,
         number: Double?, decimals: Int, integerDigits: Int, grouped: Bool, scalar: Unicode.Scalar) {
        self.kind = kind
        _start = Int32(clamping: start)
        _end = Int32(clamping: end)
        self.hash = hash
        self.exactHash = exactHash
        _number = number ?? .nan
        _decimals = UInt8(clamping: decimals)
        _integerDigits = UInt8(clamping: integerDigits)
        flags = (spaceBefore ? 1 : 0) | (capitalized ? 2 : 0) | (allUpper ? 4 : 0) | (grouped ? 8 : 0)
        self.scalar = scalar
    }

    /// Tokens are equal when every field is (the missing number, stored as NaN, equals itself).
    public static func == (a: Token, b: Token) -> Bool {
        a._start == b._start && a._end == b._end && a.hash == b.hash && a.exactHash == b.exactHash
            && a._number.bitPattern == b._number.bitPattern && a.scalar == b.scalar && a.kind == b.kind
            && a._decimals == b._decimals && a._integerDigits == b._integerDigits && a.flags == b.flags
    }

    /// Hashes the token's place and text.
    public func hash(into h: inout Hasher) {
        h.combine(_start)
        h.combine(_end)
        h.combine(exactHash)
    }

    /// 10^0 ... 10^18, exact in a Double.
    static let powersOfTen: [Double] = (0...18).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    /// `value × scale` without binary drift: 10.8 billion is exactly 10,800,000,000.
    public static func scaled(_ value: Double, by scale: Double) -> Double {
        let product = value * scale
        guard product.isFinite, abs(product) < 1e17 else { return product }
        // the product has no more decimals than the value had; round away the representation error
        for decimals in 0...6 {
            let p = powersOfTen[decimals]
            let r = (product * p).rounded() / p
            if abs(r - product) <= abs(product) * 1e-12 { return r }
        }
        return product
    }
}

/// FNV-1a, the hash used for every token and lexicon entry.
@usableFromInline
enum FNV {
    @usableFromInline static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The lower-cased hash of a literal.
    @inline(__always)
    static func hash(_ s: StaticString) -> UInt64 {
        var h = offset
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount {
            var b = p[k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
        }
        return h
    }

    /// The hash of a string's UTF-8, lower-cased when `fold`.
    static func hash(_ s: String, fold: Bool = true) -> UInt64 {
        var h = offset
        for var b in s.utf8 {
            if fold && b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
        }
        return h
    }
}

/// Splits a sentence's UTF-8 bytes into tokens.
public enum Tokenizer {
    /// Symbols outside ASCII that are tokens of their own (the rest count as letters). A switch,
    /// not a `Set`: it runs on every non-ASCII character (curly quotes, dashes), and hashing
    /// costs more than the comparisons.
    static func isSymbol(_ v: UInt32) -> Bool {
        switch v {
        case 0x20AC, 0xA3, 0xA5, 0x20B9, 0x2212, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026,
             0x2022, 0xB7, 0xD7, 0xF7, 0xAB, 0xBB, 0x2030, 0x2032, 0x2033, 0xB0, 0xA9, 0xAE, 0x2122, 0xA7,
             0x2011, 0x2010, 0x2012, 0x2015, 0x00BD, 0x00BC, 0x00BE, 0x2192, 0x2191, 0x2193, 0x25B2, 0x25BC:
            return true
        default:
            return false
        }
    }

    /// White space outside ASCII: no-break and thin spaces.
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0, 0x2009, 0x202F, 0x2002, 0x2003, 0x2007, 0x200A, 0x3000, 0xFEFF, 0x200B: return true
        default: return false
        }
    }

    /// Number tokens longer than this many integer digits get no value (a 1 MB run of digits is
    /// not a quantity, and must not turn into infinity).
    static let maxIntegerDigits = 15

    /// The tokens of `bytes`.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 4)
        let n = bytes.count
        var i = 0
        var space = true
        while i < n {
            let c = bytes[i]
            // ASCII white space
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                space = true
                i += 1
                continue
            }
            if c < 0x80 {
                if isDigit(c) {
                    i = number(bytes, i, space, &tokens)
                } else if c == 0x2E, isDigit(bytes, i + 1), i == 0 || !(isDigit(bytes[i - 1]) || isLetter(bytes[i - 1])) {
                    // a leading decimal point: ".25%", "$.75"
                    i = number(bytes, i, space, &tokens)
                } else if isLetter(c) {
                    i = word(bytes, i, space, &tokens)
                } else {
                    tokens.append(symbol(bytes, i, i + 1, Unicode.Scalar(c), space))
                    i += 1
                }
                space = false
                continue
            }
            // non-ASCII: decode one scalar
            let (scalar, length) = decode(bytes, i)
            if isSpace(scalar.value) {
                space = true
                i += length
                continue
            }
            if isSymbol(scalar.value) || !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                tokens.append(symbol(bytes, i, i + length, scalar, space))
                i += length
            } else {
                i = word(bytes, i, space, &tokens)
            }
            space = false
        }
        return tokens
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Decodes the UTF-8 scalar at `i` (U+FFFD for a broken sequence, one byte long).
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c = b[i]
        var length = 1
        var v: UInt32 = 0
        if c >= 0xF0 { length = 4; v = UInt32(c & 0x07) } else if c >= 0xE0 { length = 3; v = UInt32(c & 0x0F) } else if c >= 0xC0 {
            length = 2; v = UInt32(c & 0x1F)
        } else { return ("\u{FFFD}", 1) }
        guard i + length <= b.count else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let d = b[i + k]
            guard d & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = v << 6 | UInt32(d & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    static func symbol(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ scalar: Unicode.Scalar, _ space: Bool) -> Token {
        var h = FNV.offset
        switch scalar.value {
        case 0x2018, 0x2019, 0x2032:   // curly apostrophes hash as "'"
            h = (h ^ 0x27) &* FNV.prime
        case 0x201C, 0x201D, 0x2033:   // curly double quotes as '"'
            h = (h ^ 0x22) &* FNV.prime
        default:
            for k in s..<e { h = (h ^ UInt64(b[k])) &* FNV.prime }
        }
        return Token(kind: .symbol, start: s, end: e, hash: h, exactHash: h, spaceBefore: space, capitalized: false,
                     allUpper: false, number: nil, decimals: 0, integerDigits: 0, grouped: false, scalar: scalar)
    }

    /// Currency codes (lower-case hashes) that news glues to an amount: "EUR12.5bn", "USD40m",
    /// "RM2.1bn", "Rs500 crore", "Rmb10bn", "SFr2.3bn". Only these letter runs, with a capital,
    /// are split from the digits after them, so "Q3", "EMA9" and "H1" stay one word.
    static let currencyPrefixes: Set<UInt64> = Set(["usd", "eur", "gbp", "jpy", "chf", "cny", "rmb", "inr", "hkd", "sgd", "aud",
                                                     "cad", "nzd", "krw", "sek", "nok", "dkk", "zar", "brl", "mxn", "rub", "pln",
                                                     "myr", "idr", "thb", "php", "twd", "sar", "aed", "ils", "ngn", "egp", "kes",
                                                     "rm", "rs", "sfr", "skr", "nkr", "dkr"].map { FNV.hash($0) })

    /// A word: letters (any script) and digits, starting with a letter.
    static func word(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ space: Bool, _ tokens: inout [Token]) -> Int {
        var i = s
        var h = FNV.offset, x = FNV.offset
        var upper = 0, lower = 0
        let first = b[s]
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                guard isLetter(c) || isDigit(c) else { break }
                // a currency code glued to its amount ("EUR12.5bn", "RM2.1bn", "Rs500") is two tokens
                if isDigit(c), i - s >= 2, i - s <= 3, upper >= 1, currencyPrefixes.contains(h) { break }
                if c >= 0x41 && c <= 0x5A { upper += 1 } else if c >= 0x61 { lower += 1 }
                h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* FNV.prime
                x = (x ^ UInt64(c)) &* FNV.prime
                i += 1
            } else {
                let (scalar, length) = decode(b, i)
                guard !isSymbol(scalar.value), !isSpace(scalar.value),
                      scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { break }
                // fold case for the common Latin letters
                let folded = scalar.properties.lowercaseMapping
                if folded != String(scalar) { upper += 1 } else { lower += 1 }
                for byte in folded.utf8 { h = (h ^ UInt64(byte)) &* FNV.prime }
                for k in i..<(i + length) { x = (x ^ UInt64(b[k])) &* FNV.prime }
                i += length
            }
        }
        if i == s { i = s + 1 }  // never loop on an unexpected byte
        let capitalized = (first >= 0x41 && first <= 0x5A) || (first >= 0x80 && upper > 0)
        tokens.append(Token(kind: .word, start: s, end: i, hash: h, exactHash: x, spaceBefore: space,
                            capitalized: capitalized, allUpper: upper > 0 && lower == 0, number: nil, decimals: 0,
                            integerDigits: 0, grouped: false, scalar: Unicode.Scalar(first)))
        return i
    }

    /// A number: digits, thousands groups (`,` then exactly three digits), and one decimal point
    /// followed by a digit. Letters glued after it (`33.1x`, `10.8bn`, `3Q`) become a word token
    /// with no space before it.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ space: Bool, _ tokens: inout [Token]) -> Int {
        var i = s
        var intDigits = 0, decimals = 0
        var grouped = false
        var mantissa: Int64 = 0       // all digits, integer and fraction, as one integer
        var kept = 0                  // fraction digits in the mantissa (at most 18 digits in all)
        var h = FNV.offset
        var sinceComma = 0   // digits since the last separator (groups after the first have three)
        while i < b.count {
            let c = b[i]
            if isDigit(c) {
                intDigits += 1
                sinceComma += 1
                if intDigits <= maxIntegerDigits { mantissa = mantissa * 10 + Int64(c - 0x30) }
                h = (h ^ UInt64(c)) &* FNV.prime
                i += 1
            } else if c == 0x2C, (grouped ? sinceComma == 3 : sinceComma <= 3),
                      isDigit(b, i + 1), isDigit(b, i + 2), isDigit(b, i + 3), !isDigit(b, i + 4) {
                grouped = true
                sinceComma = 0
                h = (h ^ UInt64(c)) &* FNV.prime
                i += 1
            } else {
                break
            }
        }
        if i + 1 < b.count, b[i] == 0x2E, isDigit(b[i + 1]) {
            h = (h ^ UInt64(b[i])) &* FNV.prime
            i += 1
            while i < b.count, isDigit(b[i]) {
                decimals += 1
                if intDigits + decimals <= 18 && intDigits <= maxIntegerDigits {
                    mantissa = mantissa * 10 + Int64(b[i] - 0x30)
                    kept += 1
                }
                h = (h ^ UInt64(b[i])) &* FNV.prime
                i += 1
            }
        }
        let usable = intDigits <= maxIntegerDigits
        // one correctly rounded division: 4,649.23 is 464923 / 100, with no drift from summing digits
        let value = Double(mantissa) / Token.powersOfTen[kept]
        tokens.append(Token(kind: .number, start: s, end: i, hash: h, exactHash: h, spaceBefore: space,
                            capitalized: false, allUpper: false, number: usable ? value : nil,
                            decimals: decimals, integerDigits: intDigits, grouped: grouped, scalar: Unicode.Scalar(b[s])))
        return i
    }

    @inline(__always) static func isDigit(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < b.count && isDigit(b[i])
    }
}
