import ClaimModel
import DocumentText
import FuzzDriver

/// libFuzzer entry point: raw bytes read as a PDF (a `%PDF-` header is put in front when the
/// input has none, so every input reaches poppler and the layout). Errors are expected answers
/// (damaged, encrypted, no text layer); a crash, a sanitizer report or a slow input is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var bytes = fuzzInput(data, count)
    if !bytes.starts(with: Array("%PDF-".utf8)) { bytes = Array("%PDF-1.4\n".utf8) + bytes }
    if let document = try? DocumentReader().read(bytes, fileName: "fuzz.pdf", deadline: .after(seconds: 5)) {
        // blocks lie inside the text, in order; page starts inside it too
        let length = document.text.unicodeScalars.count
        var end = 0
        for b in document.blocks {
            precondition(b.start >= end && b.end <= length, "a block outside the text or out of order")
            end = b.end
        }
        precondition((document.metadata.pageStarts ?? []).allSatisfy { $0 >= -1 && $0 <= length }, "a page start outside the text")
    }
    return 0
}

/// The executable's entry point (see `FuzzDriver`).
@_cdecl("FuzzPDF_main")
public func fuzzPDFMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzPDF($0, $1) }
}
