/// The HTML elements the extractor tells apart; every other element is `.other` (an inline or
/// unknown element that neither starts a block nor carries a role).
enum Tag: UInt8, CaseIterable {
    case text, other
    // document structure
    case html, head, body, title, meta, link, base
    // never content
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio,
         picture, source, map, button, input, select, option, textarea, label, dialog, img, figure,
         figcaption, form, fieldset, legend, nav, menu, aside, footer, header, address
    // blocks
    case p, div, section, article, main, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote,
         pre, table, thead, tbody, tfoot, tr, td, th, caption, center, details, summary, hr, hgroup
    // inline with meaning
    case a, br, time, span, b, strong, i, em, u, sup, sub, small, font, code, abbr, q, cite

    /// The lower-case element name.
    var name: String { String(describing: self) }

    /// Lookup from an element name's bytes (libxml2 gives HTML names in lower case).
    static func lookup(_ name: UnsafePointer<UInt8>) -> Tag {
        var key: UInt64 = 0
        var length = 0
        while true {
            let c = name[length]
            if c == 0 { break }
            if length == 12 { return .other }  // no known name is that long
            // pack at most 8 bytes; the length separates longer names that share them
            if length < 8 { key |= UInt64(c | 0x20) << (8 * UInt64(length)) }
            length += 1
        }
        guard let tag = lookupTable[key &+ UInt64(length) &* 0x9E37_79B9_7F4A_7C15] else { return .other }
        // confirm the whole name, since only 8 bytes were packed
        if length > 8 {
            let expected = tag.name.utf8
            guard expected.count == length else { return .other }
            var k = 0
            for e in expected {
                if name[k] | 0x20 != e { return .other }
                k += 1
            }
        }
        return tag
    }

    private static let lookupTable: HashedTable<Tag> = {
        var t = [UInt64: Tag]()
        for tag in Tag.allCases where tag != .text && tag != .other {
            var key: UInt64 = 0
            let bytes = Array(tag.name.utf8)
            for (k, c) in bytes.prefix(8).enumerated() { key |= UInt64(c | 0x20) << (8 * UInt64(k)) }
            let full = key &+ UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            precondition(t[full] == nil, "tag key collision for \(tag)")
            t[full] = tag
        }
        return HashedTable(t, empty: .other)
    }()

    /// Elements whose whole subtree is never article text.
    var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .picture, .source, .map, .button, .input, .select, .option, .textarea,
             .dialog, .head, .title, .meta, .link, .base:
            return true
        default:
            return false
        }
    }

    /// Elements that start a new block of text (text before and after them does not run together).
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt,
             .dd, .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .center,
             .details, .summary, .hr, .hgroup, .figure, .figcaption, .form, .fieldset, .legend, .nav,
             .menu, .aside, .footer, .header, .address, .body, .html, .label, .img:
            return true
        default:
            return false
        }
    }

    /// Heading level 1...6, or nil.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }
}
