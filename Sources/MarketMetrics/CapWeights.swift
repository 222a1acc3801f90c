import ClaimModel
import Foundation

/// One row of a market-cap file: a symbol with its market cap or its shares outstanding.
public struct CapRow: Sendable, Hashable, Codable {
    /// The symbol (`AAPL`, `BRK.B`).
    public var symbol: String
    /// The company name, where the file has one (used to find share classes of one company).
    public var name: String?
    /// The market cap in currency units, where given.
    public var marketCap: Double?
    /// Shares outstanding, where given.
    public var shares: Double?
    /// The price the cap was computed at, where given.
    public var price: Double?
    /// The day the cap or share count is as of, where given.
    public var asOf: CalendarDate?

    /// Creates a row.
    public init(symbol: String, name: String? = nil, marketCap: Double? = nil, shares: Double? = nil,
                price: Double? = nil, asOf: CalendarDate? = nil) {
        self.symbol = symbol
        self.name = name
        self.marketCap = marketCap
        self.shares = shares
        self.price = price
        self.asOf = asOf
    }

    /// Reads a cap file: a header with `symbol` (or `ticker`) and `market cap` (or `market_cap`,
    /// `marketcap`) and/or `shares` (`shares outstanding`), optionally `date` (`as of`), `price`
    /// and `name` (`security`, `company`). Other columns are ignored, so the S&P 500 financials
    /// files read as they are. Rows without a cap or share count are kept (a cap can be missing).
    public static func read(_ path: String) throws(MarketDataProblem) -> [CapRow] {
        try parse(PriceFile.bytes(path), path: path)
    }

    /// Reads a cap file's bytes (see ``read(_:)``); `path` names the file in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(MarketDataProblem) -> [CapRow] {
        var result: Result<[CapRow], MarketDataProblem> = .success([])
        bytes.withUnsafeBufferPointer { buffer in
            let tab = buffer.prefix(while: { $0 != UInt8(ascii: "\n") }).contains(UInt8(ascii: "\t"))
            var scanner = CSVScanner(buffer, delimiter: tab ? UInt8(ascii: "\t") : UInt8(ascii: ","))
            var fields: [CSVField] = []
            guard scanner.next(into: &fields) else {
                result = .failure(MarketDataProblem("the file is empty", path: path))
                return
            }
            let header = fields.map { scanner.text($0).lowercased().trimmingCharacters(in: .whitespaces) }
            func column(_ names: [String]) -> Int? { header.firstIndex(where: names.contains) }
            guard let s = column(["symbol", "ticker"]) else {
                result = .failure(MarketDataProblem("no symbol column in the header", path: path))
                return
            }
            let cap = column(["market cap", "market_cap", "marketcap", "market capitalization"])
            let shares = column(["shares", "shares outstanding", "shares_outstanding", "sharesoutstanding"])
            guard cap != nil || shares != nil else {
                result = .failure(MarketDataProblem("no 'market cap' or 'shares' column in the header", path: path))
                return
            }
            let date = column(["date", "as of", "as_of", "asof"])
            let price = column(["price", "close"])
            let name = column(["name", "security", "company"])
            var rows: [CapRow] = []
            while scanner.next(into: &fields) {
                if scanner.isBlank(fields) { continue }
                func number(_ k: Int?) -> Double? {
                    guard let k, k < fields.count, case .number(let v) = scanner.number(fields[k]), v > 0 else { return nil }
                    return v
                }
                guard s < fields.count else { continue }
                rows.append(CapRow(symbol: scanner.text(fields[s]).trimmingCharacters(in: .whitespaces),
                                   name: name.flatMap { $0 < fields.count ? scanner.text(fields[$0]) : nil },
                                   marketCap: number(cap), shares: number(shares), price: number(price),
                                   asOf: date.flatMap { $0 < fields.count ? scanner.date(fields[$0]) : nil }))
            }
            result = .success(rows)
        }
        return try result.get()
    }
}

