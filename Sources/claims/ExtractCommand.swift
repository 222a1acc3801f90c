import ArgumentParser
import ClaimsKit
import Foundation

/// Options of every command that reads files into documents (`text` among them): the document
/// date and the limits per file.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "Publication date (YYYY-MM-DD) for documents that no sidecar dates.")
    var date: CalendarDate?

    @Option(name: .long, help: "Refuse input files larger than this (bytes, or with K, M, G).")
    var maxBytes: ByteCount = ByteCount(DocumentSettings.defaultMaxBytes)

    @Option(name: .long, help: "Give up on a document that takes longer than this (seconds, or with ms, s, m; none for no limit).")
    var timeBudget: TimeBudget = TimeBudget(seconds: DocumentSettings.defaultTimeBudget)

    @Option(name: .long, help: "The password of encrypted PDF files.")
    var pdfPassword: String?

    /// The settings these options give.
    var settings: DocumentSettings {
        DocumentSettings(date: date, maxBytes: maxBytes.bytes, timeBudget: timeBudget.seconds, pdfPassword: pdfPassword)
    }
}

/// Options every command that extracts claims shares: the reading options and extra lexicons.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "An extra entity lexicon (TSV in the columns of entities.tsv); repeatable.")
    var lexicon: [String] = []

    /// The date given on the command line, if any.
    var date: CalendarDate? { reading.date }

    /// The settings with the lexicons read: a lexicon file that cannot be used is a usage error.
    func setup() throws -> ExtractionSetup {
        var settings = reading.settings
        settings.lexiconFiles = lexicon
        do { return try ExtractionSetup(settings) } catch { throw ValidationError("\(error)") }
    }
}

extension Claims {
    /// `claims extract`: prints every quantitative claim of the inputs.
    struct ExtractCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Extract the quantitative claims of pages and text files.",
            discussion: """
            jsonl is the line format of the claims contract (one claim per line); json one array; \
            csv a table with a header; text aligned columns for reading (the default on a terminal). \
            Relative periods ("Q3", "on Tuesday") resolve against each document's date: a \
            documents.tsv sidecar, then --date, then the page's metadata, then a dateline.
            """
        )

        @Argument(help: "Files, folders, or - for standard input.")
        var paths: [String]

        @Option(name: .long, help: "jsonl, json, csv or text (default: text on a terminal, jsonl otherwise).")
        var format: ClaimOutput.Format?

        @OptionGroup var documents: DocumentOptions

        @OptionGroup var parallel: JobsOptions

        @Flag(name: .long, help: "Leave out the rule names behind each field (jsonl and json).")
        var noRules = false

        @Flag(name: .long, help: "Print counts and throughput (documents, sentences, claims, sentences/s) to standard error.")
        var stats = false

        func run() throws {
            let setup = try documents.setup()
            let format = self.format ?? (isatty(1) != 0 ? .text : .jsonl)
            let (inputs, missing) = InputDiscovery.discover(paths)
            var failures = missing.count
            for error in missing { StandardError.print("claims: \(error)") }
            let run = ExtractRun(setup, inputs: inputs, jobs: parallel.count)
            let output = StandardOutput()
            var all: [Claim] = []
            if format == .csv { output.write(Array((ClaimOutput.csvHeader + "\n").utf8)) }
            if format == .json { output.write(Array("[".utf8)) }
            var firstJSON = true
            var documentCount = 0, sentenceCount = 0, claimCount = 0, textBytes = 0
            let started = ContinuousClock.now
            run.run(inputs) { outcome in
                sentenceCount += outcome.sentences
                textBytes += outcome.textBytes
                switch outcome.result {
                case .failure(let error):
                    failures += 1
                    StandardError.print("claims: \(error)")
                case .success(let claims):
                    documentCount += 1
                    claimCount += claims.count
                    switch format {
                    case .jsonl:
                        var buffer: [UInt8] = []
                        for c in claims {
                            ClaimOutput.json(c, rules: !noRules, into: &buffer)
                            buffer.append(0x0A)
                        }
                        output.write(buffer)
                    case .json:
                        for c in claims {
                            output.write(Array(((firstJSON ? "\n" : ",\n") + ClaimOutput.json(c, rules: !noRules)).utf8))
                            firstJSON = false
                        }
                    case .csv:
                        for c in claims { output.write(Array((ClaimOutput.csv(c) + "\n").utf8)) }
                    case .text:
                        all += claims
                    }
                }
            }
            if format == .json { output.write(Array("\n]\n".utf8)) }
            if format == .text { output.write(Array(ClaimOutput.table(all).utf8)) }
            output.flush()
            if stats {
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let rate = seconds > 0 ? Int((Double(sentenceCount) / seconds).rounded()) : 0
                StandardError.print("claims: \(documentCount) documents, \(sentenceCount) sentences, \(claimCount) claims, "
                                    + "\(textBytes) bytes of text in \(String(format: "%.3f", seconds)) s (\(rate) sentences/s)")
            }
            if failures > 0 { throw ExitCode(2) }
        }
    }
}

extension ClaimOutput.Format: ExpressibleByArgument {}

extension TimeBudget: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
}

extension ByteCount: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
}
