import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a temporary name and then renamed over its destination, so a reader
/// sees the old file or the whole new one, never a part: a crashed or concurrent writer of
/// the same key leaves nothing half-written behind the name.
///
/// `commit(as:)` flushes the data (fsync) before the rename and the folder's entry after it, so
/// a committed file survives a power loss. An uncommitted one is removed when dropped.
final class TemporaryFile {
    let path: String
    private var descriptor: Int32
    private var committed = false

    /// A new, empty file in `directory`, which must be on the destination's file system.
    init(in directory: String) throws(MediaStoreError) {
        var template = Array("\(directory)/.partial-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else { throw POSIX.failure("mkstemp", path) }
    }

    func write(_ buffer: ByteBuffer) throws(MediaStoreError) {
        var remaining = buffer
        while remaining.readableBytes > 0 {
            let written = remaining.withUnsafeReadableBytes { writeBytes(descriptor, $0) }
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIX.failure("write", path)
            }
            remaining.moveReaderIndex(forwardBy: written)
        }
    }

    /// Makes the written bytes the file at `destination`, readable by all.
    func commit(as destination: String) throws(MediaStoreError) {
        guard fchmod(descriptor, 0o644) == 0 else { throw POSIX.failure("fchmod", path) }
        guard fsync(descriptor) == 0 else { throw POSIX.failure("fsync", path) }
        guard close(descriptor) == 0 else { throw POSIX.failure("close", path) }
        descriptor = -1
        guard rename(path, destination) == 0 else { throw POSIX.failure("rename to \(destination)", path) }
        committed = true
        try POSIX.synchronizeDirectory(POSIX.parent(of: destination))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(path) }
    }
}

/// `write(2)`, named apart from the method that calls it.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    write(descriptor, bytes.baseAddress, bytes.count)
}
