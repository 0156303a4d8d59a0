/// What a store knows of one object: enough for an HTTP answer's `Content-Length`,
/// `Content-Type` and `ETag` without reading the object itself.
public struct StoredMedia: Sendable, Equatable {
    public let key: MediaKey
    public let size: Int64
    public let contentType: String
    /// A quoted strong validator (`"…"`), as an `ETag` header carries it: the directory store's
    /// is the content's SHA-256, S3's is whatever the service answered.
    public let etag: String

    public init(key: MediaKey, size: Int64, contentType: String, etag: String) {
        self.key = key
        self.size = size
        self.contentType = contentType
        self.etag = etag
    }
}
