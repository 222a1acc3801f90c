import ClaimExtraction
import ClaimModel
import DocumentText
import Foundation
import Recognizers

/// The `claims extract` job as a library call: read every input, extract its claims, and hand
/// each document's claims back in input order.
public struct ExtractRun: Sendable {
    /// One input's outcome.
    public struct Outcome: Sendable {
        /// The input.
        public var input: InputFile
        /// Its claims, or why it failed.
        public var result: Result<[Claim], InputError>
        /// Sentences read (0 for a failed input).
        public var sentences = 0
        /// Bytes of article text read.
        public var textBytes = 0
    }

    /// How to load documents.
    public var loader: DocumentLoader
    /// The claim extractor.
    public var extractor: ClaimExtractor
    /// Worker threads.
    public var jobs: Int

    /// Creates a run.
    public init(loader: DocumentLoader, extractor: ClaimExtractor = ClaimExtractor(), jobs: Int = ParallelRunner.coreCount) {
        self.loader = loader
        self.extractor = extractor
        self.jobs = jobs
    }

    /// Processes `inputs` and calls `deliver` in input order.
    public func run(_ inputs: [InputFile], deliver: (Outcome) -> Void) {
        var standardInput: Result<[UInt8], InputError>? = nil
        if inputs.contains(where: \.isStandardInput) {
            standardInput = Result { try FileBytes.read("-", limit: loader.reader.options.maxBytes) }
                .mapError { $0 as? InputError ?? InputError(path: "stdin", reason: "\($0)") }
        }
        let stdinBytes = standardInput
        let this = self
        ParallelRunner.run(count: inputs.count, jobs: jobs, work: { i -> Outcome in
            let input = inputs[i]
            let deadline = this.loader.deadline()
            var bytes: [UInt8]? = nil
            if input.isStandardInput {
                switch stdinBytes {
                case .success(let b): bytes = b
                case .failure(let e): return Outcome(input: input, result: .failure(e))
                case nil: break
                }
            }
            switch this.loader.load(input, bytes: bytes, deadline: deadline) {
            case .failure(let e): return Outcome(input: input, result: .failure(e))
            case .success(let document):
                let x: ClaimExtractor.Extraction
                do throws(TimeBudgetExceeded) {
                    x = try this.extractor.extraction(document, doc: input.doc, deadline: deadline)
                } catch {
                    return Outcome(input: input, result: .failure(InputError(input, reason: error.description)))
                }
                return Outcome(input: input, result: .success(x.claims), sentences: x.sentences, textBytes: document.text.utf8.count)
            }
        }, deliver: { _, outcome in deliver(outcome) })
    }
}
