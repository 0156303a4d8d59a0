/// How two fingerprints are compared; the decision threshold is calibrated on
/// the accuracy corpus (`Docs/benchmarks.md`) and lives in `Config/vouch.json`.
public struct MatchSettings: Sendable, Codable, Equatable {
    /// The largest PDQ distance at which two frames count as the same picture.
    /// Far looser than vPDQ's 31, because a pair only counts when its neighbours
    /// agree in time; unrelated frames sit near 128, and on the accuracy corpus
    /// no non-copy scores above 0 at 80 (at 88 one reaches 0.42).
    public var frameRadius: Int
    /// Playback speeds, as reference seconds per query second, that alignment considers.
    public var slowestSpeed: Double
    public var fastestSpeed: Double
    /// How far, in seconds, a frame pair may sit off its alignment line.
    public var alignmentTolerance: Double
    /// The longest gap, in query seconds, inside one matched segment.
    public var maximumGap: Double
    /// Distinct alignments reported at most: a query can splice several parts of a reference.
    public var maximumSegments: Int
    /// Weighted matched seconds at which the score reaches 1 − 1/e ≈ 0.63.
    public var evidenceScale: Double
    /// Scores at or above this are matches. A perfect three-frame segment at
    /// 2 frames a second scores 0.53; calibrated on the accuracy corpus.
    public var threshold: Double

    public init(
        frameRadius: Int = 80, slowestSpeed: Double = 0.5, fastestSpeed: Double = 2,
        alignmentTolerance: Double = 0.3, maximumGap: Double = 1.5, maximumSegments: Int = 3,
        evidenceScale: Double = 2, threshold: Double = 0.4
    ) {
        self.frameRadius = frameRadius
        self.slowestSpeed = slowestSpeed
        self.fastestSpeed = fastestSpeed
        self.alignmentTolerance = alignmentTolerance
        self.maximumGap = maximumGap
        self.maximumSegments = maximumSegments
        self.evidenceScale = evidenceScale
        self.threshold = threshold
    }
}
