import Foundation
import VouchFingerprint

/// Draws, as SVG, how a clip lines up with a clip it matched: two bars scaled to the
/// clips' durations on one time scale, and each matched segment as a band joining its
/// stretch of one bar to its stretch of the other. Equal widths mean the same speed;
/// a slanted band shows the offset; a band narrower at the top shows a sped-up copy.
///
/// Generated on the server so the page needs no script; every label is escaped.
struct AlignmentTimeline {
    /// Unique on the page: it names the picture's title for screen readers.
    var id: String
    var queryLabel: String
    var referenceLabel: String
    var queryDuration: Double
    var referenceDuration: Double
    var segments: [MatchSegment]

    static let colours = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"]
    private static let width = 720.0
    private static let left = 120.0
    private static let right = 44.0
    private static let queryBar = (top: 28.0, height: 18.0)
    private static let referenceBar = (top: 104.0, height: 18.0)

    /// The longest time drawn, in seconds (11.6 days). Durations come from uploads
    /// and stored probes: a crafted one must neither drive the axis's tick loop nor
    /// overflow the conversion of a label to an integer.
    static let longestSpan = 1_000_000.0
    /// Tick spacings, in seconds: round numbers up to ten minutes, then round hours and
    /// days. Every span up to ``longestSpan`` fits in ten intervals of one of them.
    static let tickSteps = [1.0, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600, 43_200, 86_400, 172_800]

    /// The seconds one bar pixel stands for: both bars share it, so lengths compare.
    private var span: Double {
        let ends = [queryDuration, referenceDuration] + segments.flatMap { [$0.queryEnd, $0.referenceEnd] }
        return max(ends.map(Self.drawable).max() ?? 0, 0.1)
    }

    /// A time fit to draw: finite, and between zero and ``longestSpan``.
    static func drawable(_ seconds: Double) -> Double {
        seconds.isFinite ? min(max(seconds, 0), longestSpan) : 0
    }

    private func x(_ seconds: Double) -> Double {
        Self.left + Self.drawable(seconds) / span * (Self.width - Self.left - Self.right)
    }

    func svg() -> String {
        let height = 160.0
        var parts: [String] = []
        parts.append(#"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 \#(Self.number(Self.width)) \#(Self.number(height))" role="img" aria-labelledby="\#(titleID)">"#)
        parts.append("<title id=\"\(titleID)\">\(Self.escape(summary))</title>")
        parts.append(bar(label: queryLabel, duration: queryDuration, top: Self.queryBar.top))
        parts.append(bar(label: referenceLabel, duration: referenceDuration, top: Self.referenceBar.top))
        for (number, segment) in segments.enumerated() {
            parts.append(band(segment, colour: Self.colours[number % Self.colours.count], number: number + 1))
        }
        parts.append(axis(top: 140))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// What the picture shows, for screen readers.
    var summary: String {
        let described = segments.map { segment in
            String(format: "%.1f–%.1f s of this clip shows %.1f–%.1f s of the matched clip at %.2f× speed",
                   segment.queryStart, segment.queryEnd, segment.referenceStart, segment.referenceEnd, segment.speed)
        }
        return described.isEmpty ? "No matched segments." : described.joined(separator: "; ") + "."
    }

    private var titleID: String { "\(id)-title" }

    private func bar(label: String, duration: Double, top: Double) -> String {
        let end = x(duration)
        return """
            <text x="\(Self.number(Self.left - 8))" y="\(Self.number(top + 13))" text-anchor="end" class="timeline-label">\(Self.escape(label))</text>
            <rect x="\(Self.number(Self.left))" y="\(Self.number(top))" width="\(Self.number(end - Self.left))" height="\(Self.number(Self.queryBar.height))" rx="3" fill="#e2e8f0" stroke="#718096"/>
            <text x="\(Self.number(end + 4))" y="\(Self.number(top + 13))" class="timeline-duration">\(Self.number(Self.drawable(duration))) s</text>
            """
    }

    private func band(_ segment: MatchSegment, colour: String, number: Int) -> String {
        let queryBottom = Self.queryBar.top + Self.queryBar.height
        let referenceTop = Self.referenceBar.top
        let (q0, q1, r0, r1) = (x(segment.queryStart), x(segment.queryEnd), x(segment.referenceStart), x(segment.referenceEnd))
        let points = [(q0, queryBottom), (q1, queryBottom), (r1, referenceTop), (r0, referenceTop)]
            .map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        return """
            <g class="timeline-segment">
            <rect x="\(Self.number(q0))" y="\(Self.number(Self.queryBar.top))" width="\(Self.number(max(1, q1 - q0)))" height="\(Self.number(Self.queryBar.height))" fill="\(colour)"/>
            <rect x="\(Self.number(r0))" y="\(Self.number(Self.referenceBar.top))" width="\(Self.number(max(1, r1 - r0)))" height="\(Self.number(Self.referenceBar.height))" fill="\(colour)"/>
            <polygon points="\(points)" fill="\(colour)" fill-opacity="0.3" stroke="\(colour)" stroke-width="1"/>
            <text x="\(Self.number((q0 + q1 + r0 + r1) / 4))" y="\(Self.number((queryBottom + referenceTop) / 2 + 4))" text-anchor="middle" class="timeline-number">\(number)</text>
            </g>
            """
    }

    private func axis(top: Double) -> String {
        let step = Self.tickSteps.first { span / $0 <= 10 } ?? Self.longestSpan / 10
        let y = Self.number(top)
        var ticks = ["<line x1=\"\(Self.number(Self.left))\" y1=\"\(y)\" x2=\"\(Self.number(x(span)))\" y2=\"\(y)\" stroke=\"#a0aec0\"/>"]
        for second in (0...Int(span / step + 0.001)).map({ Double($0) * step }) {
            let position = Self.number(x(second))
            ticks.append("<line x1=\"\(position)\" y1=\"\(y)\" x2=\"\(position)\" y2=\"\(Self.number(top + 4))\" stroke=\"#a0aec0\"/>")
            ticks.append("<text x=\"\(position)\" y=\"\(Self.number(top + 15))\" text-anchor=\"middle\" class=\"timeline-tick\">\(Self.number(second)) s</text>")
        }
        return ticks.joined(separator: "\n")
    }

    /// A coordinate or time with at most one decimal, as SVG expects (no locale).
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
