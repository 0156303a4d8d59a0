import Foundation
import Testing
import VouchIdentity
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct SyndicationTests {
    let gtin = try! GTIN("4006381333931")

    @Test(arguments: TestEngine.available)
    func aShopSeesOtherPlatformsReviewsOfTheSameGTINOnlyWhenItChooses(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let own = try await store.finishedClip(platform: "shop", reviewer: "ann", product: "shop-mug", score: 0.6)
            let elsewhere = try await store.finishedClip(platform: "social", reviewer: "bo", product: "social-mug", score: 0.9)
            try await store.finishedClip(platform: "social", reviewer: "cy", product: "social-kettle", score: 0.8)
            try await store.setGTIN(gtin, product: "shop-mug", platform: "shop")
            try await store.setGTIN(try GTIN("04006381333931"), product: "social-mug", platform: "social")

            let ownOnly = try #require(try await store.reviewScope(product: "shop-mug", platform: "shop"))
            #expect(ownOnly.products == ["shop-mug", "social-mug"])
            #expect(try await ids(store, "shop-mug", ownOnly) == [own], "a shop that never chose shows its own reviews only")

            try await store.setSyndication(SyndicationPolicy(showSyndicated: true, shareReviews: true), platform: "shop")
            let syndicated = try #require(try await store.reviewScope(product: "shop-mug", platform: "shop"))
            let page = try await store.publishedReviews(product: "shop-mug", query: ReviewQuery(scope: syndicated), limit: 10)
            #expect(page.reviews.map(\.clipID) == [elsewhere, own], "the other platform's review of the same GTIN, ranked with the shop's own")
            #expect(page.reviews.first?.productID == "social-mug")
            #expect(page.reviews.first?.platformName == "Social")
            #expect(try await store.ratingSummary(product: "shop-mug", scope: syndicated).reviews == 2)
            #expect(try await store.ratingSummary(product: "shop-mug").reviews == 1, "Vouch's own page of the id is unchanged")

            try await store.setSyndication(SyndicationPolicy(showSyndicated: false, shareReviews: false), platform: "social")
            #expect(try await ids(store, "shop-mug", syndicated) == [own], "a platform that does not share is not shown elsewhere")
            #expect(try await store.reviewScope(product: "shop-mug", platform: "nobody") == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func onePersonsReviewOnTwoPlatformsIsShownOnceInTheirOwnShop(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let key = String(repeating: "k", count: 43)
            let here = try await publish(store, platform: "shop", reviewer: "ann", key: key, product: "shop-mug", score: 0.5, bytes: "a")
            try await publish(store, platform: "social", reviewer: "ann.social", key: key, product: "social-mug", score: 0.9, bytes: "b")
            let other = try await publish(store, platform: "social", reviewer: "bo", key: nil, product: "social-mug", score: 0.7, bytes: "c")
            try await store.setGTIN(gtin, product: "shop-mug", platform: "shop")
            try await store.setGTIN(gtin, product: "social-mug", platform: "social")
            try await store.setSyndication(SyndicationPolicy(showSyndicated: true, shareReviews: true), platform: "shop")
            let scope = try #require(try await store.reviewScope(product: "shop-mug", platform: "shop"))
            #expect(try await ids(store, "shop-mug", scope) == [other, here],
                    "the same identity's review from the other platform is left out where its own platform has one")
        }
    }

    @Test(arguments: TestEngine.available)
    func aGTINIsForgottenAndAuditedPerPlatform(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            try await store.setGTIN(gtin, product: "mug", platform: "shop")
            try await store.setGTIN(try GTIN("96385074"), product: "mug", platform: "social")
            #expect(try await store.gtin(product: "mug", platform: "shop") == gtin)
            try await store.setGTIN(nil, product: "mug", platform: "shop")
            #expect(try await store.gtin(product: "mug", platform: "shop") == nil)
            #expect(try await store.gtin(product: "mug", platform: "social")?.digits == "00000096385074", "the other platform's entry stays")
            #expect(try await store.syndication(platform: "shop") == .standard)
        }
    }

    private func ids(_ store: Store, _ product: String, _ scope: ReviewScope) async throws -> [Int64] {
        try await store.publishedReviews(product: product, query: ReviewQuery(scope: scope), limit: 10).reviews.map(\.clipID)
    }

    @discardableResult
    private func publish(_ store: Store, platform: String, reviewer: String, key: String?, product: String, score: Double, bytes: String) async throws -> Int64 {
        let clip = try await store.submit(StoreFixture.submission(bytes, platform: platform, reviewer: reviewer, reviewerKey: key, product: product)).clip
        try await store.finishNextJob(of: clip.id, score: score)
        return clip.id
    }
}

@Suite struct KnownFirstRankingTests {
    @Test(arguments: TestEngine.available)
    func reviewersTheViewerRelatesToComeFirstAndPagesJoinAcrossTheBoundary(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let stranger = try await store.finishedClip(reviewer: "stranger", product: "sku", score: 0.95)
            let followed = try await store.finishedClip(reviewer: "ann", product: "sku", score: 0.4)
            let friendOfFriend = try await store.finishedClip(reviewer: "cy", product: "sku", score: 0.6)
            let other = try await store.finishedClip(reviewer: "dee", product: "sku", score: 0.7)
            let elsewhere = try await store.finishedClip(platform: "social", reviewer: "ann", product: "sku", score: 0.8)
            try await store.addEdges([
                AccountEdge(from: "viewer", to: "ann", kind: "follows"),
                AccountEdge(from: "bo", to: "viewer", kind: "friend"),
                AccountEdge(from: "cy", to: "bo", kind: "friend"),
                AccountEdge(from: "dee", to: "viewer", kind: "follows"),
            ], platform: "shop")
            let query = ReviewQuery(sort: .known, viewer: Viewer(platformID: "shop", account: "viewer"))

            var seen: [Int64] = []
            var known: [Bool] = []
            var position: RankingPosition?
            repeat {
                let page = try await store.publishedReviews(product: "sku", query: query, limit: 2, after: position)
                seen += page.reviews.map(\.clipID)
                known += page.reviews.map(\.knownToViewer)
                position = page.next
            } while position != nil
            #expect(seen == [friendOfFriend, followed, stranger, elsewhere, other],
                    "known (a follow, a friend's friend) by score, then the rest by score; a follow back or another platform's namesake is not a link")
            #expect(known == [true, true, false, false, false])
        }
    }
}
