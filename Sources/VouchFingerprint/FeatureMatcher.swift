import Foundation

/// Verifies copies that reframe a reference, from the blobs both show: a crop
/// down to a 9:16 window, a zoom, an inset, a collage tile, a reaction layout,
/// a phone filming a screen a little askew, and any of these mirrored, sped up
/// or captioned at once.
///
/// A query frame verifies against a reference frame when enough of the features
/// they share sit where one ``Similarity`` puts them, spread over a good part of
/// the reference's picture, each at the scale the similarity predicts; a logo or
/// a watermark in one corner cannot. The verified frames must then run along one
/// line in time and agree on where the copy sits, as a reframing fixed for a clip does.
struct FeatureMatcher {
    /// Hash bits two features may differ by and still be proposed as one blob.
    static let pairRadius = 10
    /// Query feature frames tried, spread over the clip.
    static let framesTried = 24
    /// Reference frames, those sharing most features, a query frame is placed on.
    static let referenceFramesTried = 3
    /// Placed features a frame needs to count, and at which it counts in full.
    static let minimumPlaced = 5
    static let fullyPlaced = 10
    /// Correspondences, closest first, whose pairs propose similarities.
    static let proposers = 12
    /// The placed features must span this share of the overlap of the two pictures
    /// both ways, and at least ``minimumSpread`` picture heights: a 9:16 window
    /// is half a height wide, and a row of coins fills a band of a picture …
    static let spreadShare: Float = 0.3
    static let minimumSpread: Float = 0.1
    /// … and this share of the overlap's area: a copy shows its original throughout
    /// the overlap, while a badge or a watermark two different clips share sits in
    /// one corner of it.
    static let minimumCoverage: Float = 0.25
    /// How far from its predicted place a feature may sit: a base plus a share of its own scale.
    static let placeTolerance: Float = 0.015
    static let placeToleranceShare: Float = 0.25
    /// How far a feature's scale may differ from the similarity's prediction, as a ratio.
    static let scaleTolerance: Float = 1.6
    /// Reframings considered: from a tile a sixth of the height to a zoom six times in, turned at most 20°.
    static let scales: ClosedRange<Float> = (1 / 6)...6
    static let largestTurn: Float = 20 * .pi / 180
    /// Two verified frames agree on the reframing when they put the query's ``anchor`` this close (heights) …
    static let anchorTolerance: Float = 0.08
    /// … at scales within this ratio.
    static let scaleAgreement: Float = 1.25
    /// Seconds a verified frame may sit off the time line: reference features come a second apart.
    static let timeTolerance = 0.75
    /// Share of the tried frames inside the segment that must verify.
    static let minimumDensity = 0.5

    /// A point of every query frame, half a height in both ways: where the
    /// similarities put it says whether frames agree on one reframing.
    static let anchor = SIMD2<Float>(0.5, 0.5)

    var settings: MatchSettings

    /// A frame's placed features, ready to compare.
    struct Frame {
        var time: Double
        var hashes: [UInt64]
        var mirrored: [UInt64]
        var points: [SIMD2<Float>]
        var scales: [Float]
    }

    /// A query frame placed on a reference frame.
    struct Fit {
        var query: Double
        var reference: Double
        var similarity: Similarity
        var placed: Int
        /// Where the query's ``FeatureMatcher/anchor`` lands in the reference.
        var anchor: SIMD2<Float>
    }

    func compare(_ query: VideoFingerprint, with reference: VideoFingerprint) -> MatchSegment? {
        let queryFrames = Self.placedFrames(of: query).evenlySpaced(Self.framesTried)
        let referenceFrames = Self.placedFrames(of: reference)
        guard queryFrames.count >= 3, referenceFrames.count >= 2 else { return nil }
        var best: MatchSegment?
        for symmetry in [Dihedral.identity, .mirror] {
            let found = queryFrames.flatMap { frame in fits(of: frame, mirrored: symmetry == .mirror, in: referenceFrames) }
            if let segment = agreement(of: found, symmetry: symmetry, tried: queryFrames), segment.isPlacedStronger(than: best) {
                best = segment
            }
        }
        return best
    }

