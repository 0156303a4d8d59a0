/// Where the gradient forms a ridge in at least half the frames: a step between
/// two pixels much larger than the steps beside it. An inset's border is one in
/// nearly every frame; the picture's own edges move and are one only briefly.
///
/// Beside a busy picture (pixel noise, foliage, a crowd) no step stands out from
/// its neighbours, so a map can also mark where still pixels meet moving ones
/// (``addingStillBorders(of:)``): a still photo shown over a restless reactor
/// has its border there however busy the reactor is.
struct RidgeMap {
    let width: Int
    let height: Int
    /// `vertical[y * width + x]`: a ridge between columns x and x+1 at row y.
    private var vertical: [Bool]
    /// `horizontal[y * width + x]`: a ridge between rows y and y+1 at column x.
    private var horizontal: [Bool]

    /// How much stronger than its neighbours a ridge's gradient is, and the least gradient it needs.
    static let contrast: Float = 2.5
    static let floor: Float = 4
    /// Lines whose ridge covers less of the frame than this are not candidates.
    static let leastLineSupport = 0.25
    /// Pixels two distinct lines lie apart at least: nearer ones are the same border.
    static let lineSpacing = 5

    /// The luma ridges of `frames`, found in at least half of them.
    init(_ frames: [LumaImage]) {
        let width = frames[0].width
        let height = frames[0].height
        self.width = width
        self.height = height
        var verticalCount = [UInt8](repeating: 0, count: width * height)
        var horizontalCount = [UInt8](repeating: 0, count: width * height)
        for frame in frames {
            frame.values.withUnsafeBufferPointer { p in
                for y in 0..<height {
                    for x in 2..<max(width - 3, 2) {
                        let i = y * width + x
                        let gradient = abs(p[i + 1] - p[i])
                        let neighbours = (abs(p[i - 1] - p[i - 2]) + abs(p[i + 3] - p[i + 2])) / 2
                        if gradient > max(Self.contrast * neighbours, Self.floor) { verticalCount[i] += 1 }
                    }
                }
                for y in 2..<max(height - 3, 2) {
                    for x in 0..<width {
                        let i = y * width + x
                        let gradient = abs(p[i + width] - p[i])
                        let neighbours = (abs(p[i - width] - p[i - 2 * width]) + abs(p[i + 3 * width] - p[i + 2 * width])) / 2
                        if gradient > max(Self.contrast * neighbours, Self.floor) { horizontalCount[i] += 1 }
                    }
                }
            }
        }
        let needed = UInt8(clamping: (frames.count + 1) / 2)
        vertical = verticalCount.map { $0 >= needed }
        horizontal = horizontalCount.map { $0 >= needed }
    }

    /// Activity, in luma levels a frame, that counts as moving …
    static let movingActivity: Float = 8
    /// … beside a still side with at most this share of it.
    static let stillShare: Float = 0.25

    /// The map with the borders between still and moving pixels of `frames` added.
    func addingStillBorders(of frames: [LumaImage]) -> RidgeMap {
        guard let activity = Self.activity(of: frames), activity.width == width, activity.height == height else { return self }
        var map = self
        activity.values.withUnsafeBufferPointer { a in
            for y in 0..<height {
                for x in 1..<max(width - 2, 1) where Self.isStillBesideMoving(a, at: y * width + x, step: 1) { map.vertical[y * width + x] = true }
            }
            for y in 1..<max(height - 2, 1) {
                for x in 0..<width where Self.isStillBesideMoving(a, at: y * width + x, step: width) { map.horizontal[y * width + x] = true }
            }
        }
        return map
    }

    /// Whether pixel `i` and the next (`step` on) are still on one side and moving
    /// on the other, either of them allowed to be the blend of both that scaling leaves.
    private static func isStillBesideMoving(_ a: UnsafeBufferPointer<Float>, at i: Int, step: Int) -> Bool {
        func differ(_ p: Float, _ q: Float) -> Bool { max(p, q) >= movingActivity && min(p, q) <= stillShare * max(p, q) }
        return differ(a[i], a[i + step]) || differ(a[i - step], a[i + step]) || differ(a[i], a[i + 2 * step])
    }

