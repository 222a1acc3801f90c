import ClaimModel
@testable import ClaimStore
import ClaimsTestSupport
import Foundation
import Testing

/// What only the PostgreSQL store has: connections that fail, and schemas of other versions.
/// Everything else runs in `ClaimStoreTests` on both backends.
@Suite("PostgreSQL store", .enabled(if: PostgresTestServer.url != nil,
                                    "CLAIMS_TEST_POSTGRES not set: PostgreSQL store tests skipped (.ci/run starts a server)"))
struct PostgresStoreTests {
    func failure(_ url: String) -> String {
        do {
            _ = try ClaimDatabases.open(url)
            return "opened"
        } catch {
            return "\(error)"
        }
    }

    @Test("an unreachable server and an unknown user are clear errors, with no password shown")
    func connections() throws {
        let refused = failure("postgres://postgres:secret@127.0.0.1:1/claims")
        #expect(refused.contains("cannot connect"))
        #expect(!refused.contains("secret"))
        let parts = URLComponents(string: PostgresTestServer.url!)!
        let user = failure("postgres://nobody@\(parts.host!):\(parts.port!)\(parts.path)")
        #expect(user.contains("cannot connect") && user.contains("nobody"))
    }

    @Test("an older schema is migrated; a newer one is refused")
    func versions() throws {
        let url = try PostgresTestServer.newDatabase()
        // a database left at the first migration: the second is applied on opening
        do {
            let db = try PostgresClaimDatabase(url: url)
            _ = try db.store([Fixture.document()])
        }
        try psql(url, """
            ALTER TABLE sentence DROP COLUMN search; DROP TABLE ingestWork; DROP SEQUENCE ingestWorker;
            DELETE FROM claims_migration WHERE identifier LIKE 'v2-%' OR identifier LIKE 'v3-%'
            """)
        let migrated = try PostgresClaimDatabase(url: url)
        #expect(try migrated.search("small caps", limit: 10).map(\.sentence) == [Fixture.s2])
        let work = try #require(try migrated.shareWork([WorkItem(path: "/f", signature: "s")]))
        #expect(try work.take(limit: 1) == ["/f"])
        work.close()
        // a migration this build does not know
        try psql(url, "INSERT INTO claims_migration (identifier) VALUES ('v99-from-the-future')")
        #expect(failure(url).contains("v99-from-the-future"))
    }

    @Test("shared work: each file to one worker; a dead worker's files to the others; finished files only again when changed or failed")
    func sharedWork() throws {
        let db = try PostgresClaimDatabase(url: try PostgresTestServer.newDatabase())
        let items = (0..<10).map { WorkItem(path: "/f/\($0)", signature: "s") }
        let a = try #require(try db.shareWork(items))
        let b = try #require(try db.shareWork(items))
        let ta = try a.take(limit: 4)
        let tb = try b.take(limit: 4)
        #expect(ta == ["/f/0", "/f/1", "/f/2", "/f/3"] && tb == ["/f/4", "/f/5", "/f/6", "/f/7"])
        #expect(b.remaining == 10)
        try a.finish(ta, failed: ["/f/1"])
        let held = try a.take(limit: 5)
        #expect(held == ["/f/8", "/f/9"])
        try b.finish(tb, failed: [])
        // what is left is held by a live worker: nothing to take, two files not finished
        #expect(try b.take(limit: 10).isEmpty && b.remaining == 2)
        a.close()   // a dies holding them: its session lock goes with its connection
        var takenOver: [String] = []
        for _ in 0..<100 where takenOver.isEmpty {   // the server ends a's session a moment later
            takenOver = try b.take(limit: 10)
            if takenOver.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(takenOver == held)
        try b.finish(held, failed: [])
        #expect(try b.take(limit: 10).isEmpty && b.remaining == 0)
        b.close()
        // a later worker: finished files stay finished; the failed one and a changed one are to do again
        var later = items
        later[2].signature = "changed"
        let c = try #require(try db.shareWork(later))
        #expect(try c.take(limit: 10) == ["/f/1", "/f/2"])
        c.close()
    }

    func psql(_ url: String, _ sql: String) throws {
        let parts = URLComponents(string: url)!
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/psql"),
                               ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", parts.host!, "-p", String(parts.port!), "-U", parts.user ?? "postgres",
                                "-d", String(parts.path.dropFirst()), "-c", sql])
        #expect(r.status == 0, "\(r.stderr)")
    }
}