    /// The frames with enough placed features to verify, as comparable arrays.
    /// Features need detail to be found, so flat frames have too few.
    static func placedFrames(of fingerprint: VideoFingerprint) -> [Frame] {
        fingerprint.frames.compactMap { frame in
            let placed = frame.features.filter { $0.placement != nil }
            guard placed.count >= minimumPlaced else { return nil }
            return Frame(
                time: frame.timestamp, hashes: placed.map(\.hash), mirrored: placed.map(\.mirrored),
                points: placed.map { SIMD2($0.placement!.x, $0.placement!.y) }, scales: placed.map { $0.placement!.scale }
            )
        }
    }

    /// The query frame placed on the reference frames it shares most features with.
    private func fits(of frame: Frame, mirrored: Bool, in references: [Frame]) -> [Fit] {
        let hashes = mirrored ? frame.mirrored : frame.hashes
        // A mirrored copy's x runs the other way; the similarity's shift absorbs where.
        let points = mirrored ? frame.points.map { SIMD2(-$0.x, $0.y) } : frame.points
        let anchor = mirrored ? SIMD2(-Self.anchor.x, Self.anchor.y) : Self.anchor
        let candidates = references.indices.compactMap { index -> (index: Int, pairs: [Correspondence])? in
            let pairs = Self.correspondences(hashes, references[index])
            return pairs.count >= Self.minimumPlaced ? (index, pairs) : nil
        }.sorted { $0.pairs.count > $1.pairs.count }.prefix(Self.referenceFramesTried)
        return candidates.compactMap { candidate in
            let reference = references[candidate.index]
            guard let (similarity, placed) = Self.place(candidate.pairs, points, frame.scales, on: reference) else { return nil }
            return Fit(query: frame.time, reference: reference.time, similarity: similarity, placed: placed, anchor: similarity.apply(anchor))
        }
    }

    /// A query feature and the reference feature whose hash is closest to it.
    struct Correspondence {
        var query: Int
        var reference: Int
        var distance: Int
    }

    /// Bits by which a feature's closest reference feature must beat the next one
    /// found elsewhere: in a repeating pattern (a grid of cells, a tiled floor, a
    /// fractal) many blobs look alike, any shift by the pattern's period places
    /// several of them, and only a feature with one clear counterpart says where it
    /// came from.
    static let distinctness = 3
    /// Reference features this close (heights) to the closest one are the same
    /// blob found again at a neighbouring scale or position, not a rival
    /// counterpart: a shift this small places nothing wrongly.
    static let sameBlobRadius: Float = 0.04

    /// Each query feature's closest feature of the reference frame within
    /// ``pairRadius``, when it is closer by ``distinctness`` than any other found
    /// farther than ``sameBlobRadius`` from it.
    static func correspondences(_ query: [UInt64], _ reference: Frame) -> [Correspondence] {
        var found: [Correspondence] = []
        for (index, hash) in query.enumerated() {
            var best = (reference: -1, distance: Int.max)
            for (candidate, other) in reference.hashes.enumerated() where (hash ^ other).nonzeroBitCount < best.distance {
                best = (candidate, (hash ^ other).nonzeroBitCount)
            }
            guard best.distance <= pairRadius else { continue }
            let place = reference.points[best.reference]
            let rivalled = reference.hashes.indices.contains { candidate in
                let offset = reference.points[candidate] - place
                return candidate != best.reference && (hash ^ reference.hashes[candidate]).nonzeroBitCount < best.distance + distinctness
                    && (offset * offset).sum() > sameBlobRadius * sameBlobRadius
            }
            if !rivalled { found.append(Correspondence(query: index, reference: best.reference, distance: best.distance)) }
        }
        return found
    }

