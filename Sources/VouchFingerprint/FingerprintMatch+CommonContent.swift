import Foundation

extension FingerprintMatch {
    /// The match with its common content set aside: segments with at least `share` of
    /// their time inside `common` move to ``commonSegments``; the others count only their
    /// time outside it, and the score is made again from them as the matcher makes it
    /// (`1 − exp(−evidence / evidenceScale)`). A match of common content alone falls below
    /// the threshold; one that also shows a stolen excerpt keeps that excerpt's evidence.
    public func discounting(_ common: TimeSpans, in query: VideoFingerprint, settings: MatchSettings, share: Double) -> FingerprintMatch {
        let step = query.frameStep
        guard segments.contains(where: { common.overlap(with: $0.querySpan(step: step)) > 0 }) else { return self }
        var kept: [MatchSegment] = []
        var set: [MatchSegment] = commonSegments ?? []
        var seconds = 0.0
        for segment in segments {
            let span = segment.querySpan(step: step)
            let inside = common.overlap(with: span) / max(span.upperBound - span.lowerBound, .ulpOfOne)
            if inside >= share {
                set.append(segment)
            } else {
                kept.append(segment)
                seconds += segment.evidenceSeconds(in: query, radius: settings.frameRadius) * (1 - inside)
            }
        }
        let referenceSeconds = { (segments: [MatchSegment]) in segments.reduce(0) { $0 + abs($1.referenceEnd - $1.referenceStart) + step } }
        var discounted = self
        discounted.score = 1 - exp(-seconds / settings.evidenceScale)
        discounted.isMatch = discounted.score >= settings.threshold
        discounted.segments = kept
        discounted.commonSegments = set
        discounted.queryCoverage = query.duration > 0 ? min(1, TimeSpans(kept.map { $0.querySpan(step: step) }).seconds / query.duration) : 0
        discounted.referenceCoverage = referenceCoverage * referenceSeconds(kept) / max(referenceSeconds(segments), .ulpOfOne)
        return discounted
    }

    /// True when the match was found only in common content: kept as evidence, never a copy.
    public var isCommonContentOnly: Bool {
        !isMatch && !(commonSegments ?? []).isEmpty
    }
}

extension TemporalMatcher {
    /// `found`, this matcher's match of `query` with `reference`, with `common`
    /// content set aside as ``FingerprintMatch/discounting(_:in:settings:share:)``
    /// does, then compared past it (``comparingPast(_:_:of:with:)``).
    public func settingAside(
        _ common: TimeSpans, share: Double, from found: FingerprintMatch, of query: VideoFingerprint, with reference: VideoFingerprint
    ) -> FingerprintMatch {
        comparingPast(common, found.discounting(common, in: query, settings: settings, share: share), of: query, with: reference)
    }

    /// `discounted`, a match with `common` content set aside, or, when the common
    /// content alone carried it, the match of the rest of the query on its own if
    /// that scores higher. Frame hashes that match a shared end card settle a
    /// comparison before the reframing matchers are tried, so a turned or cropped
    /// copy that ends on the card would otherwise keep only the card, which counts
    /// for nothing.
    public func comparingPast(
        _ common: TimeSpans, _ discounted: FingerprintMatch, of query: VideoFingerprint, with reference: VideoFingerprint
    ) -> FingerprintMatch {
        guard discounted.isCommonContentOnly else { return discounted }
        var rest = compare(query.leavingOut(common), with: reference)
        guard rest.score > discounted.score else { return discounted }
        rest.commonSegments = discounted.commonSegments
        return rest
    }
}

extension MatchSegment {
    /// The query's seconds the segment shows, each matched frame standing for `step` seconds.
    public func querySpan(step: Double) -> ClosedRange<Double> {
        queryStart...(max(queryStart, queryEnd) + step)
    }

    /// The reference's seconds that the part `part` of the query's span shows, along the segment's line.
    func referenceSpan(showing part: ClosedRange<Double>) -> ClosedRange<Double> {
        let ends = [speed * part.lowerBound + offset, speed * part.upperBound + offset]
        return ends.min()!...ends.max()!
    }

    /// The seconds of evidence the matcher counted for the segment.
    func evidenceSeconds(in query: VideoFingerprint, radius: Int) -> Double {
        switch method {
        case .hashes: evidenceWeight(radius: radius) / max(query.framesPerSecond, 1e-9)
        case .registration: cropEvidence(spanning: query.duration)
        case .features: placedEvidence(in: query)
        }
    }
}

extension VideoFingerprint {
    /// Seconds between sampled frames.
    public var frameStep: Double { 1 / max(framesPerSecond, 1e-9) }

    /// The fingerprint without the frames shown during `spans`, the others keeping their times.
    public func leavingOut(_ spans: TimeSpans) -> VideoFingerprint {
        var rest = self
        rest.frames = frames.filter { frame in !spans.spans.contains { $0.contains(frame.timestamp + frameStep / 2) } }
        return rest
    }

    /// The frames shown during `span`, timed from its start: what a bank of common content keeps.
    public func excerpt(_ span: ClosedRange<Double>) -> VideoFingerprint {
        var excerpt = self
        excerpt.frames = frames.filter { $0.timestamp >= span.lowerBound - frameStep / 2 && $0.timestamp < span.upperBound - frameStep / 2 }
            .map { frame in
                var moved = frame
                moved.timestamp = max(0, frame.timestamp - span.lowerBound)
                return moved
            }
        excerpt.duration = span.upperBound - span.lowerBound
        return excerpt
    }
}

extension TemporalMatcher {
    /// The share of the threshold at which a bank entry's match marks common content.
    /// Below one, because the bank entry is the same content that another clip shows
    /// as part of itself: a turned or filmed end card that only just matches an earlier
    /// review's end card must also be recognised as the end card, not only just missed.
    public static let commonContentRecognition = 0.5

    /// Where `query` shows any of `bank`'s common content: the query stretches of the
    /// segments, aligned by hashes or by placed features, of each bank entry it
    /// matches at least at ``commonContentRecognition`` of the threshold. A
    /// registered segment spans the frames tried over the whole clip, not where the
    /// content showed, so it marks nothing.
    public func commonContent(in query: VideoFingerprint, bank: [VideoFingerprint]) -> TimeSpans {
        TimeSpans(bank.flatMap { entry -> [ClosedRange<Double>] in
            let match = compare(query, with: entry)
            guard match.score >= settings.threshold * Self.commonContentRecognition else { return [] }
            return match.segments.filter { $0.method != .registration }.map { $0.querySpan(step: query.frameStep) }
        })
    }
}