/// A company's weight in a cap-weighted total, after share classes are merged.
public struct CapWeight: Sendable, Hashable, Codable {
    /// The symbols of the company (`["GOOGL", "GOOG"]`); the first is the one reported.
    public var symbols: [String]
    /// The company's market cap.
    public var marketCap: Double
    /// Its share of the total, in percent.
    public var weight: Double
}

/// Cap weights with share classes merged.
///
/// Convention: a company with several listed share classes (GOOGL/GOOG, FOXA/FOX, NWSA/NWS,
/// BRK.A/BRK.B, BF.A/BF.B and any rows whose names differ only by "Class A/B/C") counts once.
/// Data vendors report either the whole company's cap on every class row (Yahoo: GOOGL 4.217e12,
/// GOOG 4.180e12) or each class's own cap; when a company's class caps are within 5% of each
/// other they are taken as repeats of the company total and the largest is kept, otherwise they
/// are added. Rows without a cap are left out and counted in the notes.
public enum CapWeights {
    /// Known share-class families: each symbol → the family's first symbol.
    static let classFamilies: [String: String] = {
        let families = [["GOOGL", "GOOG"], ["FOXA", "FOX"], ["NWSA", "NWS"], ["BRK.A", "BRK.B"], ["BF.A", "BF.B"],
                        ["LEN", "LEN.B"], ["HEI", "HEI.A"], ["UAA", "UA"], ["Z", "ZG"], ["DISCA", "DISCK"]]
        var map: [String: String] = [:]
        for f in families { for s in f { map[s] = f[0] } }
        return map
    }()

    /// A company key for a symbol and name: the family for known share classes, else the name
    /// without a "Class X" part, else the symbol.
    static func company(_ row: CapRow) -> String {
        let symbol = row.symbol.replacingOccurrences(of: "-", with: ".").uppercased()
        if let family = classFamilies[symbol] { return "family:" + family }
        if let name = row.name, name.range(of: "class [a-z]\\b", options: [.regularExpression, .caseInsensitive]) != nil {
            let stripped = name.replacingOccurrences(of: "\\(?\\s*class [a-z]\\b\\s*\\)?", with: "",
                                                     options: [.regularExpression, .caseInsensitive])
            return "name:" + stripped.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return "symbol:" + symbol
    }

    /// The weights of the companies in `rows` (each with a cap), largest first, and notes on
    /// what was merged or left out.
    public static func weights(_ rows: [CapRow]) -> (weights: [CapWeight], notes: [String]) {
        var notes: [String] = []
        var groups: [String: [(symbol: String, cap: Double)]] = [:]
        var order: [String] = []
        var missing: [String] = []
        for r in rows {
            guard let cap = r.marketCap ?? r.shares.flatMap({ s in r.price.map { s * $0 } }) else {
                missing.append(r.symbol)
                continue
            }
            let key = company(r)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((r.symbol, cap))
        }
        var merged: [(symbols: [String], cap: Double)] = []
        for key in order {
            let g = groups[key]!
            if g.count == 1 { merged.append(([g[0].symbol], g[0].cap)); continue }
            let caps = g.map(\.cap)
            let symbols = g.map(\.symbol)
            if caps.max()! / caps.min()! <= 1.05 {
                let keep = g.max { $0.cap < $1.cap }!
                merged.append(([keep.symbol] + symbols.filter { $0 != keep.symbol }, keep.cap))
                notes.append("\(symbols.joined(separator: "/")): one company; caps within 5% taken as its total, counted once")
            } else {
                merged.append((symbols, caps.reduce(0, +)))
                notes.append("\(symbols.joined(separator: "/")): one company; class caps added")
            }
        }
        if !missing.isEmpty {
            notes.append("\(missing.count) rows have no market cap and are left out (\(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : ""))")
        }
        let total = merged.reduce(0) { $0 + $1.cap }
        guard total > 0 else { return ([], notes + ["no market caps"]) }
        let weights = merged.map { CapWeight(symbols: $0.symbols, marketCap: $0.cap, weight: $0.cap / total * 100) }
            .sorted { $0.marketCap > $1.marketCap }
        return (weights, notes)
    }
}