    /// The similarity that places most correspondences, proposed by pairs of the
    /// closest ones and refitted to all it places; nil unless enough distinct
    /// reference features are placed, spread over the picture.
    static func place(
        _ pairs: [Correspondence], _ points: [SIMD2<Float>], _ scales: [Float], on reference: Frame
    ) -> (Similarity, Int)? {
        let ranked = pairs.sorted { $0.distance < $1.distance }
        let proposers = ranked.prefix(Self.proposers)
        var best: (similarity: Similarity, placed: [Correspondence])?
        for (i, first) in proposers.enumerated() {
            for second in proposers.dropFirst(i + 1) where first.reference != second.reference {
                guard let similarity = Similarity(points[first.query], points[second.query],
                                                  to: reference.points[first.reference], reference.points[second.reference]),
                      isPlausible(similarity) else { continue }
                let placed = ranked.filter { fits($0, similarity, points, scales, reference) }
                if placed.count > (best?.placed.count ?? 1) { best = (similarity, placed) }
            }
        }
        guard let proposal = best,
              let refitted = Similarity(fitting: proposal.placed.map { points[$0.query] }, to: proposal.placed.map { reference.points[$0.reference] }),
              isPlausible(refitted) else { return nil }
        let placed = ranked.filter { fits($0, refitted, points, scales, reference) }
        let distinct = Set(placed.map(\.reference))
        guard distinct.count >= Self.minimumPlaced else { return nil }
        let span = Extent(distinct.map { reference.points[$0] })
        // The features found in each frame stand in for its picture, whose width is not kept.
        let overlap = Extent(reference.points).intersection(Extent(points.map { refitted.apply($0) }))
        guard span.width >= max(Self.minimumSpread, Self.spreadShare * overlap.width),
              span.height >= max(Self.minimumSpread, Self.spreadShare * overlap.height),
              span.area >= Self.minimumCoverage * overlap.area else { return nil }
        return (refitted, distinct.count)
    }

    /// The axis-aligned box around some points.
    struct Extent {
        var low: SIMD2<Float>
        var high: SIMD2<Float>

        init(_ points: [SIMD2<Float>]) {
            low = points.reduce(SIMD2(repeating: .infinity)) { pointwiseMin($0, $1) }
            high = points.reduce(SIMD2(repeating: -.infinity)) { pointwiseMax($0, $1) }
        }

        var width: Float { max(0, high.x - low.x) }
        var height: Float { max(0, high.y - low.y) }
        var area: Float { width * height }

        func intersection(_ other: Extent) -> Extent {
            var both = self
            both.low = pointwiseMax(low, other.low)
            both.high = pointwiseMin(high, other.high)
            return both
        }
    }

    private static func isPlausible(_ similarity: Similarity) -> Bool {
        scales.contains(similarity.scale) && abs(similarity.turn) <= largestTurn
    }

    /// Whether the similarity puts the query feature at its reference feature, at its scale.
    private static func fits(
        _ pair: Correspondence, _ similarity: Similarity, _ points: [SIMD2<Float>], _ scales: [Float], _ reference: Frame
    ) -> Bool {
        let target = reference.points[pair.reference]
        let offset = similarity.apply(points[pair.query]) - target
        let referenceScale = reference.scales[pair.reference]
        let tolerance = placeTolerance + placeToleranceShare * referenceScale
        guard (offset * offset).sum() <= tolerance * tolerance else { return false }
        let ratio = similarity.scale * scales[pair.query] / referenceScale
        return ratio <= scaleTolerance && ratio >= 1 / scaleTolerance
    }

