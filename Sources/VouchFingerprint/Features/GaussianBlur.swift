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

extension LumaImage {
    /// The image averaged down (or sampled up) to `width` × `height`: each output
    /// pixel is the mean of the source pixels under it.
    func resampled(width newWidth: Int, height newHeight: Int) -> LumaImage {
        var out = [Float](repeating: 0, count: newWidth * newHeight)
        for y in 0..<newHeight {
            let y0 = y * height / newHeight
            let y1 = max((y + 1) * height / newHeight, y0 + 1)
            for x in 0..<newWidth {
                let x0 = x * width / newWidth
                let x1 = max((x + 1) * width / newWidth, x0 + 1)
                var sum: Float = 0
                for row in y0..<min(y1, height) {
                    for column in x0..<min(x1, width) { sum += values[row * width + column] }
                }
                out[y * newWidth + x] = sum / Float((min(y1, height) - y0) * (min(x1, width) - x0))
            }
        }
        return LumaImage(width: newWidth, height: newHeight, values: out)
    }

    /// Every other pixel in both directions: the next octave's base.
    func halved() -> LumaImage {
        let newWidth = width / 2
        let newHeight = height / 2
        var out = [Float](repeating: 0, count: newWidth * newHeight)
        for y in 0..<newHeight {
            for x in 0..<newWidth { out[y * newWidth + x] = values[2 * y * width + 2 * x] }
        }
        return LumaImage(width: newWidth, height: newHeight, values: out)
    }

    /// The value at a fractional position, bilinearly interpolated, edges clamped.
    @inline(__always)
    func sample(x: Float, y: Float) -> Float {
        let cx = min(max(x, 0), Float(width - 1))
        let cy = min(max(y, 0), Float(height - 1))
        let x0 = Int(cx)
        let y0 = Int(cy)
        let x1 = min(x0 + 1, width - 1)
        let y1 = min(y0 + 1, height - 1)
        let fx = cx - Float(x0)
        let fy = cy - Float(y0)
        let top = values[y0 * width + x0] * (1 - fx) + values[y0 * width + x1] * fx
        let bottom = values[y1 * width + x0] * (1 - fx) + values[y1 * width + x1] * fx
        return top * (1 - fy) + bottom * fy
    }
}
