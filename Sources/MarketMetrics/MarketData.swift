import ClaimModel
import Dispatch
import Foundation

/// The market data a user has: price series by symbol, which entity each symbol is, market caps,
/// index member lists and dividends — loaded from one folder (`--data DIR`):
///
/// ```
/// DIR/
///   *.csv, *.csv.gz, *.tsv[.gz]   price files, any layout ``PriceFile`` reads (also in DIR/prices/)
///   symbols.tsv                   symbol or file name <TAB> entity id   (^GSPC  SPX)
///   caps.csv                      symbol, market cap or shares, [as-of date]   (optional)
///   dividends.csv                 date, symbol, dividend per share             (optional)
///   members/SPX.tsv               one member symbol a line                     (optional)
/// ```
public struct MarketData: Sendable {
    /// Every series, by symbol as the data spells it.
    public private(set) var series: [String: PriceSeries] = [:]
    /// Entity id (or any name a user may ask for) → symbol, from `symbols.tsv`.
    public private(set) var aliases: [String: String] = [:]
    /// Market caps (or share counts), in file order.
    public var caps: [CapRow] = []
    /// Index (entity id or symbol) → member symbols.
    public var members: [String: [String]] = [:]
    /// The file each member list came from, for notes.
    public var memberSources: [String: String] = [:]
    /// Symbol → (day → dividend per share), paid on the ex-dividend day.
    public var dividends: [String: [Int32: Double]] = [:]
    /// Files that could not be read, with the reasons; the rest of the folder is still loaded.
    public private(set) var problems: [MarketDataProblem] = []

    /// An empty data set.
    public init() {}

    /// Adds a series (replacing one of the same symbol).
    public mutating func add(_ s: PriceSeries) { series[s.symbol] = s }

    /// Maps a name (an entity id such as `SPX`) to a symbol of the data (`^GSPC`).
    public mutating func alias(_ name: String, to symbol: String) { aliases[name] = symbol }

