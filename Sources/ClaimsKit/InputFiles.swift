import Foundation

/// One document to read: a file found under a command-line PATH, or standard input.
public struct InputFile: Sendable, Hashable {
    /// The file's path as the program opens it; `-` for standard input.
    public var path: String
    /// The document's name in output: its path relative to the PATH it was found under
    /// (`2025/q3/recap.html`), its file name when named on the command line, `stdin` for `-`.
    public var doc: String
    /// The file's size in bytes when the walk saw it (used to schedule large files first).
    public var size: Int?
    /// True for standard input.
    public var isStandardInput: Bool { path == "-" }

    /// Creates an input.
    public init(path: String, doc: String, size: Int? = nil) {
        self.path = path
        self.doc = doc
        self.size = size
    }

    /// The folder that holds the file (where its `documents.tsv` sidecar would be).
    public var folder: String {
        isStandardInput ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
    }

    /// The file's own name.
    public var fileName: String {
        isStandardInput ? "stdin" : (path as NSString).lastPathComponent
    }
}

/// A file or path that could not be read, with the reason; printed as `path: reason`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave or the walk found it.
    public var path: String
    /// Why it failed, in a few words.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error about `input`, named by its path (`stdin` for standard input).
    public init(_ input: InputFile, reason: String) {
        self.init(path: input.isStandardInput ? "stdin" : input.path, reason: reason)
    }

    public var description: String { "\(path): \(reason)" }
}

/// Which files the command-line PATHs name, by the rule of the claims contract ("Which files are
/// documents"): a file named on the command line is always read; a folder is walked recursively
/// for `.html`, `.htm`, `.xhtml`, `.txt`, `.md` and `.pdf` files, skipping hidden files and folders,
/// folders named `expected` or `market`, and sidecars; `-` is standard input.
public enum InputDiscovery {
    /// Extensions a folder walk yields.
    public static let documentExtensions: Set<String> = ["html", "htm", "xhtml", "txt", "md", "pdf"]
    /// Folder names a walk skips: expectations and market data live there.
    public static let skippedFolders: Set<String> = ["expected", "market"]
    /// Files a walk never yields.
    public static let sidecarNames: Set<String> = ["documents.tsv"]

    /// The documents under `paths`, in command-line order and, within a folder, sorted by
    /// relative path; and the paths that do not exist.
    public static func discover(_ paths: [String]) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        var seen = Set<String>()
        for path in paths {
            if path == "-" {
                files.append(InputFile(path: "-", doc: "stdin"))
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                errors.append(InputError(path: path, reason: "no such file or folder"))
                continue
            }
            var isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            if (info.st_mode & S_IFMT) == S_IFLNK {
                var target = stat()
                if stat(path, &target) == 0 { isFolder = (target.st_mode & S_IFMT) == S_IFDIR }
            }
            if isFolder {
                for file in walk(path) where seen.insert(file.path).inserted { files.append(file) }
            } else if seen.insert(path).inserted {
                files.append(InputFile(path: path, doc: (path as NSString).lastPathComponent, size: Int(info.st_size)))
            }
        }
        return (files, errors)
    }

    /// Walks a folder without following symbolic links to folders (no cycles).
    static func walk(_ root: String) -> [InputFile] {
        var out: [InputFile] = []
        var stack: [String] = [""]  // paths relative to root
        let fm = FileManager.default
        while let relative = stack.popLast() {
            let folder = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted(by: >) {
                if name.hasPrefix(".") { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let full = (folder as NSString).appendingPathComponent(name)
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR {
                    if !skippedFolders.contains(name.lowercased()) { stack.append(childRelative) }
                    continue
                }
                var size = Int(info.st_size)
                if type == S_IFLNK {
                    var target = stat()
                    if stat(full, &target) == 0 {
                        if (target.st_mode & S_IFMT) == S_IFDIR { continue }
                        size = Int(target.st_size)
                    }
                }
                let ext = (name as NSString).pathExtension.lowercased()
                guard documentExtensions.contains(ext), !sidecarNames.contains(name) else { continue }
                out.append(InputFile(path: full, doc: childRelative, size: size))
            }
        }
        return out.sorted { $0.doc.utf8.lexicographicallyPrecedes($1.doc.utf8) }
    }
}
