import ClaimModel
import DocumentText
import Foundation

/// Reads input files into documents, applying the date rules of the claims contract: the
/// `documents.tsv` sidecar first (an empty date there means undated), then `--date`, then the
/// page's own metadata, then a dateline.
public struct DocumentLoader: Sendable {
    /// The reader that turns bytes into documents.
    public var reader: DocumentReader
    /// The date given on the command line, if any.
    public var date: CalendarDate?
    /// Sidecars by folder path.
    public var sidecars: [String: Sidecar]
    /// Seconds one document may take from reading its file to its last claim; nil for no limit.
    public var timeBudget: Double?

    /// The default time budget: a minute. Real pages take milliseconds in a release build
    /// (`scripts/bench-claims.sh`); the densest input the tests use, a 1 MB line of 60,000
    /// claims, takes seconds there, and nearly a minute in a debug build.
    public static let defaultTimeBudget: Double = 60

    /// Creates a loader.
    public init(reader: DocumentReader = DocumentReader(), date: CalendarDate? = nil, sidecars: [String: Sidecar] = [:],
                timeBudget: Double? = DocumentLoader.defaultTimeBudget) {
        self.reader = reader
        self.date = date
        self.sidecars = sidecars
        self.timeBudget = timeBudget
    }

    /// A deadline for one document, starting now.
    public func deadline() -> Deadline {
        Deadline.after(seconds: timeBudget)
    }

    /// Reads and converts one input. `bytes` are used instead of reading the file when given
    /// (standard input is read once, up front); `deadline` (see ``deadline()``) bounds the work.
    public func load(_ input: InputFile, bytes given: [UInt8]? = nil, deadline: Deadline = .never) -> Result<Document, InputError> {
        let bytes: [UInt8]
        do {
            bytes = try given ?? FileBytes.read(input.path, limit: reader.options.maxBytes)
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(InputError(path: input.path, reason: "\(error)"))
        }
        do {
            var document = try reader.read(bytes, fileName: input.isStandardInput ? nil : input.fileName, deadline: deadline)
            apply(to: &document, input: input)
            return .success(document)
        } catch {
            return .failure(InputError(input, reason: "\(error)"))
        }
    }

    /// Applies the sidecar and `--date` to a document read from `input`.
    public func apply(to document: inout Document, input: InputFile) {
        if let entry = sidecars[input.folder]?.entries[input.fileName] {
            document.metadata.published = entry.published
            document.metadata.publishedSource = entry.published == nil ? "documents.tsv (undated)" : "documents.tsv"
            if let title = entry.title { document.metadata.title = title }
            if let url = entry.url { document.metadata.url = url }
            if let source = entry.source { document.metadata.siteName = source }
        } else if let date {
            document.metadata.published = date
            document.metadata.publishedSource = "--date"
        }
    }
}
