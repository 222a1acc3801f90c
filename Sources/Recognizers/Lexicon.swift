import ClaimModel

/// A cue word's meaning for the claim rules (the classes of `Lexicons/en/cues.tsv`).
public enum Cue: Sendable, Hashable {
    /// A move's direction: "rose", "a gain", "down".
    case direction(Direction)
    /// The subject did better (`above`), worse (`below`) or is merely compared (`neutral`).
    case comparison(String)
    /// A bound word before a number.
    case bound(Bound)
    /// A word that points to a metric.
    case metric(Metric)
    /// Introduces a level reached or stood at ("to", "closed at").
    case level
    /// Introduces a starting level ("from").
    case start
    /// A plural noun that is a subject of its own ("stocks", "ETFs").
    case group
    /// Refers back to an entity of a kind (`index`, `company`, `fund`, `any`).
    case anaphor(String)
    /// A projection.
    case modal
    /// An illustrative example.
    case hypothetical
    /// A look-back unit ("day" in "200-day").
    case window
    /// A rank word ("top").
    case rank
    /// An exchange name before a colon.
    case exchange
    /// After this word an entity is an object, not the subject.
    case notSubject
    /// "account for", "represent": the number is a share of what follows "of".
    case shareOf
    /// A prefix that negates an entity ("non-Mag 7").
    case negation

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let value = parts.count > 1 ? parts[1] : ""
        switch parts[0] {
        case "direction": guard let d = Direction(rawValue: value) else { return nil }; self = .direction(d)
        case "comparison": self = .comparison(value)
        case "bound": guard let b = Bound(rawValue: value) else { return nil }; self = .bound(b)
        case "metric": guard let m = Metric(rawValue: value) else { return nil }; self = .metric(m)
        case "level": self = .level
        case "start": self = .start
        case "group": self = .group
        case "anaphor": self = .anaphor(value)
        case "modal": self = .modal
        case "hypothetical": self = .hypothetical
        case "window": self = .window
        case "rank": self = .rank
        case "exchange": self = .exchange
        case "not-subject": self = .notSubject
        case "share-of": self = .shareOf
        case "negation": self = .negation
        default: return nil
        }
    }
}

extension Cue: CustomStringConvertible {
    /// The cue as `cues.tsv` writes it: `direction:down`, `metric:market_cap`, `level`.
    public var description: String {
        switch self {
        case .direction(let d): return "direction:\(d.rawValue)"
        case .comparison(let c): return "comparison:\(c)"
        case .bound(let b): return "bound:\(b.rawValue)"
        case .metric(let m): return "metric:\(m.rawValue)"
        case .level: return "level"
        case .start: return "start"
        case .group: return "group"
        case .anaphor(let kind): return "anaphor:\(kind)"
        case .modal: return "modal"
        case .hypothetical: return "hypothetical"
        case .window: return "window"
        case .rank: return "rank"
        case .exchange: return "exchange"
        case .notSubject: return "not-subject"
        case .shareOf: return "share-of"
        case .negation: return "negation"
        }
    }
}

/// A word of `Lexicons/en/units.tsv`.
public enum UnitWord: Sendable, Hashable {
    /// A unit of the claims contract.
    case unit(QuantityUnit)
    /// A multiplier ("billion", "bn").
    case scale(Double)
    /// A currency, by ISO code.
    case currency(String)
    /// A number written as a word ("three", "half a").
    case number(Double)
    /// A hundredth of a currency, by ISO code ("cents", "pence", "42p").
    case minor(String)
    /// A measure outside the claims contract ("degrees", "miles", "years old"): a number before
    /// it is not a claim. The value names what it measures.
    case measure(String)
}

/// A word of `Lexicons/en/periods.tsv`.
public enum PeriodWord: Sendable, Hashable {
    /// A month, 1...12.
    case month(Int)
    /// A weekday, 1 (Monday) ... 7.
    case weekday(Int)
    /// An ordinal ("third").
    case ordinal(Int)
    /// "early", "mid", "late".
    case part(String)
    /// "week", "month", "quarter", "year", "day".
    case unit(String)
}

