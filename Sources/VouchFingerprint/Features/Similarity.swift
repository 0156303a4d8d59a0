import Foundation

/// A similarity of the plane, `p ↦ a·p + t` with `a` and `t` read as complex
/// numbers: a scale and a turn, then a shift. It is how a reframed copy's
/// picture sits on the original's: a crop or a zoom scales up, an inset or a
/// collage tile scales down, a tilted phone turns a little.
struct Similarity: Equatable {
    /// `a = scale × (cos turn, sin turn)`.
    var a: SIMD2<Float>
    var t: SIMD2<Float>

    init(a: SIMD2<Float>, t: SIMD2<Float>) {
        self.a = a
        self.t = t
    }

    var scale: Float { (a * a).sum().squareRoot() }
    /// Radians, counter-clockwise.
    var turn: Float { atan2(a.y, a.x) }

    func apply(_ p: SIMD2<Float>) -> SIMD2<Float> {
        SIMD2(a.x * p.x - a.y * p.y, a.y * p.x + a.x * p.y) + t
    }

    /// The similarity taking `p0` to `q0` and `p1` to `q1`; nil when the two
    /// source points coincide.
    init?(_ p0: SIMD2<Float>, _ p1: SIMD2<Float>, to q0: SIMD2<Float>, _ q1: SIMD2<Float>) {
        let dp = p1 - p0
        let dq = q1 - q0
        let norm = (dp * dp).sum()
        guard norm > 1e-8 else { return nil }
        // a = dq / dp, as complex division.
        a = SIMD2((dq.x * dp.x + dq.y * dp.y) / norm, (dq.y * dp.x - dq.x * dp.y) / norm)
        t = .zero
        t = q0 - apply(p0)
    }

    /// The least-squares similarity taking each `source` point to its `target`
    /// (Umeyama's fit without reflection); nil for fewer than two distinct points.
    init?(fitting source: [SIMD2<Float>], to target: [SIMD2<Float>]) {
        guard source.count >= 2, source.count == target.count else { return nil }
        let n = Float(source.count)
        let sourceMean = source.reduce(.zero, +) / n
        let targetMean = target.reduce(.zero, +) / n
        var numerator = SIMD2<Float>.zero
        var norm: Float = 0
        for (p, q) in zip(source, target) {
            let dp = p - sourceMean
            let dq = q - targetMean
            // Σ dq · conj(dp)
            numerator += SIMD2(dq.x * dp.x + dq.y * dp.y, dq.y * dp.x - dq.x * dp.y)
            norm += (dp * dp).sum()
        }
        guard norm > 1e-8 else { return nil }
        a = numerator / norm
        t = .zero
        t = targetMean - apply(sourceMean)
    }
}
