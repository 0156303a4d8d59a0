import Foundation

/// Compares two fingerprints in time: which frames agree, along which lines
/// `reference = speed × query + offset`, and how much evidence those lines carry.
///
/// Frame agreement alone is weak evidence (two reviews of one product can look
/// alike); agreement that stays on one line through time, at one symmetry, is
/// what a copy leaves. Lines are found by voting over a grid of speeds, so
/// trims, speed-ups, slow-downs and partial copies align the same way.
public struct TemporalMatcher: Sendable {
    public var settings: MatchSettings
    public var minimumQuality: Int

    public init(settings: MatchSettings = MatchSettings(), minimumQuality: Int = 50) {
        self.settings = settings
        self.minimumQuality = minimumQuality
    }

    /// A query frame that agrees with a reference frame.
    struct FramePair {
        var query: Double
        var reference: Double
        var queryIndex: Int
        var distance: Int
        /// The hashes that agreed: the query's content box, whole frame or an
        /// inset, as turned, and the reference's content box or whole frame.
        var view: PDQHash
        var referenceView: PDQHash
    }

    public func compare(_ query: VideoFingerprint, with reference: VideoFingerprint) -> FingerprintMatch {
        let frameInterval = 1 / max(query.framesPerSecond, 1e-9)
        let usableQuery = query.frames.enumerated().filter { $0.element.quality >= minimumQuality }
        let usableReference = reference.frames.filter { $0.quality >= minimumQuality }
        guard !usableQuery.isEmpty, !usableReference.isEmpty else { return .none }
        // A copy is turned or mirrored one way: evidence is taken from the best
        // symmetry alone, so symmetric scenes are not counted twice.
        var best: (segments: [MatchSegment], evidence: Double) = ([], 0)
        for symmetry in Dihedral.allCases {
            var pairs: [FramePair] = []
            for (index, frame) in usableQuery {
                guard let hash = frame.hash(under: symmetry) else { continue }
                let unboxed = symmetry == .identity ? frame.fullFrame : nil
                let insets = symmetry == .identity ? frame.insets : []
                for candidate in usableReference {
                    var closest = Self.closest(hash, unboxed, candidate)
                    for inset in insets {
                        let view = Self.closest(inset, nil, candidate)
                        if view.distance < closest.distance { closest = view }
                    }
                    if closest.distance <= settings.frameRadius {
                        pairs.append(FramePair(
                            query: frame.timestamp, reference: candidate.timestamp, queryIndex: index,
                            distance: closest.distance, view: closest.view, referenceView: closest.referenceView
                        ))
                    }
                }
            }
            let found = alignments(of: pairs, symmetry: symmetry, frameInterval: frameInterval)
            if found.evidence > best.evidence { best = found }
        }
        var segments = best.segments
        var seconds = best.evidence / max(query.framesPerSecond, 1e-9)
        // Reframed copies, which frame hashes cannot see: tried while the evidence is short of a match.
        for geometry in [CropMatcher.Geometry.crop, .inset] where 1 - exp(-seconds / settings.evidenceScale) < settings.threshold {
            if let reframed = CropMatcher(minimumQuality: minimumQuality, settings: settings, geometry: geometry).compare(query, with: reference),
               reframed.cropEvidence(spanning: query.duration) > seconds {
                segments = [reframed]
                seconds = reframed.cropEvidence(spanning: query.duration)
            }
        }
        if 1 - exp(-seconds / settings.evidenceScale) < settings.threshold,
           let placed = FeatureMatcher(settings: settings).compare(query, with: reference) {
            let evidence = placed.placedEvidence(in: query)
            if evidence > seconds {
                segments = [placed]
                seconds = evidence
            }
        }
        let score = 1 - exp(-seconds / settings.evidenceScale)
        return FingerprintMatch(
            score: score,
            isMatch: score >= settings.threshold,
            segments: segments.sorted { $0.queryStart < $1.queryStart },
            queryCoverage: coverage(segments.map { ($0.queryStart, $0.queryEnd) }, step: 1 / query.framesPerSecond, of: query.duration),
            referenceCoverage: coverage(segments.map { (min($0.referenceStart, $0.referenceEnd), max($0.referenceStart, $0.referenceEnd)) }, step: 1 / reference.framesPerSecond, of: reference.duration)
        )
    }

