/// Finds the window of a reference frame that a cropped copy shows, by
/// correlating thumbnails under candidate windows.
///
/// A coarse search runs on column and row profiles (one dimension each); the
/// best few spans of each are tried together in two dimensions, and the winner
/// is refined by moving, then shifting, its edges in ever smaller steps. The correlation is normalised,
/// so brightness and contrast changes do not matter.
struct CropRegistration {
    /// The reference window a query frame shows, as fractions: x in `left...right`, y in `top...bottom`.
    struct Window: Equatable {
        var left, right, top, bottom: Double
        static let full = Window(left: 0, right: 1, top: 0, bottom: 1)
    }

    /// A thumbnail prepared for correlation: zero mean, unit norm, with its profiles.
    struct Prepared {
        var values: [Float]
        var columns: [Float]
        var rows: [Float]

        init(_ thumbnail: Thumbnail, mirrored: Bool = false) {
            let w = Thumbnail.width, h = Thumbnail.height
            var raw = thumbnail.pixels.map(Float.init)
            if mirrored {
                for y in 0..<h { raw[(y * w)..<((y + 1) * w)].reverse() }
            }
            values = Self.normalised(raw)
            columns = Self.normalised((0..<w).map { x in (0..<h).reduce(0) { $0 + raw[$1 * w + x] } })
            rows = Self.normalised((0..<h).map { y in raw[(y * w)..<((y + 1) * w)].reduce(0, +) })
        }

        static func normalised(_ values: [Float]) -> [Float] {
            let mean = values.reduce(0, +) / Float(values.count)
            let centred = values.map { $0 - mean }
            let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 1e-3 ? centred.map { $0 / norm } : centred.map { _ in 0 }
        }
    }

    /// Which windows a search considers, axis by axis.
    struct Search: Sendable {
        /// One axis: the narrowest window side kept, and the (start, end) pairs
        /// the coarse search tries, in steps of 5%.
        struct Axis: Sendable {
            var narrowest: Double
            let spans: [(Double, Double)]

            init(narrowest: Double) {
                self.narrowest = narrowest
                let cuts = stride(from: 0.0, through: 1 - narrowest + 1e-9, by: 0.05).map { $0 }
                spans = cuts.flatMap { start in cuts.map { end in (start, 1 - end) } }.filter { $0.1 - $0.0 >= narrowest - 1e-9 }
            }
        }

        var columns: Axis
        var rows: Axis

        /// A crop keeps at least 70% of the height and 30% of the width: down to
        /// the 9:16 window of a 16:9 frame that portrait reposts show, and zooms
        /// to half the area.
        static let crop = Search(columns: Axis(narrowest: 0.3), rows: Axis(narrowest: 0.7))
        /// An inset, a collage tile or a side-by-side half fills at least 45% of each side.
        static let inset = Search(columns: Axis(narrowest: 0.45), rows: Axis(narrowest: 0.45))
    }

    /// How well the best window of `reference` explains `query`, and that window.
    static func register(_ query: Prepared, in reference: Prepared, searching search: Search = .crop) -> (correlation: Double, window: Window) {
        var window = Window.full
        var score = -Double.infinity
        for x in best(query.columns, reference.columns, search.columns.spans) {
            for y in best(query.rows, reference.rows, search.rows.spans) {
                let candidate = Window(left: x.0, right: x.1, top: y.0, bottom: y.1)
                let value = correlation(query, reference, candidate)
                if value > score {
                    score = value
                    window = candidate
                }
            }
        }
        for step in [0.02, 0.01] {
            var improved = true
            while improved {
                improved = false
                for move in 0..<6 {
                    for delta in [-step, step] {
                        var candidate = window
                        switch move {
                        case 0: candidate.left += delta
                        case 1: candidate.right += delta
                        case 2: candidate.top += delta
                        case 3: candidate.bottom += delta
                        case 4: candidate.left += delta; candidate.right += delta
                        default: candidate.top += delta; candidate.bottom += delta
                        }
                        guard candidate.left >= 0, candidate.top >= 0, candidate.right <= 1, candidate.bottom <= 1,
                              candidate.right - candidate.left >= search.columns.narrowest - 0.05,
                              candidate.bottom - candidate.top >= search.rows.narrowest - 0.05 else { continue }
                        let value = correlation(query, reference, candidate)
                        if value > score {
                            score = value
                            window = candidate
                            improved = true
                        }
                    }
                }
            }
        }
        return (score, window)
    }

