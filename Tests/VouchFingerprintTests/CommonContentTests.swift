import Testing
@testable import VouchFingerprint
import VouchTestSupport

/// Common content on generated footage: an app's 3 s end card shared by honest clips, and
/// a stolen excerpt that must stay a copy whatever end card it carries.
@Suite struct CommonContentTests {
    let matcher = TemporalMatcher()
    let settings = CommonContentSettings()
    let endCard = SyntheticFootage.piece(seed: 7000, seconds: 3)

    /// An honest review: its own footage, then the shared end card.
    func honestClip(_ number: UInt64, seconds: Double = 12) -> VideoFingerprint {
        SyntheticFootage.clip([SyntheticFootage.piece(seed: number, seconds: seconds), endCard], noiseSeed: 100 + number)
    }

    func discounted(_ query: VideoFingerprint, against reference: VideoFingerprint) -> FingerprintMatch {
        let common = matcher.commonContent(in: query, bank: [endCard])
        return matcher.compare(query, with: reference).discounting(common, in: query, settings: matcher.settings, share: settings.discountShare)
    }

    @Test func anEndCardAloneMatchesButIsDiscounted() throws {
        let (first, second) = (honestClip(1), honestClip(2, seconds: 15))
        #expect(matcher.compare(second, with: first).isMatch, "without the bank, the end card alone makes a match")
        let common = matcher.commonContent(in: second, bank: [endCard])
        #expect(abs(common.seconds - 3) < 0.6, "\(common)")
        let match = discounted(second, against: first)
        #expect(!match.isMatch)
        #expect(match.isCommonContentOnly)
        #expect(match.score < 0.01)
        #expect(match.segments.isEmpty)
        let set = try #require(match.commonSegments?.first)
        #expect(abs(set.queryStart - 15) < 0.6)
    }

