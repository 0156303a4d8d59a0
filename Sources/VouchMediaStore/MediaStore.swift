import NIOCore

/// Where review media (originals, web renditions, posters, captions) is kept: the one seam
/// between the processes that write it (`vouch worker`) and those that serve it (`vouch serve`),
/// so that one machine can keep it in a directory and a scaled-out deployment in S3.
///
/// Objects are content-addressed: a key names one content forever, so writing a key again
/// writes the same bytes and every operation may be retried.
public protocol MediaStore: Sendable {
    /// Stores the file's bytes under `key`, streamed from disk, never loaded whole. Idempotent.
    func put(contentsOf file: String, as key: MediaKey, contentType: String) async throws(MediaStoreError) -> StoredMedia
    /// What is stored under `key`; nil when nothing is.
    func describe(_ key: MediaKey) async throws(MediaStoreError) -> StoredMedia?
    /// Streams the bytes `range` (half-open, already clamped by the caller to the object's
    /// size) of the object, in chunks, as an HTTP range answer sends them.
    func read(_ key: MediaKey, range: Range<Int64>) async throws(MediaStoreError) -> AsyncThrowingStream<ByteBuffer, any Error>
    /// Copies the object to a local file, replacing it atomically (the worker needs the
    /// original on disk for FFmpeg).
    func download(_ key: MediaKey, to file: String) async throws(MediaStoreError)
    /// Removes the object; an absent one is not an error.
    func remove(_ key: MediaKey) async throws(MediaStoreError)
}
