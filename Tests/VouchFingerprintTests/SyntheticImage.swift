import VouchTestSupport

/// The synthetic RGB images of `Fixtures/make-pdq-reference.py`, reproduced
/// operation for operation so that both sides hash the same pixels.
struct SyntheticImage {
    let width: Int
    let height: Int
    let rgb: [UInt8]

    private struct Shape {
        var isEllipse: Bool
        var cx, cy, rx, ry: Int
        var colour: [Int]

        func contains(_ x: Int, _ y: Int) -> Bool {
            isEllipse
                ? (x - cx) * (x - cx) * ry * ry + (y - cy) * (y - cy) * rx * rx <= rx * rx * ry * ry
                : abs(x - cx) <= rx && abs(y - cy) <= ry
        }
    }

    init(seed: UInt64) {
        var r = SeededGenerator(seed: seed)
        width = 32 + r.below(369)
        height = 32 + r.below(289)
        let c0 = (0..<3).map { _ in r.below(256) }
        let c1 = (0..<3).map { _ in r.below(256) }
        let a = 1 + r.below(7)
        let b = r.below(7)
        let gmax = (width - 1) * a + (height - 1) * b
        var shapes: [Shape] = []
        for _ in 0..<(2 + r.below(6)) {
            let isEllipse = r.below(2) == 1
            let cx = r.below(width)
            let cy = r.below(height)
            let rx = 4 + r.below(width / 2)
            let ry = 4 + r.below(height / 2)
            shapes.append(Shape(isEllipse: isEllipse, cx: cx, cy: cy, rx: rx, ry: ry, colour: (0..<3).map { _ in r.below(256) }))
        }
        let period = 8 + r.below(120)
        let amplitude = r.below(60)
        let dx = r.below(4)
        let dy = 1 + r.below(4)
        let spread = r.below(24)
        let salt = UInt32(truncatingIfNeeded: r.next())
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let g = x * a + y * b
                var value = (0..<3).map { (c0[$0] * (gmax - g) + c1[$0] * g) / gmax }
                if let shape = shapes.last(where: { $0.contains(x, y) }) { value = shape.colour }
                let t = (x * dx + y * dy) % (2 * period)
                let grating = amplitude * abs(t - period) / period - amplitude / 2
                for c in 0..<3 {
                    var h = (UInt32(truncatingIfNeeded: x &* 73_856_093) ^ UInt32(truncatingIfNeeded: y &* 19_349_663))
                        ^ UInt32(truncatingIfNeeded: c &* 83_492_791) ^ salt
                    h = (h ^ (h >> 13)) &* 0x5BD1_E995
                    h ^= h >> 15
                    let noise = Int(h % UInt32(2 * spread + 1)) - spread
                    rgb[(y * width + x) * 3 + c] = UInt8(clamping: value[c] + grating + noise)
                }
            }
        }
        self.rgb = rgb
    }
}
