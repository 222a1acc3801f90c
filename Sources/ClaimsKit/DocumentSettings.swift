import ClaimExtraction
import ClaimModel
import DocumentText
import Foundation
import Recognizers

/// How files are read into documents and claims, as the user set it: the publication date for
/// undated documents, the limits per file, and extra entity lexicons.
public struct DocumentSettings: Sendable {
    /// The date given for documents no sidecar dates.
    public var date: CalendarDate?
    /// Input files larger than this are refused.
    public var maxBytes: Int
    /// Seconds one document may take; nil for no limit.
    public var timeBudget: Double?
    /// The user's extra entity lexicons (TSV files in the columns of entities.tsv).
    public var lexiconFiles: [String]
    /// The password of encrypted PDFs.
    public var pdfPassword: String?

    /// The reader's default size limit per file.
    public static var defaultMaxBytes: Int { ExtractionOptions().maxBytes }
    /// The default time budget per document (``DocumentLoader/defaultTimeBudget``).
    public static var defaultTimeBudget: Double? { DocumentLoader.defaultTimeBudget }

    /// Creates settings; the defaults are the command line's.
    public init(date: CalendarDate? = nil, maxBytes: Int = DocumentSettings.defaultMaxBytes,
                timeBudget: Double? = DocumentSettings.defaultTimeBudget, lexiconFiles: [String] = [], pdfPassword: String? = nil) {
        self.date = date
        self.maxBytes = maxBytes
        self.timeBudget = timeBudget
        self.lexiconFiles = lexiconFiles
        self.pdfPassword = pdfPassword
    }

    /// The document loader with these settings, for `inputs` (their sidecars are read).
    public func loader(for inputs: [InputFile]) -> DocumentLoader {
        var options = ExtractionOptions()
        options.maxBytes = maxBytes
        options.pdfPassword = pdfPassword
        return DocumentLoader(reader: DocumentReader(options: options), date: date, sidecars: Sidecar.load(for: inputs),
                              timeBudget: timeBudget)
    }
}

/// What extracting claims needs, prepared once before any file is read: the settings, the claim
/// extractor with the built-in and the user's lexicons, and the fingerprint of what changes
/// claims besides the files (for the pipeline version ingest stores).
public struct ExtractionSetup: Sendable {
    /// The settings it was made from.
    public let settings: DocumentSettings
    /// The extractor, with the lexicons.
    let extractor: ClaimExtractor
    /// The date and the user's lexicon texts, fingerprinted.
    let optionsFingerprint: String

    /// Reads the user's lexicon files; a file that cannot be read or holds no entity rows is
    /// refused with the reason.
    public init(_ settings: DocumentSettings) throws(LexiconFiles.Problem) {
        let texts = try LexiconFiles.read(settings.lexiconFiles)
        self.settings = settings
        extractor = ClaimExtractor(lexicon: try LexiconFiles.lexicon(adding: texts))
        optionsFingerprint = Pipeline.fingerprint([settings.date?.description ?? ""] + texts.map(\.text))
    }
}

extension ExtractRun {
    /// A run over `inputs` with these settings and lexicons.
    public init(_ setup: ExtractionSetup, inputs: [InputFile], jobs: Int) {
        self.init(loader: setup.settings.loader(for: inputs), extractor: setup.extractor, jobs: jobs)
    }
}

/// A time limit as the command line writes it: `30` or `30s`, `250ms`, `2m`; `none` (or 0) for
/// no limit.
public struct TimeBudget: Sendable, CustomStringConvertible {
    /// Seconds; nil for no limit.
    public var seconds: Double?

    /// A budget of `seconds` (nil: none).
    public init(seconds: Double?) { self.seconds = seconds }

    /// Parses `30`, `30s`, `250ms`, `2m`, `none`; nil for anything else.
    public init?(_ argument: String) {
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

    public var description: String { seconds.map { Deadline.format(seconds: $0).replacingOccurrences(of: " ", with: "") } ?? "none" }
}

/// A size in bytes as the command line writes it: `1000`, `512K`, `64M`, `1G` (powers of 1,024).
public struct ByteCount: Sendable, CustomStringConvertible {
    /// Bytes.
    public var bytes: Int

    /// `bytes` bytes.
    public init(_ bytes: Int) { self.bytes = bytes }

    /// Parses `1000`, `512K`, `64M`, `1G` (a trailing `B` allowed); nil for anything else.
    public init?(_ argument: String) {
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

    public var description: String {
        for (suffix, scale) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where bytes % scale == 0 { return "\(bytes / scale)\(suffix)" }
        return String(bytes)
    }
}
