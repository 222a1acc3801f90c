import ClaimModel
import Recognizers

/// Turns documents into claims: the entry point of this module.
///
/// The cascade per document: cut it into sentences (``SentenceSplitter``); run the recognizers
/// on each; read table rows by their columns (``TableRules``) and prose by the claim rules
/// (``ClaimRules``), carrying subjects, anaphora and periods from sentence to sentence; then
/// place each claim's quote in the document text by Unicode-scalar offsets.
public struct ClaimExtractor: Sendable {
    /// The lexicons the recognizers use.
    public var lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// The claims of a document, in document order.
    ///
    /// - Parameters:
    ///   - document: the document (its `metadata.published` dates relative periods).
    ///   - doc: the name written in each claim's `doc` field.
    public func extract(_ document: Document, doc: String) -> [Claim] {
        extraction(document, doc: doc).claims
    }

    /// A document's claims and the number of sentences read (for throughput figures).
    public struct Extraction: Sendable {
        /// The claims, in document order.
        public var claims: [Claim]
        /// Sentences, headings and table rows read.
        public var sentences: Int
        /// The document's sentences (headings and table rows included), in order.
        public var spans: [SentenceSpan] = []
        /// A count of the work done, for tests that bound it per input byte: every byte the
        /// splitter reads, every token of every piece read (the recognizers walk each token), and
        /// every token again for each claim of the piece (the claim rules look across it).
        public var steps: Int
    }

    /// The claims of a document with the count of sentences read.
    public func extraction(_ document: Document, doc: String) -> Extraction {
        do {
            return try extraction(document, doc: doc, deadline: .never)
        } catch {
            preconditionFailure("no deadline, yet \(error)")
        }
    }

