import ClaimsKit
import Foundation

/// Buffered standard output: one write call per 64 KB rather than per line.
final class StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if errno == EINTR { continue }; break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Lines to standard error.
enum StandardError {
    static func print(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { raw in _ = Foundation.write(2, raw.baseAddress!, raw.count) }
    }
}

extension StandardError {
    /// Text to standard error without a line break (progress lines).
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in _ = Foundation.write(2, raw.baseAddress!, raw.count) }
    }
}

/// Prints claims in one of the claim formats on standard output.
enum ClaimPrinter {
    static func print(_ claims: [Claim], format: ClaimOutput.Format) {
        let output = StandardOutput()
        switch format {
        case .jsonl:
            var buffer: [UInt8] = []
            for c in claims {
                ClaimOutput.json(c, into: &buffer)
                buffer.append(0x0A)
                if buffer.count >= 1 << 16 { output.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            output.write(buffer)
        case .json:
            output.write(Array("[".utf8))
            for (i, c) in claims.enumerated() { output.write(Array(((i == 0 ? "\n" : ",\n") + ClaimOutput.json(c)).utf8)) }
            output.write(Array("\n]\n".utf8))
        case .csv:
            output.write(Array((ClaimOutput.csvHeader + "\n").utf8))
            for c in claims { output.write(Array((ClaimOutput.csv(c) + "\n").utf8)) }
        case .text:
            output.write(Array(ClaimOutput.table(claims).utf8))
        }
        output.flush()
    }
}
