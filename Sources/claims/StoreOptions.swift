import ArgumentParser
import ClaimStore
import Foundation

/// The `--store` option every command that reads or writes the claims database shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The claims database: a file path (SQLite; default ./claims.sqlite, or $CLAIMS_STORE) or a postgres://user@host:port/database URL (PostgreSQL).")
    var store: String?

    /// The location named by `--store`, then `CLAIMS_STORE`, then the default.
    var location: String {
        if let store { return store }
        if let env = ProcessInfo.processInfo.environment["CLAIMS_STORE"], !env.isEmpty { return env }
        return ClaimDatabases.defaultLocation
    }

    /// Opens the database, turning a failure into a clear message and exit code 3.
    func open() throws -> any ClaimDatabase {
        do {
            return try ClaimDatabases.open(location)
        } catch {
            throw StoreFailure(error)
        }
    }
}

/// Exit code 3: the claims database could not be opened, read or written.
struct StoreFailure: Error {
    let error: any Error
    init(_ error: any Error) { self.error = error }
}

extension StoreFailure {
    /// Prints the error and returns the exit code for it.
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as StoreFailure {
            StandardError.print("claims: \(failure.error)")
            throw ExitCode(3)
        } catch let error as StoreError {
            StandardError.print("claims: \(error)")
            throw ExitCode(3)
        }
    }
}
