import ClaimExtraction
import ClaimModel
import ClaimsKit
import DocumentText
import FuzzDriver
import Recognizers

/// A sentence that names entities, periods and figures, read with each fuzzed lexicon.
let sentence = try! DocumentReader().read(Array("Apple and the S&P 500 rose 1.2% in the third quarter, while ACME fell 3% on Oct. 9, 2025.".utf8), fileName: "s.txt")

/// The built-in lexicons without the two large generated ones (tickers, companies), which no user
/// supplies: each input builds a lexicon of its own.
let baseFiles = Lexicon.builtInFiles.filter { !["tickers.tsv", "companies.tsv"].contains($0.key) }
let basePeriods = baseFiles["periods.tsv"] ?? ""

/// libFuzzer entry point: bytes read as the two tab-separated files a user supplies beside the
/// articles: a folder's `documents.tsv` sidecar, and a lexicon (`--lexicon`, in the columns of
/// `entities.tsv`), added to the built-in lexicons, and also as extra period words. The lexicon is
/// then used to read a sentence.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUserFiles(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(data, count), as: UTF8.self)
    let sidecar = Sidecar(text: text)
    for (name, entry) in sidecar.entries {
        precondition(name == entry.file, "an entry filed under another name")
    }
    let lexicon = Lexicon(files: baseFiles.merging(["user-fuzz.tsv": text, "periods.tsv": basePeriods + "\n" + text]) { $1 })
    let x = ClaimExtractor(lexicon: lexicon).extraction(sentence, doc: "s.txt")
    let scalars = sentence.text.unicodeScalars.count
    for claim in x.claims {
        precondition(0 <= claim.start && claim.start <= claim.end && claim.end <= scalars, "claim offsets outside the text")
    }
    return 0
}

/// The executable's entry point (see `FuzzDriver`).
@_cdecl("FuzzUserFiles_main")
public func fuzzUserFilesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzUserFiles($0, $1) }
}
