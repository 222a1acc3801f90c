import ClaimModel
import Foundation

/// The periods a user names on the command line (`--period 2025-Q3`), as calendar intervals.
public enum PeriodQuery {
    /// Parses `2025-Q3` (or `Q3-2025`, `Q3 2025`), `2025-H1`, `2025-09`, `2025` or `2025-09-30`.
    /// Returns nil for anything else, including impossible dates and quarters.
    public static func parse(_ text: String) -> (from: CalendarDate, to: CalendarDate)? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" }).map(String.init)
        func year(_ s: String) -> Int? { s.count == 4 ? Int(s).flatMap { (1000...9999).contains($0) ? $0 : nil } : nil }
        func months(_ y: Int, _ first: Int, _ last: Int) -> (CalendarDate, CalendarDate)? {
            guard let a = CalendarDate(year: y, month: first, day: 1),
                  let b = CalendarDate(year: y, month: last, day: CalendarDate.daysIn(month: last, year: y)) else { return nil }
            return (a, b)
        }
        func part(_ s: String, _ y: Int) -> (CalendarDate, CalendarDate)? {
            if s.count == 2, s.first == "Q", let q = Int(s.dropFirst()), (1...4).contains(q) { return months(y, q * 3 - 2, q * 3) }
            if s.count == 2, s.first == "H", let h = Int(s.dropFirst()), (1...2).contains(h) { return months(y, h * 6 - 5, h * 6) }
            return nil
        }
        switch parts.count {
        case 1:
            if let y = year(parts[0]) { return months(y, 1, 12) }
        case 2:
            if let y = year(parts[0]) {
                if let p = part(parts[1], y) { return p }
                if parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) { return months(y, m, m) }
            } else if let y = year(parts[1]), let p = part(parts[0], y) {
                return p
            }
        case 3:
            if t.count == 10, parts[1].count == 2, parts[2].count == 2, let d = CalendarDate(iso: t) { return (d, d) }
        default:
            break
        }
        return nil
    }
}
