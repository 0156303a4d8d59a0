/// Matches copies that reframe a reference, which PDQ cannot see through, by
/// registering thumbnails: a crop (the query shows a window of the reference) or
/// an inset (the reference fills a window of the query: picture-in-picture, side
/// by side, padding). Each of a few query frames is fitted to the reference frame
/// and window that explain it best; the reframing is one window for the whole
/// clip, so the windows must agree and the times must run along one line.
struct CropMatcher {
    /// Which side's window shows the other.
    enum Geometry {
        /// The query is a window of the reference.
        case crop
        /// The reference is a window of the query.
        case inset

        var search: CropRegistration.Search { self == .crop ? .crop : .inset }
    }

    /// Query frames registered, spread over the clip.
    static let framesTried = 6
    /// Reference frames refined in two dimensions for each query frame.
    static let candidatesRefined = 2
    /// Correlation at which a registered frame counts; unrelated frames stay
    /// under 0.6 (measured on the accuracy corpus), crops mostly above 0.95.
    static let correlationFloor = 0.85
    /// Profile fit (column plus row correlation, at most 2) below which a frame
    /// is not worth registering in two dimensions.
    static let profileFloor = 1.7
    /// How far apart two frames' windows may be and still be the same crop.
    static let windowTolerance = 0.06
    /// The smallest share of the reference a crop keeps: the 9:16 window of a 16:9
    /// frame that portrait reposts show keeps 32%, a zoom to half the area 50%. A
    /// narrower window of one picture, stretched to fill another, is how unrelated
    /// smooth pictures (a dark test pattern, a night sky) come to correlate.
    static let smallestCrop = 0.25

    var minimumQuality: Int
    var settings: MatchSettings
    var geometry: Geometry = .crop

    func compare(_ query: VideoFingerprint, with reference: VideoFingerprint) -> MatchSegment? {
        let queryFrames = query.frames.filter { $0.quality >= minimumQuality && $0.thumbnail != nil }.evenlySpaced(Self.framesTried)
        let referenceFrames = reference.frames.filter { $0.quality >= minimumQuality && $0.thumbnail != nil }
        guard queryFrames.count >= 3, !referenceFrames.isEmpty else { return nil }
        let prepared = referenceFrames.map { CropRegistration.Prepared($0.thumbnail!) }
        var best: MatchSegment?
        for symmetry in [Dihedral.identity, .mirror] {
            let frames = queryFrames.map { (time: $0.timestamp, prepared: CropRegistration.Prepared($0.thumbnail!, mirrored: symmetry == .mirror)) }
            let independent = frames.map { fit($0.prepared, at: $0.time, in: prepared, referenceFrames) }
            guard independent.filter({ $0.correlation >= Self.correlationFloor }).count * 3 >= frames.count * 2 else { continue }
            for line in candidateLines(from: independent) {
                let fits = frames.map { frame in
                    fit(frame.prepared, at: frame.time, on: line, in: prepared, referenceFrames)
                }
                if let segment = agreement(of: fits, symmetry: symmetry), segment.isStronger(than: best) {
                    best = segment
                }
            }
        }
        return best
    }

    /// Where the frames may sit in the reference's time: the same times (the usual
    /// crop), the fit through each frame's own best match, and each frame's offset.
    /// A zooming shot makes a crop of one moment look like another moment, so the
    /// line is chosen by how well all frames agree on it, not frame by frame.
    private func candidateLines(from fits: [Fit]) -> [(speed: Double, offset: Double)] {
        var lines: [(speed: Double, offset: Double)] = [(1, 0)]
        if let fitted = timeLine(fits.filter { $0.correlation >= Self.correlationFloor }) { lines.append(fitted) }
        for fit in fits where fit.correlation >= Self.correlationFloor {
            let offset = fit.reference - fit.query
            if lines.allSatisfy({ abs($0.speed - 1) > 0.01 || abs($0.offset - offset) > 0.5 }) { lines.append((1, offset)) }
        }
        return lines
    }

    /// The frame registered against the reference frame nearest the line's time.
    private func fit(
        _ frame: CropRegistration.Prepared, at time: Double, on line: (speed: Double, offset: Double),
        in prepared: [CropRegistration.Prepared], _ frames: [FrameHash]
    ) -> Fit {
        let target = line.speed * time + line.offset
        let index = frames.indices.min { abs(frames[$0].timestamp - target) < abs(frames[$1].timestamp - target) }!
        guard abs(frames[index].timestamp - target) <= 1 else { return Fit(query: time, reference: target, correlation: -1, window: .full) }
        let (correlation, window) = register(frame, prepared[index])
        return Fit(query: time, reference: frames[index].timestamp, correlation: correlation, window: window)
    }

