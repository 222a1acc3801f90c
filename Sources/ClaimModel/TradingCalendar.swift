/// The sessions of the U.S. stock market: weekdays other than the New York Stock Exchange's
/// full-day holidays (New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good
/// Friday, Memorial Day, Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving and
/// Christmas, each moved to the Friday before or the Monday after when it falls on a weekend).
///
/// Commentary dates a level "at the end of the year" or "at the close of the quarter" to the
/// last session, and a move with no day of its own to the session the text reports on; this
/// calendar finds those days. Unscheduled closures (national days of mourning, storms) are not
/// in it: those days count as sessions.
public enum TradingCalendar {
    /// True for a day the market is open.
    public static func isSession(_ d: CalendarDate) -> Bool {
        d.weekday <= 5 && !isHoliday(d)
    }

    /// The latest session on or before `d`.
    public static func session(onOrBefore d: CalendarDate) -> CalendarDate {
        var day = d
        // at most a long weekend and a holiday lie between two sessions
        for _ in 0..<7 where !isSession(day) { day = day.adding(days: -1) }
        return day
    }

    /// The earliest session on or after `d`.
    public static func session(onOrAfter d: CalendarDate) -> CalendarDate {
        var day = d
        for _ in 0..<7 where !isSession(day) { day = day.adding(days: 1) }
        return day
    }

    /// True for a full-day NYSE holiday (as observed).
    public static func isHoliday(_ d: CalendarDate) -> Bool {
        let y = d.year
        func observed(_ m: Int, _ day: Int) -> CalendarDate? {
            guard let date = CalendarDate(year: y, month: m, day: day) else { return nil }
            switch date.weekday {
            case 6: return date.adding(days: -1)
            case 7: return date.adding(days: 1)
            default: return date
            }
        }
        /// The n-th weekday (1 = Monday) of a month; n = -1 for the last.
        func nth(_ n: Int, _ weekday: Int, _ m: Int) -> CalendarDate? {
            if n > 0 {
                guard let first = CalendarDate(year: y, month: m, day: 1) else { return nil }
                let offset = (weekday - first.weekday + 7) % 7
                return first.adding(days: offset + 7 * (n - 1))
            }
            guard let last = CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y)) else { return nil }
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        switch d.month {
        case 1:
            // New Year's Day on a Saturday is not moved back into December
            if let ny = CalendarDate(year: y, month: 1, day: 1), ny.weekday != 6, observed(1, 1) == d { return true }
            return y >= 1998 && nth(3, 1, 1) == d
        case 2: return nth(3, 1, 2) == d
        case 3, 4: return goodFriday(y) == d
        case 5: return nth(-1, 1, 5) == d
        case 6: return y >= 2022 && observed(6, 19) == d
        case 7: return observed(7, 4) == d
        case 9: return nth(1, 1, 9) == d
        case 11: return nth(4, 4, 11) == d
        case 12: return observed(12, 25) == d
        default: return false
        }
    }

    /// Good Friday of a year: two days before Easter Sunday (the Gregorian computus).
    static func goodFriday(_ y: Int) -> CalendarDate? {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: y, month: month, day: day)?.adding(days: -2)
    }
}
