import Foundation

/// The 8 × 8 lowest frequencies of a 16 × 16 patch's two-dimensional DCT-II:
/// what a local feature's hash is taken from, coarse enough that a blob found a
/// pixel off still hashes alike.
enum PatchDCT {
    static let side = FeatureDetector.patchSamples
    static let kept = 8

    /// Row `u`: the `u`-th cosine over `side` samples.
    private static let basis: [Float] = (0..<kept).flatMap { u in
        (0..<side).map { n in Float(cos(Double.pi / Double(side) * (Double(n) + 0.5) * Double(u))) }
    }

    /// Coefficients row-major, vertical frequency by horizontal frequency.
    static func lowFrequencies(of patch: [Float]) -> [Float] {
        // Columns first: vertical frequencies of each of the 16 columns.
        var vertical = [Float](repeating: 0, count: kept * side)
        for u in 0..<kept {
            for n in 0..<side {
                let weight = basis[u * side + n]
                for column in 0..<side { vertical[u * side + column] += weight * patch[n * side + column] }
            }
        }
        var out = [Float](repeating: 0, count: kept * kept)
        for u in 0..<kept {
            for v in 0..<kept {
                var sum: Float = 0
                for n in 0..<side { sum += basis[v * side + n] * vertical[u * side + n] }
                out[u * kept + v] = sum
            }
        }
        return out
    }
}
