import Testing
import VouchFingerprint
import VouchTestSupport

@Suite struct TemporalMatcherTests {
    let matcher = TemporalMatcher()

    /// 60 s at 2 frames a second of unrelated random pictures.
    static func reference(seed: UInt64 = 1, seconds: Int = 60) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        let frames = (0..<(seconds * 2)).map { index in
            FrameHash(timestamp: Double(index) / 2, quality: 100, pdq: FingerprintFormatTests.randomHash(&generator),
                      variants: (0..<7).map { _ in FingerprintFormatTests.randomHash(&generator) })
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: Double(seconds), frames: frames)
    }

    /// A query whose frame at query time t shows the reference at `speed × t + start`, re-encoded (bits flipped).
    static func copy(of reference: VideoFingerprint, from start: Double, seconds: Double, speed: Double = 1, flips: Int = 12, mirror: Bool = false) -> VideoFingerprint {
        var generator = SeededGenerator(seed: 99)
        let frames = stride(from: 0.0, to: seconds, by: 0.5).compactMap { time -> FrameHash? in
            let target = speed * time + start
            guard let source = reference.frames.min(by: { abs($0.timestamp - target) < abs($1.timestamp - target) }) else { return nil }
            let original = noisy(source.pdq, flips: flips, &generator)
            var variants = (0..<7).map { _ in FingerprintFormatTests.randomHash(&generator) }
            if mirror { variants[Dihedral.allCases.firstIndex(of: .mirror)! - 1] = original }
            return FrameHash(timestamp: time, quality: 90, pdq: mirror ? FingerprintFormatTests.randomHash(&generator) : original, variants: variants)
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: seconds, frames: frames)
    }

    static func noisy(_ hash: PDQHash, flips: Int, _ generator: inout SeededGenerator) -> PDQHash {
        var bits = (0..<256).map { hash[bit: $0] }
        for position in (0..<256).shuffled(using: &generator).prefix(flips) { bits[position].toggle() }
        return PDQHash(bits: bits)
    }

    @Test func alignsATrimmedCopy() throws {
        let reference = Self.reference()
        let match = matcher.compare(Self.copy(of: reference, from: 12, seconds: 20), with: reference)
        #expect(match.isMatch)
        #expect(match.score > 0.95)
        let segment = try #require(match.segments.first)
        #expect(abs(segment.offset - 12) < 0.3)
        #expect(abs(segment.speed - 1) < 0.03)
        #expect(match.queryCoverage > 0.95)
        #expect(abs(match.referenceCoverage - 20.0 / 60) < 0.05)
    }

    @Test(arguments: [0.5, 0.8, 1.25, 2.0])
    func alignsASpeedChange(speed: Double) throws {
        let reference = Self.reference()
        let match = matcher.compare(Self.copy(of: reference, from: 4, seconds: 20, speed: speed), with: reference)
        #expect(match.isMatch)
        let segment = try #require(match.segments.first)
        #expect(abs(segment.speed - speed) / speed < 0.06, "found \(segment.speed)")
    }

    @Test func matchesAMirroredCopyThroughItsVariants() throws {
        let reference = Self.reference()
        let match = matcher.compare(Self.copy(of: reference, from: 0, seconds: 15, mirror: true), with: reference)
        #expect(match.isMatch)
        #expect(match.segments.first?.symmetry == .mirror)
    }

    @Test func findsAThreeSecondCopyInsideOtherContent() throws {
        let reference = Self.reference()
        let unrelated = Self.reference(seed: 7, seconds: 30)
        let spliced = Self.copy(of: reference, from: 30, seconds: 3)
        var frames = unrelated.frames.filter { $0.timestamp < 10 }
        frames += spliced.frames.map { FrameHash(timestamp: $0.timestamp + 10, quality: $0.quality, pdq: $0.pdq, variants: $0.variants) }
        frames += unrelated.frames.filter { $0.timestamp >= 13 }
        let query = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 30, frames: frames)
        let match = matcher.compare(query, with: reference)
        #expect(match.isMatch)
        let segment = try #require(match.segments.first)
        #expect(segment.queryStart >= 10 && segment.queryEnd <= 13)
        #expect(abs(segment.referenceStart - 30) < 0.6)
    }

    @Test func aBoxCutOnOneSideOnlyStillMatchesItsWholeFrame() {
        // An end card alone: a box cut round its logo, the whole card as its full
        // frame. The same card letterboxed in a portrait repost: its box is the card.
        let card = Self.reference(seed: 8, seconds: 3)
        let alone = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 3, frames: card.frames.map {
            FrameHash(timestamp: $0.timestamp, quality: 100, pdq: PDQHash(words: (~$0.pdq.words.0, $0.pdq.words.1, ~$0.pdq.words.2, $0.pdq.words.3)), fullFrame: $0.pdq)
        })
        var generator = SeededGenerator(seed: 9)
        let letterboxed = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 3, frames: Self.copy(of: card, from: 0, seconds: 3).frames.map {
            FrameHash(timestamp: $0.timestamp, quality: 90, pdq: $0.pdq, fullFrame: FingerprintFormatTests.randomHash(&generator))
        })
        #expect(matcher.compare(letterboxed, with: alone).isMatch)
    }

    @Test func unrelatedClipsScoreNothing() {
        let match = matcher.compare(Self.reference(seed: 3), with: Self.reference(seed: 4))
        #expect(!match.isMatch)
        #expect(match.score < 0.01)
        #expect(match.segments.isEmpty)
    }

    @Test func aStillPictureLikeOneReferenceFrameIsNotACopy() {
        let reference = Self.reference()
        let still = reference.frames[20].pdq
        let frames = (0..<20).map { FrameHash(timestamp: Double($0) / 2, quality: 90, pdq: still) }
        let match = matcher.compare(VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 10, frames: frames), with: reference)
        #expect(match.segments.isEmpty)
        #expect(match.score == 0)
    }

    @Test func frameAgreementOutOfTimeOrderIsNotACopy() {
        let reference = Self.reference()
        var generator = SeededGenerator(seed: 5)
        let shuffled = Self.copy(of: reference, from: 0, seconds: 30).frames.map(\.pdq).shuffled(using: &generator)
        let frames = shuffled.enumerated().map { FrameHash(timestamp: Double($0.offset) / 2, quality: 90, pdq: $0.element) }
        let match = matcher.compare(VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 30, frames: frames), with: reference)
        #expect(match.segments.allSatisfy { $0.matchedFrames <= 3 }, "no long run survives a shuffle")
        #expect(!match.isMatch)
    }

    /// A deck of `slides` pictures, each held for three seconds (six frames), shown in turn.
    static func deck(_ slides: [PDQHash], seconds: Int = 18) -> VideoFingerprint {
        let frames = (0..<(seconds * 2)).map { index in
            FrameHash(timestamp: Double(index) / 2, quality: 100, pdq: slides[(index / 6) % slides.count])
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: Double(seconds), frames: frames)
    }

    @Test func twoDecksOnOneTemplateAreNotCopiesButACopyOfADeckIs() {
        var generator = SeededGenerator(seed: 7)
        let slides = (0..<3).map { _ in FingerprintFormatTests.randomHash(&generator) }
        let reference = Self.deck(slides)
        // Same layout, other words: each slide resembles its counterpart loosely
        // (64 bits apart, where unrelated pictures sit near 128; two such decks
        // measured 52–76), and holds still.
        let sameTemplate = Self.deck(slides.map { Self.noisy($0, flips: 64, &generator) })
        let loose = matcher.compare(sameTemplate, with: reference)
        #expect(!loose.isMatch, "scored \(loose.score)")
        #expect(loose.segments.allSatisfy { ($0.weightedFrames ?? 0) < Double($0.matchedFrames) / 2 })
        let copied = Self.deck(slides.map { Self.noisy($0, flips: 12, &generator) })
        let copy = matcher.compare(copied, with: reference)
        #expect(copy.isMatch)
        #expect(copy.score > 0.9)
    }
}