    /// The spans of `reference` whose resampled profiles best match `query`: a
    /// crop along the other axis skews a profile, so several are kept for 2D.
    private static func best(_ query: [Float], _ reference: [Float], _ spans: [(Double, Double)], keeping count: Int = 4) -> [(Double, Double)] {
        spans.map { span -> (Float, (Double, Double)) in
            let resampled = Prepared.normalised(resample(reference, span.0, span.1, count: query.count))
            return (zip(query, resampled).reduce(0) { $0 + $1.0 * $1.1 }, span)
        }
        .sorted { $0.0 > $1.0 }
        .prefix(count)
        .map(\.1)
    }

    private static func resample(_ values: [Float], _ start: Double, _ end: Double, count: Int) -> [Float] {
        (0..<count).map { index in
            let position = (start + (Double(index) + 0.5) / Double(count) * (end - start)) * Double(values.count) - 0.5
            let clamped = min(max(position, 0), Double(values.count) - 1.001)
            let low = Int(clamped)
            let fraction = Float(clamped - Double(low))
            return values[low] * (1 - fraction) + values[low + 1] * fraction
        }
    }

    /// Normalised correlation of the query with the reference resampled under `window`.
    static func correlation(_ query: Prepared, _ reference: Prepared, _ window: Window) -> Double {
        let w = Thumbnail.width, h = Thumbnail.height
        let xs = samplePositions(window.left, window.right, count: w)
        let ys = samplePositions(window.top, window.bottom, count: h)
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: w * h) { sampled in
            reference.values.withUnsafeBufferPointer { r in
                var sum: Float = 0
                for y in 0..<h {
                    let (y0, fy) = ys[y]
                    for x in 0..<w {
                        let (x0, fx) = xs[x]
                        let top = r[y0 * w + x0] * (1 - fx) + r[y0 * w + x0 + 1] * fx
                        let bottom = r[(y0 + 1) * w + x0] * (1 - fx) + r[(y0 + 1) * w + x0 + 1] * fx
                        let value = top * (1 - fy) + bottom * fy
                        sampled[y * w + x] = value
                        sum += value
                    }
                }
                let mean = sum / Float(w * h)
                var dot: Float = 0
                var norm: Float = 0
                for index in 0..<(w * h) {
                    let centred = sampled[index] - mean
                    dot += centred * query.values[index]
                    norm += centred * centred
                }
                return norm > 1e-6 ? Double(dot / norm.squareRoot()) : 0
            }
        }
    }

    /// For each output position along one axis, the source cell and the weight of its neighbour.
    private static func samplePositions(_ start: Double, _ end: Double, count: Int) -> [(Int, Float)] {
        (0..<count).map { index in
            let position = min(max((start + (Double(index) + 0.5) / Double(count) * (end - start)) * Double(count) - 0.5, 0), Double(count) - 1.001)
            let cell = Int(position)
            return (cell, Float(position - Double(cell)))
        }
    }

    /// How well the query's profiles fit some span of the reference's: the
    /// sum of the best column and best row profile correlations, at most 2.
    static func profileFit(_ query: Prepared, _ reference: Prepared, searching search: Search = .crop) -> Double {
        Double(bestScore(query.columns, reference.columns, search.columns.spans) + bestScore(query.rows, reference.rows, search.rows.spans))
    }

    private static func bestScore(_ query: [Float], _ reference: [Float], _ spans: [(Double, Double)]) -> Float {
        spans.reduce(-Float.infinity) { best, span in
            let resampled = Prepared.normalised(resample(reference, span.0, span.1, count: query.count))
            return max(best, zip(query, resampled).reduce(0) { $0 + $1.0 * $1.1 })
        }
    }
}
