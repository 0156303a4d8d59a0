import Foundation
import Testing
import VouchDecoding
import VouchMedia
import VouchTestSupport

@Suite struct SampleFramesTests {
    private func frames(_ fixture: MediaFixture, _ sampling: FrameSampling, _ options: DecoderOptions = DecoderOptions()) throws -> ([LumaFrame], DecodeStatistics) {
        var frames: [LumaFrame] = []
        let statistics = try MediaFile(path: try fixture.path).sampleFrames(sampling, options: options) { frames.append($0) }
        return (frames, statistics)
    }

    @Test func takesOneFrameAtEachTarget() throws {
        let (frames, statistics) = try frames(.clip, FrameSampling(framesPerSecond: 1, size: .fitting(maxDimension: 64)))
        #expect(frames.map(\.timestamp) == [0, 1, 2, 3])
        #expect(frames.allSatisfy { $0.width == 64 && $0.height == 48 && $0.pixels.count == 64 * 48 })
        #expect(statistics.framesDelivered == 4)
    }

    @Test func deliversEachSourceFrameOnceWhenSamplingFasterThanTheSource() throws {
        let (frames, _) = try frames(.clip, FrameSampling(framesPerSecond: 60, size: .exactly(width: 16, height: 16)))
        #expect(frames.count == 100)
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.timestamp < $1.timestamp })
    }

    @Test func deliversFullRangeLuma() throws {
        let (frames, _) = try frames(.halfWhite, FrameSampling(framesPerSecond: 1, size: .original))
        let frame = try #require(frames.first)
        #expect(mean(frame, columns: 2..<30, rows: 0..<64) > 250, "limited-range white (235) becomes 255")
        #expect(mean(frame, columns: 34..<62, rows: 0..<64) < 5, "limited-range black (16) becomes 0")
    }

    @Test func turnsPortraitPhoneVideoUpright() throws {
        let (frames, _) = try frames(.halfWhiteRotated, FrameSampling(framesPerSecond: 1, size: .original))
        let frame = try #require(frames.first)
        #expect(mean(frame, columns: 0..<64, rows: 2..<30) > 250, "the stored left half is on top once turned clockwise")
        #expect(mean(frame, columns: 0..<64, rows: 34..<62) < 5)
    }

    @Test func matchesFFmpegsOwnDecodeAtTheSameTimestamps() throws {
        let (ours, _) = try frames(.clip, FrameSampling(framesPerSecond: 1, size: .original), DecoderOptions(shortcuts: []))
        let raw = try FFmpegCLI.run(["-v", "error", "-i", try MediaFixture.clip.path, "-vf", "select='not(mod(n\\,25))',format=gray",
                                     "-vsync", "0", "-f", "rawvideo", "-"])
        let plane = 320 * 240
        #expect(raw.count == ours.count * plane)
        for (index, frame) in ours.enumerated() {
            let reference = LumaFrame(width: 320, height: 240, timestamp: frame.timestamp, pixels: [UInt8](raw[(index * plane)..<((index + 1) * plane)]))
            #expect(frame.meanAbsoluteDifference(to: reference) < 1, "frame at \(frame.timestamp) s")
        }
    }

    @Test func shortcutsSkipWorkButKeepTheSampledFrames() throws {
        let sampling = FrameSampling(framesPerSecond: 0.5, size: .fitting(maxDimension: 64))
        let (exact, full) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: []))
        let (fast, skipped) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: .all.subtracting(.skipNonReferenceTargets)))
        #expect(fast.map(\.timestamp) == exact.map(\.timestamp))
        #expect(skipped.packetsDropped > 0, "GOPs after the last sample before the next keyframe are dropped")
        #expect(skipped.framesDecoded < full.framesDecoded - skipped.packetsDropped, "non-reference B-frames are skipped too")
        for (a, b) in zip(fast, exact) {
            #expect(a.meanAbsoluteDifference(to: b) < 3)
        }
    }

    @Test func aReferenceStandsInForANonReferenceTargetAtItsOwnTimestamp() throws {
        let sampling = FrameSampling(framesPerSecond: 5, size: .fitting(maxDimension: 64))
        let others = DecodeShortcuts.all.subtracting(.skipNonReferenceTargets)
        let (targets, decodingTargets) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: others))
        let (standIns, decodingStandIns) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: .all))
        let (every, _) = try frames(.clip, FrameSampling(framesPerSecond: 25, size: .fitting(maxDimension: 64)), DecoderOptions(threads: 1, shortcuts: []))
        #expect(decodingStandIns.framesDecoded < decodingTargets.framesDecoded, "non-reference B-frames on targets are not decoded")
        #expect(standIns.count == targets.count)
        #expect(zip(standIns, targets).contains { $0.timestamp != $1.timestamp })
        for (standIn, target) in zip(standIns, targets) {
            #expect(standIn.timestamp >= target.timestamp && standIn.timestamp <= target.timestamp + 1.5 / 25 + 1e-6)
            let shown = try #require(every.first { abs($0.timestamp - standIn.timestamp) < 1e-6 })
            #expect(standIn.meanAbsoluteDifference(to: shown) < 3, "the frame at \(standIn.timestamp) s is the one shown then")
        }
    }

    @Test func exactShortcutsChangeNoPixel() throws {
        let sampling = FrameSampling(framesPerSecond: 2, size: .fitting(maxDimension: 128))
        let (exact, _) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: []))
        let (fast, _) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: [.skipToNextKeyframe, .skipNonReferenceFrames]))
        #expect(fast == exact)
    }

    @Test func fullSizeFramesAreExactWhateverTheShortcuts() throws {
        let sampling = FrameSampling(framesPerSecond: 1, size: .original)
        let (exact, _) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: []))
        let (fast, _) = try frames(.clip, sampling, DecoderOptions(threads: 1, shortcuts: .all))
        #expect(fast == exact, "the loop filter is never skipped for frames delivered at full size")
    }

    @Test func readingTwiceGivesTheSameFrames() throws {
        let file = try MediaFile(path: try MediaFixture.faststartClip.path)
        let sampling = FrameSampling(framesPerSecond: 1, size: .fitting(maxDimension: 32))
        var first: [LumaFrame] = []
        var second: [LumaFrame] = []
        try file.sampleFrames(sampling) { first.append($0) }
        try file.sampleFrames(sampling) { second.append($0) }
        #expect(first.count == 4)
        #expect(first == second)
    }

    private func mean(_ frame: LumaFrame, columns: Range<Int>, rows: Range<Int>) -> Double {
        var total = 0
        for y in rows { for x in columns { total += Int(frame[x, y]) } }
        return Double(total) / Double(columns.count * rows.count)
    }
}
