import ClaimModel
import Foundation

/// Finds a page's article text in a flattened HTML tree.
///
/// The cascade, in order:
/// 1. **Segment.** Text nodes are grouped into runs: maximal stretches of inline text inside one
///    block element (`p`, `div`, `li`, `td`, …); `<br><br>` also splits. Each run gets its role
///    (heading, paragraph, list item, table row, quote, caption), its length in characters
///    (spaces excluded), and how much of it sits inside links.
/// 2. **Prose.** A run is prose when it is long (``ExtractionOptions/longBlock``), or medium and
///    ends like a sentence, and is not mostly links (``ExtractionOptions/maxLinkDensity``).
/// 3. **Hints.** `class`/`id`/`role` words mark boilerplate (share bars, comments, related
///    links, bylines) or content; a boilerplate hint counts only when its element holds less than
///    ``ExtractionOptions/hintGuard`` of the page's prose, so class names never decide alone.
/// 4. **Container.** Every run scores: prose counts for its container, link lists, short
///    fragments and hinted boilerplate count against it. Scores add up the tree, and the element
///    with the highest total (the deepest one on a tie) holds the article.
/// 5. **Emit.** Inside that element, prose and the short blocks around it are kept; link lists,
///    hinted boilerplate, captions, the headline (it is the title) and the short debris before
///    the first and after the last prose block are dropped. Data tables keep one row a line with
///    cells separated by ` | `; blocks are separated by blank lines, list items and table rows of
///    one list or table by single line breaks.
struct MainTextExtractor {
    let options: ExtractionOptions
    let debugEnabled = getenv("CLAIMS_DEBUG_TEXT") != nil
    func debug(_ s: String) { if debugEnabled { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) } }

    /// One run of inline text.
    struct Run {
        var owner: Int32 = -1
        var piecesStart: Int32 = 0
        var piecesEnd: Int32 = 0
        var chars: Int32 = 0
        var linkChars: Int32 = 0
        var endsSentence = false
        var role: Int32 = -1
        var level: UInt8 = 0
        var kind: BlockKind = .paragraph
        var caption = false
        var row: Int32 = -1
        var cell: Int32 = -1
        var group: Int32 = -1   // the list or table a list item or row belongs to
        var preformatted = false
        var bad = false
        var contentHint = false
        var linkDense = false
        var prose: Double = 0
        var value: Double = 0
    }

    /// Marker in `pieces` for a line break (`<br>`).
    static let lineBreak: Int32 = -1

    /// The article's text and blocks.
    func extract(_ tree: borrowing HTMLTree, title: String?) -> (text: String, blocks: [Block]) {
        let n = tree.count
        guard n > 0 else { return ("", []) }

        // Pass 1, forward: each node's block owner and context, from its parent's.
        var owner = [Int32](repeating: -1, count: n)
        var role = [Int32](repeating: -1, count: n)
        var inLink = [Bool](repeating: false, count: n)
        var rowOf = [Int32](repeating: -1, count: n)
        var cellOf = [Int32](repeating: -1, count: n)
        var tableOf = [Int32](repeating: -1, count: n)
        var listOf = [Int32](repeating: -1, count: n)
        var inPre = [Bool](repeating: false, count: n)
        var hidden = [Bool](repeating: false, count: n)   // hidden from readers: never text
        for i in 0..<n {
            let p = Int(tree.parent[i])
            let t = tree.tag[i]
            if p >= 0 {
                owner[i] = owner[p]; role[i] = role[p]; inLink[i] = inLink[p]
                rowOf[i] = rowOf[p]; cellOf[i] = cellOf[p]; tableOf[i] = tableOf[p]
                listOf[i] = listOf[p]; inPre[i] = inPre[p]; hidden[i] = hidden[p]
            }
            if t == .text { continue }
            if tree.hints[i].contains(.hidden) { hidden[i] = true }
            if t.isBlock {
                owner[i] = Int32(i)
            } else if !tree.hints[i].isDisjoint(with: [.boilerplate, .comments]), owner[i] >= 0 {
                // An inline element named as boilerplate (a caption or byline span in a div) is a
                // block of its own, so its hint can count; inside running text it stays inline.
                switch tree.tag[Int(owner[i])] {
                case .p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .td, .th, .dt, .dd, .blockquote, .pre: break
                default: owner[i] = Int32(i)
                }
            }
            switch t {
            case .a: inLink[i] = true
            case .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .blockquote, .td, .th, .figcaption, .caption, .pre:
                role[i] = Int32(i)
            case .table:
                tableOf[i] = Int32(i); rowOf[i] = -1; cellOf[i] = -1
            case .tr: rowOf[i] = Int32(i)
            case .ul, .ol, .dl, .menu: listOf[i] = Int32(i)
            default: break
            }
            if t == .td || t == .th { cellOf[i] = Int32(i) }
            if t == .pre { inPre[i] = true }
        }

        // Pass 2: runs.
        var runs: [Run] = []
        var pieces: [Int32] = []
        runs.reserveCapacity(n / 8 + 8)
        pieces.reserveCapacity(n / 2 + 8)
        var boundary = true
        var pendingBreaks = 0
        var current = Run()
        var open = false
        func close() {
            if open {
                current.piecesEnd = Int32(pieces.count)
                runs.append(current)
                open = false
            }
        }
        for i in 0..<n {
            let t = tree.tag[i]
            if t == .text {
                guard !hidden[i], let ptr = tree.textPointer[i] else { continue }
                let len = Int(tree.textLength[i])
                let stats = MainTextExtractor.measure(ptr, len)
                let o = owner[i]
                if stats.chars == 0 {
                    if open && o == current.owner { pieces.append(Int32(i)) }  // inline spacing
                    continue
                }
                if !open || boundary || o != current.owner || pendingBreaks >= 2 {
                    close()
                    current = Run()
                    current.owner = o
                    current.piecesStart = Int32(pieces.count)
                    current.role = role[i]
                    current.row = rowOf[i]
                    current.cell = cellOf[i]
                    current.preformatted = inPre[i]
                    open = true
                } else if pendingBreaks == 1 {
                    pieces.append(MainTextExtractor.lineBreak)
                }
                boundary = false
                pendingBreaks = 0
                pieces.append(Int32(i))
                current.chars += Int32(stats.chars)
                if inLink[i] { current.linkChars += Int32(stats.chars) }
                if stats.lastVisible != 0 { current.endsSentence = MainTextExtractor.isSentenceEnd(stats.lastVisible) }
            } else if t == .br {
                if open { pendingBreaks += 1 }
            } else if t.isBlock {
                boundary = true
                pendingBreaks = 0
            }
        }
        close()
        guard !runs.isEmpty else { return ("", []) }

        // Data tables keep rows together; layout tables (nested tables, long cells) do not.
        var cellChars = [Int32: Int32]()
        for r in runs where r.cell >= 0 { cellChars[r.cell, default: 0] += r.chars }
        var layoutTable = Set<Int32>()
        for (cell, chars) in cellChars where chars > 400 {
            layoutTable.insert(tableOf[Int(cell)])
        }
        for i in 0..<n where tree.tag[i] == .table {
            let outer = tree.parent[i] >= 0 ? tableOf[Int(tree.parent[i])] : -1
            if outer >= 0 { layoutTable.insert(outer) }
        }

        // Roles and kinds.
        for k in runs.indices {
            var r = runs[k]
            if r.role >= 0 {
                let rt = tree.tag[Int(r.role)]
                switch rt {
                case .h1, .h2, .h3, .h4, .h5, .h6:
                    r.kind = .heading
                    r.level = UInt8(rt.headingLevel ?? 1)
                case .li, .dt, .dd:
                    r.kind = .listItem
                    r.group = listOf[Int(r.role)]
                case .blockquote: r.kind = .quote
                case .figcaption, .caption: r.caption = true
                case .td, .th:
                    let table = tableOf[Int(r.role)]
                    if table >= 0 && !layoutTable.contains(table) {
                        r.kind = .tableRow
                        r.group = table
                    } else {
                        r.row = -1; r.cell = -1
                    }
                default: break
                }
            }
            if r.kind != .tableRow { r.row = -1; r.cell = -1 }
            runs[k] = r
        }

        // Pass 3: prose per run.
        var totalProse = 0.0
        for k in runs.indices {
            let r = runs[k]
            let chars = Double(r.chars)
            let density = Double(r.linkChars) / max(chars, 1)
            // mostly links, unless the text outside them is itself a sentence or two
            runs[k].linkDense = density >= options.maxLinkDensity
                && (r.chars - r.linkChars < options.longBlock / 2 || !r.endsSentence)
            var p = 0.0
            if !runs[k].linkDense && !r.caption {
                if r.chars >= options.longBlock || (r.chars >= options.mediumBlock && r.endsSentence) {
                    p = chars * (1 - density)
                }
            }
            runs[k].prose = p
            totalProse += p
        }

        // Wrappers of the page's own article element (`<article>`, `<main>`, `articleBody`) are
        // layout, whatever their class names say ("sidebar-layout", "header-style-2"), when that
        // element holds at least half of the page's prose.
        var proseSum = [Double](repeating: 0, count: n)
        for r in runs { proseSum[Int(r.owner)] += r.prose }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let p = Int(tree.parent[i])
            if p >= 0 { proseSum[p] += proseSum[i] }
        }
        var exempt = [Bool](repeating: false, count: n)
        for i in 0..<n where tree.hints[i].contains(.semantic) && proseSum[i] >= 0.5 * totalProse && totalProse > 0 {
            var e = Int(tree.parent[i])
            while e >= 0 && !exempt[e] {
                exempt[e] = true
                e = Int(tree.parent[e])
            }
        }

        // Passes 4 to 6, with boilerplate hints, then without them when that finds too little:
        // a page whose every paragraph sits in an unluckily named wrapper still gives its text.
        var kept = select(tree, &runs, hints: true, exempt: exempt)
        let keptProse = kept.reduce(0.0) { $0 + runs[$1].prose }
        if keptProse < options.minimumArticle && totalProse > keptProse {
            var lenient = runs
            let retry = select(tree, &lenient, hints: false, exempt: exempt)
            let retryProse = retry.reduce(0.0) { $0 + lenient[$1].prose }
            if retryProse > keptProse {
                kept = retry
                runs = lenient
            }
        }

        // Ad labels and "continue reading" prompts.
        kept.removeAll { k in
            let r = runs[k]
            guard r.chars <= 40 && r.kind != .tableRow else { return false }
            let key = MainTextExtractor.comparisonKey(assemble(tree, pieces, r))
            return options.boilerplateLines.contains(key.filter { !$0.isNumber })
        }
        // The headline is the title, not article text.
        let titleKey = title.map(MainTextExtractor.comparisonKey) ?? ""
        kept.removeAll { k in
            let r = runs[k]
            guard r.kind == .heading else { return false }
            if r.level == 1 { return true }
            guard !titleKey.isEmpty else { return false }
            let key = MainTextExtractor.comparisonKey(assemble(tree, pieces, r))
            return !key.isEmpty && (titleKey.contains(key) || key.contains(titleKey)) && key.count * 2 >= titleKey.count
        }
        // Debris before the first and after the last prose run (data-table rows and preformatted
        // blocks count as prose).
        let anchors = { (k: Int) -> Bool in runs[k].prose > 0 || runs[k].kind == .tableRow || runs[k].preformatted }
        if let first = kept.firstIndex(where: anchors), let last = kept.lastIndex(where: anchors) {
            // after the last prose: sentences, lists, tables and preformatted blocks, not headings
            let tail = kept[(last + 1)...].filter { k in
                let r = runs[k]
                return r.kind != .heading && (r.endsSentence || r.kind == .listItem || r.preformatted)
            }
            kept = Array(kept[first...last]) + tail
        } else {
            kept = []
        }
        // A heading with nothing under it (its section was a removed link list) goes too.
        kept = kept.enumerated().filter { index, k in
            let r = runs[k]
            guard r.kind == .heading else { return true }
            guard index + 1 < kept.count else { return false }
            let next = runs[kept[index + 1]]
            return !(next.kind == .heading && next.level <= r.level)
        }.map(\.element)

        return emit(tree, pieces, runs, kept)
    }

    /// Scores the runs, picks the container and returns the runs kept inside it.
    ///
    /// With `hints`, elements whose class or id names boilerplate (and `nav`, `aside`, `footer`,
    /// `header`, `form`) count against the article and are dropped. (Hidden text never became a
    /// run.)
    private func select(_ tree: borrowing HTMLTree, _ runs: inout [Run], hints: Bool, exempt: [Bool]) -> [Int] {
        let n = tree.count
        // Which hints hold, inherited down the tree.
        var bad = [Bool](repeating: false, count: n)
        var contentHint = [Bool](repeating: false, count: n)
        for i in 0..<n where tree.tag[i] != .text {
            let p = Int(tree.parent[i])
            if p >= 0 { bad[i] = bad[p]; contentHint[i] = contentHint[p] }
            let h = tree.hints[i]
            if !h.isDisjoint(with: [.content, .articleBody]) { contentHint[i] = true }
            guard hints, !exempt[i] else { continue }
            if h.contains(.comments) || (h.contains(.boilerplate) && !h.contains(.content)) { bad[i] = true }
            switch tree.tag[i] {
            case .nav, .aside, .footer, .header, .form, .menu, .fieldset, .label, .address:
                bad[i] = true
            default: break
            }
        }

        // Values, summed up the tree; the best element holds the article.
        var score = [Double](repeating: 0, count: n)
        for k in runs.indices {
            var r = runs[k]
            let o = Int(r.owner)
            r.bad = bad[o]
            r.contentHint = contentHint[o]
            let chars = Double(r.chars)
            if r.caption {
                r.value = 0
            } else if r.bad || r.linkDense {
                r.value = -chars
            } else if r.prose > 0 {
                r.value = r.prose * (r.contentHint ? 1.5 : 1)
            } else if r.kind == .tableRow || r.preformatted {
                r.value = chars * options.dataBlockWeight
            } else {
                r.value = -chars * options.shortBlockWeight
            }
            score[o] += r.value
            runs[k] = r
        }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let p = Int(tree.parent[i])
            if p >= 0 { score[p] += score[i] }
        }
        var best = -1
        var bestScore = -Double.infinity
        for i in 0..<n where tree.tag[i] != .text {
            // on a tie, the deeper element: pre-order puts descendants later
            if score[i] > bestScore || (score[i] == bestScore && best >= 0 && i < Int(tree.end[best])) {
                best = i
                bestScore = score[i]
            }
        }
        guard best >= 0 else { return [] }
        // When the page marks its article (`<article>`, `articleBody`) inside the winner, and
        // that element's own prose (without articles nested in it: other posts, embedded cards)
        // is most of the winner's prose, the article is that element, less its nested ones.
        var goodProse = [Double](repeating: 0, count: n)
        for r in runs where !r.bad { goodProse[Int(r.owner)] += r.prose }
        for i in stride(from: Int(tree.end[best]) - 1, to: best, by: -1) {
            goodProse[Int(tree.parent[i])] += goodProse[i]
        }
        var nested: [Int] = []   // semantic elements inside the narrowed article
        var ownProse: [Int: Double] = [:]
        var enclosing = [Int32](repeating: -1, count: n)  // nearest semantic ancestor inside best
        if best + 1 < Int(tree.end[best]) {
            for i in (best + 1)..<Int(tree.end[best]) {
                let p = Int(tree.parent[i])
                let up = p > best ? (tree.hints[p].contains(.semantic) ? Int32(p) : enclosing[p]) : -1
                enclosing[i] = up
                guard tree.tag[i] != .text, tree.hints[i].contains(.semantic) else { continue }
                ownProse[i, default: 0] += goodProse[i]
                if up >= 0 { ownProse[Int(up), default: 0] -= goodProse[i] }
            }
        }
        if debugEnabled { debug("semantic own prose: \(ownProse.sorted { $0.key < $1.key }.map { "\(tree.tag[$0.key].name)#\($0.key)=\(Int($0.value))" }) of \(Int(goodProse[best]))") }
        let ranked = ownProse.sorted { $0.value > $1.value }
        if let (article, own) = ranked.first, own > 0,
           own >= options.semanticShare * goodProse[best]
            || (own >= options.semanticDominance * (ranked.count > 1 ? ranked[1].value : 0)
                && own >= options.semanticShare / 2 * goodProse[best]) {
            for i in (article + 1)..<Int(tree.end[article]) where tree.tag[i] != .text && tree.hints[i].contains(.semantic)
                && enclosing[i] == Int32(article) {
                nested.append(i)
            }
            best = article
        }
        let lo = Int32(best), hi = tree.end[best]
        if debugEnabled {
            var chain: [String] = []
            var e = best
            while e >= 0 { chain.append("\(tree.tag[e].name)#\(e)(\(Int(score[e])),h\(tree.hints[e].rawValue))"); e = Int(tree.parent[e]) }
            debug("hints=\(hints) best=\(chain.joined(separator: " < "))")
            var top = (0..<n).filter { tree.tag[$0] != .text }.sorted { score[$0] > score[$1] }.prefix(5)
            top = top.prefix(5)
            debug("top: " + top.map { "\(tree.tag[$0].name)#\($0)=\(Int(score[$0]))" }.joined(separator: ", "))
        }

        // Link lists inside the container: elements where headline links stand beside the prose
        // (teaser lists, "more stories") rather than inside it.
        // Only elements that hold less than half of the container's prose qualify, so a
        // link-rich article (a deals post) is not mistaken for its own teaser list.
        var linkRuns = [Int32](repeating: 0, count: n)
        var proseRuns = [Int32](repeating: 0, count: n)
        var proseChars = [Double](repeating: 0, count: n)
        for r in runs where r.owner >= lo && r.owner < hi && !r.bad && !r.caption {
            if r.linkDense && r.kind != .tableRow {
                // headline-sized links only: share buttons and "more" links are short
                if r.chars >= options.headlineLink { linkRuns[Int(r.owner)] += 1 }
            } else if r.prose > 0 {
                proseRuns[Int(r.owner)] += 1
                proseChars[Int(r.owner)] += r.prose
            }
        }
        var i = Int(hi) - 1
        while i > Int(lo) {
            let p = Int(tree.parent[i])
            linkRuns[p] += linkRuns[i]
            proseRuns[p] += proseRuns[i]
            proseChars[p] += proseChars[i]
            i -= 1
        }
        let containerProse = proseChars[Int(lo)]
        var removed = [Bool](repeating: false, count: n)
        for e in nested {
            for k in e..<Int(tree.end[e]) { removed[k] = true }
        }
        var j = Int(lo) + 1
        while j < Int(hi) {
            if tree.tag[j] != .text, linkRuns[j] >= 3, Double(linkRuns[j]) >= options.teaserRatio * Double(proseRuns[j]),
               proseChars[j] < 0.5 * containerProse {
                for k in j..<Int(tree.end[j]) { removed[k] = true }
                j = Int(tree.end[j])
                continue
            }
            j += 1
        }

        var kept: [Int] = []
        for k in runs.indices {
            let r = runs[k]
            guard r.owner >= lo && r.owner < hi, !removed[Int(r.owner)] else { continue }
            if r.caption || r.bad { continue }
            if r.linkDense && r.kind != .tableRow { continue }
            kept.append(k)
        }
        return kept
    }

    /// Builds the text and its blocks from the kept runs.
    private func emit(_ tree: borrowing HTMLTree, _ pieces: [Int32], _ runs: [Run], _ kept: [Int]) -> (String, [Block]) {
        var out = [UInt8]()
        out.reserveCapacity(4096)
        var scalars = 0
        var blocks: [Block] = []
        var previous: Run? = nil
        var blockStart = 0
        func append(_ bytes: some Sequence<UInt8>) {
            for b in bytes {
                out.append(b)
                if b & 0xC0 != 0x80 { scalars += 1 }
            }
        }
        for k in kept {
            let r = runs[k]
            let text = assembleBytes(tree, pieces, r)
            if text.isEmpty { continue }
            if let p = previous {
                let sameRow = r.row >= 0 && r.row == p.row
                if sameRow {
                    append(r.cell == p.cell ? [0x20] : Array(" | ".utf8))
                    append(text)
                    previous = r
                    continue
                }
                blocks.append(Block(kind: p.kind, start: blockStart, end: scalars, level: p.kind == .heading ? Int(p.level) : nil))
                let tight = (r.kind == .listItem && p.kind == .listItem && r.group == p.group && r.group >= 0)
                    || (r.kind == .tableRow && p.kind == .tableRow && r.group == p.group)
                append(tight ? [0x0A] : [0x0A, 0x0A])
            }
            blockStart = scalars
            append(text)
            previous = r
        }
        if let p = previous {
            blocks.append(Block(kind: p.kind, start: blockStart, end: scalars, level: p.kind == .heading ? Int(p.level) : nil))
        }
        return (String(decoding: out, as: UTF8.self), blocks)
    }

    /// A run's text, whitespace collapsed (kept in `pre`), as a string.
    func assemble(_ tree: borrowing HTMLTree, _ pieces: [Int32], _ r: Run) -> String {
        String(decoding: assembleBytes(tree, pieces, r), as: UTF8.self)
    }

    /// A run's text as UTF-8: runs of white space become one space (U+00A0 included), line breaks
    /// from `<br>` stay, and the ends are trimmed. In `pre`, white space is kept as written.
    func assembleBytes(_ tree: borrowing HTMLTree, _ pieces: [Int32], _ r: Run) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Int(r.chars) + Int(r.chars) / 5 + 8)
        var pendingSpace = false
        var pendingNewline = false
        for p in Int(r.piecesStart)..<Int(r.piecesEnd) {
            let node = pieces[p]
            if node == MainTextExtractor.lineBreak {
                pendingNewline = true
                continue
            }
            guard let ptr = tree.textPointer[Int(node)] else { continue }
            let len = Int(tree.textLength[Int(node)])
            if r.preformatted {
                var j = 0
                while j < len {
                    let c = ptr[j]
                    if c == 0x0D {
                        out.append(0x0A)
                        if j + 1 < len && ptr[j + 1] == 0x0A { j += 1 }
                    } else {
                        out.append(c)
                    }
                    j += 1
                }
                continue
            }
            var j = 0
            while j < len {
                let c = ptr[j]
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                    pendingSpace = true
                    j += 1
                    continue
                }
                if c == 0xC2 && j + 1 < len && ptr[j + 1] == 0xA0 {
                    pendingSpace = true
                    j += 2
                    continue
                }
                if !out.isEmpty {
                    if pendingNewline { out.append(0x0A) } else if pendingSpace { out.append(0x20) }
                }
                pendingSpace = false
                pendingNewline = false
                out.append(c)
                j += 1
            }
        }
        if r.preformatted {
            // trim blank lines at the ends of a pre block
            while let last = out.last, last == 0x0A || last == 0x20 { out.removeLast() }
            while let first = out.first, first == 0x0A { out.removeFirst() }
        }
        return out
    }

    /// Counts in one text node.
    struct Measure {
        var chars = 0
        var lastVisible: UInt8 = 0
    }

    /// Visible characters (Unicode scalars that are not white space) and the last visible byte.
    @inline(__always)
    static func measure(_ ptr: UnsafePointer<UInt8>, _ len: Int) -> Measure {
        var m = Measure()
        var j = 0
        while j < len {
            let c = ptr[j]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                j += 1
                continue
            }
            if c == 0xC2 && j + 1 < len && ptr[j + 1] == 0xA0 { j += 2; continue }
            if c & 0xC0 != 0x80 { m.chars += 1 }
            m.lastVisible = c
            j += 1
        }
        return m
    }

    /// Bytes that end a sentence: `.`, `!`, `?`, `:`, a closing quote or bracket, or the last byte of
    /// a multi-byte character (CJK full stops, curly quotes).
    @inline(__always)
    static func isSentenceEnd(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
            || c == UInt8(ascii: "\"") || c == UInt8(ascii: ")") || c == UInt8(ascii: "'") || c >= 0x80
    }

    /// Letters and digits only, lower-cased: for comparing a heading with the title.
    static func comparisonKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
