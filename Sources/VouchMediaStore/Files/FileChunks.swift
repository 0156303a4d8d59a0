import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte range of a local file as a sequence of buffers, read a chunk at a time as the
/// consumer asks, so that a video of hundreds of megabytes is never held whole.
///
/// The file is opened on the first read and closed at the end or when the iterator goes away.
/// Each iteration opens it again, so an HTTP client may replay the sequence as a request body.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let range: Range<Int64>
    var chunkSize = 256 * 1024

    func makeAsyncIterator() -> Iterator {
        Iterator(path: path, range: range, chunkSize: chunkSize)
    }

    struct Iterator: AsyncIteratorProtocol {
        let path: String
        let range: Range<Int64>
        let chunkSize: Int
        private var offset: Int64
        private var file: OpenFile?

        init(path: String, range: Range<Int64>, chunkSize: Int) {
            self.path = path
            self.range = range
            self.chunkSize = chunkSize
            offset = range.lowerBound
        }

        mutating func next() async throws -> ByteBuffer? {
            guard offset < range.upperBound else {
                file = nil
                return nil
            }
            let file = try self.file ?? OpenFile(reading: path)
            self.file = file
            let wanted = Int(Swift.min(Int64(chunkSize), range.upperBound - offset))
            var buffer = ByteBufferAllocator().buffer(capacity: wanted)
            var count = 0
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: wanted) { bytes in
                count = pread(file.descriptor, bytes.baseAddress, wanted, off_t(offset))
                return Swift.max(0, count)
            }
            if count < 0 { throw POSIX.failure("pread", path) }
            guard count > 0 else {
                throw MediaStoreError.io(path: path, operation: "pread", message: "the file ended at byte \(offset), before \(range.upperBound)")
            }
            offset += Int64(count)
            return buffer
        }
    }
}

/// A file descriptor open for reading, closed when the last reference goes.
final class OpenFile: Sendable {
    let descriptor: Int32

    init(reading path: String) throws(MediaStoreError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .io(path: path, operation: "open", message: "no such file") }
            throw POSIX.failure("open", path)
        }
    }

    deinit { close(descriptor) }
}

extension AsyncThrowingStream where Failure == any Error {
    /// A stream that pulls each element from `sequence` only when its consumer asks for one,
    /// so a slow reader of a large object holds one chunk, not a growing buffer.
    init<Source: AsyncSequence & Sendable>(pulling sequence: Source) where Source.Element == Element {
        let iterator = PulledIterator(sequence.makeAsyncIterator())
        self.init(unfolding: { try await iterator.next() })
    }
}

/// Holds an iterator for `AsyncThrowingStream(unfolding:)`, which calls its closure once at a
/// time, from its single consumer: that is why the unchecked `Sendable` is safe.
private final class PulledIterator<Base: AsyncIteratorProtocol>: @unchecked Sendable {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> Base.Element? { try await base.next() }
}
