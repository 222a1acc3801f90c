internal import CLibXML2

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

    var count: Int { tag.count }

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
                    let h = attributeHints(n, t)
                    let index = append(t, parent: parentIndex, hints: h)
                    if t == .time || t == .html { collectMetadata(n, t) }
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

    /// Reads `class`, `id`, `role`, `hidden`, `aria-hidden`, `style` and `itemprop` into hints.
    private func attributeHints(_ n: xmlNodePtr, _ t: Tag) -> ClassHints {
        var h: ClassHints = t == .article || t == .main ? .semantic : []
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
                if let v = value, strcasecmp(v, "articleBody") == 0 { h.formUnion([.articleBody, .semantic]) }
            default:
                break
            }
        }
        return h
    }

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

    /// Gathers what the metadata stage needs from `head` elements, JSON-LD scripts, `time`
    /// elements and the `html` element.
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
        case .time:
            if raw.times.count < 8, let dt = a.datetime {
                let isPublished = a.itemprop.map { strcasecmp($0, "datePublished") == 0 } ?? false
                raw.times.append((String(cString: dt), isPublished || a.pubdate))
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
        var pubdate = false

        init(_ n: xmlNodePtr) {
            var attribute = n.pointee.properties
            while let at = attribute {
                attribute = at.pointee.next
                guard let key = at.pointee.name else { continue }
                let value = at.pointee.children?.pointee.content.map { UnsafePointer($0) }
                switch key[0] {
                case UInt8(ascii: "p"):
                    if strcmp(key, "property") == 0 { property = value } else if strcmp(key, "pubdate") == 0 { pubdate = true }
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
    /// `datetime` of `time` elements, and whether the element marks itself as the publication date.
    var times: [(String, Bool)] = []
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
