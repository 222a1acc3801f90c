import ClaimModel
import Foundation

/// The `documents.tsv` sidecar of a folder: per file, its publication date (empty means
/// undated), and optionally its URL, title and source.
///
/// Tab-separated, with a header line naming the columns; `file` and `published` are required.
public struct Sidecar: Sendable, Hashable {
    /// One file's row.
    public struct Entry: Sendable, Hashable {
        /// The file name within the folder.
        public var file: String
        /// The publication date; nil when the cell is empty (the document is undated).
        public var published: CalendarDate?
        /// The page's URL, if given.
        public var url: String?
        /// The title, if given.
        public var title: String?
        /// The publication or source, if given.
        public var source: String?
    }

    /// Rows by file name.
    public var entries: [String: Entry]

    /// The file name of sidecars.
    public static let fileName = "documents.tsv"

    /// Parses a sidecar's text; lines that lack a file name are skipped.
    public init(text: String) {
        var entries: [String: Entry] = [:]
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard !lines.isEmpty else {
            self.entries = [:]
            return
        }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let fileColumn = column("file"), dateColumn = column("published")
        let urlColumn = column("url"), titleColumn = column("title"), sourceColumn = column("source")
        for line in lines where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func cell(_ index: Int?) -> String? {
                guard let index, index < cells.count else { return nil }
                let value = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            guard let file = cell(fileColumn) else { continue }
            entries[file] = Entry(file: file, published: cell(dateColumn).flatMap { CalendarDate(iso: $0) },
                                  url: cell(urlColumn), title: cell(titleColumn), source: cell(sourceColumn))
        }
        self.entries = entries
    }

    /// Loads the sidecar of every folder that holds one of `files`, once per folder.
    public static func load(for files: [InputFile]) -> [String: Sidecar] {
        var out: [String: Sidecar] = [:]
        for folder in Set(files.map(\.folder)) {
            let path = (folder as NSString).appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            out[folder] = Sidecar(text: String(decoding: data, as: UTF8.self))
        }
        return out
    }
}
