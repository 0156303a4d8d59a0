extension ContentBox {
    /// The box that excludes the borders reposts add: uniform bars of any colour
    /// on any side, or a blurred copy of the picture padded evenly around it.
    ///
    /// PDQ is so sensitive to framing that trimming a smooth strip of the picture
    /// itself in one copy and not in another breaks the match, so the rules are
    /// strict: a bar is flat along its rows and still in time; a blurred pad comes
    /// in equal parts on opposite sides and ends in a sharp step into the picture;
    /// either is at least 5% of its side, and the box keeps at least a fifth.
    public static func detect(in frames: [LumaImage]) -> ContentBox {
        guard let first = frames.first, first.width >= 16, first.height >= 16,
              frames.allSatisfy({ $0.width == first.width && $0.height == first.height })
        else { return .full }
        let sample = frames.evenlySpaced(framesExamined)
        let rows = EdgeProfile(sample, alongRows: true)
        let columns = EdgeProfile(sample, alongRows: false)
        let (top, bottom) = rows.pictureSpan()
        let (left, right) = columns.pictureSpan()
        return ContentBox(
            left: Double(left) / Double(first.width), top: Double(top) / Double(first.height),
            right: Double(right) / Double(first.width), bottom: Double(bottom) / Double(first.height)
        )
    }
}

extension ContentBox {
    /// Borders do not change within a clip, so a spread of frames shows them as
    /// well as every frame does, at a fraction of the cost.
    static let framesExamined = 16
}

/// Per-line statistics across a clip's frames, for one axis: each row (or column)
/// gets its detail (mean neighbour difference), its spread (mean deviation from
/// its own mean) and its motion (mean change between consecutive frames).
struct EdgeProfile {
    var detail: [Double]
    var spread: [Double]
    var motion: [Double]

    /// Lines flatter and stiller than this are a uniform bar, whatever its colour.
    static let flatSpread = 2.0
    static let stillMotion = 1.5
    /// A blurred pad has under this fraction of the picture's busiest detail…
    static let padDetailFraction = 0.3
    /// …and the picture beside it at least this many times the pad's detail.
    static let padStep = 2.5

    init(_ frames: [LumaImage], alongRows: Bool) {
        let first = frames[0]
        let lines = alongRows ? first.height : first.width
        let length = alongRows ? first.width : first.height
        let stride = alongRows ? 1 : first.width
        let lineStep = alongRows ? first.width : 1
        detail = Array(repeating: 0, count: lines)
        spread = Array(repeating: 0, count: lines)
        motion = Array(repeating: 0, count: lines)
        for (index, frame) in frames.enumerated() {
            let previous = index > 0 ? frames[index - 1].values : nil
            for line in 0..<lines {
                let start = line * lineStep
                var sum: Float = 0
                var difference: Float = 0
                var change: Float = 0
                for position in 0..<length {
                    let value = frame.values[start + position * stride]
                    sum += value
                    if position > 0 { difference += abs(value - frame.values[start + (position - 1) * stride]) }
                    if let previous { change += abs(value - previous[start + position * stride]) }
                }
                let mean = sum / Float(length)
                var deviation: Float = 0
                for position in 0..<length { deviation += abs(frame.values[start + position * stride] - mean) }
                detail[line] += Double(difference) / Double(length - 1) / Double(frames.count)
                spread[line] += Double(deviation) / Double(length) / Double(frames.count)
                motion[line] += Double(change) / Double(length) / Double(max(frames.count - 1, 1))
            }
        }
    }

    /// The half-open range of lines that hold the picture.
    func pictureSpan() -> (Int, Int) {
        let count = detail.count
        let shortest = max(count / 20, 1)
        func isBar(_ line: Int) -> Bool { spread[line] < Self.flatSpread && motion[line] < Self.stillMotion }
        let barStart = run(from: 0, step: 1, while: isBar)
        let barEnd = run(from: count - 1, step: -1, while: isBar)
        if barStart >= shortest || barEnd >= shortest {
            return accept(barStart >= shortest ? barStart : 0, count - (barEnd >= shortest ? barEnd : 0))
        }
        let busy = detail.sorted()[count * 9 / 10]
        let padLimit = busy * Self.padDetailFraction
        let padStart = run(from: 0, step: 1) { detail[$0] < padLimit }
        let padEnd = run(from: count - 1, step: -1) { detail[$0] < padLimit }
        guard padStart >= shortest, padEnd >= shortest, abs(padStart - padEnd) <= max(count * 3 / 100, 1),
              hasSharpStep(pad: 0..<padStart, picture: padStart..<min(padStart + 3, count)),
              hasSharpStep(pad: (count - padEnd)..<count, picture: max(count - padEnd - 3, 0)..<(count - padEnd))
        else { return (0, count) }
        return accept(padStart, count - padEnd)
    }

    private func run(from start: Int, step: Int, while condition: (Int) -> Bool) -> Int {
        var length = 0
        var line = start
        while line >= 0, line < detail.count, condition(line) {
            length += 1
            line += step
        }
        return length
    }

    private func hasSharpStep(pad: Range<Int>, picture: Range<Int>) -> Bool {
        guard !pad.isEmpty, !picture.isEmpty else { return false }
        let padDetail = pad.reduce(0) { $0 + detail[$1] } / Double(pad.count)
        let pictureDetail = picture.reduce(0) { $0 + detail[$1] } / Double(picture.count)
        return pictureDetail >= padDetail * Self.padStep
    }

    private func accept(_ start: Int, _ end: Int) -> (Int, Int) {
        (end - start) * 5 >= detail.count ? (start, end) : (0, detail.count)
    }
}
