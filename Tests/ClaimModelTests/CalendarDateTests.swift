import ClaimModel
import Foundation
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("ISO dates parse; impossible days do not")
    func isoParsing() {
        #expect(CalendarDate(iso: "2025-09-30") == CalendarDate(year: 2025, month: 9, day: 30))
        #expect(CalendarDate(iso: "2024-02-29") != nil)           // leap day
        #expect(CalendarDate(iso: "2025-02-29") == nil)           // not a leap year
        #expect(CalendarDate(iso: "1900-02-29") == nil)           // century rule
        #expect(CalendarDate(iso: "2000-02-29") != nil)           // 400-year rule
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "2025-9-30") == nil)
        #expect(CalendarDate(iso: "20250930") == nil)
        #expect(CalendarDate(iso: "2025-09-301") == nil)
    }

    @Test("a timestamp keeps the day as written, before any time-zone conversion")
    func timestampDatePart() {
        // 23:30 in New York is already the next day in UTC; the contract wants the written day.
        #expect(CalendarDate(iso: "2025-10-01T23:30:00-04:00")?.description == "2025-10-01")
        #expect(CalendarDate(iso: "2025-10-01 08:00")?.description == "2025-10-01")
    }

    @Test("months are added by the calendar, clamped to a shorter month's last day")
    func addingMonths() throws {
        func d(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }
        #expect(try d("2025-03-31").addingMonths(-1) == d("2025-02-28"))
        #expect(try d("2024-03-31").addingMonths(-1) == d("2024-02-29"))  // leap year
        #expect(try d("2025-01-15").addingMonths(-1) == d("2024-12-15"))  // across a year
        #expect(try d("2025-05-31").addingMonths(-12) == d("2024-05-31"))
        #expect(try d("2025-06-30").addingMonths(-3) == d("2025-03-30"))
        #expect(try d("2025-12-31").addingMonths(1) == d("2026-01-31"))
        #expect(try d("2025-10-10").addingMonths(-120) == d("2015-10-10"))
    }

    @Test("day counts match known dates")
    func dayArithmetic() throws {
        let epoch = try #require(CalendarDate(year: 1970, month: 1, day: 1))
        #expect(epoch.daysSinceEpoch == 0)
        // 2000-03-01 is 11,017 days after the epoch (30 years with 7 leap days + Jan and Feb 2000).
        #expect(try #require(CalendarDate(year: 2000, month: 3, day: 1)).daysSinceEpoch == 11_017)
        #expect(CalendarDate(daysSinceEpoch: -1).description == "1969-12-31")
        let d = try #require(CalendarDate(year: 2025, month: 12, day: 31))
        #expect(d.adding(days: 1).description == "2026-01-01")
        #expect(d.adding(days: -365).description == "2024-12-31")
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
    }

    @Test("weekdays are ISO numbered")
    func weekdays() throws {
        #expect(try #require(CalendarDate(iso: "2025-10-10")).weekday == 5)   // a Friday
        #expect(try #require(CalendarDate(iso: "2025-10-12")).weekday == 7)   // a Sunday
        #expect(try #require(CalendarDate(iso: "1970-01-01")).weekday == 4)   // a Thursday
    }

    @Test("encodes as a YYYY-MM-DD string and refuses anything else")
    func codable() throws {
        let d = try #require(CalendarDate(year: 2025, month: 1, day: 2))
        let data = try JSONEncoder().encode([d])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-01-02"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [d])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2025-01-02T00:00"]"#.utf8))
        }
    }
}

@Suite("Document")
struct DocumentModelTests {
    @Test("block kinds use the contract's snake-case names in JSON")
    func blockKindNames() throws {
        let block = Block(kind: .listItem, start: 3, end: 9)
        let json = String(decoding: try JSONEncoder().encode(block), as: UTF8.self)
        #expect(json.contains(#""kind":"list_item""#))
        #expect(BlockKind(rawValue: "table_row") == .tableRow)
    }

    @Test("a document survives a JSON round trip")
    func roundTrip() throws {
        let doc = Document(text: "S&P 500 | 6,688.46", blocks: [Block(kind: .tableRow, start: 0, end: 18)],
                           metadata: DocumentMetadata(title: "Q3", published: CalendarDate(iso: "2025-10-01")),
                           format: .html, encoding: "UTF-8")
        let back = try JSONDecoder().decode(Document.self, from: try JSONEncoder().encode(doc))
        #expect(back == doc)
    }
}
