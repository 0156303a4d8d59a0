import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct CommonContentBankTests {
    @Test(arguments: TestEngine.available)
    func entriesAreAddedListedAndRemovedWithAnAuditTrail(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let learned = try await store.addCommonContent(Data([1, 2, 3]), seconds: 3, source: .learned, addedBy: "system",
                                                           reason: "seen at the edges of 3 identities' clips", seenIn: [4, 1, 2])
            let banked = try await store.addCommonContent(Data([9]), seconds: 8.5, source: .moderator, addedBy: "mo", reason: "the shop's intro", seenIn: [7])
            let bank = try await store.commonContent()
            #expect(bank == [learned, banked])
            #expect(bank.first?.fingerprint == Data([1, 2, 3]) && bank.first?.seenIn == [4, 1, 2] && bank.first?.source == .learned)
            #expect(bank.last?.seconds == 8.5 && bank.last?.addedBy == "mo")

            #expect(try await store.removeCommonContent(id: learned.id, moderator: "mo", reason: "it is a stolen excerpt, not an end card"))
            #expect(try await store.removeCommonContent(id: learned.id, moderator: "mo", reason: "again") == false)
            #expect(try await store.commonContent().map(\.id) == [banked.id])

            let added = try await store.auditLog(subject: "common-content:\(banked.id)")
            #expect(added.map(\.actor) == ["moderator:mo"] && added.first?.action == "common-content.added")
            let removed = try await store.auditLog(subject: "common-content:\(learned.id)")
            #expect(Set(removed.map(\.action)) == ["common-content.added", "common-content.removed"])
            #expect(removed.first { $0.action == "common-content.removed" }?.detail["reason"] == "it is a stolen excerpt, not an end card")
        }
    }

    @Test(arguments: TestEngine.available)
    func onlyClipsHeldAsCopiesAloneAreReleasedAndTheReleaseIsLoggedAsAnApproval(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let copy = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4, status: .flagged, flags: [.copyOfOtherIdentity])
            let banned = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.4, status: .flagged, flags: [.copyOfOtherIdentity, .bannedIdentity])
            _ = try await store.finishedClip(reviewer: "carol", product: "sku-1", score: 0.9)
            #expect(try await store.clipsHeldOnlyAsCopies() == [copy])
            #expect(banned != copy)

            let explanation = ScoreExplanation(parts: ScoreParts(score: 0.8, identityAssurance: 0.6, originality: 1, reviewerTrust: 0.5), verdict: .original)
            let before = try await store.logSize()
            #expect(try await store.releaseHeldCopy(clip: copy, explanation: explanation, matches: [], reason: "only common content"))
            #expect(try await store.releaseHeldCopy(clip: copy, explanation: explanation, matches: [], reason: "twice") == false)
            let released = try #require(try await store.clip(id: copy))
            #expect(released.status == .published && released.verdict == .original && released.score == 0.8)
            #expect(try await store.decisions(clip: copy).isEmpty, "no moderator decided it")
            #expect(try await store.logSize() == before + 1, "the release is in the review log, as an approval is")
            let audit = try await store.auditLog(subject: "clip:\(copy)")
            #expect(audit.contains { $0.actor == "system" && $0.action == "moderation.released" && $0.detail["reason"] == "only common content" })
            #expect(try await store.clipsHeldOnlyAsCopies().isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func matchesOfCommonContentAloneAreKeptButNotCountedByRingDetection(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let first = try await store.analysedClip(AnalysedClips.submission("a", reviewer: "alice"), outcome: AnalysedClips.original())
            let endCard = try await store.analysedClip(AnalysedClips.submission("c", reviewer: "carol"), outcome: AnalysedClips.original())
            var outcome = AnalysedClips.copy(of: first.id)
            outcome.matches.append(ClipMatch(matchedClipID: endCard.id, score: 0, alignment: "{}", commonContentOnly: true))
            let second = try await store.analysedClip(AnalysedClips.submission("b", reviewer: "bob"), outcome: outcome)
            let stored = try await store.matches(clip: second.id)
            #expect(stored.map(\.commonContentOnly) == [false, true])
            #expect(try await store.ringInputs().matches.map { [$0.0, $0.1] } == [[second.id, first.id]])
        }
    }
}
