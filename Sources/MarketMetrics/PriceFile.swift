import ClaimModel
import Foundation

/// Reads the price files users have into ``PriceSeries``, whatever their layout:
///
/// - Yahoo: `Date,Open,High,Low,Close,Adj Close,Volume` (one symbol, named by the file);
/// - the same in lower case, with or without `adj close` (`date,open,high,low,close,volume`);
/// - yfinance exports with a three-line header (`Price,Close,High,…` / `Ticker,^GSPC,…` /
///   `Date,,,…`), with one or several tickers;
/// - FRED series (`observation_date,SP500` or `DATE,VALUE`; empty cells or `.` on holidays) and
///   other wide tables (`date,GOOG,AAPL,…`: one series a column);
/// - the long format (`date,symbol,close[,…]`, or `price` instead of `close`; any column order);
///
/// each also gzip-compressed (`.csv.gz`), comma- or tab-separated. Dates may be ISO
/// (`2025-09-30`, also with a time), `9/30/2025` or `Sep 30 2025`.
public enum PriceFile {
    /// The largest file read (and the largest a gzip file may expand to): 1 GB.
    public static let defaultLimit = 1 << 30

    /// The series in one file.
    /// - Throws: ``MarketDataProblem`` naming the file: unreadable, not CSV, no date or price
    ///   column, corrupt gzip.
    public static func read(_ path: String, limit: Int = defaultLimit) throws(MarketDataProblem) -> [PriceSeries] {
        let data = try bytes(path, limit: limit)
        do {
            return try parse(data, name: fileStem(path), source: path)
        } catch {
            throw MarketDataProblem(error.reason, path: path)
        }
    }

    /// The bytes of a file, decompressed when it is gzip (by content, whatever its name).
    /// - Throws: ``MarketDataProblem`` naming the file: missing, a folder, over the limit,
    ///   unreadable, corrupt or truncated gzip.
    public static func bytes(_ path: String, limit: Int = defaultLimit) throws(MarketDataProblem) -> [UInt8] {
        var bytes: [UInt8]
        do {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw MarketDataProblem("no such file", path: path)
            }
            guard !isFolder.boolValue else { throw MarketDataProblem("is a folder, not a price file", path: path) }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= limit else { throw MarketDataProblem("file is \(size) bytes, over the limit of \(limit)", path: path) }
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let problem as MarketDataProblem {
            throw problem
        } catch {
            throw MarketDataProblem("cannot be read (\(error.localizedDescription))", path: path)
        }
        if Gzip.isCompressed(bytes) {
            do { bytes = try Gzip.decompress(bytes, limit: limit) } catch { throw MarketDataProblem(error.reason, path: path) }
        }
        return bytes
    }

    /// The symbol a file name stands for: the name without `.csv`, `.tsv`, `.txt` and `.gz`
    /// (`^GSPC.csv` → `^GSPC`, `GSPC.csv.gz` → `GSPC`).
    public static func fileStem(_ path: String) -> String {
        var name = Substring(path.split(separator: "/").last ?? Substring(path))
        for ext in [".gz", ".csv", ".tsv", ".txt"] where name.lowercased().hasSuffix(ext) {
            name = name.dropLast(ext.count)
        }
        return String(name)
    }

