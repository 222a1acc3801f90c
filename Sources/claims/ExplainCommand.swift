import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims explain`: the mentions, rules and claims of one sentence.
    struct ExplainCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show the mentions found in a sentence, the rules that fired, and the claims that result; or why a finding was reported.",
            discussion: """
            The tool to reach for when a claim comes out wrong: every entity, period, number and cue the \
            recognizers found, with the rule names, then each claim with the rule behind each of its fields. \
            With --finding ID (an id `claims audit` or `claims check` printed), the check that fired, the \
            claims it cites with the rule and provenance of each field, the arithmetic and the tolerance, \
            found again by checking the claims of the store.
            """
        )

        @Argument(help: "The sentence (or a short text; several sentences are read in order).")
        var sentence: String?

        @Flag(help: "List every rule instead: its id, the field it decides, where that field then comes from (read, carried, defaulted) and what it matches.")
        var rules = false

        @Option(name: .long, help: "Explain a finding instead: its id, as `claims audit` or `claims check` printed it.")
        var finding: String?

        @Option(name: .long, help: "With --finding: the market data folder the audit used, if any.")
        var data: String?

        @OptionGroup var documents: DocumentOptions
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if !rules && sentence == nil && finding == nil {
                throw ValidationError("Give a sentence to explain, --finding ID, or --rules to list the rules.")
            }
        }

        func run() throws {
            if let finding {
                try explain(finding: finding)
                return
            }
            if rules {
                FileHandle.standardOutput.write(Data(Explanation.rules().utf8))
                return
            }
            guard let sentence else { return }
            FileHandle.standardOutput.write(Data(Explanation.sentence(sentence, try documents.setup()).utf8))
        }
    }
}

extension Claims.ExplainCommand {
    /// Prints why the finding `id` was reported: the check, each claim with its fields' rules and
    /// provenance, the computation, the tolerance, the caveat and the inferred fields.
    func explain(finding id: String) throws {
        let market = try data.map { folder -> MarketFigures.DataSet in
            do { return try MarketFigures.load(folder: folder) } catch { throw ValidationError("--data \(folder): \(error)") }
        }
        var found: Finding?
        try StoreFailure.report {
            let report = try storeOptions.open().check(data: market)
            found = report.findings.first { $0.id == id || $0.id.hasPrefix(id) && id.count >= 6 }
        }
        guard let f = found else {
            StandardError.print("claims: no finding \(id) in the check of \(storeOptions.location) (run `claims audit` or `claims check` on it first; give --data if the audit had market data)")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(Explanation.finding(f).utf8))
    }
}