/// An entity the lexicons know.
///
/// A class with constant fields: mentions, drafts and discourse state copy entities all the time,
/// and a reference costs one retain where a struct of four strings costs four.
public final class Entity: Sendable, Hashable, CustomStringConvertible {
    /// Canonical id.
    public let id: String
    /// `index`, `etf`, `company`, `group`, `rate`, `commodity`, `crypto`.
    public let kind: String
    /// Canonical name.
    public let name: String
    /// GICS sector, for companies that have one.
    public let sector: String?

    /// Creates an entity.
    public init(id: String, kind: String, name: String, sector: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.sector = sector
    }

    /// Entities are equal when all their fields are.
    public static func == (a: Entity, b: Entity) -> Bool {
        a === b || (a.id == b.id && a.kind == b.kind && a.name == b.name && a.sector == b.sector)
    }

    /// Hashes every field.
    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(kind)
        h.combine(name)
        h.combine(sector)
    }

    /// `id (kind, name)`.
    public var description: String { "\(id) (\(kind), \(name))" }
}

/// A problem found while loading a lexicon file.
public struct LexiconProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// What is wrong.
    public var reason: String

    public var description: String { "\(file):\(line): \(reason)" }
}

/// A name or alias of an entity.
public struct EntityAlias: Sendable, Hashable {
    /// The entity's id.
    public var entity: String
    /// The name as the lexicon writes it.
    public var alias: String
    /// True when it matches only as written (tickers, `=Name` entries).
    public var caseSensitive: Bool

    /// Creates an alias.
    public init(entity: String, alias: String, caseSensitive: Bool) {
        self.entity = entity
        self.alias = alias
        self.caseSensitive = caseSensitive
    }
}

/// Every word list the recognizers read, loaded once into lookup tables.
///
/// Built from the TSV files of `Lexicons/en/` (embedded in the binary), plus any files a user
/// adds with `--lexicon` in the columns of `entities.tsv`. Entity names and aliases match
/// case-insensitively and longest first; an alias in capitals only (`IWM`) or marked `=Name`
/// matches only as written; tickers of `tickers.tsv` match only in a ticker context.
public struct Lexicon: Sendable {
    /// Entities by index; phrase tables hold indices into this array.
    public private(set) var entities: [Entity] = []
    /// Index of each entity id.
    public private(set) var entityIndex: [String: Int] = [:]
    /// Case-insensitive names and aliases.
    public private(set) var names = PhraseTable<Int32>()
    /// Names and aliases that match only as written.
    public private(set) var casedNames = PhraseTable<Int32>()
    /// Listed symbols: exact-case hash → (symbol, kind, name).
    private var listed: [UInt64: (String, String, String)] = [:]
    /// Cue words.
    public private(set) var cues = PhraseTable<Cue>()
    /// Units, scales, currencies and number words.
    public private(set) var units = PhraseTable<UnitWord>()
    /// The first words of the number words in `units` ("three", "a", "half"): the quantity
    /// recognizer looks a word up only when it is one of them.
    public private(set) var numberWordStarts = WordSet([])
    /// Months, weekdays and other period words.
    public private(set) var periods = PhraseTable<PeriodWord>()
    /// Problems found while loading (a test requires none in the built-in files).
    public private(set) var problems: [LexiconProblem] = []
    /// Every name and alias with its entity, as loaded (the claims database keeps them so that
    /// queries can name an entity by any of its names).
    public private(set) var aliases: [EntityAlias] = []

    /// The built-in lexicons.
    public static let builtIn: Lexicon = Lexicon(files: EmbeddedLexicons.files)

    /// The built-in lexicon files, by name: the `Lexicons/en/` files compiled into the binary.
    public static var builtInFiles: [String: String] { EmbeddedLexicons.files }

