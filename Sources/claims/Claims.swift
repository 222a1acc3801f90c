import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `claims` command: audits market commentary for claims that cannot all be true.
@main
struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Audit market commentary: extract quantitative claims and flag the ones that cannot all be true.",
        version: "0.1.0",
        subcommands: [TextCommand.self, ExtractCommand.self, ExplainCommand.self, IngestCommand.self, QueryCommand.self,
                      SearchCommand.self, ExportCommand.self, StatsCommand.self, MetricsCommand.self,
                      CheckCommand.self, AuditCommand.self]
    )

    /// Runs the command. A write past a file-size limit (`ulimit -f`) then fails with EFBIG, which
    /// the store reports as a clear error with the database unchanged by the failed transaction,
    /// instead of SIGXFSZ killing the process in the middle of a write.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
