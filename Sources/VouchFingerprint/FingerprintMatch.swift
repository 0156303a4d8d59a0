/// The verdict of comparing a query fingerprint with a reference: where they
/// align, how much of each they share, and how sure the matcher is.
public struct FingerprintMatch: Sendable, Codable, Equatable {
    /// 0 (nothing shared) to 1 (long, close, time-consistent agreement).
    public var score: Double
    /// Whether the score reaches the configured threshold.
    public var isMatch: Bool
    public var segments: [MatchSegment]
    /// The fraction of the query's duration inside matched segments.
    public var queryCoverage: Double
    /// The fraction of the reference's duration inside matched segments.
    public var referenceCoverage: Double
    /// Segments set aside as common content (intros, end cards, a platform's sting):
    /// shown to moderators, counted for nothing. Nil when the match showed none.
    public var commonSegments: [MatchSegment]? = nil

    public static let none = FingerprintMatch(score: 0, isMatch: false, segments: [], queryCoverage: 0, referenceCoverage: 0)

    private enum CodingKeys: String, CodingKey {
        case score, isMatch = "match", segments, queryCoverage, referenceCoverage, commonSegments
    }
}

/// One stretch of the query that shows a stretch of the reference.
public struct MatchSegment: Sendable, Codable, Equatable {
    public var queryStart: Double
    public var queryEnd: Double
    public var referenceStart: Double
    public var referenceEnd: Double
    /// Reference seconds per query second: 2 means the query plays the reference at double speed.
    public var speed: Double
    /// Reference time where the query's time zero falls: `reference = speed × query + offset`.
    public var offset: Double
    /// How the query's frames are turned or mirrored relative to the reference's.
    public var symmetry: Dihedral
    public var matchedFrames: Int
    /// Mean PDQ distance of the matched frames, for segments found by hashes.
    public var meanDistance: Double?
    /// For segments found by hashes: the matched frames weighed by how close
    /// each is, a still picture held for seconds counting once unless close.
    public var weightedFrames: Double?
    /// For a segment found by registering thumbnails: the part of the reference
    /// a cropped copy shows, or the part of the query an inset reference fills,
    /// and the thumbnails' mean correlation there.
    public var referenceWindow: ContentBox?
    public var queryWindow: ContentBox?
    public var correlation: Double?
    /// For a segment verified by local features (``FeatureMatcher``): the mean
    /// number of features each matched frame placed on the reference.
    public var placedFeatures: Double?

    /// How the segment was found, which decides how its evidence is weighed.
    public enum Method: Sendable {
        /// Frame hashes aligned in time.
        case hashes
        /// Thumbnails registered under a crop or inset window.
        case registration
        /// Local features placed by one similarity.
        case features
    }

    public var method: Method {
        correlation != nil ? .registration : placedFeatures != nil ? .features : .hashes
    }
}
