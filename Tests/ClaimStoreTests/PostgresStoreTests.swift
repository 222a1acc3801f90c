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
        try psql(url, "ALTER TABLE sentence DROP COLUMN search; DELETE FROM claims_migration WHERE identifier LIKE 'v2-%'")
        let migrated = try PostgresClaimDatabase(url: url)
        #expect(try migrated.search("small caps", limit: 10).map(\.sentence) == [Fixture.s2])
        // a migration this build does not know
        try psql(url, "INSERT INTO claims_migration (identifier) VALUES ('v99-from-the-future')")
        #expect(failure(url).contains("v99-from-the-future"))
    }

    func psql(_ url: String, _ sql: String) throws {
        let parts = URLComponents(string: url)!
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/psql"),
                               ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", parts.host!, "-p", String(parts.port!), "-U", parts.user ?? "postgres",
                                "-d", String(parts.path.dropFirst()), "-c", sql])
        #expect(r.status == 0, "\(r.stderr)")
    }
}
