import Foundation

/// Finds a frame's ``LocalFeature``s: the strongest blobs of its scale space,
/// spread over a grid so that any large window of the picture keeps some, each
/// hashed from the patch its scale defines.
///
/// The first half are coarse blobs (past the first octave), which the index
/// stores: shown in a quarter-size inset they are still above the finest scale
/// a query searches, and shown zoomed in they are found at coarser ones. The
/// second half, fine blobs, are what a query brings to meet them.
public struct FeatureDetector: Sendable {
    /// Pixels of the picture analysed, whatever its size: about 336 × 189 for 16:9.
    public static let analysedArea = 64_000
    static let octaves = 4
    /// The least difference of blurs, in luma levels, that counts as a blob.
    static let strengthFloor: Float = 2
    /// Patches reach this many blob scales (sigmas) from the centre.
    static let patchReach: Float = 6
    static let patchSamples = 16
    static let gridSide = 4

    /// Features kept a frame, strongest first.
    public var featuresPerFrame: Int

    public init(featuresPerFrame: Int = 64) {
        self.featuresPerFrame = featuresPerFrame
    }

    public func features(of picture: LumaImage) -> [LocalFeature] {
        guard picture.width >= 16, picture.height >= 16 else { return [] }
        let scale = (Double(Self.analysedArea) / Double(picture.width * picture.height)).squareRoot()
        let base = picture.resampled(width: max(16, Int(Double(picture.width) * scale)), height: max(16, Int(Double(picture.height) * scale)))
        let space = ScaleSpace(base, octaves: Self.octaves)
        let usable = space.peaks(above: Self.strengthFloor).filter { fitsPatch($0, in: space) }
        let coarse = spread(usable.filter { $0.octave > 0 }, count: featuresPerFrame / 2, width: base.width, height: base.height, in: space)
        let rest = spread(usable.filter { $0.octave == 0 }, count: featuresPerFrame - coarse.count,
                          width: base.width, height: base.height, in: space)
        return (coarse + rest).map { describe($0, in: space, pictureHeight: Float(base.height)) }
    }

    /// Blobs whose whole patch lies inside the picture: a patch cut by the frame's
    /// edge would hash differently in a copy framed otherwise.
    private func fitsPatch(_ peak: ScaleSpace.Peak, in space: ScaleSpace) -> Bool {
        let level = space.octaves[peak.octave].levels[peak.level]
        let reach = Self.patchReach * ScaleSpace.sigma(ofLevel: peak.scale)
        return peak.x - reach >= 0 && peak.y - reach >= 0 && peak.x + reach <= Float(level.width - 1) && peak.y + reach <= Float(level.height - 1)
    }

    /// Up to `count` blobs in rounds over a grid: each round takes the next
    /// strongest blob of every cell, strongest first. Any prefix is spread over
    /// the picture, so the index's shorter stored prefix too keeps blobs in every
    /// window a crop shows.
    private func spread(_ peaks: [ScaleSpace.Peak], count: Int, width: Int, height: Int, in space: ScaleSpace) -> [ScaleSpace.Peak] {
        var cells = [[ScaleSpace.Peak]](repeating: [], count: Self.gridSide * Self.gridSide)
        for peak in peaks.sorted(by: { $0.strength > $1.strength }) {
            let scale = space.octaves[peak.octave].scale
            let column = min(Int(peak.x * scale) * Self.gridSide / width, Self.gridSide - 1)
            let row = min(Int(peak.y * scale) * Self.gridSide / height, Self.gridSide - 1)
            cells[row * Self.gridSide + column].append(peak)
        }
        var chosen: [ScaleSpace.Peak] = []
        var round = 0
        while chosen.count < count, cells.contains(where: { $0.count > round }) {
            let next = cells.compactMap { $0.count > round ? $0[round] : nil }.sorted { $0.strength > $1.strength }
            chosen += next.prefix(count - chosen.count)
            round += 1
        }
        return chosen
    }

    /// The patch around a blob, sampled on a 16 × 16 grid at its scale, reduced
    /// to its 8 × 8 lowest DCT frequencies, hashed by sign against their median;
    /// mirrored, the odd horizontal frequencies change sign. The blob is placed
    /// in heights of the analysed picture (`pictureHeight` pixels).
    private func describe(_ peak: ScaleSpace.Peak, in space: ScaleSpace, pictureHeight: Float) -> LocalFeature {
        let octave = space.octaves[peak.octave]
        let level = octave.levels[peak.level]
        let sigma = ScaleSpace.sigma(ofLevel: peak.scale)
        let reach = Self.patchReach * sigma
        let step = 2 * reach / Float(Self.patchSamples)
        var patch = [Float](repeating: 0, count: Self.patchSamples * Self.patchSamples)
        for row in 0..<Self.patchSamples {
            let y = peak.y - reach + (Float(row) + 0.5) * step
            for column in 0..<Self.patchSamples {
                patch[row * Self.patchSamples + column] = level.sample(x: peak.x - reach + (Float(column) + 0.5) * step, y: y)
            }
        }
        let coefficients = PatchDCT.lowFrequencies(of: patch)
        let mirrored = coefficients.enumerated().map { index, value in (index % PatchDCT.kept) % 2 == 1 ? -value : value }
        // An octave's pixel i is the base picture's pixel i × scale (each octave halves by taking every other pixel).
        let unit = octave.scale / pictureHeight
        let placement = LocalFeature.Placement(x: peak.x * unit, y: peak.y * unit, scale: sigma * unit)
        return LocalFeature(hash: Self.signs(coefficients), mirrored: Self.signs(mirrored), placement: placement)
    }

    /// Bit k set when coefficient k + 1 (the constant term left out) is above the median.
    static func signs(_ coefficients: [Float]) -> UInt64 {
        let ac = Array(coefficients.dropFirst())
        let median = Self.median(ac)
        var bits: UInt64 = 0
        for (index, value) in ac.enumerated() where value > median { bits |= 1 << UInt64(index) }
        return bits
    }

    /// The element a sort would put at `count / 2`, found by selection rather
    /// than a whole sort: two of these per feature were 0.8% of fingerprinting.
    static func median(_ values: [Float]) -> Float {
        var values = values
        let target = values.count / 2
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j { high = j } else if target >= i { low = i } else { break }
        }
        return values[target]
    }
}

extension ScaleSpace {
    /// The blur of a (fractional) level, in its octave's pixels.
    static func sigma(ofLevel level: Float) -> Float {
        baseSigma * pow(2, level / Float(intervals))
    }
}
