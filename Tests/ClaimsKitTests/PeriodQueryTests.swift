import ClaimModel
import ClaimsKit
import Testing

@Suite("Period arguments")
struct PeriodQueryTests {
    @Test("quarters, halves, months, years and days become calendar intervals", arguments: [
        ("2025-Q3", "2025-07-01", "2025-09-30"), ("q4 2024", "2024-10-01", "2024-12-31"), ("Q1-2024", "2024-01-01", "2024-03-31"),
        ("2025-H1", "2025-01-01", "2025-06-30"), ("2025-h2", "2025-07-01", "2025-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"), ("2025-02", "2025-02-01", "2025-02-28"),
        ("2025", "2025-01-01", "2025-12-31"), ("2025-09-30", "2025-09-30", "2025-09-30"),
    ])
    func parses(_ text: String, _ from: String, _ to: String) {
        let p = PeriodQuery.parse(text)
        #expect(p?.from.description == from)
        #expect(p?.to.description == to)
    }

    @Test("impossible or malformed periods are refused", arguments: [
        "2025-Q5", "Q0 2025", "2025-H3", "2025-13", "2025-02-30", "25", "Q3", "2025-09-30T10:00", "", "next year",
    ])
    func refuses(_ text: String) {
        #expect(PeriodQuery.parse(text) == nil)
    }
}
