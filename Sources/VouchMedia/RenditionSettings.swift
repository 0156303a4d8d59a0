/// How a web rendition is encoded when the upload cannot be remuxed.
///
/// The defaults are what the product page needs: a picture no larger than 720p on its
/// short side, H.264 at x264's CRF 23 with the `veryfast` preset (about 3× cheaper in CPU
/// than `medium` for a few percent more bytes at the same quality), and AAC at 128 kb/s.
public struct RenditionSettings: Sendable, Codable, Equatable {
    /// The most pixels the shorter side of the upright picture may have.
    public var maxShortSide: Int
    /// x264's constant rate factor: lower is better and larger.
    public var crf: Int
    /// x264's speed preset, from `ultrafast` to `veryslow`.
    public var preset: String
    /// x264 threads; 0 lets x264 choose (one and a half per core).
    public var threads: Int
    public var audioBitRate: Int
    /// The longest side of the poster JPEG.
    public var posterMaxSide: Int
    /// How far into the clip the poster is taken, as a fraction of its duration, capped
    /// at ``posterMaxSeconds``; it shows the first keyframe from that point on.
    public var posterFraction: Double
    public var posterMaxSeconds: Double

    public init(maxShortSide: Int = 720, crf: Int = 23, preset: String = "veryfast", threads: Int = 0, audioBitRate: Int = 128_000,
                posterMaxSide: Int = 720, posterFraction: Double = 0.1, posterMaxSeconds: Double = 1) {
        self.maxShortSide = maxShortSide
        self.crf = crf
        self.preset = preset
        self.threads = threads
        self.audioBitRate = audioBitRate
        self.posterMaxSide = posterMaxSide
        self.posterFraction = posterFraction
        self.posterMaxSeconds = posterMaxSeconds
    }
}
