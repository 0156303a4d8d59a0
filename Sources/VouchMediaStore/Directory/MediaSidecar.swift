import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the directory store keeps beside an object: the two facts its bytes do not carry.
struct MediaSidecar: Codable, Equatable {
    let contentType: String
    let etag: String
}

extension DirectoryMediaStore {
    /// Writes the sidecar atomically, as the object is written.
    func writeSidecar(_ sidecar: MediaSidecar, for key: MediaKey) throws(MediaStoreError) {
        let path = sidecarPath(key)
        let json: Data
        do {
            json = try JSONEncoder().encode(sidecar)
        } catch {
            throw .io(path: path, operation: "encode", message: "\(error)")
        }
        try POSIX.makeDirectories(POSIX.parent(of: path))
        let file = try TemporaryFile(in: "\(root)/tmp")
        try file.write(ByteBuffer(bytes: json))
        try file.commit(as: path)
    }

    /// The sidecar, or nil when the object has none (it is absent, or still being written).
    func readSidecar(for key: MediaKey) throws(MediaStoreError) -> MediaSidecar? {
        let path = sidecarPath(key)
        guard let size = try POSIX.fileSize(path) else { return nil }
        guard size <= 64 * 1024 else { throw .io(path: path, operation: "read", message: "a sidecar of \(size) bytes is not one of ours") }
        let file = try OpenFile(reading: path)
        var buffer = ByteBufferAllocator().buffer(capacity: Int(size))
        let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Int(size)) { bytes in
            max(0, pread(file.descriptor, bytes.baseAddress, Int(size), 0))
        }
        guard count == Int(size) else { throw POSIX.failure("pread", path) }
        do {
            return try JSONDecoder().decode(MediaSidecar.self, from: Data(buffer.readableBytesView))
        } catch {
            throw .io(path: path, operation: "decode", message: "\(error)")
        }
    }
}
