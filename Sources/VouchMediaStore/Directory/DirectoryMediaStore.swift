import Crypto
import NIOCore
import VouchEncoding

/// Media kept in a local folder: the embedded default, for a deployment whose `vouch serve`
/// and `vouch worker` processes share one machine (or one network file system).
///
/// The folder holds `objects/<key>` (the bytes, as they were given, so a server can send a
/// range straight from the file), `meta/<key>` (a sidecar: content type, ETag) and `tmp/`
/// (files being written, on the same file system so that the final rename is atomic).
///
/// The content type is kept in the sidecar rather than derived from the key's extension because
/// originals are stored under `originals/<sha256hex>`, with no extension, and keep whatever type
/// the uploader declared. The sidecar also keeps the ETag (the content's SHA-256, computed while
/// the file is copied in), so that describing a 300 MB video does not read it again. It is
/// written after the object, so an object whose sidecar exists is complete; an object without
/// one (a writer that died between the two renames) is treated as absent and is replaced by
/// the next `put`.
public struct DirectoryMediaStore: MediaStore {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public func put(contentsOf file: String, as key: MediaKey, contentType: String) async throws(MediaStoreError) -> StoredMedia {
        guard let size = try POSIX.fileSize(file) else {
            throw .io(path: file, operation: "open", message: "no such file")
        }
        try POSIX.makeDirectories(temporaryFolder)
        let object = objectPath(key)
        try POSIX.makeDirectories(POSIX.parent(of: object))
        let copy = try TemporaryFile(in: temporaryFolder)
        var digest = SHA256()
        do {
            for try await chunk in FileChunks(path: file, range: 0..<size) {
                chunk.withUnsafeReadableBytes { digest.update(bufferPointer: $0) }
                try copy.write(chunk)
            }
        } catch let error as MediaStoreError {
            throw error
        } catch {
            throw .io(path: file, operation: "read", message: "\(error)")
        }
        try copy.commit(as: object)
        let stored = StoredMedia(key: key, size: size, contentType: contentType, etag: "\"\(digest.finalize().hexEncodedString)\"")
        try writeSidecar(MediaSidecar(contentType: contentType, etag: stored.etag), for: key)
        return stored
    }

    public func describe(_ key: MediaKey) async throws(MediaStoreError) -> StoredMedia? {
        guard let sidecar = try readSidecar(for: key), let size = try POSIX.fileSize(objectPath(key)) else { return nil }
        return StoredMedia(key: key, size: size, contentType: sidecar.contentType, etag: sidecar.etag)
    }

    public func read(_ key: MediaKey, range: Range<Int64>) async throws(MediaStoreError) -> AsyncThrowingStream<ByteBuffer, any Error> {
        let object = objectPath(key)
        guard try POSIX.fileSize(object) != nil else { throw .notFound(key) }
        return AsyncThrowingStream(pulling: FileChunks(path: object, range: range))
    }

    public func download(_ key: MediaKey, to file: String) async throws(MediaStoreError) {
        let object = objectPath(key)
        guard let size = try POSIX.fileSize(object) else { throw .notFound(key) }
        let copy = try TemporaryFile(in: POSIX.parent(of: file))
        do {
            for try await chunk in FileChunks(path: object, range: 0..<size) {
                try copy.write(chunk)
            }
        } catch let error as MediaStoreError {
            throw error
        } catch {
            throw .io(path: object, operation: "read", message: "\(error)")
        }
        try copy.commit(as: file)
    }

    public func remove(_ key: MediaKey) async throws(MediaStoreError) {
        // The sidecar first: from then on the object reads as absent, even if removing it fails.
        try POSIX.removeFile(sidecarPath(key))
        try POSIX.removeFile(objectPath(key))
    }

    func objectPath(_ key: MediaKey) -> String { "\(root)/objects/\(key.rawValue)" }

    func sidecarPath(_ key: MediaKey) -> String { "\(root)/meta/\(key.rawValue)" }

    private var temporaryFolder: String { "\(root)/tmp" }
}
