import ClaimModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One field of a CSV row: a byte range of the file, and whether it was quoted.
struct CSVField: Sendable {
    /// First byte (after an opening quote).
    var start: Int
    /// One past the last byte (before a closing quote).
    var end: Int
    /// True when the field was written in double quotes (its `""` stand for `"`).
    var quoted: Bool
}

/// What a cell holds once read as a number.
enum NumberCell: Equatable {
    /// A finite number.
    case number(Double)
    /// An empty cell or a missing-value marker (`.`, `NA`, `NaN`, `null`): no observation.
    case missing
    /// Anything else, as written.
    case invalid(String)
}

/// Splits CSV (RFC 4180: quoted fields, `""` escapes, CRLF or LF) or TSV bytes into rows of
/// field ranges, without copying them; numbers and dates are read straight from the bytes.
///
/// Written here rather than taken from yaslab/CSV.swift or swiftcsv/SwiftCSV, which the issue
/// names: both turn every field of every row into a `String` before a caller sees it, and
/// `scripts/bench-market.sh` measures them against this scanner on the 503 S&P 500 member files
/// (834,000 rows) — they are the bottleneck of the one-second load the market data must meet.
struct CSVScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private var position: Int
    /// The 1-based line number of the row last returned.
    private(set) var line = 0
    private var nextLine = 1

    /// Scans `bytes` (which must outlive the scanner); skips a UTF-8 byte-order mark.
    init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.count >= 3 && Array(bytes[0..<3]) == bom ? 3 : 0
    }

    /// Reads the next row into `fields` (cleared first); false at the end of the input.
    /// A blank line is a row of one empty field.
    mutating func next(into fields: inout [CSVField]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        guard position < bytes.count else { return false }
        line = nextLine
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while true {
            var field = CSVField(start: position, end: position, quoted: false)
            if position < bytes.count, bytes[position] == quote {
                field.quoted = true
                position += 1
                field.start = position
                while position < bytes.count {
                    if bytes[position] == quote {
                        if position + 1 < bytes.count, bytes[position + 1] == quote { position += 2; continue }
                        break
                    }
                    if bytes[position] == lf { nextLine += 1 }
                    position += 1
                }
                field.end = position
                if position < bytes.count { position += 1 }  // the closing quote
                // Text between the closing quote and the delimiter is kept out (lenient).
                while position < bytes.count, bytes[position] != delimiter, bytes[position] != lf, bytes[position] != cr {
                    position += 1
                }
            } else {
                while position < bytes.count {
                    let c = bytes[position]
                    if c == delimiter || c == lf || c == cr { break }
                    position += 1
                }
                field.end = position
            }
            fields.append(field)
            guard position < bytes.count else { return true }
            let c = bytes[position]
            position += 1
            if c == delimiter { continue }
            if c == cr, position < bytes.count, bytes[position] == lf { position += 1 }
            nextLine += 1
            return true
        }
    }

    /// The text of a field (quotes undone).
    func text(_ f: CSVField) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]), as: UTF8.self)
        return f.quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// True when a row has no text at all (a blank line or only delimiters).
    func isBlank(_ fields: [CSVField]) -> Bool {
        fields.allSatisfy { f in
            (f.start..<f.end).allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") }
        }
    }

    /// Reads a field as a decimal number (`-12.5`, `4649.22998046875`, `1.2e3`, and `"1,234.5"`
    /// with thousands separators). Empty cells and the usual missing markers are `.missing`;
    /// `inf`, `nan`-like words other than the markers, hex and text are `.invalid`.
    func number(_ f: CSVField) -> NumberCell {
        var a = f.start, b = f.end
        while a < b, bytes[a] == UInt8(ascii: " ") { a += 1 }
        while b > a, bytes[b - 1] == UInt8(ascii: " ") { b -= 1 }
        if a == b { return .missing }
        // Clinger's fast path: up to 15 significant digits and a power of ten up to 22 give a
        // correctly rounded double with one exact division; up to 19 digits, a correction step
        // below; longer numbers and exponents go to strtod.
        var i = a
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0, seenDot = false, seenComma = false, anyDigit = false
        var simple = true
        while i < b {
            let c = bytes[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                anyDigit = true
                if mantissa != 0 || c != UInt8(ascii: "0") { digits += 1 }
                if digits <= 19 { mantissa = mantissa &* 10 &+ UInt64(c - UInt8(ascii: "0")) }
                if seenDot { fraction += 1 }
            } else if c == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else if c == UInt8(ascii: ","), !seenDot, anyDigit, f.quoted {
                seenComma = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                simple = false
                break
            } else {
                return marker(a, b)
            }
            i += 1
        }
        guard anyDigit else { return marker(a, b) }
        if simple, digits <= 19, fraction <= 22 {
            let p = Self.powersOfTen[fraction]
            var magnitude = Double(mantissa) / p
            if digits > 15 {
                // 16 to 19 digits (float32 values written in full: 42.540000915527344): the
                // mantissa is exact as an integer but not as a double, so the quotient may be
                // one unit in the last place off. Of it and its two neighbours, keep the one
                // whose product with 10^k lies nearest the mantissa, measured exactly (FMA).
                let wh = Double(mantissa)
                let wl = Double(Int64(bitPattern: mantissa &- UInt64(wh)))
                func error(_ x: Double) -> Double {
                    let hi = x * p
                    let lo = (-hi).addingProduct(x, p)  // x·p − hi, exactly
                    return abs((hi - wh) + (lo - wl))
                }
                var best = magnitude, bestError = error(magnitude)
                for candidate in [magnitude.nextDown, magnitude.nextUp] {
                    let e = error(candidate)
                    if e < bestError { best = candidate; bestError = e }
                }
                magnitude = best
            }
            return .number(negative ? -magnitude : magnitude)
        }
        // The exponent part, checked by hand so that strtod never sees hex, inf or nan.
        if !simple {
            var j = i + 1
            if j < b, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") { j += 1 }
            guard j < b else { return .invalid(text(f)) }
            while j < b {
                guard bytes[j] >= UInt8(ascii: "0") && bytes[j] <= UInt8(ascii: "9") else { return .invalid(text(f)) }
                j += 1
            }
        }
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: b - a + 1) { copy in
            var n = 0
            for k in a..<b where !(seenComma && bytes[k] == UInt8(ascii: ",")) {
                copy[n] = CChar(bitPattern: bytes[k])
                n += 1
            }
            copy[n] = 0
            return strtod(copy.baseAddress!, nil)
        }
        guard value.isFinite else { return .invalid(text(f)) }
        return .number(value)
    }

    private func marker(_ a: Int, _ b: Int) -> NumberCell {
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        switch word.lowercased() {
        case ".", "na", "n/a", "nan", "null", "none", "#n/a", "-": return .missing
        default: return .invalid(word)
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// Reads a field as a calendar date: `2025-09-30` (also followed by a time, as yfinance
    /// writes `2025-09-30 00:00:00-04:00`), `2025/09/30`, `9/30/2025` (U.S. order) or
    /// `Sep 30 2025` / `30 Sep 2025`.
    func date(_ f: CSVField) -> CalendarDate? {
        var a = f.start, b = f.end
        while a < b, bytes[a] == UInt8(ascii: " ") { a += 1 }
        while b > a, bytes[b - 1] == UInt8(ascii: " ") { b -= 1 }
        guard b - a >= 8 else { return nil }
        func digit(_ k: Int) -> Int? {
            let c = bytes[k]
            return c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : nil
        }
        func number(_ from: Int, _ to: Int) -> Int? {
            var n = 0
            for k in from..<to { guard let d = digit(k) else { return nil }; n = n * 10 + d }
            return n
        }
        // ISO order, with - or / between the parts.
        if b - a >= 10, let y = number(a, a + 4), bytes[a + 4] == bytes[a + 7],
           bytes[a + 4] == UInt8(ascii: "-") || bytes[a + 4] == UInt8(ascii: "/"),
           let m = number(a + 5, a + 7), let d = number(a + 8, a + 10) {
            if b - a > 10, digit(a + 10) != nil { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "," }).map(String.init)
        guard parts.count == 3 else { return nil }
        if let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return CalendarDate(year: y, month: m, day: d)
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        func month(_ word: String) -> Int? {
            let w = word.lowercased()
            guard w.count >= 3 else { return nil }
            return months.firstIndex(of: String(w.prefix(3))).map { $0 + 1 }
        }
        if let m = month(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return CalendarDate(year: y, month: m, day: d)
        }
        if let d = Int(parts[0]), let m = month(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return CalendarDate(year: y, month: m, day: d)
        }
        return nil
    }
}
