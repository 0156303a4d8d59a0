#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the stores make on local files, each failing as a
/// ``MediaStoreError/io(path:operation:message:)`` that names the call and the path.
enum POSIX {
    /// The error for the last failed call, from `errno`.
    static func failure(_ operation: String, _ path: String) -> MediaStoreError {
        .io(path: path, operation: operation, message: String(cString: strerror(errno)))
    }

    /// The size of the regular file at `path`; nil when nothing is there.
    static func fileSize(_ path: String) throws(MediaStoreError) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("stat", path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .io(path: path, operation: "stat", message: "not a regular file")
        }
        return Int64(info.st_size)
    }

    /// Removes the file at `path`; an absent one is not an error.
    static func removeFile(_ path: String) throws(MediaStoreError) {
        guard unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR else { throw failure("unlink", path) }
    }

    /// Makes `path` and its missing parents, as `mkdir -p` does.
    static func makeDirectories(_ path: String) throws(MediaStoreError) {
        var made = path.hasPrefix("/") ? "" : "."
        for segment in path.split(separator: "/") {
            made += "/" + segment
            if mkdir(made, 0o755) != 0 && errno != EEXIST { throw failure("mkdir", made) }
        }
    }

    /// Flushes a directory's entries to disk, so that a rename into it survives a crash.
    static func synchronizeDirectory(_ path: String) throws(MediaStoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", path) }
    }

    /// The folder that holds `path`.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