    /// Loads lexicons from TSV texts keyed by file name (`entities.tsv`, `companies.tsv`,
    /// `tickers.tsv`, `cues.tsv`, `units.tsv`, `periods.tsv`; other names are read as entity files).
    public init(files: [String: String]) {
        var entityFiles = [(String, String)]()
        for name in ["entities.tsv", "companies.tsv"] where files[name] != nil { entityFiles.append((name, files[name]!)) }
        for (name, text) in files.sorted(by: { $0.key < $1.key })
        where !["entities.tsv", "companies.tsv", "tickers.tsv", "cues.tsv", "units.tsv", "periods.tsv"].contains(name) {
            entityFiles.append((name, text))
        }
        var nameEntries: [(phrase: String, value: Int32)] = []
        var casedEntries: [(phrase: String, value: Int32)] = []
        var seenAlias: [String: (String, String)] = [:]   // lower-cased alias → (id, file)
        for (file, text) in entityFiles {
            loadEntities(file, text, &nameEntries, &casedEntries, &seenAlias)
        }
        names = PhraseTable(nameEntries)
        casedNames = PhraseTable(casedEntries, caseSensitive: true)
        aliases = nameEntries.map { EntityAlias(entity: entities[Int($0.value)].id, alias: $0.phrase, caseSensitive: false) }
            + casedEntries.map { EntityAlias(entity: entities[Int($0.value)].id, alias: $0.phrase, caseSensitive: true) }
        if let text = files["tickers.tsv"] { loadTickers(text) }
        cues = PhraseTable(Lexicon.rows(files["cues.tsv"] ?? "", "cues.tsv", &problems).compactMap { line, cols in
            guard cols.count >= 2, let cue = Cue(cols[1]) else {
                problems.append(LexiconProblem(file: "cues.tsv", line: line, reason: "unknown cue class"))
                return nil
            }
            return (cols[0], cue)
        })
        let unitRows = Lexicon.rows(files["units.tsv"] ?? "", "units.tsv", &problems)
        numberWordStarts = WordSet(hashes: unitRows.filter { $0.1.count >= 3 && $0.1[1] == "number" }
            .compactMap { PhraseTable<UnitWord>.tokenHashes($0.1[0], caseSensitive: false).first })
        units = PhraseTable(unitRows.compactMap { line, cols in
            guard cols.count >= 3 else { return nil }
            switch cols[1] {
            case "unit": return (cols[0], .unit(QuantityUnit(rawValue: cols[2])))
            case "scale": return Double(cols[2]).map { (cols[0], .scale($0)) }
            case "currency": return (cols[0], .currency(cols[2]))
            case "number": return Double(cols[2]).map { (cols[0], .number($0)) }
            case "minor": return (cols[0], .minor(cols[2]))
            case "measure": return (cols[0], .measure(cols[2]))
            default:
                problems.append(LexiconProblem(file: "units.tsv", line: line, reason: "unknown kind \(cols[1])"))
                return nil
            }
        })
        periods = PhraseTable(Lexicon.rows(files["periods.tsv"] ?? "", "periods.tsv", &problems).compactMap { _, cols in
            guard cols.count >= 3 else { return nil }
            switch cols[1] {
            case "month": return Int(cols[2]).map { (cols[0], .month($0)) }
            case "weekday": return Int(cols[2]).map { (cols[0], .weekday($0)) }
            case "ordinal": return Int(cols[2]).map { (cols[0], .ordinal($0)) }
            case "part": return (cols[0], .part(cols[2]))
            case "unit": return (cols[0], .unit(cols[2]))
            default: return nil
            }
        })
    }

    /// This lexicon with a user's entity file added (columns of `entities.tsv`); its aliases win
    /// over built-in ones.
    public func adding(entityFile text: String, named name: String) -> Lexicon {
        var files = EmbeddedLexicons.files
        files[name.hasSuffix(".tsv") ? "user-" + name : "user-\(name).tsv"] = text
        return Lexicon(files: files)
    }

    /// The entity with an id, or nil.
    public func entity(_ id: String) -> Entity? { entityIndex[id].map { entities[$0] } }

    /// The entity for a listed ticker written as `token` (case-sensitive), creating it from the
    /// symbol directory when the entity lexicons do not have it.
    public func ticker(_ exactHash: UInt64, text: String) -> Entity? {
        if let i = entityIndex[text], entities[i].id == text { return entities[i] }
        if let (symbol, kind, name) = listed[exactHash] {
            // share classes that the lexicons merge
            if let i = entityIndex[symbol] { return entities[i] }
            return Entity(id: symbol, kind: kind, name: name)
        }
        return nil
    }

