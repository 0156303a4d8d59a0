import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct ModerationQueueTests {
    /// Held clips: two copies on shop, one reference-footage match on social, one published original.
    static func seed(_ store: Store) async throws -> (original: ClipRecord, held: [ClipRecord]) {
        let original = try await store.analysedClip(AnalysedClips.submission("a"), outcome: AnalysedClips.original())
        var held: [ClipRecord] = []
        held.append(try await store.analysedClip(AnalysedClips.submission("b", reviewer: "bob"), outcome: AnalysedClips.copy(of: original.id)))
        held.append(try await store.analysedClip(AnalysedClips.submission("c", platform: "social", reviewer: "carol"),
                                                 outcome: AnalysedClips.copy(of: original.id, flag: .referenceFootage)))
        held.append(try await store.analysedClip(AnalysedClips.submission("d", reviewer: "dave"), outcome: AnalysedClips.copy(of: original.id)))
        return (original, held)
    }

    @Test(arguments: TestEngine.available)
    func listsHeldClipsOldestFirstWithTheirFlags(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, held) = try await Self.seed(fixture.store)
            let page = try await fixture.store.moderationQueue()
            #expect(page.entries.map(\.clipID) == held.map(\.id))
            #expect(page.total == 3 && page.nextAfter == nil)
            #expect(page.entries.map(\.flagKinds) == [[FlagKind.copyOfOtherIdentity], [.referenceFootage], [.copyOfOtherIdentity]])
            #expect(page.entries.map(\.reviewerAccount) == ["bob", "carol", "dave"])
        }
    }

    @Test(arguments: TestEngine.available)
    func filtersByFlagKindAndPlatform(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, held) = try await Self.seed(fixture.store)
            let copies = try await fixture.store.moderationQueue(ModerationQueueFilter(flagKind: .copyOfOtherIdentity))
            #expect(copies.entries.map(\.clipID) == [held[0].id, held[2].id] && copies.total == 2)
            let social = try await fixture.store.moderationQueue(ModerationQueueFilter(platform: "social"))
            #expect(social.entries.map(\.clipID) == [held[1].id])
            let none = try await fixture.store.moderationQueue(ModerationQueueFilter(flagKind: .referenceFootage, platform: "shop"))
            #expect(none.entries.isEmpty && none.total == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func pagesWithACursor(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, held) = try await Self.seed(fixture.store)
            let first = try await fixture.store.moderationQueue(limit: 2)
            #expect(first.entries.map(\.clipID) == [held[0].id, held[1].id] && first.total == 3)
            let after = try #require(first.nextAfter)
            let second = try await fixture.store.moderationQueue(after: after, limit: 2)
            #expect(second.entries.map(\.clipID) == [held[2].id] && second.nextAfter == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func decidedClipsLeaveTheQueueAndFacetsFollow(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let (_, held) = try await Self.seed(fixture.store)
            let facets = try await fixture.store.moderationQueueFacets()
            #expect(facets.flagKinds == [FlagKind.copyOfOtherIdentity, .referenceFootage] && facets.platforms == ["shop", "social"])
            try await fixture.store.decide(.reject, clip: held[1].id, moderator: "ana", reason: "brand footage")
            #expect(try await fixture.store.moderationQueue().entries.map(\.clipID) == [held[0].id, held[2].id])
            #expect(try await fixture.store.moderationQueueFacets().flagKinds == [.copyOfOtherIdentity])
        }
    }
}
