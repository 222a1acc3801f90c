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

/// Items handed in over time — a shared work queue gives them a few at a time — processed on
/// several threads and delivered in the order they were added.
///
/// The caller adds items whenever it likes and takes results in order with ``next()``;
/// meanwhile the threads work ahead, at most `window` items past the last delivered one. Unlike
/// ``ParallelRunner/run(count:jobs:window:work:deliver:)``, the list need not be known at the
/// start, so an ingest can take its next files from the queue while the threads still parse the
/// last ones.
public final class ParallelFeed<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    // @unchecked: every field is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var items: [Int: Item] = [:]
    private var results: [Int: Result] = [:]
    private var added = 0
    private var taken = 0
    private var delivered = 0
    private var closed = false
    private let window: Int

    /// Starts `jobs` threads that call `work` on the items as they are added.
    public init(jobs: Int, window: Int, work: @escaping @Sendable (Item) -> Result) {
        self.window = max(1, window)
        for _ in 0..<max(1, jobs) {
            let thread = Thread { [self] in
                while let (i, item) = self.take() {
                    let r = work(item)
                    self.put(i, r)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Adds items at the end.
    public func add(_ new: [Item]) {
        guard !new.isEmpty else { return }
        condition.lock()
        for item in new {
            items[added] = item
            added += 1
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Items added and not yet delivered.
    public var pending: Int {
        condition.lock()
        defer { condition.unlock() }
        return added - delivered
    }

    /// The result of the next item in order, waiting for it; nil when every item added so far
    /// was delivered.
    public func next() -> Result? {
        condition.lock()
        defer { condition.unlock() }
        guard delivered < added else { return nil }
        while results[delivered] == nil { condition.wait() }
        let r = results.removeValue(forKey: delivered)!
        delivered += 1
        condition.broadcast()
        return r
    }

    /// Lets the threads end once they finish the item in hand. Call it when done: until then
    /// the threads keep the feed alive.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func take() -> (Int, Item)? {
        condition.lock()
        defer { condition.unlock() }
        while !closed && (taken >= added || taken >= delivered + window) { condition.wait() }
        guard !closed else { return nil }
        let i = taken
        taken += 1
        return (i, items.removeValue(forKey: i)!)
    }

    private func put(_ i: Int, _ r: Result) {
        condition.lock()
        results[i] = r
        condition.broadcast()
        condition.unlock()
    }
}
