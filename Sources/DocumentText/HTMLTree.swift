internal import CLibXML2
import ClaimModel

/// libxml2 set-up, done once per process before any thread parses (libxml2's own rule).
enum LibXML {
    static let initialized: Void = { xmlInitParser() }()
}

/// A parsed page flattened into arrays in document order (pre-order), so that the extractor
/// works on indices and plain integers rather than on C pointers.
///
/// Node `i`'s subtree is `i..<end[i]`; `parent[i]` is -1 for the root. Text nodes keep a pointer
/// into libxml2's tree, so a tree is only valid inside ``HTMLTree/parse(_:encoding:_:)``.
struct HTMLTree {
    var tag: [Tag] = []
    var parent: [Int32] = []
    var end: [Int32] = []
    var hints: [ClassHints] = []
    /// For text nodes: the UTF-8 bytes (owned by libxml2, valid during `parse`'s body).
    var textPointer: [UnsafePointer<UInt8>?] = []
    var textLength: [Int32] = []
    /// Facts for the metadata stage, gathered on the same walk.
    var raw = RawMetadata()
    /// Attributes that may state a date (`datetime`, `data-published`, `itemprop="datePublished"`),
    /// on the elements of the flat tree, in document order.
    var dateAttributes: [DateAttribute] = []

    var count: Int { tag.count }

    /// The UTF-8 bytes of text node `i` (nil for an element).
    func textBytes(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        textPointer[i].map { UnsafeBufferPointer(start: $0, count: Int(textLength[i])) }
    }

    /// Parses UTF-8 (or `encoding`) bytes with libxml2's HTML parser and calls `body` with the
    /// flattened tree; the C document is freed when `body` returns.
    ///
    /// Options: RECOVER, NOERROR, NOWARNING, NONET (never touch the network), COMPACT. The walk is
    /// iterative, so a page of 100,000 nested elements cannot exhaust the stack.
    static func parse<R>(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, _ body: (borrowing HTMLTree) throws -> R) throws -> R {
        _ = LibXML.initialized
        guard bytes.count > 0, bytes.count < Int(Int32.max) else {
            throw DocumentTextError.unparsable(bytes: bytes.count)
        }
        let raw = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        guard let doc = htmlReadMemory(raw, Int32(bytes.count), nil, encoding, clibxml2_html_options()) else {
            throw DocumentTextError.unparsable(bytes: bytes.count)
        }
        defer { xmlFreeDoc(doc) }
        var tree = HTMLTree()
        let estimate = max(64, bytes.count / 40)
        tree.tag.reserveCapacity(estimate)
        tree.parent.reserveCapacity(estimate)
        tree.end.reserveCapacity(estimate)
        tree.hints.reserveCapacity(estimate)
        tree.textPointer.reserveCapacity(estimate)
        tree.textLength.reserveCapacity(estimate)
        if let root = xmlDocGetRootElement(doc) {
            tree.walk(root)
        }
        return try body(tree)
    }

    private mutating func append(_ t: Tag, parent p: Int32, hints h: ClassHints = [],
                                 text: UnsafePointer<UInt8>? = nil, length: Int32 = 0) -> Int32 {
        let index = Int32(tag.count)
        tag.append(t)
        parent.append(p)
        end.append(index + 1)
        hints.append(h)
        textPointer.append(text)
        textLength.append(length)
        return index
    }

    /// Pre-order walk with first-child / next-sibling / parent links (no recursion, no stack of C
    /// pointers); `open` holds the flat indices of the elements being walked.
    private mutating func walk(_ root: xmlNodePtr) {
        var open: [Int32] = []
        open.reserveCapacity(64)
        var node: xmlNodePtr? = root
        while let n = node {
            var descend = false
            let type = n.pointee.type
            let parentIndex = open.last ?? -1
            if type == XML_ELEMENT_NODE {
                let t = n.pointee.name.map { Tag.lookup($0) } ?? .other
                if t.isNeverContent {
                    collectMetadata(n, t)
                } else {
                    let h = attributeHints(n, t, index: Int32(tag.count))
                    let index = append(t, parent: parentIndex, hints: h)
                    if t == .html { collectMetadata(n, t) }
                    if n.pointee.children != nil {
                        open.append(index)
                        descend = true
                    }
                }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = n.pointee.content, parentIndex >= 0 {
                    let length = strlen(content)
                    if length > 0 && length < Int(Int32.max) {
                        _ = append(.text, parent: parentIndex, text: UnsafePointer(content), length: Int32(length))
                    }
                }
            }
            if descend, let child = n.pointee.children {
                node = child
                continue
            }
            // Climb until a node has a next sibling, closing each element climbed out of.
            var current = n
            while current.pointee.next == nil || current == root {
                guard current != root, let up = current.pointee.parent else {
                    closeAll(&open)
                    return
                }
                if let index = open.popLast() { end[Int(index)] = Int32(tag.count) }
                if up == root {
                    closeAll(&open)
                    return
                }
                current = up
            }
            node = current.pointee.next
        }
        closeAll(&open)
    }

