import Foundation
import Testing
import VouchFingerprint
import VouchMedia
import VouchModel
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Common content through the worker: honest reviewers whose clips share an app's 3 s end
/// card, a thief whose clip carries the end card and a stolen excerpt, and sock puppets
/// trying to have a stolen excerpt learned as common. Each clip's analysis is a real
/// child's answer with a generated fingerprint in place of its own.
@Suite struct CommonContentPipelineTests {
    static let endCard = SyntheticFootage.piece(seed: 7000, seconds: 3)

    @Test(arguments: TestEngine.available)
    func tenHonestClipsSharingAnEndCardAreAllPublishedInTheEnd(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: Self.replayAnalyses) { fixture in
            var clips: [Int64] = []
            for number in 1...10 {
                let own = SyntheticFootage.piece(seed: UInt64(number), seconds: Double(6 + number))
                clips.append(try await Self.process(SyntheticFootage.clip([own, Self.endCard], noiseSeed: UInt64(100 + number)),
                                                    as: "honest-\(number)", in: fixture))
            }
            let store = fixture.pipeline.store
            for clip in clips {
                let done = try #require(try await store.clip(id: clip))
                let flags = try await store.flags(clip: clip).map(\.detail)
                #expect(done.status == .published, "clip \(clip): \(flags)")
                #expect(done.verdict == .original)
            }
            let bank = try await store.commonContent()
            #expect(bank.count == 1 && bank.first?.source == .learned)
            #expect(abs((bank.first?.seconds ?? 0) - 3) < 0.6)
            #expect(bank.first?.seenIn.first == clips[3], "learned from the fourth clip, the first with three other identities' end cards")
            for held in clips[1...2] {
                #expect(try await store.auditLog(subject: "clip:\(held)").contains { $0.action == "moderation.released" && $0.actor == "system" },
                        "clip \(held) was held before the end card was common, then released")
            }
            let later = try #require(try await store.clip(id: clips[9])?.explanation)
            #expect(!later.matches.isEmpty && later.matches.allSatisfy(\.commonContentOnly), "the end card is still shown as evidence")
            #expect(later.parts.originality == 1)
            #expect(try await store.ringInputs().matches.isEmpty, "sharing an end card makes no cluster of copies for ring detection")
        }
    }

    @Test(arguments: TestEngine.available)
    func aStolenExcerptWithTheEndCardIsFlaggedAndTheEvidenceSaysWhichPartIsWhich(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: Self.replayAnalyses) { fixture in
            for number in 1...4 {
                let own = SyntheticFootage.piece(seed: UInt64(20 + number), seconds: 10)
                _ = try await Self.process(SyntheticFootage.clip([own, Self.endCard], noiseSeed: UInt64(number)), as: "honest-\(number)", in: fixture)
            }
            let victimFootage = SyntheticFootage.piece(seed: 50, seconds: 20)
            let victim = try await Self.process(SyntheticFootage.clip([victimFootage, Self.endCard], noiseSeed: 5), as: "victim", in: fixture)
            let thief = try await Self.process(
                SyntheticFootage.clip([SyntheticFootage.piece(seed: 51, seconds: 8), victimFootage.excerpt(6...11), Self.endCard], noiseSeed: 6),
                as: "thief", in: fixture)
            let store = fixture.pipeline.store
            #expect(try await store.commonContent().count == 1)
            let flagged = try #require(try await store.clip(id: thief))
            #expect(flagged.status == .flagged && flagged.verdict == .copy)
            let flag = try #require(try await store.flags(clip: thief).first { $0.kind == .copyOfOtherIdentity })
            let evidence = try JSONDecoder().decode([MatchEvidence].self, from: Data(flag.evidence.utf8))
            let copied = try #require(evidence.first { $0.clipID == victim })
            #expect(copied.excerpts.count == 1 && abs((copied.excerpts.first?.start ?? 0) - 8) < 0.6, "\(copied.excerpts)")
            #expect(copied.commonContent.count == 1 && abs((copied.commonContent.first?.start ?? 0) - 13) < 0.6, "\(copied.commonContent)")
            #expect(evidence.allSatisfy { !$0.commonContentOnly }, "matches of the end card alone are no copy")
            let honest = try #require(try await store.clip(id: thief)?.explanation?.matches)
            #expect(honest.filter(\.commonContentOnly).count >= 4, "the honest clips share only the end card with it")
        }
    }

    /// Four sock puppets end their clips with 3 s from the middle of a victim's review, so
    /// that the excerpt would be "seen at the edge of three other identities' clips".
    @Test(arguments: TestEngine.available)
    func sockPuppetsCannotWhitelistAnExcerptFromTheMiddleOfAReview(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: Self.replayAnalyses) { fixture in
            let victimFootage = SyntheticFootage.piece(seed: 80, seconds: 30)
            _ = try await Self.process(SyntheticFootage.clip([victimFootage], noiseSeed: 80), as: "victim", in: fixture)
            var puppets: [Int64] = []
            for number in 1...4 {
                let own = SyntheticFootage.piece(seed: UInt64(90 + number), seconds: 9)
                puppets.append(try await Self.process(SyntheticFootage.clip([own, victimFootage.excerpt(12...15)], noiseSeed: UInt64(90 + number)),
                                                      as: "puppet-\(number)", in: fixture))
            }
            let store = fixture.pipeline.store
            #expect(try await store.commonContent().isEmpty)
            for puppet in puppets {
                let clip = try #require(try await store.clip(id: puppet))
                #expect(clip.status == .flagged && clip.verdict == .copy, "puppet clip \(puppet)")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aModeratorBankingASegmentReleasesTheClipsHeldOnlyByIt(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: Self.replayAnalyses) { fixture in
            // An 8 s intro: too long to be learned, so only a moderator can bank it.
            let intro = SyntheticFootage.piece(seed: 7100, seconds: 8)
            let first = try await Self.process(SyntheticFootage.clip([intro, SyntheticFootage.piece(seed: 301, seconds: 12)], noiseSeed: 1), as: "a", in: fixture)
            let second = try await Self.process(SyntheticFootage.clip([intro, SyntheticFootage.piece(seed: 302, seconds: 14)], noiseSeed: 2), as: "b", in: fixture)
            let thief = try await Self.process(
                SyntheticFootage.clip([intro, SyntheticFootage.piece(seed: 301, seconds: 12).excerpt(2...9)], noiseSeed: 3), as: "c", in: fixture)
            let store = fixture.pipeline.store
            #expect(try await store.clip(id: second)?.status == .flagged)

            let fingerprint = try VideoFingerprint(binary: try #require(try await store.fingerprint(clip: second)))
            let alignment = try #require(try await store.matches(clip: second).first { $0.matchedClipID == first }?.alignment)
            let segment = try #require(try JSONDecoder().decode(FingerprintMatch.self, from: Data(alignment.utf8)).segments.first)
            let excerpt = fingerprint.excerpt(segment.querySpan(step: fingerprint.frameStep))
            try await store.addCommonContent(excerpt.binary(), seconds: excerpt.duration, source: .moderator, addedBy: "mo",
                                             reason: "the shop's intro", seenIn: [second])
            let released = try await HeldCopyRelease(store: store, configuration: fixture.pipeline.configuration)
                .releaseHeldClips(reason: "a moderator banked common content")
            #expect(released == [second])
            #expect(try await store.clip(id: second)?.status == .published)
            #expect(try await store.clip(id: thief)?.status == .flagged, "the thief's clip carries a stolen excerpt besides the intro")
        }
    }

    /// Submits `fingerprint` as `reviewer`'s review of the one product and lets a worker process it.
    static func process(_ fingerprint: VideoFingerprint, as reviewer: String, in fixture: PipelineFixture) async throws -> Int64 {
        var analysis = try await analysis.value
        analysis.fingerprint = fingerprint
        let clip = try await fixture.submit(Self.upload(carrying: analysis), reviewer: reviewer)
        #expect(try await fixture.worker().processNext())
        return clip.id
    }

    /// A real child's analysis of the fixture clip, made once.
    static let analysis = Task {
        let request = AnalysisRequest(path: try MediaFixture.clip.path, media: MediaSettings(), fingerprint: FingerprintSettings(), keyframes: 2, limits: ChildLimits())
        return try await IsolatedAnalyzer(command: [VouchExecutable.url.path, "analyze"]).analyze(request)
    }

    /// The analysis as the payload of an ISO BMFF `free` box: a file that carries no content
    /// credentials (so none are held for being unreadable), from which the stand-in child reads the analysis.
    static func upload(carrying analysis: ClipAnalysis) throws -> Data {
        let json = try JSONEncoder().encode(analysis)
        let size = UInt32(8 + json.count)
        return Data([UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)]) + Data("free".utf8) + json
    }

    /// A stand-in analysis child that answers with the upload's payload.
    static func replayAnalyses(_ settings: inout PipelineSettings) {
        settings.analyzerCommand = ["/usr/bin/env", "python3", "-c", "import json, sys; sys.stdout.write(open(json.load(sys.stdin)['path'], 'rb').read()[8:].decode())"]
        settings.indexPollSeconds = 3600
    }
}