    /// The distance between two frames' closest views, and those views: content box
    /// to content box, or either side's whole frame where it cut a box. A box can be
    /// cut in one clip and not in its copy: an end card alone shows a flat surround
    /// that the same card inside a review, or letterboxed in a portrait repost, does not.
    static func closest(_ query: PDQHash, _ queryFull: PDQHash?, _ reference: FrameHash) -> (distance: Int, view: PDQHash, referenceView: PDQHash) {
        var best = (distance: query.distance(to: reference.pdq), view: query, referenceView: reference.pdq)
        func consider(_ mine: PDQHash, _ theirs: PDQHash) {
            let distance = mine.distance(to: theirs)
            if distance < best.distance { best = (distance, mine, theirs) }
        }
        if let referenceFull = reference.fullFrame {
            consider(query, referenceFull)
            if let queryFull { consider(queryFull, referenceFull) }
        }
        if let queryFull { consider(queryFull, reference.pdq) }
        return best
    }

    /// Repeatedly takes the line with the most weighted support, turns its inliers
    /// into segments, and removes them, until no line has enough support.
    private func alignments(of pairs: [FramePair], symmetry: Dihedral, frameInterval: Double) -> (segments: [MatchSegment], evidence: Double) {
        var remaining = pairs
        var segments: [MatchSegment] = []
        var evidence = 0.0
        for _ in 0..<settings.maximumSegments {
            guard let rough = bestLine(through: remaining) else { break }
            let line = fit(inliers(of: remaining, on: rough, tolerance: settings.alignmentTolerance * 2)) ?? rough
            let inliers = inliers(of: remaining, on: line, tolerance: settings.alignmentTolerance)
            guard inliers.count >= Self.minimumFrames else { break }
            let found = self.segments(from: inliers, line: line, symmetry: symmetry, frameInterval: frameInterval)
            guard !found.isEmpty else { break }
            segments += found
            evidence += found.reduce(0) { $0 + $1.evidenceWeight(radius: settings.frameRadius) }
            let used = Set(inliers.map(\.queryIndex))
            remaining.removeAll { used.contains($0.queryIndex) }
        }
        return (segments, evidence)
    }

    struct Line {
        var speed: Double
        var offset: Double
    }

    /// Hough voting: for each candidate speed, pairs vote for the offset bin they
    /// imply, weighted by closeness; each query frame votes once per bin.
    private func bestLine(through pairs: [FramePair]) -> Line? {
        guard pairs.count >= 2 else { return nil }
        let binWidth = settings.alignmentTolerance
        var best: (weight: Double, line: Line)?
        for speed in speedGrid {
            var bins: [Int: [Int: Double]] = [:]
            for pair in pairs {
                let offset = pair.reference - speed * pair.query
                let bin = Int((offset / binWidth).rounded(.down))
                let weight = closeness(pair.distance)
                for neighbour in [bin, bin + 1] {
                    bins[neighbour, default: [:]][pair.queryIndex] = max(bins[neighbour]?[pair.queryIndex] ?? 0, weight)
                }
            }
            for (bin, votes) in bins {
                let weight = votes.values.reduce(0, +)
                if weight > (best?.weight ?? 0) {
                    best = (weight, Line(speed: speed, offset: Double(bin) * binWidth))
                }
            }
        }
        return best.map(\.line)
    }

    /// Speeds 2^(k/18) from slowest to fastest: 3.9% steps that include 0.5, 1 and 2 exactly.
    private var speedGrid: [Double] {
        let steps = 18.0
        let low = Int((log2(settings.slowestSpeed) * steps).rounded(.up))
        let high = Int((log2(settings.fastestSpeed) * steps).rounded(.down))
        return low <= high ? (low...high).map { pow(2, Double($0) / steps) } : [1]
    }

    /// Fewer agreeing frames than this are coincidence, not a copy.
    static let minimumFrames = 3
    /// A copied stretch shows nearly every frame of its span, and walks through the
    /// reference (at least two of its frames); chance agreement is sparse, and a
    /// still picture resembling one reference frame is not a copy.
    static let minimumDensity = 0.6

    /// For each query frame, its closest pair near the line; the line is then refit by least squares.
    private func inliers(of pairs: [FramePair], on line: Line, tolerance: Double) -> [FramePair] {
        var best: [Int: FramePair] = [:]
        for pair in pairs where abs(pair.reference - (line.speed * pair.query + line.offset)) <= tolerance {
            if let current = best[pair.queryIndex], current.distance <= pair.distance { continue }
            best[pair.queryIndex] = pair
        }
        return best.values.sorted { $0.query < $1.query }
    }

