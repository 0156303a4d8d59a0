/// What Vouch remembers of a clip's pictures: sampled frame hashes in time order.
///
/// It is all the index stores and all the matcher compares, so it must be small
/// (37 bytes a frame in its binary form), exchangeable (JSON, and vPDQ's text
/// format for ThreatExchange tools), and dense enough that a trimmed copy's
/// frames still land near the original's.
public struct VideoFingerprint: Sendable, Codable, Equatable {
    /// Frames sampled per second when the fingerprint was made.
    public var framesPerSecond: Double
    /// The source's own frame rate, for vPDQ's frame numbers; 0 when unknown.
    public var sourceFrameRate: Double
    /// Seconds of video fingerprinted.
    public var duration: Double
    /// Where the picture sat inside the frame, as fractions of its width and height.
    public var contentBox: ContentBox
    /// Pictures inside the picture (picture-in-picture, side by side), as
    /// fractions of the frame; each frame carries a hash of each.
    public var insets: [ContentBox]
    public var frames: [FrameHash]

    public init(
        framesPerSecond: Double, sourceFrameRate: Double, duration: Double,
        contentBox: ContentBox = .full, insets: [ContentBox] = [], frames: [FrameHash]
    ) {
        self.framesPerSecond = framesPerSecond
        self.sourceFrameRate = sourceFrameRate
        self.duration = duration
        self.contentBox = contentBox
        self.insets = insets
        self.frames = frames
    }
}