    /// The claims of a document with the count of sentences read, or an error once `deadline`
    /// has passed (checked before each sentence).
    public func extraction(_ document: Document, doc: String, deadline: Deadline) throws(TimeBudgetExceeded) -> Extraction {
        let bytes = Array(document.text.utf8)
        let sentences = SentenceSplitter.split(bytes, blocks: document.blocks)
        try deadline.check("cutting the text into sentences")
        let context = RecognizerContext(lexicon: lexicon, documentDate: document.metadata.published)
        var discourse = Discourse()
        var claims: [Claim] = []
        var lastBlock = -1
        var blockPeriods: [Period] = []       // periods named in the current block
        var previousBlockPeriods: [Period] = []
        // pieces of a sentence too dense with numbers to read whole, waiting their turn (a stack)
        var pieces: [SentenceSpan] = []
        var next = 0
        var read = 0
        var steps = bytes.count
        while true {
            let s: SentenceSpan
            if let piece = pieces.popLast() {
                s = piece
            } else if next < sentences.count {
                s = sentences[next]
                next += 1
            } else {
                break
            }
            try deadline.check("reading sentence \(next) of \(sentences.count)")
            read += 1
            if s.block != lastBlock {
                if !blockPeriods.isEmpty || s.kind != .tableRow { previousBlockPeriods = blockPeriods.isEmpty ? previousBlockPeriods : blockPeriods }
                blockPeriods = []
                lastBlock = s.block
            }
            // a long run of figures and punctuation without a letter is not prose (a short one may
            // be a date line that dates a table): nothing in it is read
            if s.kind != .tableRow, s.byteEnd - s.byteStart > 200,
               !bytes[s.byteStart..<s.byteEnd].contains(where: { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) {
                steps += s.byteEnd - s.byteStart
                continue
            }
            let sentenceBytes = Array(bytes[s.byteStart..<s.byteEnd])
            let analysis = SentenceAnalyzer.analyze(sentenceBytes, context)
            steps += analysis.tokens.count
            if s.kind != .tableRow, let split = ClaimExtractor.split(s, analysis) {
                read -= 1
                pieces += split.reversed()
                continue
            }
            var drafts: [Draft]
            if let cells = TableRules.cells(analysis), s.kind == .tableRow || analysis.tokens.lazy.filter({ $0.scalar == "|" }).count >= 2 {
                if TableRules.isHeader(analysis, cells) {
                    discourse.tableHeader = cells.map { analysis.text($0.lowerBound, $0.upperBound) }
                    continue
                }
                drafts = TableRules(a: analysis, context: context).drafts(cells, header: discourse.tableHeader,
                                                                          around: previousBlockPeriods, discourse: discourse)
            } else if let table = textTable(analysis, &discourse, sentences: sentences, next: next, bytes: bytes, context: context) {
                // a return table written as text: its header, or rows under it
                drafts = table
            } else {
                if s.kind != .tableRow { discourse.tableHeader = nil }
                let prose = prose(analysis, context, &discourse)
                drafts = prose.drafts
                let label = ClaimExtractor.isSectionLabel(s, analysis, bytes)
                blockPeriods += analysis.periods.compactMap(\.period)
                // the period the text reports on, for the next sentences' moves that name none:
                // the period the sentence's latest move read for itself, else the period a
                // sentence about a move names ("Stocks fell on Tuesday …")
                let realized = drafts.filter { !$0.forecast && !$0.hypothetical && !$0.yardstick }
                let readMoves = realized.filter { [Metric.return, .points, .flows, .growth].contains($0.metric) && ClaimRules.readPeriod($0.rules.period) }
                discourse.dayMoves += readMoves.filter { $0.period?.isPoint == true }.count
                if label, let p = prose.discussed {
                    // a heading or a label ("On Tuesday:", "For the week:", "Q3 2021 Market
                    // Highlights") opens a section: its period frames the lines below
                    discourse.recentPeriod = p
                    discourse.recentPeriodSource = .section
                    if p.isPoint { discourse.recentDay = p }
                } else if let p = readMoves.last?.period {
                    discourse.recentPeriod = p
                    discourse.recentPeriodSource = .claim
                } else if prose.framing, let p = prose.discussed, !p.isPoint || ClaimExtractor.nearSession(p, context.documentDate) {
                    discourse.recentPeriod = p
                    discourse.recentPeriodSource = .sentence
                }
                discourse.recentSpans += realized.filter { $0.metric != .level && ClaimRules.readPeriod($0.rules.period) }.compactMap(\.period)
                if discourse.recentSpans.count > 8 { discourse.recentSpans.removeFirst(discourse.recentSpans.count - 8) }
                if let day = realized.last(where: { $0.period?.isPoint == true && [Metric.return, .points].contains($0.metric) && ClaimRules.readPeriod($0.rules.period) })?.period
                    ?? (prose.framing ? prose.namedDay : nil) {
                    discourse.recentDay = day
                }
            }
            steps += analysis.tokens.count * drafts.count
            // one sentence string, shared by the sentence's claims
            let sentenceText = drafts.isEmpty ? "" : String(decoding: analysis.bytes, as: UTF8.self)
            for d in drafts {
                claims.append(claim(d, analysis, s, doc: doc, sentence: sentenceText))
                if let p = d.period { discourse.lastPeriod = p }
            }
        }
        return Extraction(claims: claims, sentences: read, spans: sentences, steps: steps)
    }

    /// The claims of a sentence that belongs to a text table (`TextTables`): none for its header
    /// line, which opens the table, and one a figure for its rows; nil for a sentence that is not
    /// part of one (which closes the table being read).
    func textTable(_ a: SentenceAnalysis, _ discourse: inout Discourse, sentences: [SentenceSpan], next: Int, bytes: [UInt8],
                   context: RecognizerContext) -> [Draft]? {
        if let layout = discourse.textTable {
            if let rows = TextTables.rows(a, width: layout.columns.count, from: 0, to: a.tokens.count) {
                return TextTables.drafts(a, rows, layout, document: context.documentDate)
            }
            discourse.textTable = nil
        }
        // only a sentence with at least two places a period column could start is worth the look
        guard TextTables.mayHaveHeader(a) else { return nil }
        if var layout = TextTables.headerLine(a) {
            if layout.asOf == nil { layout.asOf = asOfAhead(sentences, from: next, bytes: bytes, context: context) }
            discourse.textTable = layout
            return []
        }
        // a table run into one line with its header: "INDEX 1-MONTH (%) 3-MONTH (%) YTD (%) S&P 500
        // 5.51 12.32 1.25 Dow Jones Industrial Average 2.38 8.55 -7.39"
        if let h = TextTables.header(a), let rows = TextTables.rows(a, width: h.columns.count, from: h.end, to: a.tokens.count), rows.count >= 2 {
            var layout = TextTables.layout(a, h.columns, h.start, h.end)
            if layout.asOf == nil { layout.asOf = asOfAhead(sentences, from: next, bytes: bytes, context: context) }
            // prose before the table in the same line keeps its own claims
            var drafts: [Draft] = []
            if a.quantities.contains(where: { $0.role == .quantity && $0.start < h.start }) {
                drafts = prose(a, context, &discourse).drafts.filter { $0.mention.start < h.start }
            }
            return drafts + TextTables.drafts(a, rows, layout, document: context.documentDate)
        }
        return nil
    }

    /// An "as of" date in the few sentences after a table ("Data as of July 31, 2020.").
    func asOfAhead(_ sentences: [SentenceSpan], from: Int, bytes: [UInt8], context: RecognizerContext) -> CalendarDate? {
        for s in sentences[min(from, sentences.count)..<min(from + 4, sentences.count)] where s.byteEnd - s.byteStart < 400 {
            let a = SentenceAnalyzer.analyze(Array(bytes[s.byteStart..<s.byteEnd]), context)
            if let d = a.periods.first(where: { $0.kind == .asOf })?.period?.end { return d }
        }
        return nil
    }

    /// True when a day lies within a session of the document's date: a sentence that names a day
    /// further back without a figure for it ("ahead of data on Thursday", "after Tuesday's
    /// gains") does not move the text to that day.
    static func nearSession(_ p: Period, _ doc: CalendarDate?) -> Bool {
        guard let doc else { return true }
        let session = TradingCalendar.session(onOrBefore: doc)
        let previous = TradingCalendar.session(onOrBefore: session.adding(days: -1))
        return p.start >= previous && p.start <= doc
    }

    /// True for a sentence that heads a section: a heading block, or a whole short line that
    /// ends with a colon ("On Tuesday:", "For the week:", "Here's where the benchmarks ended:")
    /// or reads as a headline (a dozen words or fewer with no closing punctuation, "Q3 2021
    /// Market Highlights").
    static func isSectionLabel(_ s: SentenceSpan, _ a: SentenceAnalysis, _ bytes: [UInt8]) -> Bool {
        if s.kind == .heading { return true }
        // a whole line: a line break (or the text's edge) on both sides
        var b = s.byteStart
        while b > 0, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        var e = s.byteEnd
        while e < bytes.count, bytes[e] == 0x20 || bytes[e] == 0x09 || bytes[e] == 0x0D { e += 1 }
        guard s.kind != .tableRow, b == 0 || bytes[b - 1] == 0x0A, e == bytes.count || bytes[e] == 0x0A,
              let last = a.tokens.last, let first = a.tokens.first else { return false }
        let words = a.tokens.lazy.filter { $0.kind == .word }.count
        if last.kind == .symbol, last.scalar == ":" { return words <= 16 }
        guard words <= 12, words >= 1, first.kind != .word || first.capitalized || first.kind == .number else { return false }
        if last.kind == .symbol, [".", "!", "?", ";", ",", "\"", "\u{201D}", "'", "\u{2019}", "\u{2026}", ")"].contains(last.scalar) { return false }
        // a line of figures is a table row or a list of numbers, not a heading
        return a.quantities.filter { $0.role == .quantity }.count <= 1
    }

    /// The most numbers a sentence of prose is read with at once. A real sentence holds a handful;
    /// a run with more (a list of figures flattened into a line, or junk) is read in pieces of
    /// this many, so that the rules, which look at every number's neighbours for every claim,
    /// cost the same per claim however long the run.
    public static let maxQuantitiesPerSentence = 24

    /// A sentence with more numbers than `maxQuantitiesPerSentence`, cut into pieces of that
    /// many just after the last token of each piece's last number; nil when it needs no cut.
    static func split(_ s: SentenceSpan, _ a: SentenceAnalysis) -> [SentenceSpan]? {
        let numbers = a.quantities.filter { $0.role == .quantity || $0.role == .bare }
        guard numbers.count > maxQuantitiesPerSentence else { return nil }
        func scalars(_ x: Int, _ y: Int) -> Int { a.bytes[x..<y].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        var out: [SentenceSpan] = []
        var from = 0, fromScalar = s.start
        var n = maxQuantitiesPerSentence - 1
        while n < numbers.count - 1 {
            let endToken = numbers[n].spanEnd
            let cut = a.tokens[endToken - 1].end            // byte offset in the sentence
            var piece = s
            piece.byteStart = s.byteStart + from
            piece.start = fromScalar
            piece.byteEnd = s.byteStart + cut
            piece.end = fromScalar + scalars(from, cut)
            if piece.byteEnd > piece.byteStart { out.append(piece) }
            var next = cut
            while next < a.bytes.count, a.bytes[next] == 0x20 || a.bytes[next] == 0x09 { next += 1 }
            fromScalar = piece.end + scalars(cut, next)
            from = next
            n += maxQuantitiesPerSentence
        }
        if from < a.bytes.count {
            var rest = s
            rest.byteStart = s.byteStart + from
            rest.start = fromScalar
            out.append(rest)
        }
        return out.count > 1 ? out : nil
    }

    /// The claim rules over one sentence of prose.
    func prose(_ a: SentenceAnalysis, _ context: RecognizerContext, _ discourse: inout Discourse) -> Prose {
        // the rules hold a copy of the discourse: they must be gone before it is updated below, or
        // every update would copy its tables
        let (drafts, subject, discussed, day) = proseRules(a, context, &discourse)
        // a sentence about a move that has happened: it has a verb of change and names no later day
        let framing = a.cues.contains { if case .direction = $0.cue { return true }; return false }
            && (discussed.map { p in context.documentDate.map { p.start <= $0 } ?? true } ?? true)
        discourse.sentences += 1
        // what the next sentence's "it" or "the index" refers to: the latest entity of each kind,
        // then the sentence's main subject
        for e in a.entities where !e.negated { discourse.remember(e.entity, a.text(e.start, e.end)) }
        if let (e, text, _) = subject { discourse.remember(e, text) }
        return Prose(drafts: drafts, discussed: discussed, namedDay: day, framing: framing)
    }

    /// What the prose rules give back about a sentence.
    struct Prose {
        var drafts: [Draft]
        /// The first period the sentence names that it is about (not a yardstick, a reference, a
        /// later time or another event's), as the text discusses it.
        var discussed: Period?
        /// The last single day among the periods it names.
        var namedDay: Period?
        /// True when the sentence reports a move that has happened (a verb of change, no future period).
        var framing: Bool
    }

    private func proseRules(_ a: SentenceAnalysis, _ context: RecognizerContext, _ discourse: inout Discourse)
        -> ([Draft], (Entity, String, String)?, Period?, Period?) {
        var rules = ClaimRules(a, context, discourse)
        var drafts = rules.candidates()
        var done: [Draft] = []
        for k in drafts.indices {
            var d = drafts[k]
            // the claim it is compared with: the latest one of the same unit for an elliptical list
            // ("…, the Nasdaq 17.3% and the Dow 9.1%"), else the latest one
            let last = done.last
            let sameUnit = done.last(where: { $0.unit == d.unit })
            let previous = (last.map { rules.isRestatement(d, $0) } ?? false) ? last : (sameUnit ?? last)
            rules.metric(&d, previous: previous)
            rules.subject(&d, previous: previous)
            rules.direction(&d, previous: previous)
            // a compared claim shares the head claim's metric when its own cues say nothing
            if let p = previous, ["metric.default", "metric.move", "metric.money"].contains(d.rules.metric ?? ""),
               rules.comparedWith(d, p), d.unit == p.unit, !rules.hasOwnVerb(d) {
                d.metric = p.metric
                d.rules.metric = "metric.compared"
            }
            rules.metricFromSubject(&d)
            rules.flags(&d)
            rules.period(&d, previous: previous)
            if let end = rules.reportEnd(d) {
                rules.discourse.reportEnd = end
                discourse.reportEnd = end
            }
            rules.flags(&d)
            d.isChange = rules.isChange(d)
            d.yardstick = rules.isYardstick(d.mention)
            rules.comparison(&d)
            // a level is where something stands, not a move: it has no direction ("rose 1.2% to
            // 6,552.51": the 1.2% is up, the level is not)
            if d.metric == .level, d.direction != nil {
                d.direction = nil
                d.rules.direction = "direction.level"
            }
            if d.isChange, d.direction == .down { d.value = -abs(d.value) }
            if !d.isChange, !d.mention.signed { d.value = abs(d.value) }
            drafts[k] = d
            done.append(d)
            if let p = d.period, d.metric != .level {
                rules.sentencePeriod = p
                if p.isPoint { rules.sentenceDay = p }
            }
            // "that number" in the next sentence: what this sentence's first claim measured
            if k == 0 { discourse.lastMetric = d.metric }
            if let e = d.subject { discourse.claimSubject = (e, d.subjectText ?? e.name); discourse.claimSubjectAt = discourse.sentences }
        }
        // the period the sentence is about carries to the next sentences that name none; a
        // starting point ("from Wednesday's close") is not what it is about
        // a period that names another event ("this year's advance", "Tuesday's gains") is not
        // what the sentence reports
        let named = a.periods.filter { !rules.isReference($0) && $0.kind != .samePeriod && $0.kind != .decade && !rules.isAhead($0)
            && !rules.isPossessive($0) && !rules.isReported($0) }
        for p in named where p.kind == .year || p.kind == .yearAlone { if let y = p.period?.start.year { discourse.namedYears.insert(y) } }
        // the period a sentence is about is its first ("Stocks plunged on Wednesday, giving back
        // Tuesday's gains"); a label names one
        return (drafts, rules.sentenceSubject(), named.first.flatMap { rules.underDiscussion($0) },
                named.last(where: { $0.period?.isPoint == true })?.period)
    }

    /// The finished claim: quote, offsets and sentence placed in the document.
    func claim(_ d: Draft, _ a: SentenceAnalysis, _ s: SentenceSpan, doc: String, sentence: String? = nil) -> Claim {
        let q = d.mention
        // a count's quote takes its noun ("1,200 jobs", "3,500 full-time employees")
        let quoteEnd = d.unit == .count ? (q.noun?.upperBound ?? q.end) : q.end
        let qs = a.tokens[q.start].start, qe = a.tokens[quoteEnd - 1].end
        // scalar offsets: count the scalars before the quote in the sentence
        var scalarsBefore = 0
        for k in 0..<qs where a.bytes[k] & 0xC0 != 0x80 { scalarsBefore += 1 }
        var scalarsInQuote = 0
        for k in qs..<qe where a.bytes[k] & 0xC0 != 0x80 { scalarsInQuote += 1 }
        let start = s.start + scalarsBefore
        var trail = d.rules
        trail.value = q.rules.joined(separator: "+")
        let rules = trail.dictionary
        return Claim(doc: doc, quote: String(decoding: a.bytes[qs..<qe], as: UTF8.self), start: start, end: start + scalarsInQuote,
                     sentence: sentence ?? String(decoding: a.bytes, as: UTF8.self), value: d.value, valueHigh: q.valueHigh,
                     unit: d.unit, unitText: d.unit == .count ? q.noun.map { a.text($0.lowerBound, $0.upperBound) } : nil, bound: q.bound, subject: d.subject?.id, subjectText: d.subjectText, metric: d.metric,
                     period: d.period, direction: d.direction, forecast: d.forecast, hypothetical: d.hypothetical, rules: rules)
    }
}

/// What `claims explain` shows for a sentence: every mention with the rule that made it, and the
/// claims that result with the rule behind each field.
public struct Explanation: Sendable {
    /// One line per token: its text and kind.
    public var tokens: [String]
    /// Mentions, one line each: kind, text, details, rule.
    public var mentions: [String]
    /// The claims of the sentence.
    public var claims: [Claim]
}

extension ClaimExtractor {
    /// Runs the recognizers and the claim rules on one sentence (or a short text) and reports
    /// what fired: the tool for finding out why a claim came out wrong.
    public func explain(_ text: String, date: CalendarDate?) -> Explanation {
        let context = RecognizerContext(lexicon: lexicon, documentDate: date)
        let a = SentenceAnalyzer.analyze(text, context)
        var mentions: [String] = []
        for e in a.entities {
            var flags: [String] = []
            if e.possessive { flags.append("possessive") }
            if e.negated { flags.append("negated") }
            if e.modifier { flags.append("modifier") }
            mentions.append("entity    \(a.text(e.start, e.end))  → \(e.entity.id) (\(e.entity.kind), \(e.entity.name))\(flags.isEmpty ? "" : " [" + flags.joined(separator: ", ") + "]")  rule \(e.rule)")
        }
        for p in a.periods {
            mentions.append("period    \(a.text(p.start, p.end))  → \(p.period.map(\.description) ?? "unresolved") (\(p.kind.rawValue))  rule \(p.rule)")
        }
        for q in a.quantities {
            let unit = q.unit?.rawValue ?? "-"
            let high = q.valueHigh.map { "–\($0)" } ?? ""
            mentions.append("number    \(a.text(q.spanStart, q.spanEnd))  → \(q.role.rawValue) \(q.value)\(high) \(unit) \(q.bound.rawValue)  rules \(q.rules.joined(separator: " "))")
        }
        for c in a.cues {
            mentions.append("cue       \(a.text(c.start, c.end))  → \(c.cue)")
        }
        let document = Document(text: text, blocks: [Block(kind: .paragraph, start: 0, end: text.unicodeScalars.count)],
                                metadata: DocumentMetadata(published: date), format: .text, encoding: "UTF-8")
        return Explanation(tokens: a.tokens.indices.map { "\(a.text($0)) (\(a.tokens[$0].kind))" }, mentions: mentions,
                           claims: extract(document, doc: "sentence"))
    }
}
