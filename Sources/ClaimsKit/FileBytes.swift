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
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused below)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
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
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw InputError(path: path, reason: "is a folder, not a file")
            case S_IFREG: break
            case S_IFIFO: throw InputError(path: path, reason: "is a named pipe, not a regular file")
            case S_IFCHR, S_IFBLK: throw InputError(path: path, reason: "is a device, not a regular file")
            case S_IFSOCK: throw InputError(path: path, reason: "is a socket, not a regular file")
            default: throw InputError(path: path, reason: "is not a regular file")
            }
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
    /// - Parameter folder: when given, the file must end up inside it: a path through a symbolic
    ///   link that leads out of it, or a symbolic link at the path itself, is refused.
    public static func write(_ bytes: [UInt8], to path: String, inside folder: String? = nil) throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw InputError(path: parent, reason: "cannot create folder: \(reason(errno))")
            }
        }
        // a symbolic link inside the output folder must not lead the write out of it
        if let folder, let root = realPath(folder), let real = realPath(parent), real != root, !real.hasPrefix(root == "/" ? "/" : root + "/") {
            throw InputError(path: path, reason: "would be written outside the output folder \(folder) (through a symbolic link)")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (folder == nil ? 0 : O_NOFOLLOW), 0o644)
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

    /// The canonical path (symbolic links resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