    /// Each pixel's mean absolute change between consecutive frames; nil for fewer than two.
    private static func activity(of frames: [LumaImage]) -> LumaImage? {
        guard let first = frames.first, frames.count >= 2 else { return nil }
        var total = [Float](repeating: 0, count: first.values.count)
        for (previous, next) in zip(frames, frames.dropFirst()) {
            for i in total.indices { total[i] += abs(next.values[i] - previous.values[i]) }
        }
        let scale = 1 / Float(frames.count - 1)
        return LumaImage(width: first.width, height: first.height, values: total.map { $0 * scale })
    }

    /// Up to six boundary positions (x for vertical, y for horizontal) whose ridge
    /// spans the most of the frame, at least ``lineSpacing`` pixels apart. A boundary between
    /// index i and i+1 is reported as i+1, the first index of the inset.
    func strongestLines(vertical isVertical: Bool) -> [Int] {
        let count = isVertical ? width : height
        let support = (0..<count).map { line in
            isVertical ? fraction(vertical: true, at: line, from: 0, to: height, slack: 0) : fraction(vertical: false, at: line, from: 0, to: width, slack: 0)
        }
        var lines: [Int] = []
        for line in (0..<count).sorted(by: { support[$0] > support[$1] }) where support[line] >= Self.leastLineSupport {
            guard lines.count < 6 else { break }
            if lines.allSatisfy({ abs($0 - (line + 1)) >= Self.lineSpacing }) { lines.append(line + 1) }
        }
        return lines.sorted()
    }

    /// The least ridge coverage of the rectangle's inner edges (edges on the frame's
    /// border count as full), and how many inner edges it has.
    func support(left: Int, top: Int, right: Int, bottom: Int) -> (least: Double, innerEdges: Int) {
        var least = 1.0
        var inner = 0
        if left > 0 { least = min(least, fraction(vertical: true, at: left - 1, from: top, to: bottom)); inner += 1 }
        if right < width { least = min(least, fraction(vertical: true, at: right - 1, from: top, to: bottom)); inner += 1 }
        if top > 0 { least = min(least, fraction(vertical: false, at: top - 1, from: left, to: right)); inner += 1 }
        if bottom < height { least = min(least, fraction(vertical: false, at: bottom - 1, from: left, to: right)); inner += 1 }
        return (least, inner)
    }

    /// Whether one of `columns` or `rows` (boundaries as ``strongestLines(vertical:)``
    /// reports them) ridges at least `support` of its way across the rectangle: the
    /// rectangle holds two pictures, as half of a 2 × 2 collage does, not one.
    func isDivided(left: Int, top: Int, right: Int, bottom: Int, columns: [Int], rows: [Int], support: Double) -> Bool {
        let spacing = Self.lineSpacing
        return columns.contains { $0 >= left + spacing && $0 <= right - spacing && fraction(vertical: true, at: $0 - 1, from: top, to: bottom) >= support }
            || rows.contains { $0 >= top + spacing && $0 <= bottom - spacing && fraction(vertical: false, at: $0 - 1, from: left, to: right) >= support }
    }

    /// The fraction of a line segment that is ridge, allowing `slack` pixels either side.
    private func fraction(vertical isVertical: Bool, at line: Int, from start: Int, to end: Int, slack: Int = 1) -> Double {
        guard end > start else { return 0 }
        var hits = 0
        for position in start..<end {
            var hit = false
            for offset in -slack...slack {
                let l = line + offset
                if isVertical {
                    if l >= 0, l < width, vertical[position * width + l] { hit = true }
                } else if l >= 0, l < height, horizontal[l * width + position] {
                    hit = true
                }
            }
            if hit { hits += 1 }
        }
        return Double(hits) / Double(end - start)
    }
}
