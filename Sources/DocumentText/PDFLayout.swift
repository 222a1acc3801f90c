import ClaimModel
import Foundation

/// One glyph of a PDF page as poppler lays it out: the character, its box (points, origin at the
/// top left, y growing down), and its place in poppler's reading order.
struct PDFGlyph: Sendable {
    var scalar: Unicode.Scalar
    var x1: Double, y1: Double, x2: Double, y2: Double
}

/// A page's glyphs in poppler's reading order, with the page's size and the boxes of its links
/// (same coordinates as the glyphs).
struct PDFPageGlyphs: Sendable {
    var width: Double
    var height: Double
    var glyphs: [PDFGlyph]
    var links: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
}

/// Turns the glyphs of a PDF's pages into the article text and its blocks: the PDF half of what
/// `MainTextExtractor` does for HTML, from geometry instead of markup.
///
/// Words are glyphs that touch on one baseline; lines are words on one baseline, cut where a gap
/// is wider than a column gutter or a table's cell padding; so text that overlaps (a banner
/// printed over the page) and cells that poppler runs together come apart. Then:
/// - lines repeated at the same height on most pages (running headers and footers, a printed
///   page's URL and date, a fixed banner) and lone page numbers at a page's top or bottom go;
/// - rows of several short cells, some of them figures, over two or more consecutive lines are a
///   table: one block a row, the cells left to right, separated by ` | ` as in HTML tables;
/// - the rest is read in poppler's order, or column by column where the page has column gutters
///   (``readingOrder(_:width:)``), and lines join into paragraphs where they continue one
///   another: the next line just below, or the top of the next column or page when the sentence
///   is unfinished; a hyphen at a line's end joins the word;
/// - a line in a clearly larger font than the body is a heading.
enum PDFLayout {
    /// A word: glyphs that touch on one baseline.
    struct Word {
        var text: [Unicode.Scalar]
        var x1: Double, y1: Double, x2: Double, y2: Double
        var order: Int
        /// Glyphs inside a link's box.
        var linked = 0
        /// Whether it states a figure (set once the word is whole).
        var figure = false
        var height: Double { y2 - y1 }
        var centre: Double { (y1 + y2) / 2 }
    }

    /// A line: words on one baseline with no gutter between them.
    struct Line {
        let words: [Word]
        let page: Int
        let x1: Double, y1: Double, x2: Double, y2: Double
        /// Its first glyph's place in poppler's reading order.
        let order: Int
        /// The median height of its words.
        let height: Double
        /// Its words, a space apart.
        let text: String
        /// Glyphs, and those inside a link's box.
        let glyphs: Int, linked: Int

        /// The line of `words` (not empty) on `page`; `height` defaults to the words' median.
        init(words: [Word], page: Int, height: Double? = nil) {
            self.words = words
            self.page = page
            var x1 = Double.infinity, y1 = Double.infinity, x2 = -Double.infinity, y2 = -Double.infinity
            var order = Int.max, glyphs = 0, linked = 0
            var text = String.UnicodeScalarView()
            for w in words {
                x1 = min(x1, w.x1); y1 = min(y1, w.y1); x2 = max(x2, w.x2); y2 = max(y2, w.y2)
                order = min(order, w.order)
                glyphs += w.text.count
                linked += w.linked
                if !text.isEmpty { text.append(" ") }
                text.append(contentsOf: w.text)
            }
            (self.x1, self.y1, self.x2, self.y2, self.order, self.glyphs, self.linked) = (x1, y1, x2, y2, order, glyphs, linked)
            self.text = String(text)
            if let height {
                self.height = height
            } else {
                let heights = words.map(\.height).sorted()
                self.height = heights[heights.count / 2]
            }
        }
    }

    /// An item of the reading order: a line of text, or a table row (its cells' lines).
    enum Item {
        case line(Line)
        case row([Line])

        var order: Int {
            switch self {
            case .line(let l): l.order
            case .row(let cells): cells.map(\.order).min() ?? 0
            }
        }
    }