    private mutating func closeAll(_ open: inout [Int32]) {
        while let index = open.popLast() { end[Int(index)] = Int32(tag.count) }
    }

    /// Reads `class`, `id`, `role`, `hidden`, `aria-hidden`, `style` and `itemprop` into hints,
    /// and the attributes that may state a date into ``dateAttributes``.
    private mutating func attributeHints(_ n: xmlNodePtr, _ t: Tag, index: Int32) -> ClassHints {
        var h: ClassHints = t == .article || t == .main ? .semantic : []
        var dateValue: UnsafePointer<UInt8>? = nil
        var dateKind = DateAttribute.Kind.attribute
        var dateName: UnsafePointer<UInt8>? = nil
        var content: UnsafePointer<UInt8>? = nil
        var itempropDate: DateAttribute.Kind? = nil
        var pubdate = false
        var title: UnsafePointer<UInt8>? = nil
        defer {
            if let v = title, dateAttributes.count < 200, HTMLTree.hasDigits(v) {
                // hAtom: <abbr class="published" title="2008-06-20T10:00:00">June 20</abbr>; a
                // relative time with its date as a tooltip: <span title="07.02.2024, 09:15">vor 3 Stunden</span>
                let kind: DateAttribute.Kind = h.contains(.published) ? .itempropPublished : h.contains(.updated) ? .itempropModified : .attribute
                dateAttributes.append(DateAttribute(node: index, kind: kind, name: t == .abbr ? "abbr-title" : "title",
                                                    value: String(String(cString: v).prefix(120))))
            } else if let kind = itempropDate, dateAttributes.count < 200 {
                // <span itemprop="datePublished" content="…"> or with the date as its text
                let value = (content ?? dateValue).map { String(cString: $0) } ?? HTMLTree.textContent(n) ?? ""
                dateAttributes.append(DateAttribute(node: index, kind: kind, name: "itemprop", value: String(value.prefix(120))))
            } else if let v = dateValue, dateAttributes.count < 200 {
                let kind: DateAttribute.Kind = t == .time ? (pubdate ? .itempropPublished : .time) : dateKind
                dateAttributes.append(DateAttribute(node: index, kind: kind, name: dateName.map { String(cString: $0) } ?? "datetime",
                                                    value: String(String(cString: v).prefix(120))))
            }
        }
        var attribute = n.pointee.properties
        while let a = attribute {
            defer { attribute = a.pointee.next }
            guard let name = a.pointee.name else { continue }
            let value = a.pointee.children?.pointee.content
            switch (name[0], name[1]) {
            case (UInt8(ascii: "c"), UInt8(ascii: "l")) where strcmp(name, "class") == 0:
                if let v = value { h.formUnion(ClassHints.of(v)) }
            case (UInt8(ascii: "i"), UInt8(ascii: "d")) where name[2] == 0:
                if let v = value { h.formUnion(ClassHints.of(v)) }
            case (UInt8(ascii: "r"), UInt8(ascii: "o")) where strcmp(name, "role") == 0:
                if let v = value { h.formUnion(ClassHints.ofRole(v)) }
            case (UInt8(ascii: "h"), UInt8(ascii: "i")) where strcmp(name, "hidden") == 0:
                h.insert(.hidden)
            case (UInt8(ascii: "a"), UInt8(ascii: "r")) where strcmp(name, "aria-hidden") == 0:
                if let v = value, strcasecmp(v, "true") == 0 { h.insert(.hidden) }
            case (UInt8(ascii: "s"), UInt8(ascii: "t")) where strcmp(name, "style") == 0:
                if let v = value, HTMLTree.styleHides(v) { h.insert(.hidden) }
            case (UInt8(ascii: "i"), UInt8(ascii: "t")) where strcmp(name, "itemprop") == 0:
                if let v = value {
                    if strcasecmp(v, "articleBody") == 0 { h.formUnion([.articleBody, .semantic]) }
                    else if strcasecmp(v, "datePublished") == 0 || strcasecmp(v, "dateCreated") == 0 { itempropDate = .itempropPublished }
                    else if strcasecmp(v, "dateModified") == 0 { itempropDate = .itempropModified }
                }
            case (UInt8(ascii: "d"), UInt8(ascii: "a")):
                // datetime="…" on any element; data-published, data-date, data-timestamp, …
                guard let v = value else { break }
                if strcmp(name, "datetime") == 0 {
                    dateValue = UnsafePointer(v)
                    dateName = UnsafePointer(name)
                } else if strncmp(name, "data-", 5) == 0, dateValue == nil, let kind = HTMLTree.dataDateKind(name + 5) {
                    dateValue = UnsafePointer(v)
                    dateName = UnsafePointer(name)
                    dateKind = kind
                }
            case (UInt8(ascii: "c"), UInt8(ascii: "o")) where strcmp(name, "content") == 0:
                content = value.map { UnsafePointer($0) }
            case (UInt8(ascii: "p"), UInt8(ascii: "u")) where strcmp(name, "pubdate") == 0:
                pubdate = true
            case (UInt8(ascii: "t"), UInt8(ascii: "i")) where (t == .abbr || t == .span || t == .time || t == .small) && strcmp(name, "title") == 0:
                title = value.map { UnsafePointer($0) }
            default:
                break
            }
        }
        return h
    }

