import Foundation
import Recognizers

/// The user's `--lexicon` files: read, added to the built-in lexicons, and refused with a clear
/// reason when they are not entity lexicons.
public enum LexiconFiles {
    /// Why a lexicon file was refused.
    public struct Problem: Error, CustomStringConvertible {
        /// The file's path as given.
        public var path: String
        /// The reason, one sentence; nil when the file cannot be read at all.
        public var reason: String?
        public var description: String { reason.map { "lexicon \(path): \($0)" } ?? "cannot read the lexicon \(path)" }
    }

    /// Reads each file; a file that cannot be read is refused.
    public static func read(_ paths: [String]) throws(Problem) -> [(path: String, text: String)] {
        var out: [(path: String, text: String)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw Problem(path: path, reason: nil) }
            out.append((path, String(decoding: data, as: UTF8.self)))
        }
        return out
    }

    /// The built-in lexicons plus the files' entities. A file with a malformed row, or with no
    /// entity row at all (columns: id, kind, name, aliases), is refused.
    public static func lexicon(adding files: [(path: String, text: String)]) throws(Problem) -> Lexicon {
        var lex = Lexicon.builtIn
        for (path, text) in files {
            lex = lex.adding(entityFile: text, named: (path as NSString).lastPathComponent)
            if let problem = lex.problems.first(where: { $0.file.hasPrefix("user-") }) {
                throw Problem(path: path, reason: "\(problem)")
            }
            guard lex.entities.count > Lexicon.builtIn.entities.count || text.split(separator: "\n").contains(where: { line in
                !line.hasPrefix("#") && !line.hasPrefix("id\t") && line.contains("\t")
            }) else {
                throw Problem(path: path, reason: "no entity rows (columns: id, kind, name, aliases)")
            }
        }
        return lex
    }
}
