/// The hard limits applied to every untrusted clip before and while it is decoded.
///
/// They are read from `Config/vouch.json` (`media.limits`); a clip over any of them
/// fails fast with a ``MediaError`` instead of consuming the worker.
public struct MediaLimits: Sendable, Codable, Equatable {
    /// The largest upload accepted, in bytes.
    public var maxFileBytes: Int64
    /// The longest file accepted, in seconds: every stream must end by then, audio
    /// included, and so must the container's declared duration.
    public var maxDurationSeconds: Double
    /// The most pixels one frame may have (width × height).
    public var maxPixels: Int
    /// Wall-clock seconds allowed to open, probe and decode one clip.
    public var decodeBudgetSeconds: Double
    /// The containers (FFmpeg demuxer names) that uploads may use. Anything else,
    /// playlists and image sequences above all, is refused before it is parsed.
    public var allowedContainers: [String]
    /// The video codecs (FFmpeg codec names) that uploads may use. FFmpeg opens no
    /// decoder for any other codec, audio ones included (Vouch never decodes audio),
    /// so a clip cannot reach the rarely used, less hardened decoders an attacker
    /// would pick; such a clip is refused with `codec-not-allowed`.
    public var allowedCodecs: [String]

    public init(
        maxFileBytes: Int64 = 256 << 20,
        maxDurationSeconds: Double = 600,
        maxPixels: Int = 3840 * 2160,
        decodeBudgetSeconds: Double = 120,
        allowedContainers: [String] = ["mov", "mp4", "matroska", "webm", "avi", "flv", "mpegts", "ogg"],
        allowedCodecs: [String] = ["h264", "hevc", "vp8", "vp9", "av1", "mpeg4"]
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDurationSeconds = maxDurationSeconds
        self.maxPixels = maxPixels
        self.decodeBudgetSeconds = decodeBudgetSeconds
        self.allowedContainers = allowedContainers
        self.allowedCodecs = allowedCodecs
    }
}