    /// True when a C string holds a digit within its first 64 bytes.
    static func hasDigits(_ v: UnsafePointer<UInt8>) -> Bool {
        var i = 0
        while v[i] != 0 && i < 64 {
            if v[i] >= 0x30 && v[i] <= 0x39 { return true }
            i += 1
        }
        return false
    }

    /// The kind of date a `data-*` attribute names, from the part after `data-`: publication
    /// (`published`, `publish-date`, `pubdate`, `created`), modification (`modified`, `updated`),
    /// or a date of no stated role (`date`, `datetime`, `timestamp`, `time`).
    static func dataDateKind(_ suffix: UnsafePointer<UInt8>) -> DateAttribute.Kind? {
        // hashed over the folded bytes, without a String: pages carry hundreds of data-* attributes
        var h = FNV1a()
        var i = 0
        while suffix[i] != 0 {
            if i >= 24 { return nil }
            let c = TextDecoding.lower(suffix[i])
            if c != UInt8(ascii: "-") && c != UInt8(ascii: "_") { h.add(byte: c) }
            i += 1
        }
        return dataDateKinds[h.value]
    }

    /// The `data-*` names (folded: lower case, no `-` or `_`) that carry a date, by their FNV-1a hash.
    private static let dataDateKinds: [UInt64: DateAttribute.Kind] = {
        var table: [UInt64: DateAttribute.Kind] = [:]
        let names: [(DateAttribute.Kind, [String])] = [
            (.itempropPublished, ["published", "publishdate", "publisheddate", "publishedat", "pubdate", "created",
                                  "createdat", "datepublished", "publicationdate", "articledate", "postdate"]),
            (.itempropModified, ["modified", "updated", "updatedat", "datemodified", "lastmodified"]),
            (.attribute, ["date", "datetime", "timestamp", "time", "publishtime", "publishedtime"]),
        ]
        for (kind, words) in names {
            for w in words { table[FNV1a.hash(w)] = kind }
        }
        return table
    }()

    /// True for inline styles with `display:none` or `visibility:hidden`.
    static func styleHides(_ v: UnsafePointer<UInt8>) -> Bool {
        var compact = [UInt8]()
        var i = 0
        while v[i] != 0 && i < 1024 {
            let c = v[i]
            if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { compact.append(TextDecoding.lower(c)) }
            i += 1
        }
        return compact.withUnsafeBufferPointer { b in
            TextDecoding.containsASCII(b, "display:none", within: b.count)
                || TextDecoding.containsASCII(b, "visibility:hidden", within: b.count)
        }
    }

