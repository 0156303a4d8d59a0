import Testing
@testable import VouchFingerprint
import VouchTestSupport

/// The filter is reordered for speed; PDQ needs it to round exactly as the
/// reference does, so it is held to a line-by-line transcription, bit for bit.
@Suite struct JaroszFilterTests {
    @Test(arguments: [(512, 288), (288, 512), (65, 7), (7, 65), (1280, 720), (129, 128), (100, 1), (300, 200)])
    func equalsTheReferenceOrderBitForBit(size: (Int, Int)) {
        var generator = SeededGenerator(seed: UInt64(size.0 * 10_000 + size.1))
        let values = (0..<(size.0 * size.1)).map { _ in Float(generator.below(256)) + Float(generator.below(1000)) / 1000 }
        let image = LumaImage(width: size.0, height: size.1, values: values)
        let fast = JaroszFilter.downscale(image)
        let reference = Self.referenceDownscale(image)
        #expect(fast.map(\.bitPattern) == reference.map(\.bitPattern))
    }

    /// PDQ's reference: each pass filters every row, then every column, one line at a time.
    static func referenceDownscale(_ image: LumaImage) -> [Float] {
        var primary = image.values
        var scratch = [Float](repeating: 0, count: primary.count)
        let rowWindow = JaroszFilter.windowSize(from: image.width)
        let columnWindow = JaroszFilter.windowSize(from: image.height)
        for _ in 0..<JaroszFilter.passes {
            for row in 0..<image.height {
                box(primary, &scratch, start: row * image.width, count: image.width, stride: 1, window: rowWindow)
            }
            for column in 0..<image.width {
                box(scratch, &primary, start: column, count: image.height, stride: image.width, window: columnWindow)
            }
        }
        let side = JaroszFilter.side
        var out = [Float](repeating: 0, count: side * side)
        for i in 0..<side {
            let row = Int(((Double(i) + 0.5) * Double(image.height)) / Double(side))
            for j in 0..<side {
                let column = Int(((Double(j) + 0.5) * Double(image.width)) / Double(side))
                out[i * side + j] = primary[row * image.width + column]
            }
        }
        return out
    }

    private static func box(_ input: [Float], _ output: inout [Float], start: Int, count: Int, stride: Int, window: Int) {
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
}
