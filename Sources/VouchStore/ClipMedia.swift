/// Where a clip's media is kept in the media store, by content-addressed key: the
/// verified original, and the web rendition and poster shoppers are served.
public struct ClipMedia: Sendable, Equatable {
    public var originalKey: String?
    public var renditionKey: String?
    public var posterKey: String?

    public init(originalKey: String? = nil, renditionKey: String? = nil, posterKey: String? = nil) {
        self.originalKey = originalKey
        self.renditionKey = renditionKey
        self.posterKey = posterKey
    }
}
