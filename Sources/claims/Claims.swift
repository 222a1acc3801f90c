import ArgumentParser

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
}
