import ClaimsTestSupport
import Foundation
import Recognizers
import Testing

/// The lexicons in `Lexicons/en/`: well formed, unambiguous, complete for the contract's ids, and
/// compiled into the binary as they stand in the repository.
@Suite("Lexicons")
struct LexiconTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Lexicons/en")
    static let names = ["entities.tsv", "companies.tsv", "tickers.tsv", "cues.tsv", "units.tsv", "periods.tsv"]

    /// The data rows of a lexicon file (comments, blank lines and the header left out), split at tabs.
    static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return Array(text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
            .dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) })
    }

    @Test("the built-in lexicons load without a problem")
    func noProblems() {
        #expect(Lexicon.builtIn.problems.isEmpty, "\(Lexicon.builtIn.problems)")
    }

    @Test("the copy compiled into the binary is the files in Lexicons/en (rerun scripts/make-lexicons.py --embed-only)")
    func embeddedCopy() throws {
        for name in Self.names {
            let file = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(Lexicon.builtInFiles[name] == file, "\(name) differs from its embedded copy")
        }
    }

    @Test("no empty fields", arguments: names)
    func noEmptyFields(_ name: String) throws {
        let rows = try Self.rows(name)
        #expect(!rows.isEmpty)
        let required = ["entities.tsv": 3, "companies.tsv": 3, "tickers.tsv": 4, "cues.tsv": 2, "units.tsv": 3, "periods.tsv": 3][name]!
        for row in rows {
            #expect(row.count >= required && row.prefix(required).allSatisfy { !$0.isEmpty }, "\(name): \(row)")
            if (name == "entities.tsv" || name == "companies.tsv") && row.count > 3 && !row[3].isEmpty {
                #expect(!row[3].split(separator: "|", omittingEmptySubsequences: false).contains { $0.isEmpty }, "\(name): empty alias in \(row)")
            }
        }
    }

    @Test("no alias names two entities, and every entity's kind is known")
    func aliasesUnique() throws {
        var owner: [String: String] = [:]
        var conflicts: [String] = []
        let kinds: Set<String> = ["index", "etf", "company", "group", "rate", "commodity", "crypto", "sector", "currency", "macro"]
        for name in ["entities.tsv", "companies.tsv"] {
            for row in try Self.rows(name) {
                #expect(kinds.contains(row[1]), "\(name): kind \(row[1]) of \(row[0])")
                let aliases = [row[2]] + (row.count > 3 ? row[3].split(separator: "|").map(String.init) : [])
                for raw in aliases {
                    // written "=Name" or in capitals only: matched as written, else in any case
                    let alias = raw.hasPrefix("=") ? String(raw.dropFirst()) : raw
                    let cased = raw.hasPrefix("=") || (alias.uppercased() == alias && !alias.contains(" ") && alias.count <= 6)
                    let key = cased ? alias : alias.lowercased()
                    if let other = owner[key], other != row[0] { conflicts.append("\(alias): \(other) and \(row[0])") }
                    owner[key] = row[0]
                }
            }
        }
        #expect(conflicts.isEmpty, "\(conflicts)")
    }

    @Test("aliases matched only as written start with a capital or a symbol (the recognizer skips them after a lower-case letter)")
    func casedAliases() throws {
        for name in ["entities.tsv", "companies.tsv"] {
            for row in try Self.rows(name) {
                let aliases = [row[2]] + (row.count > 3 ? row[3].split(separator: "|").map(String.init) : [])
                for raw in aliases where raw.hasPrefix("=") {
                    let first = raw.dropFirst().first!
                    #expect(!first.isLowercase, "\(name): \(raw)")
                }
            }
        }
    }

    @Test("every entity id of the contract is in the lexicons, with its kind",
          .enabled(if: TestPaths.exists(TestPaths.shared.appendingPathComponent("contracts/entities.tsv")), "../shared/contracts not present"))
    func contractIds() throws {
        let text = try String(contentsOf: TestPaths.shared.appendingPathComponent("contracts/entities.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count >= 30)
        for row in rows where !row.isEmpty {
            let entity = Lexicon.builtIn.entity(row[0])
            #expect(entity != nil, "\(row[0]) missing")
            #expect(entity?.kind == row[1], "\(row[0]): kind \(entity?.kind ?? "-"), contract \(row[1])")
        }
    }

    @Test("a user's lexicon adds entities and takes an alias over")
    func userLexicon() {
        let lexicon = Lexicon.builtIn.adding(entityFile: "id\tkind\tname\taliases\nACME\tcompany\tAcme Widgets\tAcme|ACMW\nMYNAS\tindex\tMy Nasdaq\tNasdaq\n",
                                            named: "mine.tsv")
        #expect(lexicon.problems.isEmpty, "\(lexicon.problems)")
        let a = SentenceAnalyzer.analyze("Acme rose 3% while the Nasdaq fell 1%.", RecognizerContext(lexicon: lexicon))
        #expect(a.entities.map(\.entity.id) == ["ACME", "MYNAS"])
        // the built-in lexicon is untouched
        let b = SentenceAnalyzer.analyze("Acme rose 3% while the Nasdaq fell 1%.", RecognizerContext())
        #expect(b.entities.map(\.entity.id) == ["IXIC"])
    }
}
