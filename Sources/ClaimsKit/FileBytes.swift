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
        var buffer = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == buffer.count {
                if count > limit { throw InputError(path: path, reason: "input is over the limit of \(limit) bytes") }
                buffer.append(contentsOf: repeatElement(0, count: max(65536, buffer.count)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                Foundation.read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: reason(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { throw InputError(path: path, reason: "input is over the limit of \(limit) bytes") }
        buffer.removeSubrange(count...)
        return buffer
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
}