    /// A segment when enough frames verified along one line in time, on one reframing.
    private func agreement(of fits: [Fit], symmetry: Dihedral, tried: [Frame]) -> MatchSegment? {
        guard let line = bestLine(through: fits) else { return nil }
        var onLine: [Double: Fit] = [:]
        for fit in fits where abs(fit.reference - (line.speed * fit.query + line.offset)) <= Self.timeTolerance {
            if let current = onLine[fit.query], current.placed >= fit.placed { continue }
            onLine[fit.query] = fit
        }
        let candidates = onLine.values.sorted { $0.query < $1.query }
        guard candidates.count >= TemporalMatcher.minimumFrames else { return nil }
        let anchor = SIMD2(median(candidates.map(\.anchor.x)), median(candidates.map(\.anchor.y)))
        let scale = median(candidates.map(\.similarity.scale))
        let agreeing = candidates.filter { fit in
            let offset = fit.anchor - anchor
            let ratio = fit.similarity.scale / scale
            return (offset * offset).sum() <= Self.anchorTolerance * Self.anchorTolerance
                && ratio <= Self.scaleAgreement && ratio >= 1 / Self.scaleAgreement
        }
        guard agreeing.count >= TemporalMatcher.minimumFrames, Set(agreeing.map(\.reference)).count >= 2,
              let first = agreeing.first, let last = agreeing.last else { return nil }
        let span = tried.filter { $0.time >= first.query && $0.time <= last.query }.count
        guard Double(agreeing.count) >= Self.minimumDensity * Double(span) else { return nil }
        return MatchSegment(
            queryStart: first.query, queryEnd: last.query,
            referenceStart: line.speed * first.query + line.offset, referenceEnd: line.speed * last.query + line.offset,
            speed: line.speed, offset: line.offset, symmetry: symmetry, matchedFrames: agreeing.count, meanDistance: nil,
            placedFeatures: Double(agreeing.reduce(0) { $0 + $1.placed }) / Double(agreeing.count)
        )
    }

    /// The line `reference = speed × query + offset` that the most placed
    /// features support, each query frame counting once: lines through every two
    /// fits at a plausible speed, and at speed 1 through each fit.
    private func bestLine(through fits: [Fit]) -> (speed: Double, offset: Double)? {
        var lines = fits.map { (speed: 1.0, offset: $0.reference - $0.query) }
        for (i, a) in fits.enumerated() {
            for b in fits.dropFirst(i + 1) where abs(b.query - a.query) >= 1 {
                let speed = (b.reference - a.reference) / (b.query - a.query)
                if speed >= settings.slowestSpeed, speed <= settings.fastestSpeed { lines.append((speed, a.reference - speed * a.query)) }
            }
        }
        var best: (support: Int, line: (speed: Double, offset: Double))?
        for line in lines {
            var strongest: [Double: Int] = [:]
            for fit in fits where abs(fit.reference - (line.speed * fit.query + line.offset)) <= Self.timeTolerance {
                strongest[fit.query] = max(strongest[fit.query] ?? 0, fit.placed)
            }
            let support = strongest.values.reduce(0, +)
            if support > (best?.support ?? 0) { best = (support, line) }
        }
        return best?.line
    }

    private func median(_ values: [Float]) -> Float {
        values.sorted()[values.count / 2]
    }
}

extension MatchSegment {
    /// More verified frames, then more features placed.
    fileprivate func isPlacedStronger(than other: MatchSegment?) -> Bool {
        guard let other else { return true }
        return (matchedFrames, placedFeatures ?? 0) > (other.matchedFrames, other.placedFeatures ?? 0)
    }

    /// A placed segment's evidence in weighted seconds: each verified frame stands
    /// for its share of the query (the duration over the frames tried), in full
    /// from ``FeatureMatcher/fullyPlaced`` features on.
    func placedEvidence(in query: VideoFingerprint) -> Double {
        let tried = min(FeatureMatcher.framesTried, FeatureMatcher.placedFrames(of: query).count)
        let strength = min(1, (placedFeatures ?? 0) / Double(FeatureMatcher.fullyPlaced))
        return Double(matchedFrames) * strength * query.duration / Double(max(tried, 1))
    }
}
