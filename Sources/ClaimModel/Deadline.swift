#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The moment work on one document must stop: the per-document time budget.
///
/// Reading and extraction are linear in the size of the input (the tests bound the work per
/// byte), so a real page never comes near a budget; the budget is the backstop for the input no
/// test foresaw, so that one file cannot hold up a folder. Work checks ``check(_:)`` at its
/// checkpoints (between the stages of reading a page, and before each sentence of extraction) and
/// stops there with ``TimeBudgetExceeded``. The clock is the monotonic one: a change of the wall
/// clock does not move a deadline.
public struct Deadline: Sendable, Hashable {
    /// Monotonic nanoseconds; `UInt64.max` for no deadline.
    let end: UInt64
    /// The budget this deadline was set with, in seconds (for the message); 0 for none.
    public let budget: Double

    /// No deadline: work runs to its end.
    public static let never = Deadline(end: .max, budget: 0)

    private init(end: UInt64, budget: Double) {
        self.end = end
        self.budget = budget
    }

    /// A deadline `seconds` from now; none when `seconds` is nil, zero or negative.
    public static func after(seconds: Double?) -> Deadline {
        guard let seconds, seconds > 0, seconds.isFinite else { return .never }
        let nanoseconds = seconds * 1e9
        let now = Deadline.now()
        guard nanoseconds < Double(UInt64.max - now) else { return .never }
        return Deadline(end: now + UInt64(nanoseconds), budget: seconds)
    }

    /// True once the deadline has passed.
    public var hasPassed: Bool {
        end != .max && Deadline.now() >= end
    }

    /// Throws when the deadline has passed; `stage` says what was being done, for the message.
    public func check(_ stage: @autoclosure () -> String) throws(TimeBudgetExceeded) {
        if hasPassed { throw TimeBudgetExceeded(budget: budget, stage: stage()) }
    }

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}

/// Work on a document ran past its ``Deadline``.
public struct TimeBudgetExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    /// The budget, in seconds.
    public var budget: Double
    /// What was being done when the deadline was seen to have passed.
    public var stage: String

    /// Creates the error.
    public init(budget: Double, stage: String) {
        self.budget = budget
        self.stage = stage
    }

    public var description: String {
        "took longer than the time budget of \(Deadline.format(seconds: budget)) (stopped while \(stage)); raise it with --time-budget"
    }
}

extension Deadline {
    /// `2 s`, `250 ms`, `1.5 s`: a budget as the messages and the command line write it.
    public static func format(seconds: Double) -> String {
        if seconds < 1 {
            let ms = (seconds * 1000 * 10).rounded() / 10
            return ms == ms.rounded() ? "\(Int(ms)) ms" : "\(ms) ms"
        }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
