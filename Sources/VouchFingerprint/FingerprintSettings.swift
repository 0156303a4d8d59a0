/// How clips are fingerprinted and matched: the `fingerprint` section of `Config/vouch.json`.
public struct FingerprintSettings: Sendable, Codable, Equatable {
    /// Frames hashed per second of video. Two a second keeps a trimmed copy's
    /// frames within a quarter second of an original's.
    public var framesPerSecond: Double
    /// The longest side, in pixels, of the frames hashed (PDQ reduces them to 64×64).
    public var frameSize: Int
    /// Frames below this PDQ quality carry too little detail to match on.
    public var minimumQuality: Int
    /// Frames a second that also get ``LocalFeature``s, for finding cropped and
    /// inset copies through the index: one a second keeps their cost near a
    /// tenth of fingerprinting's.
    public var featureFramesPerSecond: Double
    /// Local features kept on each of those frames, strongest first.
    public var featuresPerFrame: Int
    public var matching: MatchSettings

    public init(framesPerSecond: Double = 2, frameSize: Int = 512, minimumQuality: Int = 50, featureFramesPerSecond: Double = 1,
                featuresPerFrame: Int = 64, matching: MatchSettings = MatchSettings()) {
        self.framesPerSecond = framesPerSecond
        self.frameSize = frameSize
        self.minimumQuality = minimumQuality
        self.featureFramesPerSecond = featureFramesPerSecond
        self.featuresPerFrame = featuresPerFrame
        self.matching = matching
    }

    /// Every how many sampled frames one gets local features; 0 for none.
    var featureStride: Int {
        guard featureFramesPerSecond > 0, featuresPerFrame > 0 else { return 0 }
        return max(1, Int((framesPerSecond / featureFramesPerSecond).rounded()))
    }
}
