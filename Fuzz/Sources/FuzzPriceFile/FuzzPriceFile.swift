import FuzzDriver
import MarketMetrics

/// libFuzzer entry point: bytes read as a price file (CSV/TSV in any of the layouts, or gzip)
/// and as a market-cap file, the two CSV readers of MarketMetrics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPriceFile(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(data, count)
    if let series = try? PriceFile.parse(bytes, name: "fuzz.csv", source: "fuzz") {
        for s in series {
            precondition(zip(s.days, s.days.dropFirst()).allSatisfy { $0 < $1 }, "days out of order")
            precondition(s.closes.count == s.days.count, "a close per day")
        }
    }
    if let rows = try? CapRow.parse(bytes, path: "fuzz.csv") {
        for r in rows {
            precondition([r.marketCap, r.shares, r.price].allSatisfy { $0 == nil || ($0! > 0 && $0!.isFinite) }, "a positive finite number")
        }
    }
    return 0
}

/// The executable's entry point (see `FuzzDriver`).
@_cdecl("FuzzPriceFile_main")
public func fuzzPriceFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzPriceFile($0, $1) }
}
