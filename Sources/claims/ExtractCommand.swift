import ArgumentParser
import ClaimExtraction
import ClaimModel
import ClaimsKit
import DocumentText
import Foundation
import Recognizers

/// Options of every command that reads files into documents (`text` among them): the document
/// date and the limits per file.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "Publication date (YYYY-MM-DD) for documents that no sidecar dates.")
    var date: CalendarDate?

    @Option(name: .long, help: "Refuse input files larger than this (bytes, or with K, M, G).")
    var maxBytes: ByteCount = ByteCount(ExtractionOptions().maxBytes)

    @Option(name: .long, help: "Give up on a document that takes longer than this (seconds, or with ms, s, m; none for no limit).")
    var timeBudget: TimeBudget = TimeBudget(seconds: DocumentLoader.defaultTimeBudget)

    /// The document loader with these options, for `inputs` (their sidecars are read).
    func loader(for inputs: [InputFile]) -> DocumentLoader {
        var options = ExtractionOptions()
        options.maxBytes = maxBytes.bytes
        return DocumentLoader(reader: DocumentReader(options: options), date: date, sidecars: Sidecar.load(for: inputs),
                              timeBudget: timeBudget.seconds)
    }
}

/// Options every command that extracts claims shares: the reading options and extra lexicons.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "An extra entity lexicon (TSV in the columns of entities.tsv); repeatable.")
    var lexicon: [String] = []

    /// The date given on the command line, if any.
    var date: CalendarDate? { reading.date }

    /// The document loader with these options, for `inputs` (their sidecars are read).
    func loader(for inputs: [InputFile]) -> DocumentLoader { reading.loader(for: inputs) }

    /// The user's lexicon files, read.
    func lexiconTexts() throws -> [(path: String, text: String)] {
        do { return try LexiconFiles.read(lexicon) } catch { throw ValidationError("\(error)") }
    }

    /// The built-in lexicons plus the user's files (`texts` as `lexiconTexts()` reads them).
    func loadLexicon(_ texts: [(path: String, text: String)]? = nil) throws -> Lexicon {
        let files = try texts ?? lexiconTexts()
        do { return try LexiconFiles.lexicon(adding: files) } catch { throw ValidationError("\(error)") }
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
            let lexicon = try documents.loadLexicon()
            let format = self.format ?? (isatty(1) != 0 ? .text : .jsonl)
            let (inputs, missing) = InputDiscovery.discover(paths)
            var failures = missing.count
            for error in missing { StandardError.print("claims: \(error)") }
            let loader = documents.loader(for: inputs)
            let run = ExtractRun(loader: loader, extractor: ClaimExtractor(lexicon: lexicon), jobs: parallel.count)
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

/// A time budget on the command line: `30` or `30s`, `250ms`, `2m`; `none` (or 0) for no limit.
struct TimeBudget: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// Seconds; nil for no limit.
    var seconds: Double?

    init(seconds: Double?) { self.seconds = seconds }

    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "none" { seconds = nil; return }
        var scale = 1.0
        for (suffix, s) in [("ms", 0.001), ("s", 1.0), ("m", 60.0)] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            scale = s
            break
        }
        guard let n = Double(text.trimmingCharacters(in: .whitespaces)), n.isFinite, n >= 0 else { return nil }
        seconds = n == 0 ? nil : n * scale
    }

    var description: String { seconds.map { Deadline.format(seconds: $0).replacingOccurrences(of: " ", with: "") } ?? "none" }
    var defaultValueDescription: String { description }
}

/// A size in bytes on the command line: `1000`, `512K`, `64M`, `1G` (powers of 1,024).
struct ByteCount: ExpressibleByArgument, Sendable, CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        var scale = 1
        switch text.last {
        case "K": scale = 1 << 10
        case "M": scale = 1 << 20
        case "G": scale = 1 << 30
        default: break
        }
        if scale > 1 { text.removeLast() }
        guard let n = Int(text), n > 0, n <= Int.max / scale else { return nil }
        bytes = n * scale
    }

    var description: String {
        for (suffix, scale) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where bytes % scale == 0 { return "\(bytes / scale)\(suffix)" }
        return String(bytes)
    }
    var defaultValueDescription: String { description }
}
