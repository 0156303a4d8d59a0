/// Bounds on a caption file a platform submits, so one file cannot cost the server or a
/// shopper's browser more than a caption track should.
public struct CaptionLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int
    /// The most cues a track may have.
    public var maxCues: Int
    /// The longest cue text (and cue identifier), in characters, after markup is stripped.
    public var maxCueLength: Int
    /// The latest time a cue may start or end.
    public var maxTimestamp: Duration

    public init(maxBytes: Int = 256 * 1024, maxCues: Int = 2000, maxCueLength: Int = 500, maxTimestamp: Duration = .seconds(24 * 60 * 60)) {
        self.maxBytes = maxBytes
        self.maxCues = maxCues
        self.maxCueLength = maxCueLength
        self.maxTimestamp = maxTimestamp
    }

    /// 256 KiB, 2000 cues, 500 characters a cue, 24 hours.
    public static let standard = CaptionLimits()
}
