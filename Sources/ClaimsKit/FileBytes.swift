import Foundation

/// Reads whole files with POSIX calls, so that each failure has a precise reason.
public enum FileBytes {
    /// The bytes of a file, or of standard input for `-`.
    ///
    /// - Parameter limit: files larger than this are refused before they are read.
    /// - Throws: ``InputError`` naming the path and the reason (missing, broken link, a folder,
    ///   permission, too large, a read error).
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        if path == "-" { return try readAll(fd: 0, path: "stdin", limit: limit) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if code == ENOENT, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                throw InputError(path: path, reason: "broken symbolic link")
            }
            throw InputError(path: path, reason: reason(code))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, reason: "is a folder, not a file") }
            if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > limit {
                throw InputError(path: path, reason: "file is \(info.st_size) bytes, over the limit of \(limit) bytes")
            }
        }
        return try readAll(fd: fd, path: path, limit: limit, sizeHint: Int(info.st_size))
    }

    private static func readAll(fd: Int32, path: String, limit: Int, sizeHint: Int = 0) throws -> [UInt8] {
        var capacity = max(sizeHint, 0) + 1
        var result = [UInt8]()
        while true {
            // read into uninitialised capacity: no zero-filling of a buffer about to be overwritten
            var failure: Int32 = 0
            var done = false
            let previous = result
            result = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                if count > 0 { buffer.baseAddress!.update(from: previous, count: count) }
                while count < capacity {
                    let got = Foundation.read(fd, buffer.baseAddress! + count, capacity - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { done = true; return }
                    count += got
                    if count > limit { throw InputError(path: path, reason: "input is over the limit of \(limit) bytes") }
                }
            }
            if failure != 0 { throw InputError(path: path, reason: reason(failure)) }
            if done { return result }
            capacity = max(capacity * 2, 65536)
        }
    }

    /// A short reason for an `errno` value.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a folder, not a file"
        case ELOOP: return "too many levels of symbolic links"
        case EIO: return "input/output error"
        default: return String(cString: strerror(code))
        }
    }

    /// Writes bytes to a file, creating its folder when missing, replacing what was there.
    ///
    /// - Throws: ``InputError`` naming the path and the reason.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw InputError(path: folder, reason: "cannot create folder: \(reason(errno))")
            }
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw InputError(path: path, reason: "cannot write: \(reason(errno))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError(path: path, reason: "cannot write: \(reason(errno))")
                }
                offset += n
            }
        }
    }
}
