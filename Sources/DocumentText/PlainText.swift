import ClaimModel

/// Blocks of a plain-text or Markdown document, whose text is kept exactly as decoded.
///
/// Every non-blank line is a block (the claims conventions end a sentence at every line break),
/// its offsets spanning the line without its surrounding white space. Markdown marks set the kind:
/// `#` headings, `-`/`*`/`+`/`•`/`1.` list items, `>` quotes, `|` table rows.
enum PlainText {
    static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var offset = 0
        var lineStart = 0
        var line: [Unicode.Scalar] = []
        func finish() {
            // trim white space at both ends, keeping offsets
            var a = 0, b = line.count
            while a < b, line[a].properties.isWhitespace { a += 1 }
            while b > a, line[b - 1].properties.isWhitespace { b -= 1 }
            guard a < b else { return }
            let body = line[a..<b]
            var kind = BlockKind.paragraph
            var level: Int? = nil
            let first = body.first!
            if first == "#" {
                let hashes = body.prefix(while: { $0 == "#" }).count
                if hashes <= 6, body.count > hashes, body[body.startIndex + hashes] == " " {
                    kind = .heading
                    level = hashes
                }
            } else if (first == "-" || first == "*" || first == "+" || first == "•"), body.count > 1,
                      body[body.startIndex + 1] == " " {
                kind = .listItem
            } else if first == ">" {
                kind = .quote
            } else if first == "|" {
                kind = .tableRow
            } else if first.properties.numericType != nil {
                let digits = body.prefix(while: { $0.properties.numericType != nil }).count
                let after = body.index(body.startIndex, offsetBy: digits)
                if digits <= 3, after + 1 < body.endIndex, body[after] == "." || body[after] == ")",
                   body[after + 1] == " " {
                    kind = .listItem
                }
            }
            blocks.append(Block(kind: kind, start: lineStart + a, end: lineStart + b, level: level))
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                finish()
                line.removeAll(keepingCapacity: true)
                offset += 1
                lineStart = offset
                continue
            }
            line.append(scalar)
            offset += 1
        }
        finish()
        return blocks
    }

    /// The first line, as a title, when it is short and does not read as a sentence.
    static func title(_ text: String, _ blocks: [Block]) -> String? {
        guard let first = blocks.first else { return nil }
        let scalars = Array(text.unicodeScalars[text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: first.start)...].prefix(first.end - first.start))
        var s = String(String.UnicodeScalarView(scalars))
        if first.kind == .heading { s = String(s.drop(while: { $0 == "#" || $0 == " " })) }
        guard s.count <= 200, !s.isEmpty, s.last != "." else { return nil }
        return s
    }
}
