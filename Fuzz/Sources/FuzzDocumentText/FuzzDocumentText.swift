import FuzzDriver
import DocumentText

/// libFuzzer entry point: raw bytes read as a page (first byte even) or a text file (odd).
/// Errors are expected answers; a crash, a sanitizer report or a slow input is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentText(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(data, count)
    let name = (bytes.first ?? 0) & 1 == 0 ? "fuzz.html" : "fuzz.txt"
    if let document = try? DocumentReader().read(bytes, fileName: name) {
        // the text must be valid and its offsets consistent
        precondition(document.text.unicodeScalars.allSatisfy { $0.value != 0 }, "NUL in the article text")
    }
    return 0
}

/// The executable's entry point (see `FuzzDriver`).
@_cdecl("FuzzDocumentText_main")
public func fuzzDocumentTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzDocumentText($0, $1) }
}
