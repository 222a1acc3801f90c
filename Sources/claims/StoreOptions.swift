import ArgumentParser
import ClaimsKit
import Foundation

/// The `--store` option every command that reads or writes the claims database shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The claims database: a file path (SQLite; default ./claims.sqlite, or $CLAIMS_STORE) or a postgres://user@host:port/database URL (PostgreSQL).")
    var store: String?

    /// The location named by `--store`, then `CLAIMS_STORE`, then the default.
    var location: String {
        if let store { return store }
        if let env = ProcessInfo.processInfo.environment["CLAIMS_STORE"], !env.isEmpty { return env }
        return Store.defaultLocation
    }

    /// Opens the store (a failure is a ``StoreFailure``: exit code 3 under ``StoreFailure/report(_:)``).
    func open() throws -> Store { try Store.open(location) }
}

extension StoreFailure {
    /// Runs `body`; a store failure in it is printed and becomes exit code 3.
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as StoreFailure {
            StandardError.print("claims: \(failure)")
            throw ExitCode(3)
        }
    }
}
