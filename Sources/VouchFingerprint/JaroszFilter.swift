/// PDQ's downscaling: two passes of a box filter along rows and columns (a
/// Jarosz tent approximation), then point sampling to 64×64.
///
/// Written to PDQ's reference operation for operation, in single precision and
/// in the same order, because the hash thresholds at a median: a different
/// rounding flips bits that sit on it.
enum JaroszFilter {
    static let side = 64
    static let passes = 2

    /// The 64×64 buffer PDQ takes its DCT of.
    static func downscale(_ image: LumaImage) -> [Float] {
        if image.width == side && image.height == side { return image.values }
        var primary = image.values
        var scratch = [Float](repeating: 0, count: primary.count)
        let rowWindow = windowSize(from: image.width)
        let columnWindow = windowSize(from: image.height)
        for _ in 0..<passes {
            primary.withUnsafeBufferPointer { input in
                scratch.withUnsafeMutableBufferPointer { output in
                    for row in 0..<image.height {
                        box(input, output, start: row * image.width, count: image.width, stride: 1, window: rowWindow)
                    }
                }
            }
            scratch.withUnsafeBufferPointer { input in
                primary.withUnsafeMutableBufferPointer { output in
                    for column in 0..<image.width {
                        box(input, output, start: column, count: image.height, stride: image.width, window: columnWindow)
                    }
                }
            }
        }
        return decimate(primary, width: image.width, height: image.height)
    }

    /// ceil(old / 128): the window that blurs away what 64 samples cannot hold.
    static func windowSize(from old: Int) -> Int {
        (old + 2 * side - 1) / (2 * side)
    }

    /// A running-sum box filter whose window shrinks at both ends; even windows
    /// reach one further ahead than behind, as in the reference.
    private static func box(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
        start: Int, count: Int, stride: Int, window: Int
    ) {
        let half = (window + 2) / 2
        var left = start
        var right = start
        var out = start
        var sum: Float = 0
        var size = 0
        for _ in 0..<(half - 1) {
            sum += input[right]
            size += 1
            right += stride
        }
        for _ in 0..<(window - half + 1) {
            sum += input[right]
            size += 1
            output[out] = sum / Float(size)
            right += stride
            out += stride
        }
        for _ in 0..<max(count - window, 0) {
            sum += input[right]
            sum -= input[left]
            output[out] = sum / Float(size)
            left += stride
            right += stride
            out += stride
        }
        for _ in 0..<(half - 1) {
            sum -= input[left]
            size -= 1
            output[out] = sum / Float(size)
            left += stride
            out += stride
        }
    }

    private static func decimate(_ values: [Float], width: Int, height: Int) -> [Float] {
        var out = [Float](repeating: 0, count: side * side)
        for i in 0..<side {
            let row = Int(((Double(i) + 0.5) * Double(height)) / Double(side))
            for j in 0..<side {
                let column = Int(((Double(j) + 0.5) * Double(width)) / Double(side))
                out[i * side + j] = values[row * width + column]
            }
        }
        return out
    }
}