    /// Runs of inliers without long gaps that are dense in the query's frames
    /// (`frameInterval` seconds apart) and walk through the reference.
    private func segments(from inliers: [FramePair], line: Line, symmetry: Dihedral, frameInterval: Double) -> [MatchSegment] {
        var runs: [[FramePair]] = [[]]
        for pair in inliers {
            if let last = runs[runs.count - 1].last, pair.query - last.query > settings.maximumGap { runs.append([]) }
            runs[runs.count - 1].append(pair)
        }
        return runs.filter { run in
            guard run.count >= Self.minimumFrames, let first = run.first, let last = run.last,
                  Set(run.map(\.reference)).count >= 2 else { return false }
            let span = (last.query - first.query) / max(frameInterval, 1e-9) + 1
            return Double(run.count) / span >= Self.minimumDensity
        }.map { run in
            let fitted = fit(run) ?? line
            let meanDistance = Double(run.reduce(0) { $0 + $1.distance }) / Double(run.count)
            return MatchSegment(
                queryStart: run.first!.query, queryEnd: run.last!.query,
                referenceStart: run.first!.reference, referenceEnd: run.last!.reference,
                speed: fitted.speed, offset: fitted.offset, symmetry: symmetry,
                matchedFrames: run.count,
                meanDistance: meanDistance,
                weightedFrames: weight(of: run, meanDistance: meanDistance)
            )
        }
    }

    /// Bits by which a frame pair must differ from every pair before it, on both
    /// sides, to count in full when it matches loosely; closer, it is the same
    /// still picture again (a slide, a title card) and counts in proportion.
    static let stillRadius = 8

    /// The run's frames weighed by their mean closeness, a loose match of a still
    /// picture counting once. Two slide decks on one template, or two talking heads
    /// before one wall, resemble each other loosely throughout; held for seconds,
    /// that one loose resemblance is one picture's evidence, not a line of frames
    /// agreeing in time. A close match counts every frame, because a copy of a
    /// still is still a copy; a pan or a scene in motion changes on both sides and
    /// counts every frame too.
    private func weight(of run: [FramePair], meanDistance: Double) -> Double {
        var counted: [FramePair] = []
        let frames = run.reduce(0.0) { total, pair in
            let change = counted.map { min($0.view.distance(to: pair.view), $0.referenceView.distance(to: pair.referenceView)) }.min()
            counted.append(pair)
            guard closeness(pair.distance) < 1, let change else { return total + 1 }
            return total + min(1, Double(change) / Double(Self.stillRadius))
        }
        return frames * Self.closeness(meanDistance, radius: settings.frameRadius)
    }

    /// Least-squares speed and offset, or nil when the run is too short to say.
    private func fit(_ run: [FramePair]) -> Line? {
        let n = Double(run.count)
        let meanQ = run.reduce(0) { $0 + $1.query } / n
        let meanR = run.reduce(0) { $0 + $1.reference } / n
        let sxx = run.reduce(0) { $0 + ($1.query - meanQ) * ($1.query - meanQ) }
        guard sxx > 0.25 else { return nil }
        let sxy = run.reduce(0) { $0 + ($1.query - meanQ) * ($1.reference - meanR) }
        let speed = min(max(sxy / sxx, settings.slowestSpeed), settings.fastestSpeed)
        return Line(speed: speed, offset: meanR - speed * meanQ)
    }

    private func closeness(_ distance: Int) -> Double {
        Self.closeness(Double(distance), radius: settings.frameRadius)
    }

    /// 1 up to half the radius, falling linearly to 0 just past it: within half
    /// the radius two frames are surely the same picture.
    static func closeness(_ distance: Double, radius: Int) -> Double {
        let half = Double(radius) / 2
        return min(1, max(0, (Double(radius + 1) - distance) / (Double(radius + 1) - half)))
    }

    private func coverage(_ spans: [(Double, Double)], step: Double, of duration: Double) -> Double {
        guard duration > 0 else { return 0 }
        let merged = spans.map { ($0.0, $0.1 + step) }.sorted { $0.0 < $1.0 }.reduce(into: [(Double, Double)]()) { result, span in
            if let last = result.last, span.0 <= last.1 { result[result.count - 1].1 = max(last.1, span.1) } else { result.append(span) }
        }
        return min(merged.reduce(0) { $0 + $1.1 - $1.0 } / duration, 1)
    }
}

extension MatchSegment {
    /// A registered crop's evidence in weighted seconds: the share of the query's
    /// frames that agreed, times the query's length, times how far above the floor
    /// their correlation is. Six agreeing frames at 0.98 over 10 s give about 8.
    func cropEvidence(spanning duration: Double) -> Double {
        let strength = max(0, ((correlation ?? 0) - CropMatcher.correlationFloor) / (1 - CropMatcher.correlationFloor))
        return Double(matchedFrames) / Double(CropMatcher.framesTried) * max(duration, queryEnd - queryStart) * strength
    }

    /// The frames' agreement, each weighted by how close it is (segments found
    /// before ``weightedFrames`` existed weigh their mean distance).
    func evidenceWeight(radius: Int) -> Double {
        weightedFrames ?? Double(matchedFrames) * TemporalMatcher.closeness(meanDistance ?? 0, radius: radius)
    }
}
