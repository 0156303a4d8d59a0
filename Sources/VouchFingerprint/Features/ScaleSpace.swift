import Foundation

/// The picture blurred at growing scales, octave by octave, and the differences
/// of neighbouring blurs: blobs are the points where a difference peaks in
/// position and in scale, so a blob is found at the scale the picture shows it.
struct ScaleSpace {
    /// Scales per octave searched for peaks; each octave holds three more blurs.
    static let intervals = 3
    static let baseSigma: Float = 1.6

    struct Octave {
        /// Blurs at sigma `baseSigma × 2^(s / intervals)`, in this octave's pixels.
        var levels: [LumaImage]
        /// `levels[s + 1] − levels[s]`.
        var differences: [[Float]]
        /// This octave's pixels are `scale` pixels of the base image.
        var scale: Float
    }

    var octaves: [Octave]

    init(_ base: LumaImage, octaves count: Int) {
        var octaves: [Octave] = []
        // The picture is taken as already blurred by half a pixel.
        var start = GaussianBlur.blurred(base, sigma: (Self.baseSigma * Self.baseSigma - 0.25).squareRoot())
        let step = pow(2, 1 / Float(Self.intervals))
        for index in 0..<count where min(start.width, start.height) >= 16 {
            var levels = [start]
            for s in 1..<(Self.intervals + 3) {
                let previous = Self.baseSigma * pow(step, Float(s - 1))
                let next = previous * step
                levels.append(GaussianBlur.blurred(levels[s - 1], sigma: (next * next - previous * previous).squareRoot()))
            }
            let differences = (0..<(levels.count - 1)).map { s in Self.difference(levels[s + 1].values, levels[s].values) }
            octaves.append(Octave(levels: levels, differences: differences, scale: Float(1 << index)))
            start = levels[Self.intervals].halved()
        }
        self.octaves = octaves
    }

    private static func difference(_ upper: [Float], _ lower: [Float]) -> [Float] {
        upper.withUnsafeBufferPointer { upper in
            lower.withUnsafeBufferPointer { lower in
                [Float](unsafeUninitializedCapacity: upper.count) { buffer, count in
                    for at in 0..<upper.count { buffer[at] = upper[at] - lower[at] }
                    count = upper.count
                }
            }
        }
    }

    /// A peak of the differences: where, at which blur, and how strong. Position
    /// and scale are refined between samples, in the octave's pixels and levels.
    struct Peak {
        var octave: Int
        var level: Int
        var x: Float
        var y: Float
        /// The refined level, within half a level of `level`.
        var scale: Float
        var strength: Float
    }

    /// Points stronger than `floor` and than their 26 neighbours in position and
    /// scale, leaving out those on an edge (one principal curvature far above the
    /// other), which slide along it in a copy.
    func peaks(above floor: Float) -> [Peak] {
        var peaks: [Peak] = []
        for (index, octave) in octaves.enumerated() {
            let width = octave.levels[0].width
            let height = octave.levels[0].height
            for level in 1..<(octave.differences.count - 1) {
                octave.differences[level - 1].withUnsafeBufferPointer { below in
                    octave.differences[level].withUnsafeBufferPointer { here in
                        octave.differences[level + 1].withUnsafeBufferPointer { above in
                            let planes = (below, here, above)
                            for y in 1..<(height - 1) {
                                for x in 1..<(width - 1) {
                                    let at = y * width + x
                                    let value = here[at]
                                    guard abs(value) > floor else { continue }
                                    // Most points lose to a neighbour in their own row: that test first, inline.
                                    if value > 0 {
                                        guard value >= here[at - 1], value >= here[at + 1] else { continue }
                                    } else {
                                        guard value <= here[at - 1], value <= here[at + 1] else { continue }
                                    }
                                    guard Self.isExtremum(value, at: at, width: width, in: planes),
                                          !Self.isEdge(here, at: at, width: width),
                                          let offset = Self.refinement(at: at, width: width, in: planes) else { continue }
                                    peaks.append(Peak(octave: index, level: level, x: Float(x) + offset.x, y: Float(y) + offset.y,
                                                      scale: Float(level) + offset.scale, strength: abs(value)))
                                }
                            }
                        }
                    }
                }
            }
        }
        return peaks
    }

