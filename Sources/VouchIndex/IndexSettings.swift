import VouchFingerprint

/// How the index searches: the distance at which two frames are the same picture,
/// how hard each hash is probed, and how frame hits become clip candidates.
///
/// The defaults meet the goals on this machine (`Docs/benchmarks.md`);
/// `probeRadius` 1 buys exactness up to distance 15 for more work a query.
public struct IndexSettings: Sendable, Codable, Equatable {
    /// The largest PDQ distance reported as a frame hit; by default the matcher's
    /// own frame radius (80), which the chunk tables reach as cheaply as vPDQ's 31
    /// and which finds captioned, stickered and padded copies that 31 misses.
    public var radius: Int
    /// Bits flipped in each probed chunk key, 0 or 1. Every frame pair within
    /// `8 × (probeRadius + 1) − 1` (7 or 15) is found; farther pairs, up to
    /// `radius`, are found often but not always (measured in `vouch bench index`).
    public var probeRadius: Int
    /// Frames below this PDQ quality are neither indexed nor looked up, as in the matcher.
    public var minimumQuality: Int
    /// Query frames that must agree on one time line for a clip to be a candidate.
    public var minimumVotes: Int
    /// Candidates returned, best first; verification runs on these.
    public var candidateLimit: Int
    /// The largest distance, of 63 bits, at which two local features are the
    /// same blob. Unrelated blobs differ by about 32; copies' mostly by under 8.
    public var featureRadius: Int
    /// Local features stored of each frame that has them, strongest first.
    public var featuresStoredPerFrame: Int
    /// Seconds between the frames whose local features are stored; a query
    /// probes all of its own, so a stored frame is always near one of them.
    public var featureInterval: Double
    /// The speeds and alignment tolerance the vote uses: the matcher's own.
    public var matching: MatchSettings

    public init(
        radius: Int? = nil, probeRadius: Int = 0, minimumQuality: Int = 50, minimumVotes: Int = 2,
        candidateLimit: Int = 20, featureRadius: Int = 8, featuresStoredPerFrame: Int = 12, featureInterval: Double = 2,
        matching: MatchSettings = MatchSettings()
    ) {
        self.featureRadius = featureRadius
        self.featuresStoredPerFrame = max(featuresStoredPerFrame, 0)
        self.featureInterval = featureInterval
        self.radius = radius ?? matching.frameRadius
        self.probeRadius = min(max(probeRadius, 0), 1)
        self.minimumQuality = minimumQuality
        self.minimumVotes = max(minimumVotes, 1)
        self.candidateLimit = max(candidateLimit, 1)
        self.matching = matching
    }
}
