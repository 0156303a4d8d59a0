import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct ShopperRankingTests {
    @Test(arguments: TestEngine.available)
    func publishedClipsComeBestFirstAndOthersNever(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let middling = try await store.finishedClip(reviewer: "alice", handle: "Alice", product: "sku-1", score: 0.5)
            let best = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.9)
            try await store.finishedClip(reviewer: "carol", product: "sku-1", score: 0.95, status: .flagged, flags: [.copyOfOtherIdentity])
            try await store.finishedClip(reviewer: "dave", product: "sku-1", score: 0.99, status: .rejected)
            try await store.finishedClip(reviewer: "erin", product: "sku-2", score: 0.7)
            let pending = try await store.submit(StoreFixture.submission("p", reviewer: "frank")).clip

            let page = try await store.publishedReviews(product: "sku-1", limit: 10)
            #expect(page.reviews.map(\.clipID) == [best, middling])
            #expect(page.next == nil)
            #expect(!page.reviews.map(\.clipID).contains(pending.id))
            #expect(page.reviews.last?.reviewerHandle == "Alice")
            #expect(page.reviews.first?.explanation?.parts.identityAssurance == 0.6)
        }
    }

    @Test(arguments: TestEngine.available)
    func pagesFollowEachOtherWithoutRepeatsOrGaps(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            var expected: [Int64] = []
            for (number, score) in [0.4, 0.8, 0.8, 0.6, 0.8, 0.2, 0.9].enumerated() {
                expected.append(try await fixture.store.finishedClip(reviewer: "r\(number)", product: "sku-1", score: score))
            }
            let scores = [0.4, 0.8, 0.8, 0.6, 0.8, 0.2, 0.9]
            expected = zip(expected, scores).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 > $1.0 }.map(\.0)
            var seen: [Int64] = []
            var position: RankingPosition?
            repeat {
                let page = try await fixture.store.publishedReviews(product: "sku-1", limit: 3, after: position)
                #expect(page.reviews.count <= 3)
                seen += page.reviews.map(\.clipID)
                position = page.next
            } while position != nil
            #expect(seen == expected)
        }
    }

    @Test(arguments: TestEngine.available)
    func theNeighbourhoodHoldsWhatRelatesAViewerToReviewers(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            try await store.finishedClip(reviewer: "rita", product: "sku-1", score: 0.7)
            let review = try #require(try await store.publishedReviews(product: "sku-1", limit: 1).reviews.first)
            try await store.addEdges([
                AccountEdge(from: "sam", to: "ann", kind: "follows"),
                AccountEdge(from: "ann", to: "rita", kind: "follows"),
                AccountEdge(from: "bea", to: "sam", kind: "friend"),
                AccountEdge(from: "rita", to: "bea", kind: "friend"),
                AccountEdge(from: "zed", to: "rita", kind: "follows"),
            ], platform: "shop")
            try await store.addEdges([AccountEdge(from: "sam", to: "rita", kind: "follows")], platform: "social")

            let neighbourhood = try await store.socialNeighbourhood(of: "sam", on: "shop", toward: [review.reviewerIdentity])
            #expect(neighbourhood.accounts[review.reviewerIdentity] == ["rita"])
            let edges = Set(neighbourhood.edges)
            #expect(edges.contains(AccountEdge(from: "ann", to: "rita", kind: "follows")))
            #expect(edges.contains(AccountEdge(from: "rita", to: "bea", kind: "friend")))
            #expect(!edges.contains(AccountEdge(from: "zed", to: "rita", kind: "follows")), "zed is no contact of sam's")
            #expect(!edges.contains(AccountEdge(from: "sam", to: "rita", kind: "follows")), "another platform's edges never count")
        }
    }

    @Test(arguments: TestEngine.available)
    func changedProductsAreFoundByTime(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            try await fixture.store.finishedClip(reviewer: "a", product: "old", score: 0.5)
            fixture.clock.advance(by: 10)
            let since = fixture.clock.now()
            try await fixture.store.finishedClip(reviewer: "b", product: "new", score: 0.5)
            #expect(try await fixture.store.productsChanged(since: since) == ["new"])
        }
    }
}
