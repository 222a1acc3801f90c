import ClaimModel
import Testing

/// Dates checked by hand against the NYSE's published holiday schedules and a calendar.
@Suite("TradingCalendar")
struct TradingCalendarTests {
    func day(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

    @Test("the full-day holidays, as observed, are not sessions")
    func holidays() throws {
        for iso in ["2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
                    "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
                    "2024-03-29",  // Good Friday, Easter on March 31
                    "2023-01-02",  // New Year's Day on a Sunday, observed Monday
                    "2022-06-20",  // Juneteenth on a Sunday, observed Monday
                    "2022-12-26",  // Christmas on a Sunday
                    "2026-07-03"]  // Independence Day on a Saturday, observed Friday
        {
            #expect(!TradingCalendar.isSession(try day(iso)), "\(iso)")
        }
    }

    @Test("weekdays that are not holidays are sessions")
    func sessions() throws {
        for iso in ["2021-12-31",  // New Year's Day 2022 fell on a Saturday: not moved back
                    "2021-06-18",  // Juneteenth is a market holiday from 2022
                    "2025-04-21",  // Easter Monday
                    "2025-11-28",  // the day after Thanksgiving (an early close)
                    "2025-01-09"]  // an unscheduled closure (a day of mourning) is not in the calendar
        {
            #expect(TradingCalendar.isSession(try day(iso)), "\(iso)")
        }
        #expect(!TradingCalendar.isSession(try day("2025-10-11")))  // a Saturday
    }

    @Test("the session on or before, and on or after, a day")
    func nearestSession() throws {
        #expect(TradingCalendar.session(onOrBefore: try day("2025-04-20")) == (try day("2025-04-17")))  // Easter: back past Good Friday
        #expect(TradingCalendar.session(onOrBefore: try day("2024-12-31")) == (try day("2024-12-31")))
        #expect(TradingCalendar.session(onOrBefore: try day("2025-11-30")) == (try day("2025-11-28")))
        #expect(TradingCalendar.session(onOrAfter: try day("2025-04-18")) == (try day("2025-04-21")))
        #expect(TradingCalendar.session(onOrAfter: try day("2026-01-01")) == (try day("2026-01-02")))
        #expect(TradingCalendar.session(onOrAfter: try day("2025-10-01")) == (try day("2025-10-01")))
    }
}
