import Foundation

/// What a web page printed to PDF carries around its article, found without markup: the PDF
/// keeps the page's text and its links, not its classes. The HTML stage leaves the same things
/// out (`MainTextExtractor`: link-dense blocks, the headline, comment threads, consent banners);
/// so an article read from its printout gives the claims it gives as a page. A PDF written as a
/// document (an analyst note, a factsheet) has none of these, and each rule asks for the signs
/// of a web page before it drops anything.
enum PDFBoilerplate {
    typealias Piece = PDFLayout.Piece

    /// The article's blocks.
    static func article(_ pieces: [Piece], title: String?, body: Double) -> [Piece] {
        var keep = Array(repeating: true, count: pieces.count)
        // the headline: the document's title again (the HTML stage keeps it out of the text)
        if let title = title.map(normal), title.split(separator: " ").count >= 3,
           let h = pieces.prefix(40).firstIndex(where: { $0.kind == .heading && $0.page == 0 && isTitle(normal($0.text), title) }) {
            keep[h] = false
        }
        for (i, p) in pieces.enumerated() {
            // link lists: menus, related articles, tags; table rows stay, as in HTML
            if p.kind != .tableRow && p.linkDense { keep[i] = false }
            if isConsent(p.text) {
                keep[i] = false
                // and its buttons, before or after it
                for j in max(0, i - 4)...min(pieces.count - 1, i + 4) where isConsentButton(pieces[j].text) { keep[j] = false }
            }
        }
        // a consent banner's buttons left on their own ("Accept all", "Choose cookies")
        for (i, p) in pieces.enumerated() where isConsentButton(p.text) {
            let words = normal(p.text).split(separator: " ")
            if words.count <= 3, words.contains(where: { ["accept", "reject", "cookie", "cookies", "consent", "preferences"].contains(String($0)) }) {
                keep[i] = false
            }
        }
        // the byline and date line above the article (the HTML stage reads them as metadata)
        let firstBody = pieces.firstIndex { $0.kind == .paragraph && $0.text.unicodeScalars.count > 200 } ?? 0
        for i in 0..<min(firstBody, 20) where isByline(pieces[i].text) { keep[i] = false }
        // a related list's teasers: short lines under a link, between links or in a smaller type
        for i in pieces.indices where keep[i] && pieces[i].kind != .tableRow && pieces[i].text.unicodeScalars.count <= 200 {
            guard i > 0, pieces[i - 1].linkDense else { continue }
            let next = i + 1 < pieces.count ? pieces[i + 1] : nil
            let small = (pieces[i].last?.height ?? body) < 0.92 * body
            if small || next == nil || next!.linkDense || next!.kind == .heading { keep[i] = false }
        }
        // a newsletter box: the email field or the button, and the promotion just before it
        for (i, p) in pieces.enumerated() where isSignUp(p.text) {
            keep[i] = false
            var j = i - 1
            while j >= 0, j >= i - 3, pieces[j].page == p.page, pieces[j].kind != .tableRow,
                  pieces[j].text.unicodeScalars.count <= 60 || isPromotion(pieces[j].text) {
                keep[j] = false
                j -= 1
            }
        }
        // a comment thread: its heading and all that follows
        if let start = commentThread(pieces) {
            for i in start..<pieces.count { keep[i] = false }
        }
        // a paragraph cut by what was dropped (a banner over the page's foot) joins again
        var out: [Piece] = []
        for i in pieces.indices where keep[i] {
            let p = pieces[i]
            if let last = out.last, last.kind == .paragraph, p.kind == .paragraph, !PDFLayout.endsSentence(last.text),
               PDFLayout.startsLower(p.text), abs((last.last?.height ?? 0) - (p.last?.height ?? 0)) < 0.2 * body {
                out[out.count - 1].text += " " + p.text
                out[out.count - 1].last = p.last
                continue
            }
            out.append(p)
        }
        return out
    }

    /// A consent banner's button: "Accept all", "Reject", "Manage preferences".
    static func isConsentButton(_ text: String) -> Bool {
        guard text.utf8.count <= 60 else { return false }
        let words = normal(text).split(separator: " ")
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.contains { ["accept", "reject", "agree", "allow", "manage", "preferences", "settings", "decline", "consent", "ok",
                                  "cookies", "akzeptieren", "ablehnen", "accepter", "refuser", "aceptar", "rechazar"].contains(String($0)) }
    }

    /// A byline or date line: "By Jane Doe · October 15, 2025", "Published Oct. 10, 2025 5:05 p.m. ET".
    static func isByline(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 160 else { return false }
        let words = text.split(separator: " ")
        guard let first = words.first?.lowercased() else { return false }
        if ["by", "von", "par", "por", "di", "door"].contains(first), words.count >= 2, words[1].first?.isUppercase == true { return true }
        return ["published", "updated", "veröffentlicht", "aktualisiert", "publié", "publicado"].contains(first.trimmingCharacters(in: .punctuationCharacters))
    }

