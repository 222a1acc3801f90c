import CZlib

/// Decompresses gzip files (`.csv.gz`) with the system zlib.
///
/// zlib itself rather than a Swift wrapper: the only mirrored one, compress-nio, streams
/// SwiftNIO `ByteBuffer`s for network bodies, while this reads one whole file with a size limit
/// (SwiftNIO is in the build through PostgresNIO, but `MarketMetrics` does not otherwise need it);
/// zlib is on every machine that has libxml2 (`.ci/run` installs `zlib1g-dev`).
enum Gzip {
    /// True when the bytes start with the gzip magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes of a gzip stream (several members one after another are joined,
    /// as `gunzip` does).
    ///
    /// - Parameter limit: decompressed output larger than this is refused (a gzip bomb).
    /// - Throws: a reason as text when the stream is corrupt, truncated or too large.
    static func decompress(_ input: [UInt8], limit: Int) throws(MarketDataProblem) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
        var stream = z_stream()
        // 15 window bits + 16: gzip framing only (a zlib or raw stream is not a .gz file).
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw MarketDataProblem("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var failure: String?
        input.withUnsafeBufferPointer { inBuffer in
            var offset = 0
            while offset < inBuffer.count {
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress! + offset)
                stream.avail_in = UInt32(min(inBuffer.count - offset, Int(UInt32.max)))
                let before = Int(stream.avail_in)
                var status: Int32 = Z_OK
                repeat {
                    status = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    let produced = chunk.count - Int(stream.avail_out)
                    if output.count + produced > limit {
                        failure = "decompresses to more than \(limit) bytes"
                        return
                    }
                    output.append(contentsOf: chunk[0..<produced])
                } while status == Z_OK && (stream.avail_out == 0 || stream.avail_in > 0)
                offset += before - Int(stream.avail_in)
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; anything else after the end is an error.
                    if offset < inBuffer.count {
                        guard inBuffer.count - offset >= 2, inBuffer[offset] == 0x1F, inBuffer[offset + 1] == 0x8B else {
                            failure = "has bytes after the end of the gzip data"
                            return
                        }
                        inflateReset(&stream)
                    }
                case Z_OK, Z_BUF_ERROR:
                    if offset >= inBuffer.count {
                        failure = "gzip data is truncated"
                        return
                    }
                    if Int(stream.avail_in) == before {
                        failure = "gzip data is corrupt (no progress)"
                        return
                    }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = "gzip data is corrupt (\(message))"
                    return
                }
            }
        }
        if let failure { throw MarketDataProblem(failure) }
        return output
    }
}
