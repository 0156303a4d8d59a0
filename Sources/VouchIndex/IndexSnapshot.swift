import VouchFingerprint

/// The index at one moment, searched without locks while the index moves on.
///
/// ``NearDuplicateIndex`` publishes a new snapshot after every insert, removal
/// and merge; a query searches whichever it took, so writers never wait for
/// readers and readers never see half a change.
public struct IndexSnapshot: Sendable {
    let segments: [Segment]
    let removed: Set<UInt32>
    public let settings: IndexSettings
    /// Clips that queries can find.
    public let clipCount: Int

    init(segments: [Segment], removed: Set<UInt32>, clipCount: Int, settings: IndexSettings) {
        self.segments = segments
        self.removed = removed
        self.clipCount = clipCount
        self.settings = settings
    }

    /// Stored frame hashes, including those of removed clips that no merge has dropped yet.
    public var hashCount: Int { segments.reduce(0) { $0 + $1.rowCount } }

    /// Bytes the segments hold: hashes, times, chunk tables and clip lists.
    public var memoryBytes: Int { segments.reduce(0) { $0 + $1.memoryBytes } }

    /// The indexed clips this query's frames hit along one time line, best first.
    public func candidates(for query: VideoFingerprint) -> [ClipCandidate] {
        candidates(for: query, exhaustive: false)
    }

    /// With `exhaustive`, the candidates a comparison with every indexed frame gives: the brute force.
    package func candidates(for query: VideoFingerprint, exhaustive: Bool) -> [ClipCandidate] {
        candidates(from: frameHits(for: query, exhaustive: exhaustive))
    }

    /// The vote over frame hits, however they were found.
    package func candidates(from hits: [FrameHit]) -> [ClipCandidate] {
        TemporalVote(settings: settings).candidates(from: hits)
    }

    /// Every pair of a query frame and an indexed frame within the radius that the
    /// chunk tables reach or, with `exhaustive`, that comparing all of them finds;
    /// and every pair of local features within the feature radius, likewise.
    package func frameHits(for query: VideoFingerprint, exhaustive: Bool = false) -> [FrameHit] {
        let probes = QueryProbe.probes(for: query, minimumQuality: settings.minimumQuality)
        let featureProbes = FeatureProbe.probes(for: query, minimumQuality: settings.minimumQuality)
        var hits: [FrameHit] = []
        for segment in segments {
            if exhaustive {
                segment.exhaustiveHits(for: probes, radius: settings.radius, removed: removed, into: &hits)
            } else {
                segment.hits(for: probes, radius: settings.radius, probeRadius: settings.probeRadius, removed: removed, into: &hits)
            }
            segment.featureHits(for: featureProbes, radius: settings.featureRadius, exhaustive: exhaustive, removed: removed, into: &hits)
        }
        return hits
    }
}