    /// Lower case, letters and digits only, single spaces.
    static func normal(_ s: String) -> String {
        var out = ""
        var space = false
        for c in s.lowercased().unicodeScalars {
            let v = c.value
            let word = v < 0x80 ? (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) : c.properties.isAlphabetic || c.properties.numericType != nil
            if word {
                if space && !out.isEmpty { out += " " }
                out.unicodeScalars.append(c)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// A heading that is the title, or the title without the site's name after a separator.
    static func isTitle(_ heading: String, _ title: String) -> Bool {
        heading.split(separator: " ").count >= 3 && (title == heading || title.hasPrefix(heading + " ") || heading.hasPrefix(title))
    }

    /// A cookie or consent banner.
    static func isConsent(_ text: String) -> Bool {
        let t = text.lowercased()
        guard t.unicodeScalars.count <= 700, t.contains("cookie") else { return false }
        return ["accept", "consent", "privacy", "preferences", "partners", "choices", "settings"].contains { t.contains($0) }
    }

    /// A newsletter form's field or button: "Your email", "Enter your email", "you@example.com",
    /// "Subscribe", "Sign up".
    static func isSignUp(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        let t = normal(text)
        guard t.split(separator: " ").count <= 4 else { return false }
        return t.contains("email") || t.contains("e mail") || text.contains("@example.") || t.hasPrefix("subscribe")
            || t.hasPrefix("sign up") || t.hasPrefix("sign me up") || t.hasPrefix("anmelden") || t.hasPrefix("abonnieren")
            || t.hasPrefix("s inscrire") || t.hasPrefix("suscrib")
    }

    /// A newsletter's promotion: short, and about the newsletter.
    static func isPromotion(_ text: String) -> Bool {
        let t = text.lowercased()
        guard t.unicodeScalars.count <= 250 else { return false }
        return ["newsletter", "inbox", "subscribe", "sign up", "readers", "delivered", "every morning", "every week", "every sunday",
                "every monday", "every weekday", "every friday"].contains { t.contains($0) }
    }

    /// Where a comment thread starts: a heading such as "Comments (3)", "Reader comments",
    /// "3 thoughts on …", "Leave a reply", followed within a few blocks by a commenter's line (a
    /// short line with a time: "2 hours ago", "Oct 10, 2025 5:41 pm", "… wrote:"), or carrying
    /// its count.
    static func commentThread(_ pieces: [Piece]) -> Int? {
        for (i, p) in pieces.enumerated() {
            // the heading alone, or run into the first comment
            let long = p.text.unicodeScalars.count > 120
            let t = normal(long ? String(p.text.prefix(40)) : p.text)
            let words = t.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let counted = first.allSatisfy(\.isNumber) || words.contains { $0.allSatisfy(\.isNumber) } && words.count <= 3
            let rest = first.allSatisfy(\.isNumber) ? Array(words.dropFirst()) : words
            let named = commentHeadings.contains { rest.starts(with: $0) }
            guard named, long || rest.count <= 12 || rest.starts(with: ["thoughts", "on"]) || rest.starts(with: ["responses", "to"]) else { continue }
            if long {
                if isCommenterLine(String(p.text.prefix(120))) { return i }
                continue
            }
            let signed = pieces[(i + 1)..<min(pieces.count, i + 5)].contains { isCommenterLine($0.text) }
            // a heading standing alone in the second half of the page needs no more sign
            let late = words.count <= 3 && i * 2 >= pieces.count
            if signed || late || (counted && words.count <= 3) { return i }
        }
        return nil
    }

    /// How a comment thread's heading begins, after any count ("3 thoughts on …").
    static let commentHeadings: [[String]] = [
        ["comments"], ["comment"], ["reader", "comments"], ["readers", "comments"], ["responses"], ["replies"], ["thoughts", "on"],
        ["leave", "a", "reply"], ["leave", "a", "comment"], ["join", "the", "conversation"], ["join", "the", "discussion"],
        ["discussion"], ["kommentare"], ["commentaires"], ["comentarios"], ["commenti"], ["reacties"],
    ]

    /// A commenter's line: short, with a time or "wrote"/"says".
    static func isCommenterLine(_ text: String) -> Bool {
        let t = text.lowercased()
        guard t.unicodeScalars.count <= 90 else {
            // the name and time may run into the comment: look at its start
            return isCommenterLine(String(t.prefix(60)))
        }
        if t.contains(" ago") || t.contains(" wrote") || t.contains(" says:") || t.contains(" said:") { return true }
        // a clock time: 5:41 pm, 18:05, 6:30PM
        let s = Array(t.unicodeScalars)
        for i in s.indices.dropFirst().dropLast(2) where s[i] == ":" {
            if s[i - 1].properties.numericType != nil && s[i + 1].properties.numericType != nil && s[i + 2].properties.numericType != nil {
                return true
            }
        }
        return false
    }
}
