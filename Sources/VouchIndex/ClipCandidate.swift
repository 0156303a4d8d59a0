import VouchFingerprint

/// An indexed clip whose frames agree with the query's along one time line.
///
/// Candidates come from the index's vote over frame hits, which needs nothing
/// but hashes and times; ``NearDuplicateIndex/matches(for:verifiedBy:using:)``
/// then verifies the best of them with the full ``TemporalMatcher``.
public struct ClipCandidate: Sendable, Equatable {
    /// The store's id for the clip.
    public var clipID: Int64
    /// Query frames with a hit on the line `reference = speed × query + offset`.
    public var votes: Int
    /// The mean PDQ distance of those frames' closest hits.
    public var meanDistance: Double
    /// Reference seconds per query second.
    public var speed: Double
    /// Reference time, in seconds, where the query's time zero falls.
    public var offset: Double
    /// How the query's frames are turned or mirrored relative to the clip's.
    public var symmetry: Dihedral

    public init(clipID: Int64, votes: Int, meanDistance: Double, speed: Double, offset: Double, symmetry: Dihedral) {
        self.clipID = clipID
        self.votes = votes
        self.meanDistance = meanDistance
        self.speed = speed
        self.offset = offset
        self.symmetry = symmetry
    }

    /// More votes first, then closer frames, then the lower id, so rankings are reproducible.
    func ranks(before other: ClipCandidate) -> Bool {
        (other.votes, meanDistance, clipID) < (votes, other.meanDistance, other.clipID)
    }
}