    struct Fit {
        var query: Double
        var reference: Double
        var correlation: Double
        var window: CropRegistration.Window
    }

    private func fit(_ frame: CropRegistration.Prepared, at time: Double, in prepared: [CropRegistration.Prepared], _ frames: [FrameHash]) -> Fit {
        let ranked = prepared.indices.map { ($0, profileFit(frame, prepared[$0])) }.sorted { $0.1 > $1.1 }
        var best = Fit(query: time, reference: 0, correlation: -1, window: .full)
        for (index, fit) in ranked.prefix(Self.candidatesRefined) where fit >= Self.profileFloor {
            let (correlation, window) = register(frame, prepared[index])
            if correlation > best.correlation { best = Fit(query: time, reference: frames[index].timestamp, correlation: correlation, window: window) }
        }
        return best
    }

    /// Registers one query frame against one reference frame in this geometry.
    private func register(_ query: CropRegistration.Prepared, _ reference: CropRegistration.Prepared) -> (Double, CropRegistration.Window) {
        switch geometry {
        case .crop: CropRegistration.register(query, in: reference, searching: .crop)
        case .inset: CropRegistration.register(reference, in: query, searching: .inset)
        }
    }

    private func profileFit(_ query: CropRegistration.Prepared, _ reference: CropRegistration.Prepared) -> Double {
        switch geometry {
        case .crop: CropRegistration.profileFit(query, reference, searching: .crop)
        case .inset: CropRegistration.profileFit(reference, query, searching: .inset)
        }
    }

    /// A segment when most frames registered well, to one window, along one time line.
    private func agreement(of fits: [Fit], symmetry: Dihedral) -> MatchSegment? {
        let good = fits.filter { $0.correlation >= Self.correlationFloor }
        guard good.count * 3 >= fits.count * 2, good.count >= 3 else { return nil }
        let window = CropRegistration.Window(
            left: median(good.map(\.window.left)), right: median(good.map(\.window.right)),
            top: median(good.map(\.window.top)), bottom: median(good.map(\.window.bottom))
        )
        if geometry == .crop, (window.right - window.left) * (window.bottom - window.top) < Self.smallestCrop { return nil }
        let agreeing = good.filter {
            abs($0.window.left - window.left) <= Self.windowTolerance && abs($0.window.right - window.right) <= Self.windowTolerance
                && abs($0.window.top - window.top) <= Self.windowTolerance && abs($0.window.bottom - window.bottom) <= Self.windowTolerance
        }
        guard agreeing.count * 3 >= fits.count * 2, let first = agreeing.first, let last = agreeing.last,
              let line = timeLine(agreeing) else { return nil }
        let box = ContentBox(left: window.left, top: window.top, right: window.right, bottom: window.bottom)
        return MatchSegment(
            queryStart: first.query, queryEnd: last.query,
            referenceStart: line.speed * first.query + line.offset, referenceEnd: line.speed * last.query + line.offset,
            speed: line.speed, offset: line.offset, symmetry: symmetry, matchedFrames: agreeing.count, meanDistance: nil,
            referenceWindow: geometry == .crop ? box : nil, queryWindow: geometry == .inset ? box : nil,
            correlation: agreeing.reduce(0) { $0 + $1.correlation } / Double(agreeing.count)
        )
    }

    /// The least-squares time line through the fits, if it is a plausible speed
    /// and every fit lies within a second of it.
    private func timeLine(_ fits: [Fit]) -> (speed: Double, offset: Double)? {
        let n = Double(fits.count)
        let meanQ = fits.reduce(0) { $0 + $1.query } / n
        let meanR = fits.reduce(0) { $0 + $1.reference } / n
        let sxx = fits.reduce(0) { $0 + ($1.query - meanQ) * ($1.query - meanQ) }
        guard sxx > 0 else { return nil }
        let speed = fits.reduce(0) { $0 + ($1.query - meanQ) * ($1.reference - meanR) } / sxx
        guard speed >= settings.slowestSpeed * 0.9, speed <= settings.fastestSpeed * 1.1 else { return nil }
        let offset = meanR - speed * meanQ
        return fits.allSatisfy({ abs($0.reference - (speed * $0.query + offset)) <= 1 }) ? (speed, offset) : nil
    }

    private func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}

extension MatchSegment {
    /// More agreeing frames, then higher correlation.
    fileprivate func isStronger(than other: MatchSegment?) -> Bool {
        guard let other else { return true }
        return (matchedFrames, correlation ?? 0) > (other.matchedFrames, other.correlation ?? 0)
    }
}
