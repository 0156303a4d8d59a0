/// What a probe learned about one file: its container, streams and tags.
///
/// This is the record a moderator or a platform sees for an upload, and the
/// input to the limits check; it is a plain value so it can be stored as JSON.
public struct MediaInfo: Sendable, Codable, Equatable {
    public var path: String
    public var sizeBytes: Int64
    /// FFmpeg's demuxer name, for example `mov,mp4,m4a,3gp,3g2,mj2`.
    public var container: String
    public var containerDescription: String
    public var durationSeconds: Double?
    public var bitRate: Int?
    public var streams: [StreamInfo]
    /// Container-level tags, such as `creation_time`, `encoder` and `major_brand`.
    public var tags: [String: String]
    /// The index of the stream Vouch decodes, as FFmpeg's best-stream heuristic picks it.
    public var videoStreamIndex: Int

    package init(path: String, sizeBytes: Int64, container: String, containerDescription: String, durationSeconds: Double?,
                 bitRate: Int?, streams: [StreamInfo], tags: [String: String], videoStreamIndex: Int) {
        self.path = path
        self.sizeBytes = sizeBytes
        self.container = container
        self.containerDescription = containerDescription
        self.durationSeconds = durationSeconds
        self.bitRate = bitRate
        self.streams = streams
        self.tags = tags
        self.videoStreamIndex = videoStreamIndex
    }

    /// The stream Vouch decodes.
    public var video: StreamInfo {
        streams.first { $0.index == videoStreamIndex }!
    }
}

/// One stream of a media file.
public struct StreamInfo: Sendable, Codable, Equatable {
    /// What a stream carries.
    public enum Kind: String, Sendable, Codable {
        case video, audio, subtitle, data, attachment, unknown
    }

    public var index: Int
    public var kind: Kind
    public var codec: String
    public var profile: String?
    public var durationSeconds: Double?
    /// When the stream starts, in seconds: a stream may begin hours into the file.
    public var startSeconds: Double?
    public var frameCount: Int?
    public var bitRate: Int?
    public var tags: [String: String]

    /// Coded width and height, as stored, before the display rotation.
    public var width: Int?
    public var height: Int?
    public var frameRate: Double?
    public var pixelFormat: String?
    /// Clockwise degrees (0, 90, 180 or 270) that turn a stored frame upright.
    public var rotation: Int?
    /// Whether the display matrix also mirrors the picture.
    public var mirrored: Bool?

    public var sampleRate: Int?
    public var channels: Int?

    /// The fields every stream has; the video and audio ones are set after.
    package init(index: Int, kind: Kind, codec: String, profile: String?, durationSeconds: Double?, startSeconds: Double?,
                 frameCount: Int?, bitRate: Int?, tags: [String: String]) {
        self.index = index
        self.kind = kind
        self.codec = codec
        self.profile = profile
        self.durationSeconds = durationSeconds
        self.startSeconds = startSeconds
        self.frameCount = frameCount
        self.bitRate = bitRate
        self.tags = tags
    }

    /// Width and height as shown to a viewer, after the rotation.
    public var displaySize: (width: Int, height: Int)? {
        guard let width, let height else { return nil }
        return rotation == 90 || rotation == 270 ? (height, width) : (width, height)
    }
}
