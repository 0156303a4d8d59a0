import Foundation

/// A separable Gaussian blur of a ``LumaImage``, edges clamped: the step that
/// builds each level of the scale space the feature detector searches.
enum GaussianBlur {
    /// The normalised kernel for `sigma`, three sigmas each side.
    static func kernel(sigma: Float) -> [Float] {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        let weights = (-radius...radius).map { offset in exp(-Float(offset * offset) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    static func blurred(_ image: LumaImage, sigma: Float) -> LumaImage {
        let kernel = kernel(sigma: sigma)
        let across = pass(image.values, width: image.width, height: image.height, kernel: kernel, horizontal: true)
        return LumaImage(width: image.width, height: image.height,
                         values: pass(across, width: image.width, height: image.height, kernel: kernel, horizontal: false))
    }

    /// One pass along rows or columns. Whole rows are accumulated tap by tap, so
    /// the inner loops run over contiguous memory and vectorise.
    private static func pass(_ input: [Float], width: Int, height: Int, kernel: [Float], horizontal: Bool) -> [Float] {
        let radius = kernel.count / 2
        var output = [Float](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                if horizontal {
                    for row in 0..<height {
                        let line = source.baseAddress! + row * width
                        let out = target.baseAddress! + row * width
                        for (tap, weight) in kernel.enumerated() {
                            let shift = tap - radius
                            let first = max(0, -shift)
                            let last = min(width, width - shift)
                            if first < last {
                                // Shifted pointers, so the loop has no checked index arithmetic and vectorises.
                                let from = line + (first + shift)
                                let to = out + first
                                for x in 0..<(last - first) { to[x] += weight * from[x] }
                            }
                            for x in 0..<min(first, width) { out[x] += weight * line[0] }
                            for x in max(last, 0)..<width { out[x] += weight * line[width - 1] }
                        }
                    }
                } else {
                    for row in 0..<height {
                        let out = target.baseAddress! + row * width
                        for (tap, weight) in kernel.enumerated() {
                            let line = source.baseAddress! + min(max(row + tap - radius, 0), height - 1) * width
                            for x in 0..<width { out[x] += weight * line[x] }
                        }
                    }
                }
            }
        }
        return output
    }
}