    typealias Planes = (below: UnsafeBufferPointer<Float>, here: UnsafeBufferPointer<Float>, above: UnsafeBufferPointer<Float>)

    @inline(__always)
    private static func isExtremum(_ value: Float, at index: Int, width: Int, in planes: Planes) -> Bool {
        @inline(__always) func beats(_ plane: UnsafeBufferPointer<Float>) -> Bool {
            for dy in -1...1 {
                for dx in -1...1 {
                    let neighbour = plane[index + dy * width + dx]
                    if value > 0 ? neighbour > value : neighbour < value { return false }
                }
            }
            return true
        }
        return beats(planes.here) && beats(planes.below) && beats(planes.above)
    }

    /// Where the quadratic through the peak's neighbours tops out, as an offset in
    /// x, y and level; nil when that lies more than half a sample away (the peak
    /// is really a neighbour's). A blob located to a fraction of a pixel and of a
    /// level hashes alike when a copy samples it elsewhere.
    private static func refinement(at index: Int, width: Int, in planes: Planes) -> (x: Float, y: Float, scale: Float)? {
        let (below, here, above) = planes
        let centre = here[index]
        let dx = (here[index + 1] - here[index - 1]) / 2
        let dy = (here[index + width] - here[index - width]) / 2
        let ds = (above[index] - below[index]) / 2
        let dxx = here[index + 1] + here[index - 1] - 2 * centre
        let dyy = here[index + width] + here[index - width] - 2 * centre
        let dss = above[index] + below[index] - 2 * centre
        let dxy = (here[index + width + 1] - here[index + width - 1] - here[index - width + 1] + here[index - width - 1]) / 4
        let dxs = (above[index + 1] - above[index - 1] - below[index + 1] + below[index - 1]) / 4
        let dys = (above[index + width] - above[index - width] - below[index + width] + below[index - width]) / 4
        // Solve H · offset = −gradient by Cramer's rule.
        let determinant = dxx * (dyy * dss - dys * dys) - dxy * (dxy * dss - dys * dxs) + dxs * (dxy * dys - dyy * dxs)
        guard abs(determinant) > 1e-9 else { return nil }
        let (gx, gy, gs) = (-dx, -dy, -ds)
        let x = (gx * (dyy * dss - dys * dys) - dxy * (gy * dss - dys * gs) + dxs * (gy * dys - dyy * gs)) / determinant
        let y = (dxx * (gy * dss - dys * gs) - gx * (dxy * dss - dys * dxs) + dxs * (dxy * gs - gy * dxs)) / determinant
        let s = (dxx * (dyy * gs - gy * dys) - dxy * (dxy * gs - gy * dxs) + gx * (dxy * dys - dyy * dxs)) / determinant
        guard abs(x) <= 0.5, abs(y) <= 0.5, abs(s) <= 0.5 else { return nil }
        return (x, y, s)
    }

    /// The Hessian test of SIFT: curvature ratio above 10 is an edge.
    @inline(__always)
    private static func isEdge(_ plane: UnsafeBufferPointer<Float>, at index: Int, width: Int) -> Bool {
        let centre = plane[index]
        let dxx = plane[index + 1] + plane[index - 1] - 2 * centre
        let dyy = plane[index + width] + plane[index - width] - 2 * centre
        let dxy = (plane[index + width + 1] - plane[index + width - 1] - plane[index - width + 1] + plane[index - width - 1]) / 4
        let trace = dxx + dyy
        let determinant = dxx * dyy - dxy * dxy
        return determinant <= 0 || trace * trace * 10 >= 121 * determinant
    }
}
