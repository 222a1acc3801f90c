import Foundation

/// Paths and helpers shared by the test targets.
public enum TestPaths {
    /// The package root (three levels above `Tests/ClaimsTestSupport/TestSupport.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Corpus/` in the package.
    public static let corpus = packageRoot.appendingPathComponent("Corpus")

    /// `../shared` beside the package, when present.
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The article-extraction benchmark in `../shared`.
    public static let textBenchmark = shared.appendingPathComponent("data/article-extraction-benchmark")

    /// True when a path exists.
    public static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// The folder holding the built products (`.build/debug`), found from the test bundle.
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    /// The built `claims` executable.
    public static var claimsBinary: URL { productsDirectory.appendingPathComponent("claims") }
}

/// A fresh temporary folder, removed by `remove()`.
public struct TemporaryFolder {
    /// The folder.
    public let url: URL

    /// Creates a new empty folder under the system's temporary folder.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes bytes to a file under the folder, creating sub-folders.
    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) throws -> URL {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target
    }

    /// Writes UTF-8 text to a file under the folder.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Array(text.utf8))
    }

    /// The path of a file under the folder.
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Deletes the folder.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The outcome of running a program.
public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
}

/// Runs a program with arguments (and optional standard input) and collects its output.
public func runProcess(_ executable: URL, _ arguments: [String], stdin: [UInt8]? = nil,
                       currentDirectory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
    try input.fileHandleForWriting.close()
    // read both pipes while the process runs, so a large output cannot block it
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// The main-text metric of the article-extraction benchmark (as `../shared/tools/score-text`
/// describes it): word tokens, 4-token shingles compared as multisets, per-document precision and
/// recall averaged over documents.
public enum ShingleScore {
    /// Word tokens: maximal runs of letters, numbers and `_` (Python's `\w+`, which leaves out
    /// combining marks).
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var start: String.UnicodeScalarView.Index? = nil
        func isWord(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return s == "_"
            }
        }
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if isWord(scalars[i]) {
                if start == nil { start = i }
            } else if let s = start {
                out.append(String(scalars[s..<i]))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let s = start { out.append(String(scalars[s...])) }
        return out
    }

    /// 4-token shingles as a multiset (a text of 1...3 tokens gives one shorter shingle).
    public static func shingles(_ tokens: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        if tokens.isEmpty { return out }
        if tokens.count < 4 { out[tokens.joined(separator: " "), default: 0] += 1; return out }
        for k in 0...(tokens.count - 4) { out[tokens[k..<(k + 4)].joined(separator: " "), default: 0] += 1 }
        return out
    }

    /// Per-document (precision, recall), or nil for a side that has no shingle.
    public static func document(truth: String, prediction: String) -> (precision: Double?, recall: Double?) {
        let t = shingles(tokens(truth)), p = shingles(tokens(prediction))
        var tp = 0.0, fp = 0.0, fn = 0.0
        for (k, v) in p { let m = min(v, t[k] ?? 0); tp += Double(m); fp += Double(v - m) }
        for (k, v) in t { fn += Double(max(0, v - (p[k] ?? 0))) }
        let precision: Double? = p.isEmpty ? nil : (fp == 0 && fn == 0 ? 1 : (tp + fp == 0 ? 0 : tp / (tp + fp)))
        let recall: Double? = t.isEmpty ? nil : (fp == 0 && fn == 0 ? 1 : (tp + fn == 0 ? 0 : tp / (tp + fn)))
        return (precision, recall)
    }
}

import ClaimModel

extension Document {
    /// The text of one block, cut out of `text` by its scalar offsets.
    public func text(of block: Block) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[block.start..<block.end]))
    }

    /// The texts of all blocks, in order.
    public var blockTexts: [String] {
        let scalars = Array(text.unicodeScalars)
        return blocks.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }
}

/// The throwaway PostgreSQL server `.ci/run` starts, named by `CLAIMS_TEST_POSTGRES`
/// (`postgres://postgres@127.0.0.1:55432/claims_test`); tests that need it skip without it.
public enum PostgresTestServer {
    /// The server's URL, or nil when the variable is not set.
    public static var url: String? {
        ProcessInfo.processInfo.environment["CLAIMS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new empty database on the server (made with `psql`), as a URL.
    public static func newDatabase() throws -> String {
        guard let url, var parts = URLComponents(string: url) else {
            throw POSIXError(.ENOENT)
        }
        let name = "claims_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        var arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", parts.host ?? "127.0.0.1", "-p", String(parts.port ?? 5432),
                         "-U", parts.user ?? "postgres", "-d", String(parts.path.dropFirst()), "-c", "CREATE DATABASE \(name)"]
        if let socket = parts.queryItems?.first(where: { $0.name == "host" })?.value { arguments[5] = socket }
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/psql"), arguments)
        guard result.status == 0 else { throw POSIXError(.EIO) }
        parts.path = "/" + name
        return parts.string!
    }
}