    /// Loads a market data folder.
    /// - Throws: ``MarketDataProblem`` only when the folder itself cannot be read; a bad file
    ///   becomes one of ``problems`` and the others still load.
    public static func load(folder: String) throws(MarketDataProblem) -> MarketData {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw MarketDataProblem("no such folder", path: folder)
        }
        guard isFolder.boolValue else { throw MarketDataProblem("is a file; --data takes a folder", path: folder) }
        let root = URL(fileURLWithPath: folder)
        let special: Set<String> = ["symbols.tsv", "caps.csv", "caps.tsv", "dividends.csv", "dividends.tsv"]
        func priceFiles(_ dir: URL) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.sorted().filter { name in
                let lower = name.lowercased()
                guard !special.contains(lower), !lower.hasPrefix(".") else { return false }
                return [".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz"].contains { lower.hasSuffix($0) }
                    && !lower.hasPrefix("readme")
            }.map { dir.appendingPathComponent($0).path }
        }
        let files = priceFiles(root) + priceFiles(root.appendingPathComponent("prices"))
        var data = MarketData()
        let loaded = readAll(files)
        var fileSymbols: [String: [String]] = [:]
        for (path, outcome) in zip(files, loaded) {
            switch outcome {
            case .success(let list):
                for s in list {
                    if let existing = data.series[s.symbol] {
                        data.problems.append(MarketDataProblem("\(s.symbol) is also in \(existing.source); this file's series is used", path: path))
                    }
                    data.series[s.symbol] = s
                }
                let name = (path as NSString).lastPathComponent
                fileSymbols[name] = list.map(\.symbol)
            case .failure(let problem):
                data.problems.append(problem)
            }
        }
        let symbolsFile = root.appendingPathComponent("symbols.tsv").path
        if FileManager.default.fileExists(atPath: symbolsFile) {
            do {
                for (line, cells) in try tableLines(symbolsFile) {
                    guard cells.count >= 2 else {
                        data.problems.append(MarketDataProblem("line \(line): expected 'symbol<TAB>entity id'", path: symbolsFile))
                        continue
                    }
                    let symbol = fileSymbols[cells[0]]?.first ?? cells[0]
                    data.aliases[cells[1]] = symbol
                }
            } catch { data.problems.append(error) }
        }
        for name in ["caps.csv", "caps.tsv"] {
            let path = root.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do { data.caps += try CapRow.read(path) } catch { data.problems.append(error) }
        }
        for name in ["dividends.csv", "dividends.tsv"] {
            let path = root.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do { try data.readDividends(path) } catch { data.problems.append(error) }
        }
        let membersFolder = root.appendingPathComponent("members")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: membersFolder.path)) ?? []).sorted() {
            let lower = name.lowercased()
            guard lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") || lower.hasSuffix(".csv") else { continue }
            let path = membersFolder.appendingPathComponent(name).path
            do {
                let index = String(name[..<name.lastIndex(of: ".")!])
                let list = try tableLines(path).map { $0.cells[0] }.filter { $0.lowercased() != "symbol" }
                data.members[index] = list
                data.memberSources[index] = path
            } catch { data.problems.append(error) }
        }
        return data
    }

    /// Reads price files on every core; one outcome a file, in order.
    public static func readAll(_ files: [String]) -> [Result<[PriceSeries], MarketDataProblem>] {
        final class Slots: @unchecked Sendable {
            var items: [Result<[PriceSeries], MarketDataProblem>]
            let lock = NSLock()
            init(_ n: Int) { items = Array(repeating: .success([]), count: n) }
        }
        let slots = Slots(files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            let outcome: Result<[PriceSeries], MarketDataProblem>
            do throws(MarketDataProblem) { outcome = .success(try PriceFile.read(files[k])) } catch { outcome = .failure(error) }
            slots.lock.lock()
            slots.items[k] = outcome
            slots.lock.unlock()
        }
        return slots.items
    }

    /// The non-blank, non-comment lines of a small TSV (or CSV) file, split into cells.
    static func tableLines(_ path: String) throws(MarketDataProblem) -> [(line: Int, cells: [String])] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw MarketDataProblem("cannot be read as UTF-8 text", path: path)
        }
        var out: [(Int, [String])] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let separator: Character = line.contains("\t") ? "\t" : ","
            out.append((k + 1, line.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        return out
    }

    private mutating func readDividends(_ path: String) throws(MarketDataProblem) {
        let lines = try Self.tableLines(path)
        guard let header = lines.first?.cells.map({ $0.lowercased() }),
              let d = header.firstIndex(of: "date"),
              let s = header.firstIndex(where: { $0 == "symbol" || $0 == "ticker" }),
              let v = header.firstIndex(where: { $0 == "dividend" || $0 == "dividends" || $0 == "amount" }) else {
            throw MarketDataProblem("expected a header 'date,symbol,dividend'", path: path)
        }
        for (line, cells) in lines.dropFirst() {
            guard cells.count > max(d, s, v), let date = CalendarDate(iso: cells[d]), let amount = Double(cells[v]),
                  amount.isFinite, amount >= 0 else {
                throw MarketDataProblem("line \(line): expected a date, a symbol and a dividend of zero or more", path: path)
            }
            dividends[cells[s], default: [:]][Int32(date.daysSinceEpoch), default: 0] += amount
        }
    }

    /// The symbol of the data a name stands for: an alias from `symbols.tsv`, the symbol itself,
    /// or the same with `^` added or dropped or `.`/`-` swapped (`BRK.B` = `BRK-B`).
    public func symbol(for name: String) -> String? {
        if let s = aliases[name], series[s] != nil { return s }
        if series[name] != nil { return name }
        let variants = [name.hasPrefix("^") ? String(name.dropFirst()) : "^" + name,
                        name.replacingOccurrences(of: ".", with: "-"),
                        name.replacingOccurrences(of: "-", with: ".")]
        return variants.first { series[$0] != nil }
    }

    /// The series a name stands for.
    public func series(for name: String) throws(NotComputable) -> PriceSeries {
        guard let symbol = symbol(for: name), let s = series[symbol] else {
            throw NotComputable("the market data has no prices for \(name)")
        }
        return s
    }

    /// The member symbols of an index, from `members/INDEX.tsv` (by entity id or symbol).
    public func members(of index: String) throws(NotComputable) -> (symbols: [String], source: String) {
        let keys = [index, aliases[index]].compactMap { $0 } + aliases.filter { $0.value == index }.map(\.key)
        for k in keys {
            if let list = members[k] { return (list, memberSources[k] ?? "members/\(k).tsv") }
        }
        throw NotComputable("the market data has no member list for \(index) (members/\(index).tsv)")
    }
}
