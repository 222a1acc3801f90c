import ClaimsTestSupport
import Foundation
import Testing

/// `--help` of every command, against snapshots in `Tests/ClaimsCLITests/help/` that were read
/// and checked by hand when written: an option renamed, dropped or re-described shows here.
/// After a deliberate change, write the new text with `CLAIMS_WRITE_HELP=1 swift test --filter HelpTests`
/// and read the diff before committing it.
@Suite("claims --help")
struct HelpTests {
    let binary = TestPaths.claimsBinary
    static let commands = ["", "audit", "check", "text", "extract", "explain", "ingest", "query", "search", "export",
                           "stats", "metrics"]
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/ClaimsCLITests/help")

    @Test("every command's help matches its snapshot", arguments: commands)
    func help(_ command: String) throws {
        let r = try runProcess(binary, (command.isEmpty ? [] : [command]) + ["--help"])
        #expect(r.status == 0, "\(r.stderr)")
        let file = Self.folder.appendingPathComponent((command.isEmpty ? "claims" : command) + ".txt")
        if ProcessInfo.processInfo.environment["CLAIMS_WRITE_HELP"] != nil {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        }
        let snapshot = try String(contentsOf: file, encoding: .utf8)
        #expect(r.stdout == snapshot, "claims \(command) --help differs from \(file.lastPathComponent)")
    }
}