    /// Gathers what the metadata stage needs from `head` elements, JSON-LD scripts and the
    /// `html` element.
    private mutating func collectMetadata(_ n: xmlNodePtr, _ t: Tag) {
        if t == .head {
            // head's children are read here, since head itself is never content
            var child = n.pointee.children
            var steps = 0
            while let c = child, steps < 10_000 {
                if c.pointee.type == XML_ELEMENT_NODE, let name = c.pointee.name {
                    let ct = Tag.lookup(name)
                    if ct != .head { collectMetadata(c, ct) }
                }
                child = c.pointee.next
                steps += 1
            }
            return
        }
        let a = Attributes(n)
        switch t {
        case .title:
            if raw.title == nil { raw.title = HTMLTree.textContent(n) }
        case .meta:
            if let key = a.property ?? a.name ?? a.itemprop ?? a.httpEquiv, let content = a.content ?? a.datetime {
                raw.meta.append((String(cString: key).lowercased(), String(cString: content)))
            }
            return
        case .link:
            if let rel = a.rel, raw.canonical == nil, let href = a.href,
               String(cString: rel).lowercased().split(separator: " ").contains("canonical") {
                raw.canonical = String(cString: href)
            }
        case .script:
            if let type = a.type, TextDecoding.containsASCII(UnsafeBufferPointer(start: type, count: strlen(type)), "ld+json", within: 64),
               let json = HTMLTree.textContent(n) {
                raw.jsonLD.append(json)
            }
        case .html:
            if let lang = a.lang { raw.language = String(cString: lang) }
        default:
            break
        }
        // itemprop on elements other than meta (<span itemprop="datePublished" content=…>)
        if raw.meta.count < 400, let prop = a.itemprop, let content = a.content ?? a.datetime {
            raw.meta.append((String(cString: prop).lowercased(), String(cString: content)))
        }
    }

    /// The attributes the metadata stage reads, found in one pass over an element's attribute
    /// list; the pointers belong to the document.
    private struct Attributes {
        var property, name, itemprop, httpEquiv, content, datetime, rel, href, type, lang: UnsafePointer<UInt8>?

        init(_ n: xmlNodePtr) {
            var attribute = n.pointee.properties
            while let at = attribute {
                attribute = at.pointee.next
                guard let key = at.pointee.name else { continue }
                let value = at.pointee.children?.pointee.content.map { UnsafePointer($0) }
                switch key[0] {
                case UInt8(ascii: "p"):
                    if strcmp(key, "property") == 0 { property = value }
                case UInt8(ascii: "n"):
                    if strcmp(key, "name") == 0 { name = value }
                case UInt8(ascii: "i"):
                    if strcmp(key, "itemprop") == 0 { itemprop = value }
                case UInt8(ascii: "h"):
                    if strcmp(key, "http-equiv") == 0 { httpEquiv = value } else if strcmp(key, "href") == 0 { href = value }
                case UInt8(ascii: "c"):
                    if strcmp(key, "content") == 0 { content = value }
                case UInt8(ascii: "d"):
                    if strcmp(key, "datetime") == 0 { datetime = value }
                case UInt8(ascii: "r"):
                    if strcmp(key, "rel") == 0 { rel = value }
                case UInt8(ascii: "t"):
                    if strcmp(key, "type") == 0 { type = value }
                case UInt8(ascii: "l"):
                    if strcmp(key, "lang") == 0 { lang = value }
                case UInt8(ascii: "x"):
                    if strcmp(key, "xml:lang") == 0 && lang == nil { lang = value }
                default:
                    break
                }
            }
        }
    }

    /// The concatenated text of an element's subtree.
    static func textContent(_ n: xmlNodePtr) -> String? {
        guard let v = xmlNodeGetContent(n) else { return nil }
        defer { clibxml2_free(v) }
        return String(cString: v)
    }
}

/// An attribute that may state a date, on element `node` of the flat tree.
struct DateAttribute {
    /// What the attribute says the date is.
    enum Kind: UInt8 {
        /// `<time datetime>`.
        case time
        /// A date attribute of no stated role on another element (`data-date`, `datetime` on a `span`).
        case attribute
        /// `itemprop="datePublished"`, `<time pubdate>`, `data-published`.
        case itempropPublished
        /// `itemprop="dateModified"`, `data-modified`.
        case itempropModified
    }
    var node: Int32
    var kind: Kind
    /// The attribute's name (`datetime`, `data-published`, `itemprop`).
    var name: String
    var value: String
}

/// Metadata as found on the page, before interpretation.
struct RawMetadata {
    /// `<title>` text.
    var title: String?
    /// `(name or property, content)` of every `meta` element, names lower-cased.
    var meta: [(String, String)] = []
    /// `<link rel="canonical">`.
    var canonical: String?
    /// Bodies of `application/ld+json` scripts.
    var jsonLD: [String] = []
    /// `lang` of the `html` element.
    var language: String?
}

extension HTMLTree {
    /// True when libxml2 can decode a charset label.
    static func knowsEncoding(_ label: String) -> Bool {
        _ = LibXML.initialized
        return clibxml2_knows_encoding(label) != 0
    }
}