    /// The text and blocks of the pages, and the offset (in Unicode scalars) where each page's
    /// text starts.
    /// - Parameter keepHyphens: a hyphen at a line's end is always the text's own (a browser's
    ///   print does not hyphenate); otherwise a word broken there is joined.
    static func lay(_ pages: [PDFPageGlyphs], title: String? = nil, keepHyphens: Bool = false) -> (text: String, blocks: [Block], pageStarts: [Int]) {
        let pages = dropOverprinted(pages)
        var linesByPage = pages.enumerated().map { lines(of: $0.element, page: $0.offset) }
        dropRunning(&linesByPage, pages: pages, body: bodyHeight(linesByPage.flatMap { $0 }))
        let body = bodyHeight(linesByPage.flatMap { $0 })
        var items: [(page: Int, item: Item)] = []
        for (p, lines) in linesByPage.enumerated() {
            for item in readingOrder(tables(lines, width: pages[p].width), width: pages[p].width) { items.append((p, item)) }
        }
        return emit(items, body: body, pageCount: pages.count, title: title, keepHyphens: keepHyphens)
    }

    // MARK: - Reading order

    /// The page's items in reading order: poppler's order, unless the page has columns, which
    /// poppler can read across when their paragraphs line up. A column gutter is a stretch of x,
    /// away from the page's edges and wider than the type, that few lines cross (one in twenty:
    /// a title or a table may) while lines lie on both sides of it at the same heights; the page is then read in bands down the
    /// page, cut where a line crosses the gutters (a title, a table, a full-width paragraph), and
    /// each band column by column, each column top to bottom.
    static func readingOrder(_ items: [Item], width: Double) -> [Item] {
        let poppler = items.sorted { $0.order < $1.order }
        func box(_ item: Item) -> (x1: Double, y1: Double, x2: Double, y2: Double, h: Double) {
            switch item {
            case .line(let l): return (l.x1, l.y1, l.x2, l.y2, l.height)
            case .row(let cells):
                return (cells.map(\.x1).min()!, cells.map(\.y1).min()!, cells.map(\.x2).max()!, cells.map(\.y2).max()!, cells[0].height)
            }
        }
        let boxes = poppler.map(box)
        guard boxes.count >= 6 else { return poppler }
        let h = boxes.map(\.h).sorted()[boxes.count / 2]
        // gutters: stretches of x, wider than the type, that few lines cross (a title or a table
        // across the columns may), with lines beside one another on both sides
        let allowed = max(1, boxes.count / 20)
        var gutters: [Double] = []
        var runStart: Double? = nil
        // lines crossing x = lines started before x less lines ended by x: two sorted sweeps
        let starts = boxes.map(\.x1).sorted(), ends = boxes.map(\.x2).sorted()
        var started = 0, ended = 0
        var x = 0.15 * width
        while x <= 0.85 * width + 2 {
            while started < starts.count && starts[started] < x { started += 1 }
            while ended < ends.count && ends[ended] <= x { ended += 1 }
            let crossing = x <= 0.85 * width ? started - ended : Int.max
            if crossing <= allowed {
                if runStart == nil { runStart = x }
            } else if let start = runStart {
                runStart = nil
                if x - start >= h {
                    let g = (start + x) / 2
                    // the heights (in bands of 4 points) where a line lies right of it, then the
                    // lines left of it at those heights: linear in the lines
                    var rightRows = Set<Int>()
                    for b in boxes where b.x1 > g { for r in Int(b.y1 / 4)...Int(max(b.y1, b.y2 - 0.01) / 4) { rightRows.insert(r) } }
                    let beside = boxes.filter { b in b.x2 < g && (Int(b.y1 / 4)...Int(max(b.y1, b.y2 - 0.01) / 4)).contains { rightRows.contains($0) } }.count
                    if beside >= 3 { gutters.append(g) }
                }
            }
            x += 2
        }
        guard !gutters.isEmpty else { return poppler }
        // bands down the page, cut by what crosses a gutter
        let byY = boxes.indices.sorted { boxes[$0].y1 < boxes[$1].y1 }
        var out: [Item] = []
        var band: [Int] = []
        func flush() {
            let columns = band.sorted { a, b in
                let ca = gutters.filter { boxes[a].x1 > $0 }.count, cb = gutters.filter { boxes[b].x1 > $0 }.count
                return ca != cb ? ca < cb : boxes[a].y1 != boxes[b].y1 ? boxes[a].y1 < boxes[b].y1 : boxes[a].x1 < boxes[b].x1
            }
            out += columns.map { poppler[$0] }
            band = []
        }
        for i in byY {
            let b = boxes[i]
            if gutters.contains(where: { b.x1 < $0 && b.x2 > $0 }) {
                flush()
                out.append(poppler[i])
            } else {
                band.append(i)
            }
        }
        flush()
        return out
    }

