/// Stretches of one clip's time, merged where they touch: where a clip shows common
/// content, or what a match covers.
public struct TimeSpans: Sendable, Equatable, Codable {
    /// Sorted, disjoint stretches in seconds.
    public private(set) var spans: [ClosedRange<Double>]

    public init(_ spans: [ClosedRange<Double>] = []) {
        self.spans = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) { append(span) }
    }

    public static let none = TimeSpans()

    public var isEmpty: Bool { spans.isEmpty }

    /// Seconds covered in all.
    public var seconds: Double { spans.reduce(0) { $0 + $1.upperBound - $1.lowerBound } }

    /// These stretches and `other`'s together.
    public func union(_ other: TimeSpans) -> TimeSpans {
        TimeSpans(spans + other.spans)
    }

    /// Seconds of `span` that these stretches cover.
    public func overlap(with span: ClosedRange<Double>) -> Double {
        spans.reduce(0) { total, own in
            total + max(0, min(own.upperBound, span.upperBound) - max(own.lowerBound, span.lowerBound))
        }
    }

    /// The parts of `span` these stretches leave uncovered.
    public func uncovered(in span: ClosedRange<Double>) -> TimeSpans {
        var left: [ClosedRange<Double>] = []
        var start = span.lowerBound
        for own in spans where own.upperBound > start && own.lowerBound < span.upperBound {
            if own.lowerBound > start { left.append(start...own.lowerBound) }
            start = max(start, own.upperBound)
        }
        if start < span.upperBound { left.append(start...span.upperBound) }
        return TimeSpans(left)
    }

    private mutating func append(_ span: ClosedRange<Double>) {
        if let last = spans.last, span.lowerBound <= last.upperBound {
            spans[spans.count - 1] = last.lowerBound...max(last.upperBound, span.upperBound)
        } else {
            spans.append(span)
        }
    }
}