    @Test func anEndCardThatOnlyJustMatchesIsRecognisedToo() throws {
        // The end card turned or filmed off a screen: every frame 68 bits off, so its
        // match with the card alone falls just under the threshold.
        let worn = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 3, frames: endCard.frames.map { frame in
            var shown = frame
            shown.pdq = PDQHash(words: (frame.pdq.words.0 ^ 0xFFFF_FFFF_FFFF_FFFF, frame.pdq.words.1 ^ 0xF, frame.pdq.words.2, frame.pdq.words.3))
            return shown
        })
        let query = SyntheticFootage.clip([SyntheticFootage.piece(seed: 31, seconds: 12), worn], noiseSeed: 131)
        let score = matcher.compare(query, with: endCard).score
        #expect(score > 0 && score < matcher.settings.threshold, "\(score)")
        #expect(abs(matcher.commonContent(in: query, bank: [endCard]).seconds - 3) < 0.6)
    }

    @Test func aStolenExcerptWithTheEndCardStaysAMatchAndIsNamed() throws {
        let victimFootage = SyntheticFootage.piece(seed: 50, seconds: 20)
        let victim = SyntheticFootage.clip([victimFootage, endCard], noiseSeed: 1)
        let stolen = victimFootage.excerpt(6...11)
        let thief = SyntheticFootage.clip([SyntheticFootage.piece(seed: 51, seconds: 8), stolen, endCard], noiseSeed: 2)
        let match = discounted(thief, against: victim)
        #expect(match.isMatch)
        let excerpt = try #require(match.segments.first)
        #expect(match.segments.count == 1)
        #expect(abs(excerpt.queryStart - 8) < 0.6 && abs(excerpt.referenceStart - 6) < 0.6)
        let card = try #require(match.commonSegments?.first)
        #expect(abs(card.queryStart - 13) < 0.6)
        #expect(match.score < matcher.compare(thief, with: victim).score, "the end card's evidence no longer counts")
        #expect(abs(match.queryCoverage - 5.0 / 16) < 0.05)
    }

    /// A turned copy that ends on the shared end card: the frame hashes match the
    /// card alone, which is set aside, and the rest of the copy, compared again on
    /// its own, is placed by its local features.
    @Test func aTurnedCopyEndingOnTheCardIsComparedPastIt() throws {
        let card = Array(repeating: FeatureDetectorTests.scene(seed: 70).cropped(x: 20, y: 10, width: FeatureMatcherTests.width, height: FeatureMatcherTests.height),
                         count: 6)
        let reference = FeatureMatcherTests.fingerprint(FeatureMatcherTests.original + card)
        let copy = FeatureMatcherTests.fingerprint(FeatureMatcherTests.original.map { FeatureMatcherTests.turned($0, degrees: 4) } + card)
        let common = matcher.commonContent(in: copy, bank: [FeatureMatcherTests.fingerprint(card)])
        #expect(abs(common.seconds - 3) < 0.6, "\(common)")
        let found = matcher.compare(copy, with: reference)
        #expect(found.isMatch && found.segments.allSatisfy { $0.method == .hashes }, "the card's hashes settle the comparison")
        #expect(!found.discounting(common, in: copy, settings: matcher.settings, share: settings.discountShare).isMatch)
        let match = matcher.settingAside(common, share: settings.discountShare, from: found, of: copy, with: reference)
        #expect(match.isMatch)
        let placed = try #require(match.segments.first)
        #expect(placed.method == .features && placed.queryEnd < 4)
        #expect(match.commonSegments?.count == 1)
    }

    @Test func aMatchTouchingNoCommonContentIsUnchanged() {
        let victim = SyntheticFootage.piece(seed: 60, seconds: 20)
        let copy = SyntheticFootage.clip([victim.excerpt(2...14)], noiseSeed: 3)
        let match = matcher.compare(copy, with: victim)
        #expect(match.discounting(matcher.commonContent(in: copy, bank: [endCard]), in: copy, settings: matcher.settings, share: 0.8) == match)
    }

    func sightings(of query: VideoFingerprint, in references: [(Int64, VideoFingerprint)]) -> [CommonContentSighting] {
        references.enumerated().map { number, reference in
            CommonContentSighting(clipID: Int64(number + 1), identity: reference.0, match: matcher.compare(query, with: reference.1),
                                  referenceDuration: reference.1.duration)
        }
    }

    @Test func anEndCardSeenInThreeOtherIdentitiesClipsIsLearned() throws {
        let query = honestClip(4, seconds: 10)
        let seen = sightings(of: query, in: [(1, honestClip(1)), (2, honestClip(2, seconds: 20)), (3, honestClip(3, seconds: 7))])
        let learned = settings.learnable(in: query, identity: 4, sightings: seen, known: .none)
        let stretch = try #require(learned.first)
        #expect(learned.count == 1)
        #expect(abs(stretch.span.lowerBound - 10) < 0.6 && abs(stretch.span.upperBound - 13) < 0.6, "\(stretch.span)")
        #expect(stretch.clipIDs == [1, 2, 3])
        let excerpt = query.excerpt(stretch.span)
        #expect(matcher.compare(honestClip(9), with: excerpt).isMatch, "the learned excerpt finds the end card in later clips")
        #expect(settings.learnable(in: query, identity: 4, sightings: seen, known: TimeSpans([stretch.span])).isEmpty, "known content is not learned twice")
    }

    @Test func twoOtherIdentitiesAreNotEnough() {
        let query = honestClip(4)
        let seen = sightings(of: query, in: [(1, honestClip(1)), (2, honestClip(2)), (4, honestClip(3))])
        #expect(settings.learnable(in: query, identity: 4, sightings: seen, known: .none).isEmpty, "the clip's own identity does not count")
    }

    /// The sybil attack: four sock puppets end their clips with 3 s from the middle of a
    /// victim's review. They agree with each other at the edge, but the victim's clip shows
    /// the excerpt in its middle, so it is never learned.
    @Test func anExcerptFromTheMiddleOfAClipIsNeverLearned() {
        let victimFootage = SyntheticFootage.piece(seed: 80, seconds: 30)
        let victim = SyntheticFootage.clip([victimFootage], noiseSeed: 80)
        let stolen = victimFootage.excerpt(12...15)
        let puppets = (1...4).map { SyntheticFootage.clip([SyntheticFootage.piece(seed: 90 + UInt64($0), seconds: 9), stolen], noiseSeed: 90 + UInt64($0)) }
        let seen = sightings(of: puppets[3], in: [(100, victim), (1, puppets[0]), (2, puppets[1]), (3, puppets[2])])
        #expect(seen.allSatisfy { $0.match.isMatch })
        #expect(settings.learnable(in: puppets[3], identity: 4, sightings: seen, known: .none).isEmpty)
        let withoutVictim = Array(seen.dropFirst())
        #expect(settings.learnable(in: puppets[3], identity: 4, sightings: withoutVictim, known: .none).count == 1,
                "the victim's clip is what stops it: the puppets alone agree")
    }

    @Test func aLongSharedStretchIsNeverLearned() {
        let longCard = SyntheticFootage.piece(seed: 7001, seconds: 8)
        let clips = (1...4).map { SyntheticFootage.clip([SyntheticFootage.piece(seed: 200 + UInt64($0), seconds: 12), longCard], noiseSeed: UInt64($0)) }
        let seen = sightings(of: clips[3], in: [(1, clips[0]), (2, clips[1]), (3, clips[2])])
        #expect(settings.learnable(in: clips[3], identity: 4, sightings: seen, known: .none).isEmpty)
    }

    @Test func timeSpansMergeMeasureAndSubtract() {
        let spans = TimeSpans([4...6, 1...2, 5...8])
        #expect(spans.spans == [1...2, 4...8])
        #expect(spans.seconds == 5)
        #expect(spans.overlap(with: 0...5) == 2)
        #expect(spans.uncovered(in: 0...10).spans == [0...1, 2...4, 8...10])
        #expect(spans.union(TimeSpans([2...4])).spans == [1...8])
    }
}
