import ClaimModel
import Foundation
import Testing

@Suite("Deadline")
struct DeadlineTests {
    @Test("no budget never passes; a budget passes once its time is up, not before")
    func passing() throws {
        #expect(!Deadline.never.hasPassed)
        #expect(Deadline.after(seconds: nil) == .never)
        #expect(Deadline.after(seconds: 0) == .never)
        #expect(Deadline.after(seconds: -1) == .never)
        #expect(Deadline.after(seconds: .infinity) == .never)
        #expect(Deadline.after(seconds: 1e300) == .never)   // past the clock's range: no limit, no overflow
        #expect(!Deadline.after(seconds: 3600).hasPassed)
        let short = Deadline.after(seconds: 0.02)
        #expect(short.budget == 0.02)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(short.hasPassed)
        #expect(throws: TimeBudgetExceeded(budget: 0.02, stage: "testing")) { try short.check("testing") }
        try Deadline.never.check("testing")
    }

    @Test("the message names the budget as a person writes it, the stage, and the option that raises it")
    func message() {
        #expect(Deadline.format(seconds: 0.05) == "50 ms")
        #expect(Deadline.format(seconds: 0.0015) == "1.5 ms")
        #expect(Deadline.format(seconds: 2) == "2 s")
        #expect(Deadline.format(seconds: 1.5) == "1.5 s")
        #expect(TimeBudgetExceeded(budget: 60, stage: "parsing the HTML").description
                == "took longer than the time budget of 60 s (stopped while parsing the HTML); raise it with --time-budget")
    }
}