    /// The series in CSV or TSV bytes (already decompressed); `name` names a one-symbol file's
    /// series, `source` is quoted in notes and reasons.
    public static func parse(_ bytes: [UInt8], name: String, source: String) throws(MarketDataProblem) -> [PriceSeries] {
        guard !bytes.isEmpty else { throw MarketDataProblem("the file is empty") }
        if bytes.prefix(4096).contains(0) { throw MarketDataProblem("not a text file (it has NUL bytes)") }
        let firstLine = bytes.prefix(while: { $0 != UInt8(ascii: "\n") })
        let delimiter: UInt8 = firstLine.contains(UInt8(ascii: "\t")) && !firstLine.contains(UInt8(ascii: ","))
            ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        var result: Result<[PriceSeries], MarketDataProblem> = .success([])
        bytes.withUnsafeBufferPointer { buffer in
            do throws(MarketDataProblem) {
                result = .success(try parse(CSVScanner(buffer, delimiter: delimiter), name: name, source: source))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// The role of one column.
    private enum Role: Equatable {
        case date, symbol, close, adjusted, high, low, ignored
        case value(String)  // a column of a wide table: its series name
    }

    private static func role(_ header: String) -> Role {
        switch header.lowercased().trimmingCharacters(in: .whitespaces) {
        case "date", "observation_date", "datetime", "timestamp", "day": .date
        case "symbol", "ticker": .symbol
        case "close", "price", "close/last", "last": .close
        case "adj close", "adj_close", "adjclose", "adjusted close", "adjusted_close": .adjusted
        case "high": .high
        case "low": .low
        case "open", "volume", "dividends", "stock splits", "capital gains", "": .ignored
        default: .value(header.trimmingCharacters(in: .whitespaces))
        }
    }

    private static func parse(_ scanner: CSVScanner, name: String, source: String) throws(MarketDataProblem) -> [PriceSeries] {
        var scanner = scanner
        var fields: [CSVField] = []
        repeat {
            guard scanner.next(into: &fields) else { throw MarketDataProblem("the file has no header row") }
        } while scanner.isBlank(fields)
        var headers = fields.map { scanner.text($0) }
        var tickers: [String]? = nil
        // yfinance: "Price,Close,High,…" then "Ticker,^GSPC,…" then "Date,,,…".
        if headers.first?.lowercased() == "price", headers.count > 1 {
            guard scanner.next(into: &fields), scanner.text(fields[0]).lowercased() == "ticker" else {
                throw MarketDataProblem("a yfinance header ('Price,…') must be followed by a 'Ticker,…' line")
            }
            tickers = fields.map { scanner.text($0) }
            headers[0] = "date"
        }
        let roles = headers.map(role)
        guard let dateColumn = roles.firstIndex(of: .date) else {
            throw MarketDataProblem("no date column (expected Date, date or observation_date) in the header '\(headers.joined(separator: ","))'")
        }
        let symbolColumn = roles.firstIndex(of: .symbol)
        // The series the file holds: key → (close, adjusted, high, low columns).
        struct Columns { var close: Int?; var adjusted: Int?; var high: Int?; var low: Int? }
        var layout: [(key: String, columns: Columns)] = []
        func slot(_ key: String) -> Int {
            if let k = layout.firstIndex(where: { $0.key == key }) { return k }
            layout.append((key, Columns()))
            return layout.count - 1
        }
        var wide = false
        for (k, r) in roles.enumerated() where k != dateColumn {
            let key = tickers.flatMap { k < $0.count && !$0[k].isEmpty ? $0[k] : nil } ?? name
            switch r {
            case .close: layout[slot(key)].columns.close = k
            case .adjusted: layout[slot(key)].columns.adjusted = k
            case .high: layout[slot(key)].columns.high = k
            case .low: layout[slot(key)].columns.low = k
            case .value(let header) where symbolColumn == nil && tickers == nil:
                wide = true
                let series = header.uppercased() == "VALUE" ? name : header
                layout[slot(series)].columns.close = k
            default: break
            }
        }
        if wide, layout.contains(where: { $0.key == name && $0.columns.close != nil && $0.columns.high != nil }) {
            // An OHLC file with an extra column: the extra column is not a series.
            layout.removeAll { $0.key != name }
        }
        // "Adj Close" alone stands in for the close.
        for k in layout.indices where layout[k].columns.close == nil {
            if let a = layout[k].columns.adjusted {
                layout[k].columns.close = a
                layout[k].columns.adjusted = nil
            }
        }
        layout.removeAll { $0.columns.close == nil }
        guard !layout.isEmpty else {
            throw MarketDataProblem("no price column (expected Close, close, price, Adj Close or a series column) in the header '\(headers.joined(separator: ","))'")
        }

        // Rows, per series key (the long format's keys come from the symbol column).
        // One bucket of rows per series: per layout entry, or per symbol in the long format
        // (found through a dictionary only there, so that one-symbol files hash nothing per row).
        var buckets: [[PriceSeries.Row]] = symbolColumn == nil ? layout.map { _ in [] } : []
        var keys: [String] = symbolColumn == nil ? layout.map(\.key) : []
        var bucketOf: [String: Int] = [:]
        var badDates = 0
        var firstBadDate: String?
        while scanner.next(into: &fields) {
            if scanner.isBlank(fields) { continue }
            // yfinance's third header line ("Date,,,,,") carries no data.
            if tickers != nil, buckets.allSatisfy(\.isEmpty), dateColumn < fields.count, scanner.text(fields[dateColumn]).lowercased() == "date" { continue }
            guard dateColumn < fields.count, let date = scanner.date(fields[dateColumn]) else {
                badDates += 1
                if firstBadDate == nil {
                    let text = dateColumn < fields.count ? scanner.text(fields[dateColumn]) : ""
                    firstBadDate = "line \(scanner.line): '\(text.prefix(40))'"
                }
                continue
            }
            let day = Int32(date.daysSinceEpoch)
            func cell(_ column: Int?) -> NumberCell? {
                guard let column else { return nil }
                return column < fields.count ? scanner.number(fields[column]) : .missing
            }
            for (k, entry) in layout.enumerated() {
                var bucket = k
                if let symbolColumn {
                    guard symbolColumn < fields.count else { continue }
                    let key = scanner.text(fields[symbolColumn]).trimmingCharacters(in: .whitespaces)
                    if key.isEmpty { continue }
                    if let b = bucketOf[key] {
                        bucket = b
                    } else {
                        bucket = buckets.count
                        bucketOf[key] = bucket
                        buckets.append([])
                        keys.append(key)
                    }
                }
                buckets[bucket].append(PriceSeries.Row(day: day, close: cell(entry.columns.close)!, adjusted: cell(entry.columns.adjusted),
                                                       high: cell(entry.columns.high), low: cell(entry.columns.low), line: scanner.line))
            }
        }
        if buckets.allSatisfy(\.isEmpty) {
            if let firstBadDate { throw MarketDataProblem("no row has a date that can be read (first: \(firstBadDate))") }
            throw MarketDataProblem("the file has a header but no rows")
        }
        return zip(keys, buckets).filter { !$0.1.isEmpty }.map { key, rows in
            let entry = symbolColumn == nil ? layout.first { $0.key == key }!.columns : layout[0].columns
            var series = PriceSeries(symbol: key, source: source, rows: rows,
                                     hasAdjusted: entry.adjusted != nil, hasRange: entry.high != nil && entry.low != nil)
            if badDates > 0 { series.notes.append("\(badDates) rows have no date that can be read (first: \(firstBadDate!)); skipped") }
            return series
        }
    }
}
