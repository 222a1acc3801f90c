import FuzzDriver
import ClaimExtraction
import DocumentText

let extractor = ClaimExtractor()

/// libFuzzer entry point: bytes read as a text file, then every recognizer and the claim rules
/// run over it (`extraction`), and `explain` over its first line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtraction(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(data, count)
    guard let document = try? DocumentReader().read(bytes, fileName: "fuzz.txt") else { return 0 }
    let x = extractor.extraction(document, doc: "fuzz.txt")
    let scalars = document.text.unicodeScalars.count
    for claim in x.claims {
        precondition(0 <= claim.start && claim.start <= claim.end && claim.end <= scalars, "claim offsets outside the text")
    }
    if let line = document.text.split(separator: "\n").first {
        _ = extractor.explain(String(line.prefix(2000)), date: nil)
    }
    return 0
}

/// The executable's entry point (see `FuzzDriver`).
@_cdecl("FuzzExtraction_main")
public func fuzzExtractionMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzExtraction($0, $1) }
}
