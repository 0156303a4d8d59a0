import Foundation
import Testing
import VouchFingerprint
@testable import VouchServer

@Suite struct AlignmentTimelineTests {
    static func segment(query: ClosedRange<Double>, reference: ClosedRange<Double>, speed: Double = 1) throws -> MatchSegment {
        let json = """
            {"queryStart": \(query.lowerBound), "queryEnd": \(query.upperBound), "referenceStart": \(reference.lowerBound), \
            "referenceEnd": \(reference.upperBound), "speed": \(speed), "offset": \(reference.lowerBound - speed * query.lowerBound), \
            "symmetry": "identity", "matchedFrames": 10}
            """
        return try JSONDecoder().decode(MatchSegment.self, from: Data(json.utf8))
    }

    @Test func drawsBothClipsToOneScaleAndABandPerSegment() throws {
        let timeline = AlignmentTimeline(id: "t1", queryLabel: "Clip 2", referenceLabel: "Clip 1", queryDuration: 5, referenceDuration: 10,
                                         segments: [try Self.segment(query: 0...5, reference: 0...10, speed: 2), try Self.segment(query: 1...2, reference: 6...7)])
        let svg = timeline.svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 2)
        let bars = svg.components(separatedBy: "fill=\"#e2e8f0\"").count - 1
        #expect(bars == 2)
        // 556 px of bar for 10 s: the 5 s clip's bar is half as long as the 10 s one.
        #expect(svg.contains("width=\"278\" height=\"18\" rx=\"3\"") && svg.contains("width=\"556\" height=\"18\" rx=\"3\""))
        #expect(timeline.summary.contains("at 2.00× speed"))
    }

    @Test func escapesLabels() {
        let svg = AlignmentTimeline(id: "t2", queryLabel: "<script>", referenceLabel: "a & b", queryDuration: 1, referenceDuration: 1, segments: []).svg()
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("a &amp; b"))
    }

    @Test func anAbsurdDurationDrawsABoundedAxisQuickly() throws {
        for duration in [36_001.0, 1e300, .infinity, .nan] {
            let timeline = AlignmentTimeline(id: "t3", queryLabel: "Clip 2", referenceLabel: "Clip 1", queryDuration: 2, referenceDuration: duration,
                                             segments: [try Self.segment(query: 0...2, reference: 0...2)])
            let started = ContinuousClock.now
            let svg = timeline.svg()
            #expect(ContinuousClock.now - started < .seconds(1))
            let ticks = svg.components(separatedBy: "class=\"timeline-tick\"").count - 1
            #expect((2...11).contains(ticks), "a \(duration) s clip drew \(ticks) ticks")
        }
    }
}