    /// Non-comment, non-header lines split at tabs, with their line numbers. Split over UTF-8
    /// bytes (tabs and line breaks are ASCII): `String.split` walks grapheme clusters, and the
    /// built-in lexicons are loaded on every run.
    static func rows(_ text: String, _ file: String, _ problems: inout [LexiconProblem]) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        var header = true
        var text = text
        text.withUTF8 { b in
            var lineStart = 0
            var lineNumber = 0
            while lineStart < b.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < b.count, b[lineEnd] != 0x0A { lineEnd += 1 }
                let next = lineEnd + 1
                if lineEnd > lineStart, b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                defer { lineStart = next }
                if lineEnd == lineStart || b[lineStart] == UInt8(ascii: "#") { continue }
                if header { header = false; continue }
                var cols: [String] = []
                var cell = lineStart
                for k in lineStart...lineEnd where k == lineEnd || b[k] == 0x09 {
                    cols.append(String(decoding: UnsafeBufferPointer(rebasing: b[cell..<k]), as: UTF8.self))
                    cell = k + 1
                }
                if cols[0].isEmpty {
                    problems.append(LexiconProblem(file: file, line: lineNumber, reason: "empty first column"))
                    continue
                }
                out.append((lineNumber, cols))
            }
        }
        return out
    }

    private mutating func loadEntities(_ file: String, _ text: String, _ nameEntries: inout [(phrase: String, value: Int32)],
                                       _ casedEntries: inout [(phrase: String, value: Int32)],
                                       _ seen: inout [String: (String, String)]) {
        let user = file.hasPrefix("user-")
        for (line, cols) in Lexicon.rows(text, file, &problems) {
            guard cols.count >= 3, !cols[1].isEmpty, !cols[2].isEmpty else {
                problems.append(LexiconProblem(file: file, line: line, reason: "needs id, kind and name"))
                continue
            }
            let id = cols[0]
            let index: Int
            if let existing = entityIndex[id] {
                index = existing
                if user {
                    let e = entities[index]
                    entities[index] = Entity(id: e.id, kind: cols[1], name: e.name, sector: e.sector)
                }
            } else {
                index = entities.count
                let name = cols[2].hasPrefix("=") ? String(cols[2].dropFirst()) : cols[2]
                entities.append(Entity(id: id, kind: cols[1], name: name,
                                       sector: cols.count > 4 && !cols[4].isEmpty ? cols[4] : nil))
                entityIndex[id] = index
            }
            var aliases = [cols[2]]
            if cols.count > 3 && !cols[3].isEmpty { aliases += cols[3].split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
            for raw in aliases {
                guard !raw.isEmpty else {
                    problems.append(LexiconProblem(file: file, line: line, reason: "empty alias"))
                    continue
                }
                let marked = raw.hasPrefix("=")
                let alias = marked ? String(raw.dropFirst()) : raw
                // a single word in capitals (IWM, SPX, META) is a ticker-like name: as written only
                let tickerLike = !alias.contains(" ") && alias.count <= 6 && alias.uppercased() == alias
                    && alias.contains(where: { $0.isLetter }) && !alias.contains("&")
                let cased = marked || tickerLike
                let key = cased ? alias : alias.lowercased()
                if let (other, otherFile) = seen[key], other != id {
                    if user {
                        // a user's alias takes the name over from the built-in entity
                        nameEntries.removeAll { $0.phrase.lowercased() == key && !cased }
                        casedEntries.removeAll { $0.phrase == key && cased }
                    } else {
                        problems.append(LexiconProblem(file: file, line: line,
                                                       reason: "alias \"\(alias)\" is also \(other)'s (\(otherFile))"))
                        continue
                    }
                }
                seen[key] = (id, file)
                if cased { casedEntries.append((alias, Int32(index))) } else { nameEntries.append((alias, Int32(index))) }
            }
        }
    }

    private mutating func loadTickers(_ text: String) {
        for (_, cols) in Lexicon.rows(text, "tickers.tsv", &problems) where cols.count >= 4 {
            listed[FNV.hash(cols[0], fold: false)] = (cols[0], cols[2], cols[3])
        }
    }
}
