import Foundation
import Testing

/// One line of a Duckling-style example table (`Corpus/recognizers/*.tsv`, `Corpus/rules/*.tsv`):
/// its file and line number, and its tab-separated columns.
public struct ExampleLine: CustomTestStringConvertible, Sendable {
    /// The file's name.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The columns.
    public var columns: [String]

    /// `file:line first-column`, as test failures name the example.
    public var testDescription: String { "\(file):\(line) \(columns.first ?? "")" }

    /// The k-th column, or "" past the last.
    public subscript(_ k: Int) -> String { k < columns.count ? columns[k] : "" }

    /// The lines of a TSV example table: `#` lines are comments, blank lines are skipped, and the
    /// first other line is the header. A missing file has none.
    public static func load(_ folder: URL, _ name: String) -> [ExampleLine] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return [] }
        var out: [ExampleLine] = []
        var header = true
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if header { header = false; continue }
            out.append(ExampleLine(file: name, line: k + 1, columns: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        return out
    }
}
