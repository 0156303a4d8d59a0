/// Resizing and sampling a ``LumaImage``: the miniatures crop registration
/// correlates, the picture the feature detector analyses, and its octaves.
extension LumaImage {
    /// The image averaged down (or sampled up) to `width` × `height`: each output
    /// pixel is the mean of the source pixels under it. Each band of source rows
    /// is summed into one row first, so the source is read once, in order.
    func resampled(width newWidth: Int, height newHeight: Int) -> LumaImage {
        var out = [Float](repeating: 0, count: newWidth * newHeight)
        guard width > 0, height > 0 else { return LumaImage(width: newWidth, height: newHeight, values: out) }
        var band = [Float](repeating: 0, count: width)
        values.withUnsafeBufferPointer { source in
            band.withUnsafeMutableBufferPointer { band in
                out.withUnsafeMutableBufferPointer { out in
                    for y in 0..<newHeight {
                        let y0 = min(y * height / newHeight, height - 1)
                        let y1 = min(max((y + 1) * height / newHeight, y0 + 1), height)
                        band.update(repeating: 0)
                        for row in y0..<y1 {
                            let line = source.baseAddress! + row * width
                            for x in 0..<width { band[x] += line[x] }
                        }
                        for x in 0..<newWidth {
                            let x0 = min(x * width / newWidth, width - 1)
                            let x1 = min(max((x + 1) * width / newWidth, x0 + 1), width)
                            var sum: Float = 0
                            for column in x0..<x1 { sum += band[column] }
                            out[y * newWidth + x] = sum / Float((y1 - y0) * (x1 - x0))
                        }
                    }
                }
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
