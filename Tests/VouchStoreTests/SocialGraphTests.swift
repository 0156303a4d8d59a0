import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct SocialGraphTests {
    @Test(arguments: TestEngine.available)
    func edgesAreStoredOnceAndRemovable(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let edges = [AccountEdge(from: "alice", to: "bob", kind: "follows"), AccountEdge(from: "bob", to: "carol", kind: "friend")]
            #expect(try await fixture.store.addEdges(edges, platform: "shop") == 2)
            #expect(try await fixture.store.addEdges(edges, platform: "shop") == 0)
            #expect(try await fixture.store.addEdges(edges, platform: "social") == 2, "each platform has its own accounts")
            #expect(try await fixture.store.removeEdges([edges[0]], platform: "shop") == 1)
            let graph = try await fixture.store.storedGraph()
            #expect(graph.edges.count == 3)
            #expect(graph.identityOfNode.count == 5, "shop's bob and carol; social's alice, bob and carol")
        }
    }

    @Test(arguments: TestEngine.available)
    func accountsWithClipsAreTheirIdentities(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let clip = try await fixture.store.submit(StoreFixture.submission("a", platform: "shop", reviewer: "alice", reviewerKey: "KEY")).clip
            _ = try await fixture.store.submit(StoreFixture.submission("b", platform: "social", reviewer: "al1ce", reviewerKey: "KEY"))
            try await fixture.store.addEdges([AccountEdge(from: "alice", to: "bob", kind: "follows")], platform: "shop")
            try await fixture.store.addEdges([AccountEdge(from: "carol", to: "al1ce", kind: "follows")], platform: "social")
            let graph = try await fixture.store.storedGraph()
            let identity = try #require(try await fixture.store.reviewer(id: clip.reviewerID)).identityID
            #expect(graph.identityOfNode.filter { $0 == identity }.count == 1, "one node for the person behind both accounts")
            #expect(graph.identityOfNode.count == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func seedsAreLongStandingVerifiedPurchasersOfTrustedPlatformsOnly(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            var veteran = StoreFixture.submission("a", reviewer: "veteran")
            veteran.accountCreatedAt = fixture.clock.now().addingTimeInterval(-800 * 86_400)
            veteran.verifiedPurchase = true
            var newcomer = StoreFixture.submission("b", reviewer: "newcomer")
            newcomer.accountCreatedAt = fixture.clock.now().addingTimeInterval(-3 * 86_400)
            newcomer.verifiedPurchase = true
            let seeded = try await fixture.store.submit(veteran).clip
            _ = try await fixture.store.submit(newcomer)
            let identity = try #require(try await fixture.store.reviewer(id: seeded.reviewerID)).identityID
            #expect(try await fixture.store.seedIdentities(matureDays: 365).isEmpty, "a platform's claims seed nothing by themselves")
            #expect(try await fixture.store.seedIdentities(matureDays: 365, claimsFrom: ["other"]).isEmpty)
            #expect(try await fixture.store.seedIdentities(matureDays: 365, claimsFrom: ["shop"]) == [identity])

            try await fixture.store.setTrust([identity: 0.9])
            #expect(try await fixture.store.identity(id: identity)?.trust == 0.9)
        }
    }
}
