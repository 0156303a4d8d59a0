/// How clips are fingerprinted and matched: the `fingerprint` section of `Config/vouch.json`.
public struct FingerprintSettings: Sendable, Codable, Equatable {
    /// Frames hashed per second of video. Two a second keeps a trimmed copy's
    /// frames within a quarter second of an original's.
    public var framesPerSecond: Double
    /// The longest side, in pixels, of the frames hashed (PDQ reduces them to 64×64).
    public var frameSize: Int
    /// Frames below this PDQ quality carry too little detail to match on.
    public var minimumQuality: Int
    public var matching: MatchSettings

    public init(framesPerSecond: Double = 2, frameSize: Int = 512, minimumQuality: Int = 50, matching: MatchSettings = MatchSettings()) {
        self.framesPerSecond = framesPerSecond
        self.frameSize = frameSize
        self.minimumQuality = minimumQuality
        self.matching = matching
    }
}
