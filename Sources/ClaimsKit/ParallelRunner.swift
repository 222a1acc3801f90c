import Foundation

/// Runs a job over many items on several threads and hands the results back in input order.
///
/// Workers take items in order from a shared counter; the caller's thread receives results in
/// order as they complete. A worker stops taking items while it is more than `window` items
/// ahead of delivery, so memory stays bounded however large the folder is.
///
/// Written here rather than with `TaskGroup`: the work is synchronous C and CPU-bound, and
/// threads that never suspend keep both cores busy without the cooperative pool's hand-offs.
public enum ParallelRunner {
    /// The number of cores available.
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work` for every index in `0..<count` on `jobs` threads and `deliver` on the
    /// calling thread for each result, in index order. Workers run at most `window` items ahead
    /// of delivery (default: four per thread); a caller whose `deliver` sometimes takes long (a
    /// database write) gives a larger window so the workers keep going meanwhile.
    public static func run<Result: Sendable>(count: Int, jobs: Int, window: Int? = nil,
                                             work: @escaping @Sendable (Int) -> Result,
                                             deliver: (Int, Result) -> Void) {
        guard count > 0 else { return }
        let threads = min(max(1, jobs), count)
        if threads == 1 {
            for i in 0..<count { deliver(i, work(i)) }
            return
        }
        let state = SharedState<Result>(window: max(threads, window ?? threads * 4))
        for _ in 0..<threads {
            let thread = Thread {
                while let i = state.take(count: count) {
                    let r = work(i)
                    state.put(i, r)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for i in 0..<count {
            deliver(i, state.wait(for: i))
        }
    }

    /// Calls `work` for every index in `0..<count` on `jobs` threads, taking the indices in the
    /// order `schedule` gives (largest inputs first keeps the last thread from finishing alone),
    /// and `deliver` on the calling thread for each result as it completes.
    public static func runUnordered<Result: Sendable>(count: Int, jobs: Int, schedule: [Int],
                                                      work: @escaping @Sendable (Int) -> Result,
                                                      deliver: (Int, Result) -> Void) {
        precondition(schedule.count == count, "the schedule must name every index once")
        guard count > 0 else { return }
        let threads = min(max(1, jobs), count)
        if threads == 1 {
            for i in schedule { deliver(i, work(i)) }
            return
        }
        let state = SharedState<Result>(window: count)
        for _ in 0..<threads {
            let thread = Thread {
                while let k = state.take(count: count) {
                    let i = schedule[k]
                    state.put(i, work(i))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<count {
            let (i, r) = state.waitForAny()
            deliver(i, r)
        }
    }

    /// The counter, the finished results and the condition they share.
    private final class SharedState<Result: Sendable>: @unchecked Sendable {
        // @unchecked: every field is read and written only while `condition` is locked.
        private let condition = NSCondition()
        private var next = 0
        private var delivered = 0
        private var results: [Int: Result] = [:]
        private let window: Int

        init(window: Int) { self.window = window }

        func take(count: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while next < count && next >= delivered + window { condition.wait() }
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }

        func put(_ i: Int, _ r: Result) {
            condition.lock()
            results[i] = r
            condition.broadcast()
            condition.unlock()
        }

        func waitForAny() -> (Int, Result) {
            condition.lock()
            defer { condition.unlock() }
            while results.isEmpty { condition.wait() }
            let (i, r) = results.first!
            results.removeValue(forKey: i)
            return (i, r)
        }

        func wait(for i: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while results[i] == nil { condition.wait() }
            delivered = i + 1
            condition.broadcast()
            return results.removeValue(forKey: i)!
        }
    }
}
