/// What a web rendition of a clip became: the path taken and what the two files hold.
///
/// The worker stores it beside the clip and the review page reads it, so it is a plain
/// value with no FFmpeg in it; the analysis child sends it back as JSON.
public struct RenditionReport: Sendable, Codable, Equatable {
    /// How the playable MP4 was made.
    public enum Method: String, Sendable, Codable {
        /// The upload's H.264 (and AAC) packets, moved into a fast-start MP4 untouched.
        case remux
        /// Decoded, turned upright, scaled and encoded again as H.264 and AAC.
        case transcode
    }

    public var method: Method
    /// The rendition's stored frame size. A remuxed clip keeps its display matrix, so
    /// a player shows it turned by ``rotation``; a transcoded one is stored upright.
    public var width: Int
    public var height: Int
    /// Clockwise degrees a player turns the stored frames: 0 after a transcode.
    public var rotation: Int
    public var durationSeconds: Double
    public var videoBytes: Int64
    public var videoCodec: String
    /// The audio codec of the rendition; nil when it has no sound.
    public var audioCodec: String?
    public var posterWidth: Int
    public var posterHeight: Int
    public var posterBytes: Int64
    /// Seconds into the clip of the frame the poster shows.
    public var posterSeconds: Double

    public init(method: Method, width: Int, height: Int, rotation: Int, durationSeconds: Double, videoBytes: Int64, videoCodec: String,
                audioCodec: String?, posterWidth: Int, posterHeight: Int, posterBytes: Int64, posterSeconds: Double) {
        self.method = method
        self.width = width
        self.height = height
        self.rotation = rotation
        self.durationSeconds = durationSeconds
        self.videoBytes = videoBytes
        self.videoCodec = videoCodec
        self.audioCodec = audioCodec
        self.posterWidth = posterWidth
        self.posterHeight = posterHeight
        self.posterBytes = posterBytes
        self.posterSeconds = posterSeconds
    }

    /// The size a viewer sees, after the player applies ``rotation``.
    public var displaySize: (width: Int, height: Int) {
        rotation == 90 || rotation == 270 ? (height, width) : (width, height)
    }
}
