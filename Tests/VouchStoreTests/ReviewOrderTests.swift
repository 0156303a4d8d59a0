import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct ReviewOrderTests {
    /// Reviews of sku-1 as (rating, score, verified purchase), in the order they were made.
    static let reviews: [(rating: Int, score: Double, verified: Bool)] = [
        (5, 0.4, true), (3, 0.9, false), (5, 0.8, false), (1, 0.8, true), (4, 0.6, false), (5, 0.8, true), (2, 0.2, false),
    ]

    static func seed(_ store: Store) async throws -> [(id: Int64, rating: Int, score: Double, verified: Bool)] {
        var made: [(id: Int64, rating: Int, score: Double, verified: Bool)] = []
        for (number, review) in reviews.enumerated() {
            let content = SubmittedContent(review: ReviewContent(product: "sku-1", rating: review.rating, title: "Review \(number)",
                                                                 disclosures: Disclosures(verifiedPurchase: review.verified)),
                                           reviewSHA256: String(repeating: "a", count: 64))
            let id = try await store.finishedClip(reviewer: "r\(number)", product: "sku-1", score: review.score, content: content)
            made.append((id, review.rating, review.score, review.verified))
        }
        return made
    }

    /// Every page of `query`, `limit` at a time.
    static func walk(_ store: Store, _ query: ReviewQuery, limit: Int = 2) async throws -> [Int64] {
        var seen: [Int64] = []
        var position: RankingPosition?
        repeat {
            let page = try await store.publishedReviews(product: "sku-1", query: query, limit: limit, after: position)
            seen += page.reviews.map(\.clipID)
            position = page.next
        } while position != nil
        return seen
    }

    @Test(arguments: TestEngine.available)
    func everyOrderPagesWithoutRepeatsOrGaps(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let made = try await Self.seed(fixture.store)
            let byScore = made.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }.map(\.id)
            let newest = made.map(\.id).sorted(by: >)
            let byRating = made.sorted { ($0.rating, $0.score, $0.id) > ($1.rating, $1.score, $1.id) }.map(\.id)
            #expect(try await Self.walk(fixture.store, ReviewQuery()) == byScore)
            #expect(try await Self.walk(fixture.store, ReviewQuery(sort: .newest)) == newest)
            #expect(try await Self.walk(fixture.store, ReviewQuery(sort: .rating)) == byRating)
        }
    }

    @Test(arguments: TestEngine.available)
    func filtersKeepOnlyMatchingReviews(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let made = try await Self.seed(fixture.store)
            let fives = Set(made.filter { $0.rating == 5 }.map(\.id))
            #expect(Set(try await Self.walk(fixture.store, ReviewQuery(rating: 5))) == fives)
            let verified = Set(made.filter(\.verified).map(\.id))
            #expect(Set(try await Self.walk(fixture.store, ReviewQuery(verifiedPurchase: true))) == verified)
            let verifiedFives = Set(try await Self.walk(fixture.store, ReviewQuery(sort: .newest, rating: 5, verifiedPurchase: true)))
            #expect(verifiedFives == fives.intersection(verified))
        }
    }

    @Test(arguments: TestEngine.available)
    func theSummaryChangesAtOnceWhenAReviewIsTakenDown(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let made = try await Self.seed(fixture.store)
            let before = try await fixture.store.ratingSummary(product: "sku-1")
            #expect(before.rated == made.count)
            #expect(before.distribution == [1, 1, 1, 1, 3])
            let expected = made.map { Double($0.rating) * $0.score }.reduce(0, +) / made.map(\.score).reduce(0, +)
            #expect(abs((before.trustWeightedRating ?? 0) - expected) < 1e-9)

            let best = try #require(made.max { $0.score < $1.score })
            _ = try await fixture.store.decide(.reject, clip: best.id, moderator: "mod", reason: "taken down")
            let after = try await fixture.store.ratingSummary(product: "sku-1")
            #expect(after.rated == made.count - 1)
            #expect(after.distribution[best.rating - 1] == before.distribution[best.rating - 1] - 1)
        }
    }
}
