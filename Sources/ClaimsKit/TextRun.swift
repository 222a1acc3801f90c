import ClaimModel
import DocumentText
import Foundation

/// The `claims text` job as a library call: read every input, reduce it to its article text, and
/// either write one `.txt` per input under an output folder or hand each result back in order.
public struct TextRun: Sendable {
    /// What to produce for each document.
    public enum Format: String, Sendable, CaseIterable {
        /// The text alone.
        case text
        /// The document (metadata and blocks) as one JSON object per line.
        case json
    }

    /// One input's outcome.
    public struct Outcome: Sendable {
        /// The input.
        public var input: InputFile
        /// The rendered output (empty when written to a file), or why the input failed.
        public var result: Result<[UInt8], InputError>
    }

    /// How to load documents.
    public var loader: DocumentLoader
    /// Output format.
    public var format: Format
    /// Folder for one output file per input, or nil for in-order delivery.
    public var outputFolder: String?
    /// Worker threads.
    public var jobs: Int

    /// Creates a run.
    public init(loader: DocumentLoader, format: Format = .text, outputFolder: String? = nil, jobs: Int = ParallelRunner.coreCount) {
        self.loader = loader
        self.format = format
        self.outputFolder = outputFolder
        self.jobs = jobs
    }

    /// Processes `inputs` and calls `deliver` in input order (with an output folder, once all are
    /// written, so that failures are still reported in input order).
    public func run(_ inputs: [InputFile], deliver: (Outcome) -> Void) {
        // Standard input is read once, before the workers start.
        var standardInput: Result<[UInt8], InputError>? = nil
        if inputs.contains(where: \.isStandardInput) {
            standardInput = Result { try FileBytes.read("-", limit: loader.reader.options.maxBytes) }
                .mapError { $0 as? InputError ?? InputError(path: "stdin", reason: "\($0)") }
        }
        let stdinBytes = standardInput
        let this = self
        let work: @Sendable (Int) -> Outcome = { i in this.process(inputs[i], standardInput: stdinBytes) }
        if outputFolder == nil {
            ParallelRunner.run(count: inputs.count, jobs: jobs, work: work, deliver: { _, outcome in deliver(outcome) })
        } else {
            // Files are written by the workers, so delivery order does not matter: largest first.
            let schedule = inputs.indices.sorted { (inputs[$0].size ?? 0) > (inputs[$1].size ?? 0) }
            var outcomes: [Int: Outcome] = [:]
            ParallelRunner.runUnordered(count: inputs.count, jobs: jobs, schedule: schedule, work: work) { i, outcome in
                outcomes[i] = outcome
            }
            for i in inputs.indices { deliver(outcomes[i]!) }
        }
    }

    private func process(_ input: InputFile, standardInput: Result<[UInt8], InputError>?) -> Outcome {
        let deadline = loader.deadline()
        var bytes: [UInt8]? = nil
        if input.isStandardInput {
            switch standardInput {
            case .success(let b): bytes = b
            case .failure(let e): return Outcome(input: input, result: .failure(e))
            case nil: break
            }
        }
        switch loader.load(input, bytes: bytes, deadline: deadline) {
        case .failure(let error):
            return Outcome(input: input, result: .failure(error))
        case .success(let document):
            let rendered = render(document, input: input)
            guard let folder = outputFolder else { return Outcome(input: input, result: .success(rendered)) }
            let target = TextRun.outputPath(for: input, in: folder, extension: format == .json ? "json" : "txt")
            do {
                try FileBytes.write(rendered, to: target, inside: folder)
                return Outcome(input: input, result: .success([]))
            } catch let error as InputError {
                return Outcome(input: input, result: .failure(error))
            } catch {
                return Outcome(input: input, result: .failure(InputError(path: target, reason: "\(error)")))
            }
        }
    }

    /// The output bytes for a document.
    public func render(_ document: Document, input: InputFile) -> [UInt8] {
        switch format {
        case .text:
            var bytes = Array(document.text.utf8)
            if bytes.last != 0x0A { bytes.append(0x0A) }
            return bytes
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var bytes = (try? encoder.encode(DocumentLine(doc: input.doc, document: document))).map(Array.init) ?? []
            bytes.append(0x0A)
            return bytes
        }
    }

    /// Where an input's output goes under `folder`: its document path with the extension
    /// replaced, so the folder mirrors the input tree. Path parts that would climb out of the
    /// folder (`..`, absolute paths) are dropped; control characters (a newline in a file name)
    /// become `_`, and a part is cut to 200 bytes.
    public static func outputPath(for input: InputFile, in folder: String, extension ext: String) -> String {
        let parts = input.doc.split(separator: "/").filter { $0 != ".." && $0 != "." && !$0.isEmpty }.map { part -> String in
            var clean = String(String.UnicodeScalarView(part.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "_" : $0 }))
            while clean.utf8.count > 200 { clean.removeLast() }
            return clean
        }
        var relative = parts.joined(separator: "/")
        if relative.isEmpty { relative = "stdin" }
        let base = (relative as NSString).deletingPathExtension
        return (folder as NSString).appendingPathComponent(base + "." + ext)
    }
}

/// A document with its name, as `claims text --format json` prints it.
struct DocumentLine: Encodable {
    var doc: String
    var document: Document

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(document.metadata, forKey: .metadata)
        try c.encode(document.format, forKey: .format)
        try c.encode(document.encoding, forKey: .encoding)
        try c.encode(document.blocks, forKey: .blocks)
        try c.encode(document.text, forKey: .text)
    }

    enum Keys: String, CodingKey { case doc, metadata, format, encoding, blocks, text }
}
