/// PDQ's downscaling: two passes of a box filter along rows and columns (a
/// Jarosz tent approximation), then point sampling to 64×64.
///
/// Written to PDQ's reference operation for operation, in single precision and
/// in the same order, because the hash thresholds at a median: a different
/// rounding flips bits that sit on it. Only the order of independent lines is
/// changed, for speed: rows are filtered eight at a time and columns all at
/// once, each line still summing and dividing exactly as the reference does,
/// and the last column pass runs only on the 64 columns that are sampled.
enum JaroszFilter {
    static let side = 64
    static let passes = 2

    /// The 64×64 buffer PDQ takes its DCT of.
    static func downscale(_ image: LumaImage) -> [Float] {
        if image.width == side && image.height == side { return image.values }
        let width = image.width
        let height = image.height
        let rowWindow = windowSize(from: width)
        let columnWindow = windowSize(from: height)
        let sampledRows = sampled(from: height)
        let sampledColumns = sampled(from: width)
        var primary = image.values
        var scratch = [Float](repeating: 0, count: max(width, side) * height)
        var narrow = [Float](repeating: 0, count: height * side)
        var out = [Float](repeating: 0, count: side * side)
        primary.withUnsafeMutableBufferPointer { primary in
            scratch.withUnsafeMutableBufferPointer { scratch in
                for pass in 0..<passes {
                    boxRows(primary.baseAddress!, scratch.baseAddress!, width: width, height: height, window: rowWindow)
                    guard pass == passes - 1 else {
                        boxColumns(scratch.baseAddress!, primary.baseAddress!, width: width, height: height, window: columnWindow)
                        continue
                    }
                    narrow.withUnsafeMutableBufferPointer { narrow in
                        for row in 0..<height {
                            for (j, column) in sampledColumns.enumerated() { narrow[row * side + j] = scratch[row * width + column] }
                        }
                        boxColumns(narrow.baseAddress!, scratch.baseAddress!, width: side, height: height, window: columnWindow)
                    }
                    for (i, row) in sampledRows.enumerated() {
                        for j in 0..<side { out[i * side + j] = scratch[row * side + j] }
                    }
                }
            }
        }
        return out
    }

    /// ceil(old / 128): the window that blurs away what 64 samples cannot hold.
    static func windowSize(from old: Int) -> Int {
        (old + 2 * side - 1) / (2 * side)
    }

    /// The 64 positions along a side of `count` that point sampling keeps.
    static func sampled(from count: Int) -> [Int] {
        (0..<side).map { Int(((Double($0) + 0.5) * Double(count)) / Double(side)) }
    }

    /// The reference's running-sum box filter along every row. Its window shrinks
    /// at both ends; even windows reach one further ahead than behind. Eight rows
    /// go through it side by side, so their dependent additions overlap; rows
    /// past the last repeat it and are not stored.
    private static func boxRows(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, width: Int, height: Int, window: Int) {
        let half = (window + 2) / 2
        for first in stride(from: 0, to: height, by: 8) {
            var rows = SIMD8<Int>(repeating: 0)
            for lane in 0..<8 { rows[lane] = min(first + lane, height - 1) * width }
            let lanes = min(8, height - first)
            @inline(__always) func load(_ position: Int) -> SIMD8<Float> {
                let at = rows &+ position
                return SIMD8(input[at[0]], input[at[1]], input[at[2]], input[at[3]], input[at[4]], input[at[5]], input[at[6]], input[at[7]])
            }
            @inline(__always) func store(_ value: SIMD8<Float>, _ position: Int) {
                if lanes == 8 {
                    let at = rows &+ position
                    for lane in 0..<8 { output[at[lane]] = value[lane] }
                } else {
                    for lane in 0..<lanes { output[rows[lane] + position] = value[lane] }
                }
            }
            var sum = SIMD8<Float>(repeating: 0)
            var size: Float = 0
            var left = 0
            var right = 0
            var out = 0
            for _ in 0..<(half - 1) {
                sum += load(right)
                size += 1
                right += 1
            }
            for _ in 0..<(window - half + 1) {
                sum += load(right)
                size += 1
                store(sum / size, out)
                right += 1
                out += 1
            }
            for _ in 0..<max(width - window, 0) {
                sum += load(right)
                sum -= load(left)
                store(sum / size, out)
                left += 1
                right += 1
                out += 1
            }
            for _ in 0..<(half - 1) {
                sum -= load(left)
                size -= 1
                store(sum / size, out)
                left += 1
                out += 1
            }
        }
    }

    /// The same filter down every column at once, a row of running sums at a time.
    private static func boxColumns(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, width: Int, height: Int, window: Int) {
        let half = (window + 2) / 2
        let sums = UnsafeMutablePointer<Float>.allocate(capacity: width)
        defer { sums.deallocate() }
        sums.initialize(repeating: 0, count: width)
        var size: Float = 0
        var left = 0
        var right = 0
        var out = 0
        func add(_ row: Int) {
            let line = input + row * width
            for x in 0..<width { sums[x] += line[x] }
        }
        func subtract(_ row: Int) {
            let line = input + row * width
            for x in 0..<width { sums[x] -= line[x] }
        }
        func emit(_ row: Int) {
            let line = output + row * width
            for x in 0..<width { line[x] = sums[x] / size }
        }
        for _ in 0..<(half - 1) {
            add(right)
            size += 1
            right += 1
        }
        for _ in 0..<(window - half + 1) {
            add(right)
            size += 1
            emit(out)
            right += 1
            out += 1
        }
        for _ in 0..<max(height - window, 0) {
            add(right)
            subtract(left)
            emit(out)
            left += 1
            right += 1
            out += 1
        }
        for _ in 0..<(half - 1) {
            subtract(left)
            size -= 1
            emit(out)
            left += 1
            out += 1
        }
    }
}
