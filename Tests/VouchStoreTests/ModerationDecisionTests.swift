import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

/// Each decision's effect on the clip, the index, the identity and the audit log.
@Suite struct ModerationDecisionTests {
    /// An original by alice and a held copy of it by mallory.
    static func originalAndCopy(_ store: Store) async throws -> (original: ClipRecord, copy: ClipRecord) {
        let original = try await store.analysedClip(AnalysedClips.submission("a", reviewer: "alice"), outcome: AnalysedClips.original())
        let copy = try await store.analysedClip(AnalysedClips.submission("b", reviewer: "mallory"), outcome: AnalysedClips.copy(of: original.id))
        return (original, copy)
    }

    @Test(arguments: TestEngine.available)
    func approvalPublishesAndRaisesReputation(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, copy) = try await Self.originalAndCopy(fixture.store)
            let decision = try await fixture.store.decide(.approve, clip: copy.id, moderator: "ana", reason: "  licensed reuse  ")
            #expect(decision.action == .approve && decision.reason == "licensed reuse" && decision.moderator == "ana")
            let clip = try await fixture.store.clip(id: copy.id)
            #expect(clip?.status == .published)
            #expect(try await fixture.store.identity(ofClip: copy).reputation == 1)
            #expect(try await fixture.store.decisions(clip: copy.id) == [decision])
            let audit = try #require(try await fixture.store.auditLog(subject: "clip:\(copy.id)").first)
            #expect(audit.action == "moderation.approve" && audit.actor == "moderator:ana")
            #expect(audit.detail["reason"] == "licensed reuse" && audit.detail["from"] == "flagged" && audit.detail["to"] == "published")
        }
    }

    @Test(arguments: TestEngine.available)
    func rejectionTakesTheClipOutOfTheIndex(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, copy) = try await Self.originalAndCopy(fixture.store)
            let before = try await fixture.store.latestIndexSequence()
            try await fixture.store.decide(.reject, clip: copy.id, moderator: "ana", reason: "copied")
            #expect(try await fixture.store.clip(id: copy.id)?.status == .rejected)
            #expect(try await fixture.store.identity(ofClip: copy).reputation == -1)
            let changes = try await fixture.store.indexChanges(after: before)
            #expect(changes.map(\.kind) == [.remove] && changes.map(\.clipID) == [copy.id])
            let fingerprints = try await fixture.store.indexedFingerprints(after: 0)
            #expect(!fingerprints.map(\.clipID).contains(copy.id))
            let actions = try await fixture.store.auditLog(subject: "clip:\(copy.id)").map(\.action)
            #expect(actions.prefix(2) == ["moderation.reject", "index.removed"])
        }
    }

    @Test(arguments: TestEngine.available)
    func aBanRejectsBansAndHoldsTheIdentitysPublishedClips(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (original, copy) = try await Self.originalAndCopy(fixture.store)
            let earlier = try await fixture.store.analysedClip(AnalysedClips.submission("c", reviewer: "mallory", product: "sku-2"), outcome: AnalysedClips.original())
            try await fixture.store.decide(.banIdentity, clip: copy.id, moderator: "ana", reason: "serial copier")
            let identity = try await fixture.store.identity(ofClip: copy)
            #expect(identity.banned && identity.reputation == -3)
            #expect(try await fixture.store.clip(id: copy.id)?.status == .rejected)
            #expect(try await fixture.store.clip(id: earlier.id)?.status == .flagged, "the banned identity's published clip goes back to the queue")
            #expect(try await fixture.store.flags(clip: earlier.id).map(\.kind) == [.bannedIdentity])
            #expect(try await fixture.store.clip(id: original.id)?.status == .published, "another identity's clips are untouched")
            let banned = try #require(try await fixture.store.auditLog(subject: "identity:\(identity.id)").first)
            #expect(banned.action == "identity.banned" && banned.detail["held"] == "\(earlier.id)")
        }
    }

    @Test(arguments: TestEngine.available)
    func referenceFootageStaysInTheIndexButLeavesShoppersView(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (original, _) = try await Self.originalAndCopy(fixture.store)
            let before = try await fixture.store.latestIndexSequence()
            try await fixture.store.decide(.markReference, clip: original.id, moderator: "ana", reason: "the brand's advert")
            let clip = try #require(try await fixture.store.clip(id: original.id))
            #expect(clip.isReference && clip.status == .rejected)
            #expect(try await fixture.store.indexChanges(after: before).isEmpty)
            #expect(try await fixture.store.indexedFingerprints(after: 0).map(\.clipID).contains(original.id))
            #expect(try await fixture.store.identity(ofClip: original).reputation == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func aDecidedClipCannotBeDecidedAgain(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, copy) = try await Self.originalAndCopy(fixture.store)
            try await fixture.store.decide(.reject, clip: copy.id, moderator: "ana", reason: "copied")
            await #expect(throws: ModerationError.notDecidable(clip: copy.id, status: .rejected, action: .approve)) {
                try await fixture.store.decide(.approve, clip: copy.id, moderator: "mo", reason: "changed my mind")
            }
            #expect(try await fixture.store.decisions(clip: copy.id).count == 1)
            #expect(try await fixture.store.identity(ofClip: copy).reputation == -1, "the refused decision changed nothing")
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentDecisionsOnOneClipLetOneThrough(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, copy) = try await Self.originalAndCopy(fixture.store)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for action in [ModerationAction.reject, .banIdentity, .markReference, .reject] {
                    group.addTask { (try? await fixture.store.decide(action, clip: copy.id, moderator: "ana", reason: "race")) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await fixture.store.decisions(clip: copy.id).count == 1)
            let decided = try #require(try await fixture.store.decisions(clip: copy.id).first)
            #expect(try await fixture.store.identity(ofClip: copy).reputation == decided.action.reputationChange, "only the winner's effect")
        }
    }

    @Test(arguments: TestEngine.available)
    func aDecisionNeedsAReasonAndAClip(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, copy) = try await Self.originalAndCopy(fixture.store)
            await #expect(throws: ModerationError.reasonMissing) {
                try await fixture.store.decide(.reject, clip: copy.id, moderator: "ana", reason: " \n ")
            }
            await #expect(throws: ModerationError.clipNotFound(999)) {
                try await fixture.store.decide(.reject, clip: 999, moderator: "ana", reason: "gone")
            }
            #expect(try await fixture.store.clip(id: copy.id)?.status == .flagged)
        }
    }
}
