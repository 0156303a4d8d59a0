/// An earlier clip a new clip matched, as common-content learning sees it: whose it is,
/// where the two align, and how long it is.
public struct CommonContentSighting: Sendable {
    public var clipID: Int64
    /// The identity behind the earlier clip.
    public var identity: Int64
    public var match: FingerprintMatch
    public var referenceDuration: Double

    public init(clipID: Int64, identity: Int64, match: FingerprintMatch, referenceDuration: Double) {
        self.clipID = clipID
        self.identity = identity
        self.match = match
        self.referenceDuration = referenceDuration
    }
}

/// A stretch of a new clip learned as common content, and the clips it was seen in.
public struct LearnedCommonContent: Sendable, Equatable {
    public var span: ClosedRange<Double>
    public var clipIDs: [Int64]
}

extension CommonContentSettings {
    /// The stretches of `query` (from `identity`) that clips of at least ``identities``
    /// other identities show at the same place, and that pass the guards against a
    /// whitelisted theft: short, at the start or end of the new clip and of every clip it
    /// was seen in, and never most of any of them. Stretches in `known` are not learned again.
    ///
    /// The guards are what a sybil attack meets: sock puppets can all show a stolen
    /// excerpt at the end of their clips, but not move it to the edge of the victim's.
    public func learnable(in query: VideoFingerprint, identity: Int64, sightings: [CommonContentSighting],
                          known: TimeSpans) -> [LearnedCommonContent] {
        let step = query.frameStep
        let shown = sightings.flatMap { sighting in
            sighting.match.segments.filter { $0.method == .hashes }.map { (sighting, $0.querySpan(step: step), $0) }
        }
        let others = shown.filter { $0.0.identity != identity }
        let ends = Set(others.flatMap { [$0.1.lowerBound, $0.1.upperBound] }).sorted()
        var runs: [ClosedRange<Double>] = []
        for (start, end) in zip(ends, ends.dropFirst()) {
            let middle = (start + end) / 2
            guard Set(others.filter { $0.1.contains(middle) }.map(\.0.identity)).count >= identities else { continue }
            if let last = runs.last, last.upperBound == start { runs[runs.count - 1] = last.lowerBound...end } else { runs.append(start...end) }
        }
        return runs.flatMap { known.uncovered(in: $0).spans }.compactMap { span in
            let length = span.upperBound - span.lowerBound
            guard length >= shortestLearnedSeconds, length <= longestLearnedSeconds,
                  isAtAnEdge(span, of: query.duration), length <= largestClipShare * query.duration else { return nil }
            var seenIn: [Int64] = []
            for (sighting, segmentSpan, segment) in shown {
                let lower = max(span.lowerBound, segmentSpan.lowerBound), upper = min(span.upperBound, segmentSpan.upperBound)
                guard upper - lower > step / 2 else { continue }
                let shownThere = segment.referenceSpan(showing: lower...upper)
                guard isAtAnEdge(shownThere, of: sighting.referenceDuration),
                      shownThere.upperBound - shownThere.lowerBound <= largestClipShare * sighting.referenceDuration else { return nil }
                seenIn.append(sighting.clipID)
            }
            return LearnedCommonContent(span: span, clipIDs: Set(seenIn).sorted())
        }
    }

    /// Whether `span` starts near the clip's start or ends near its end.
    private func isAtAnEdge(_ span: ClosedRange<Double>, of duration: Double) -> Bool {
        span.lowerBound <= edgeSeconds || span.upperBound >= duration - edgeSeconds
    }
}