    // MARK: - Words and lines

    /// Items (sorted down the page) grouped by baseline: an item joins the group while its
    /// centre stays within about a third of the smaller height of it and the group's first item.
    static func baselines<T>(_ sorted: [T], centre: (T) -> Double, height: (T) -> Double) -> [[T]] {
        var rows: [[T]] = []
        for item in sorted {
            if let last = rows.indices.last, let first = rows[last].first,
               abs(centre(item) - centre(first)) < 0.35 * min(height(first), height(item)) + 0.5 {
                rows[last].append(item)
            } else {
                rows.append([item])
            }
        }
        return rows
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}" || s == "\u{0B}" }
        return s == "\u{A0}" || s.properties.isWhitespace
    }

    /// The page's lines: glyphs into words, words into lines by baseline, lines cut at gutters.
    static func lines(of page: PDFPageGlyphs, page number: Int) -> [Line] {
        var words: [Word] = []
        var current: Word? = nil
        // the links by bands of 16 points down the page, so a glyph looks only at those near it
        var linkRows: [[Int]] = []
        if !page.links.isEmpty {
            linkRows = Array(repeating: [], count: max(1, Int(page.height / 16) + 1))
            for (k, l) in page.links.enumerated() {
                let top = min(max(Int(l.y1 / 16), 0), linkRows.count - 1), bottom = min(max(Int(l.y2 / 16), 0), linkRows.count - 1)
                for r in top...max(top, bottom) { linkRows[r].append(k) }
            }
        }
        for (i, g) in page.glyphs.enumerated() {
            let h = max(g.y2 - g.y1, 0.1)
            if isSpace(g.scalar) || g.x2 < g.x1 || h > page.height {
                if let w = current { words.append(w) }
                current = nil
                continue
            }
            let x = (g.x1 + g.x2) / 2, y = (g.y1 + g.y2) / 2
            let row = min(max(Int(y / 16), 0), linkRows.count - 1)
            let inLink = linkRows.isEmpty ? 0 : linkRows[row].contains { k in
                let l = page.links[k]
                return x >= l.x1 && x <= l.x2 && y >= l.y1 && y <= l.y2
            } ? 1 : 0
            if var w = current {
                let sameLine = abs(y - w.centre) < 0.3 * max(h, w.height)
                let touching = g.x1 >= w.x2 - 0.3 * h && g.x1 - w.x2 < 0.2 * h
                if sameLine && touching {
                    w.text.append(g.scalar)
                    w.x2 = max(w.x2, g.x2)
                    w.y1 = min(w.y1, g.y1)
                    w.y2 = max(w.y2, g.y2)
                    w.linked += inLink
                    current = w
                    continue
                }
                words.append(w)
            }
            current = Word(text: [g.scalar], x1: g.x1, y1: g.y1, x2: g.x2, y2: g.y2, order: i, linked: inLink)
        }
        if let w = current { words.append(w) }
        for i in words.indices { words[i].figure = isFigure(words[i].text) }

        // baselines: words sorted by centre
        let sorted = words.sorted { $0.centre != $1.centre ? $0.centre < $1.centre : $0.x1 < $1.x1 }
        let rows = baselines(sorted, centre: \.centre, height: \.height)
        var out: [Line] = []
        for row in rows {
            let byX = row.sorted { $0.x1 < $1.x1 }
            var piece: [Word] = []
            func flush() {
                guard !piece.isEmpty else { return }
                out.append(Line(words: piece, page: number))
                piece = []
            }
            for w in byX {
                if let last = piece.last {
                    let gap = w.x1 - last.x2
                    // a gutter or a cell's padding: wider than any word space; text of another size
                    // at the same height (overprinted) is another line too
                    let h = min(w.height, last.height)
                    // between two figures a gap twice a word space already parts two cells
                    let figures = w.figure && last.figure
                    if gap > 0.9 * h || (figures && gap > 0.45 * h) || gap < -0.3 * h || abs(w.height - last.height) > 0.3 * h { flush() }
                }
                piece.append(w)
            }
            flush()
        }
        return out
    }

    // MARK: - Running headers and footers

    /// Drops the glyphs of an element printed over the text at the very same place on most
    /// pages: a browser prints a fixed element (a consent banner, a sticky bar) on every page,
    /// over what is beneath, and its glyphs would mix with the words there. A glyph is such when
    /// it repeats, same character at the same point, on half the pages or more, and so do most
    /// of its neighbours in reading order (a letter of the body text can fall on the same point
    /// by chance; a run of them cannot); and the repeated runs go only when, on some page, they
    /// lie over other text. A repeated element over blank paper is left to the line rules
    /// (``dropRunning(_:pages:)``), which see whole lines; so a page template's own text (a
    /// repeated label, a table's header) is never cut glyph by glyph.
    static func dropOverprinted(_ pages: [PDFPageGlyphs]) -> [PDFPageGlyphs] {
        guard pages.count >= 2 else { return pages }
        // the character and its point in half-points, packed in one integer
        func key(_ g: PDFGlyph) -> UInt64 {
            let x = UInt64(truncatingIfNeeded: Int((g.x1 * 2).rounded()) & 0xFFFFF), y = UInt64(truncatingIfNeeded: Int((g.y1 * 2).rounded()) & 0xFFFFF)
            return UInt64(g.scalar.value) << 40 | x << 20 | y
        }
        // pages on which each key is seen, in a flat open-addressing table: a glyph a slot, no
        // per-key allocation (a dictionary here cost as much as the rest of the layout)
        let total = pages.reduce(0) { $0 + $1.glyphs.count }
        var capacity = 16
        while capacity < 2 * total { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var counts = [Int32](repeating: 0, count: capacity)
        var lastPage = [Int32](repeating: -1, count: capacity)
        func slot(_ k: UInt64) -> Int {
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while counts[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            return i
        }
        for (p, page) in pages.enumerated() {
            for g in page.glyphs where !isSpace(g.scalar) {
                let k = key(g)
                let i = slot(k)
                keys[i] = k
                if lastPage[i] != Int32(p) {
                    lastPage[i] = Int32(p)
                    counts[i] += 1
                }
            }
        }
        let needed = Int32(max(2, (pages.count + 1) / 2))
        let repeated: [[Bool]] = pages.map { page in
            let marked = page.glyphs.map { !isSpace($0.scalar) && counts[slot(key($0))] >= needed }
            guard marked.contains(true) else { return marked }
            return page.glyphs.indices.map { i in
                marked[i] && (max(0, i - 3)...min(page.glyphs.count - 1, i + 3)).filter { $0 != i && marked[$0] }.count >= 2
            }
        }
        // over other text somewhere?
        var over = false
        for (p, page) in pages.enumerated() where repeated[p].contains(true) && !over {
            var rows: [Int: [PDFGlyph]] = [:]
            for (i, g) in page.glyphs.enumerated() where !repeated[p][i] && !isSpace(g.scalar) { rows[Int(g.y1 / 8), default: []].append(g) }
            for (i, g) in page.glyphs.enumerated() where repeated[p][i] {
                let area = max((g.x2 - g.x1) * (g.y2 - g.y1), 0.01)
                for r in (Int(g.y1 / 8) - 2)...(Int(g.y1 / 8) + 2) {
                    if (rows[r] ?? []).contains(where: { u in
                        let w = min(g.x2, u.x2) - max(g.x1, u.x1), h = min(g.y2, u.y2) - max(g.y1, u.y1)
                        return w > 0 && h > 0 && w * h > 0.3 * area
                    }) { over = true; break }
                }
                if over { break }
            }
        }
        guard over else { return pages }
        return pages.enumerated().map { p, page in
            var out = page
            out.glyphs = page.glyphs.indices.filter { !repeated[p][$0] }.map { page.glyphs[$0] }
            return out
        }
    }

    /// A line's text with digits as `#`, lower-cased, for finding the same line on other pages.
    static func shape(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.map { $0.properties.numericType != nil ? "#" : $0 }))
    }

    /// A page number alone: `3`, `- 3 -`, `Page 3`, `3 of 12`, `3/12`, `iv`.
    static func isPageNumber(_ text: String) -> Bool {
        var t = Substring(text.lowercased())
        while let c = t.first, " -–—|·".contains(c) { t.removeFirst() }
        while let c = t.last, " -–—|·".contains(c) { t.removeLast() }
        for prefix in ["page ", "p. ", "seite ", "página ", "pagina "] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == " " }).filter { $0 != "of" && $0 != "von" && $0 != "de" && $0 != "di" }
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.isNumber) || (parts.count == 1 && $0.count <= 5 && $0.allSatisfy { "ivxlc".contains($0) }) }
    }

    /// Drops running lines: a line in the top or bottom margin repeated on most pages (its
    /// digits aside: page numbers, dates), the same line at the same height anywhere on most
    /// pages (a banner printed on every page), a lone page number near the top or bottom, and a
    /// line in type smaller than the body's at the paper's very edge.
    static func dropRunning(_ lines: inout [[Line]], pages: [PDFPageGlyphs], body: Double = 0) {
        let count = lines.count
        func margin(_ l: Line, _ p: Int) -> Bool { l.y2 < 0.09 * pages[p].height || l.y1 > 0.91 * pages[p].height }
        func place(_ l: Line) -> String { "@" + String(Int((l.y1 / 6).rounded())) }
        var seen: [String: Set<Int>] = [:]
        if count >= 2 {
            for (p, page) in lines.enumerated() {
                for l in page {
                    seen["=" + l.text + place(l), default: []].insert(p)
                    if margin(l, p) { seen["#" + shape(l.text) + place(l), default: []].insert(p) }
                }
            }
        }
        let needed = max(2, (count + 1) / 2)
        for p in lines.indices {
            lines[p].removeAll { l in
                if count >= 2 {
                    if (seen["=" + l.text + place(l)]?.count ?? 0) >= needed { return true }
                    if margin(l, p), (seen["#" + shape(l.text) + place(l)]?.count ?? 0) >= needed { return true }
                }
                let nearEdge = l.y2 < 0.1 * pages[p].height || l.y1 > 0.9 * pages[p].height
                // a line in small type at the paper's very edge: a header or footer, even on a
                // document of one page (a browser prints the date, title, address and page there)
                let atEdge = l.y2 < 0.05 * pages[p].height || l.y1 > 0.95 * pages[p].height
                return (nearEdge && isPageNumber(l.text)) || (atEdge && l.height < 0.9 * body)
            }
        }
    }

    // MARK: - Tables

    /// A cell that states a figure: mostly digits and the signs around them.
    static func isFigure(_ text: String) -> Bool {
        isFigure(Array(text.unicodeScalars))
    }

    /// See ``isFigure(_:)-(String)``; over scalars, ASCII read without Unicode tables.
    static func isFigure(_ scalars: [Unicode.Scalar]) -> Bool {
        var digits = 0, letters = 0, wordLetters = 0
        var word = String.UnicodeScalarView()
        func endWord() {
            if wordLetters > 0, !scales.contains(String(word).lowercased()) { letters += wordLetters }
            wordLetters = 0
            word = String.UnicodeScalarView()
        }
        for s in scalars {
            if s == " " { endWord(); continue }
            let v = s.value
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 { digits += 1 } else if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { wordLetters += 1; word.append(s) }
            } else if s.properties.numericType != nil {
                digits += 1
            } else if s.properties.isAlphabetic {
                wordLetters += 1
                word.append(s)
            }
        }
        endWord()
        return digits > 0 && letters <= 3
    }

    /// Words of magnitude a figure may carry (`$4.5 trillion`).
    static let scales: Set<String> = ["thousand", "million", "billion", "trillion", "mln", "bln", "mio", "mrd", "milliarden", "millionen",
                                      "millions", "milliards", "billions", "trillions"]

    /// The page's lines with table rows grouped: consecutive baselines that each hold two or more
    /// cells, figures in half the rows (or two in one row), the cells narrower than a column of
    /// prose.
    static func tables(_ lines: [Line], width: Double) -> [Item] {
        // baselines of this page, top to bottom
        let sorted = lines.sorted { $0.y1 != $1.y1 ? $0.y1 < $1.y1 : $0.x1 < $1.x1 }
        var rows = baselines(sorted, centre: { ($0.y1 + $0.y2) / 2 }, height: \.height)
        // a cell's second line (a wrapped header, a long name) belongs to the row above it: a
        // lone line just below a row of cells, within its width
        var merged: [[Line]] = []
        for row in rows {
            if row.count == 1, let above = merged.last, above.count >= 2, let l = row.first {
                let bottom = above.map(\.y2).max()!
                if l.y1 - bottom < 0.5 * l.height, l.y1 > bottom - 0.3 * l.height,
                   l.x1 >= above.map(\.x1).min()! - l.height, l.x2 <= above.map(\.x2).max()! + l.height {
                    merged[merged.count - 1].append(l)
                    continue
                }
            }
            merged.append(row)
        }
        rows = merged
        var items: [Item] = []
        var i = 0
        while i < rows.count {
            guard rows[i].count >= 2 else {
                items.append(.line(rows[i][0]))
                i += 1
                continue
            }
            // a run of multi-cell rows, each close below the last
            var j = i + 1
            while j < rows.count, rows[j].count >= 2,
                  rows[j][0].y1 - rows[j - 1].map(\.y2).max()! < 2.5 * rows[j][0].height { j += 1 }
            let run = rows[i..<j]
            // figures in half the rows, or two in one row (a table under a header of two lines)
            let figures = run.map { row in row.filter { isFigure($0.text) }.count }
            let figureRows = figures.filter { $0 > 0 }.count
            let widest = run.flatMap { $0 }.map { $0.x2 - $0.x1 }.max() ?? 0
            if run.count >= 2, figureRows > 0, figureRows * 2 >= run.count || figures.contains(where: { $0 >= 2 }), widest < 0.45 * width {
                for row in columns(Array(run)) { items.append(.row(row)) }
            } else {
                for row in run { for l in row { items.append(.line(l)) } }
            }
            i = j
        }
        return items
    }

    /// A table's rows cut into cells. Figures set in a column share an edge (right-aligned, or
    /// left-aligned) from row to row: each such edge that two or more rows share is a column of
    /// figures, and a row's figure under it is one cell, however close the column before it sits.
    /// The words between the columns of figures (labels, headers) are cells of their own, cut
    /// where a gap is wider than a gutter; a word set against a column's figure (the `%` of
    /// `% Change`) joins that column's cell.
    static func columns(_ rows: [[Line]]) -> [[Line]] {
        let all = rows.flatMap { $0.flatMap(\.words) }
        let h = all.map(\.height).min() ?? 1
        // a figure that stands alone: not the number in a name ("Russell 2000"), which follows
        // a word at a word space
        var alone: [Word] = []
        for row in rows {
            let words = row.flatMap(\.words).sorted { $0.x1 < $1.x1 }
            for (k, w) in words.enumerated() where w.figure {
                if k == 0 || w.x1 - words[k - 1].x2 > 0.45 * h || words[k - 1].figure { alone.append(w) }
            }
        }
        // columns of figures: shared right edges, else shared left edges, seen in two rows or more
        var spans: [(x1: Double, x2: Double)] = []
        for edge in [\Word.x2, \Word.x1] {
            let figures = alone.sorted { $0[keyPath: edge] < $1[keyPath: edge] }
            var group: [Word] = []
            func close() {
                if group.count >= 2 { spans.append((group.map(\.x1).min()!, group.map(\.x2).max()!)) }
                group = []
            }
            for w in figures where spans.count < 64 {   // no table has more columns; bounds the work
                if let last = group.last, abs(w[keyPath: edge] - last[keyPath: edge]) > 1.5 { close() }
                if !spans.contains(where: { w.x1 < $0.x2 && w.x2 > $0.x1 }) { group.append(w) }
            }
            close()
        }
        spans.sort { $0.x1 < $1.x1 }
        return rows.map { row in
            let line = row[0]
            let words = row.flatMap(\.words).sorted { $0.x1 < $1.x1 }
            // each word's column (an index into spans) or nil for a word between them
            let column: [Int?] = words.map { w in
                spans.firstIndex { s in min(w.x2, s.x2) - max(w.x1, s.x1) > 0.5 * (w.x2 - w.x1) }
            }
            var cells: [[Word]] = []
            var cellColumn: Int?? = nil
            for (k, w) in words.enumerated() {
                var c = column[k]
                // a word between columns, set against the next word in a column, belongs to it
                if c == nil, k + 1 < words.count, let next = column[k + 1], words[k + 1].x1 - w.x2 < 0.45 * h,
                   !w.text.contains(where: { $0.properties.isAlphabetic }) { c = next }
                // a word set right after a column's figure ("$3.8 trillion", "12 bn") stays with it
                if c == nil, let last = cells.last?.last, case .some(.some(let previous)) = cellColumn, w.x1 - last.x2 < 0.45 * h { c = previous }
                if let last = cells.last?.last, cellColumn == .some(c), c != nil || w.x1 - last.x2 <= 0.9 * h {
                    cells[cells.count - 1].append(w)
                } else {
                    cells.append([w])
                    cellColumn = .some(c)
                }
            }
            return cells.map { cell in
                // a cell over two lines reads line by line
                let ws = cell.sorted { abs($0.centre - $1.centre) > 0.5 * h ? $0.centre < $1.centre : $0.x1 < $1.x1 }
                return Line(words: ws, page: line.page, height: line.height)
            }
        }
    }

    // MARK: - Paragraphs and text

    /// The body text's height: the median line height, weighted by characters.
    static func bodyHeight(_ lines: [Line]) -> Double {
        var weighted: [(Double, Int)] = lines.map { ($0.height, $0.glyphs) }
        weighted.sort { $0.0 < $1.0 }
        let total = weighted.reduce(0) { $0 + $1.1 }
        var seen = 0
        for (h, n) in weighted {
            seen += n
            if seen * 2 >= total { return h }
        }
        return 10
    }

    /// The part before a line-end hyphen is a word that forms compounds ("mid-", "non-",
    /// "year-"): the hyphen is the text's own, not a break.
    static func compoundPrefix(_ text: String) -> Bool {
        let word = text.unicodeScalars.dropLast().reversed().prefix { $0.properties.isAlphabetic }
        let w = String(String.UnicodeScalarView(word.reversed())).lowercased()
        return compoundWords.contains(w)
    }

    static let compoundWords: Set<String> = [
        "mid", "non", "pre", "post", "co", "anti", "multi", "semi", "sub", "cross", "self", "well", "year", "month", "week",
        "day", "long", "short", "high", "low", "large", "small", "mega", "micro", "blue", "all", "over", "under", "inter",
        "intra", "quarter", "half", "two", "three", "four", "five", "ten", "single", "double", "triple", "full", "part",
        "risk", "rate", "market", "state", "government", "ex", "vice", "end", "front", "back", "open", "close",
    ]

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return true }
        return ".!?:;\"”’)]".unicodeScalars.contains(last)
    }

    static func startsLower(_ text: String) -> Bool {
        text.unicodeScalars.first.map { $0.properties.isLowercase } ?? false
    }

    static func startsItem(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "•▪◦●‣–—-·*".unicodeScalars.contains(first) && text.unicodeScalars.count > 2
    }

    /// A block before it is written: its kind, text, page, and how much of it is link text.
    struct Piece {
        var kind: BlockKind
        var text: String
        var level: Int?
        var page: Int
        var glyphs: Int
        var linked: Int
        /// Table rows of one table share a group, so that they are written a line apart.
        var group: Int = -1
        /// The last line, for deciding whether the next one continues the block.
        var last: Line?

        var linkDense: Bool { glyphs > 0 && linked * 2 > glyphs }
    }

    /// Joins lines into blocks, leaves out what a printed web page carries around its article
    /// (``PDFBoilerplate``), and writes the text.
    static func emit(_ items: [(page: Int, item: Item)], body: Double, pageCount: Int,
                     title: String? = nil, keepHyphens: Bool = false) -> (text: String, blocks: [Block], pageStarts: [Int]) {
        var pieces: [Piece] = []
        var group = 0
        // each page's right edge of body lines by where they start (bands of 4 points), for
        // finding a column's right edge
        var extents: [Int: [Int: Double]] = [:]
        for (page, item) in items {
            if case .line(let l) = item, abs(l.height - body) < 0.2 * body {
                let band = Int(l.x1 / 4)
                extents[page, default: [:]][band] = max(extents[page]?[band] ?? l.x2, l.x2)
            }
        }
        func edge(_ l: Line) -> Double {
            guard let bands = extents[l.page] else { return l.x2 }
            let reach = Int(2 * l.height / 4) + 1
            return ((Int(l.x1 / 4) - reach)...(Int(l.x1 / 4) + reach)).compactMap { bands[$0] }.max() ?? l.x2
        }
        var lastWasRow = false
        func begin(_ line: Line, page: Int, heading: Bool) {
            let level = heading ? (line.height >= 1.8 * body ? 1 : line.height >= 1.5 * body ? 2 : 3) : nil
            pieces.append(Piece(kind: heading ? .heading : startsItem(line.text) ? .listItem : .paragraph, text: line.text, level: level,
                                page: page, glyphs: line.glyphs, linked: line.linked, last: line))
        }
        for (page, item) in items {
            switch item {
            case .row(let cells):
                if !lastWasRow { group += 1 }
                pieces.append(Piece(kind: .tableRow, text: cells.map(\.text).joined(separator: " | "), page: page,
                                    glyphs: cells.reduce(0) { $0 + $1.glyphs }, linked: cells.reduce(0) { $0 + $1.linked }, group: group))
                lastWasRow = true
            case .line(let line):
                let t = line.text
                let heading = line.height >= 1.25 * body && t.unicodeScalars.count <= 200
                if !lastWasRow, var open = pieces.last, let last = open.last,
                   continues(last, line, kind: open.kind, heading: heading, body: body) {
                    // a line that stops well short of its column's right edge, mid-block, was
                    // broken by hand (an address, a list without bullet glyphs): kept as a line
                    // break, as the HTML stage keeps <br>
                    // (the next line's first word would have fit at its end)
                    let firstWord = line.words.first.map { $0.x2 - $0.x1 } ?? 0
                    let hardBreak = last.page == line.page && line.y1 > last.y1
                        && last.x2 + 0.35 * last.height + firstWord < edge(last) - 0.5 * last.height
                    if hardBreak, endsSentence(last.text), t.unicodeScalars.first?.properties.isUppercase == true {
                        // a short last line that ends a sentence, then a capital: a new paragraph
                        begin(line, page: page, heading: heading)
                    } else {
                        if hardBreak {
                            open.text += "\n" + t
                        } else if let hyphen = open.text.unicodeScalars.last, hyphen == "\u{AD}" || (hyphen == "-" && !keepHyphens),
                                  open.text.unicodeScalars.dropLast().last?.properties.isAlphabetic == true, startsLower(t),
                                  hyphen == "\u{AD}" || !compoundPrefix(open.text) {
                            // a word broken at the line's end: drop the hyphen
                            open.text.unicodeScalars.removeLast()
                            open.text += t
                        } else if open.text.unicodeScalars.last == "-", open.text.unicodeScalars.dropLast().last?.properties.isAlphabetic == true,
                                  t.unicodeScalars.first?.properties.isAlphabetic == true {
                            // a compound broken at its own hyphen ("mid-" / "teens")
                            open.text += t
                        } else {
                            open.text += " " + t
                        }
                        open.glyphs += line.glyphs
                        open.linked += line.linked
                        open.last = line
                        pieces[pieces.count - 1] = open
                    }
                } else {
                    begin(line, page: page, heading: heading)
                }
                lastWasRow = false
            }
        }
        pieces = PDFBoilerplate.article(pieces, title: title, body: body)

        var text = ""
        var scalars = 0
        var blocks: [Block] = []
        var pageStarts = Array(repeating: -1, count: pageCount)
        var previous: Piece? = nil
        for piece in pieces {
            if let previous {
                let tight = piece.kind == .tableRow && previous.kind == .tableRow && piece.group == previous.group
                text += tight ? "\n" : "\n\n"
                scalars += tight ? 1 : 2
            }
            if pageStarts[piece.page] < 0 { pageStarts[piece.page] = scalars }
            let start = scalars
            text += piece.text
            scalars += piece.text.unicodeScalars.count
            blocks.append(Block(kind: piece.kind, start: start, end: scalars, level: piece.kind == .heading ? piece.level : nil))
            previous = piece
        }
        return (text, blocks, pageStarts)
    }

    /// Whether `next` continues the block whose last line is `previous`.
    static func continues(_ previous: Line, _ next: Line, kind: BlockKind, heading: Bool, body: Double) -> Bool {
        if kind == .heading { return heading && abs(previous.height - next.height) < 0.1 * next.height && next.page == previous.page }
        if heading || startsItem(next.text) { return false }
        guard abs(previous.height - next.height) < 0.2 * max(previous.height, next.height) else { return false }
        let h = max(previous.height, next.height)
        let below = next.page == previous.page && next.y1 >= previous.y2 - 0.3 * h && next.y1 - previous.y2 < 0.75 * h
        let aligned = next.x1 > previous.x1 - 1.5 * h && next.x1 < previous.x1 + 3 * h
        if below && aligned { return !endsSentence(previous.text) || next.x1 < previous.x1 + 0.5 * h }
        // the top of the next column or page, mid-sentence
        let elsewhere = next.page != previous.page || next.y1 < previous.y1
        return elsewhere && !endsSentence(previous.text) && startsLower(next.text)
    }
}
