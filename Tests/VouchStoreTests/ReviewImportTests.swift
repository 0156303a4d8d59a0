import Foundation
import Testing
import VouchLog
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct ReviewImportTests {
    @Test(arguments: TestEngine.available)
    func importedReviewsArePublishedUnderTheirProductsAndReviewers(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let reviews = ImportedReview.examples(count: 1_203, products: 3)
            try await store.importPublishedReviews(reviews, platform: "shop")

            let page = try await store.publishedReviews(product: "product-2", limit: 1_000)
            #expect(page.reviews.count == 401, "rows past the 500-row statement all arrive")
            #expect(page.reviews.map(\.score) == page.reviews.map(\.score).sorted(by: >))
            #expect(Set(page.reviews.compactMap(\.reviewerHandle)).count == 241, "one reviewer for every five clips, shared across products")
            #expect(try await store.productName("product-3") == "Product 3")
            #expect(page.reviews.allSatisfy { $0.logIndex == nil }, "an import writes no log entries")
        }
    }

    @Test(arguments: TestEngine.available)
    func importedWordsAndMediaAreShownAndALaterLogEntryCommitsToThem(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let review = ReviewContent(product: "product-1", rating: 4, title: "Quiet and quick", text: "Brews in a minute.", language: "en",
                                       disclosures: Disclosures(verifiedPurchase: true, incentive: .freeProduct))
            let content = SubmittedContent(review: review, reviewSHA256: String(repeating: "c", count: 64))
            let media = ClipMedia(renditionKey: "renditions/\(String(repeating: "a", count: 64)).mp4", posterKey: "posters/\(String(repeating: "b", count: 64)).jpg")
            var reviews = ImportedReview.examples(count: 2, products: 1)
            reviews[0].content = content
            reviews[0].media = media
            try await store.importPublishedReviews(reviews, platform: "shop")

            let shown = try await store.publishedReviews(product: "product-1", limit: 10).reviews
            let worded = try #require(shown.first { $0.words != nil })
            let bare = try #require(shown.first { $0.words == nil })
            #expect(worded.words == ReviewWords(review))
            #expect(worded.verifiedPurchase && !bare.verifiedPurchase)
            #expect(worded.renditionKey == media.renditionKey && worded.posterKey == media.posterKey)
            #expect(bare.renditionKey == nil && bare.posterKey == nil && !bare.hasCaptions)

            let logBefore = try await store.logSize()
            #expect(logBefore == 0, "an import writes no log entries")
            try await store.decide(.reject, clip: worded.clipID, moderator: "mod", reason: "test")
            let entry = try ReviewEntry(decoding: try #require(try await store.logEntries(from: logBefore, limit: 1).first).entry)
            #expect(entry.clip == worded.clipID)
            #expect(entry.reviewSHA256 == content.reviewSHA256, "the entry commits to the imported part's digest")
            #expect(entry.wordsSHA256 == ReviewWords(review).digest, "and to the words as shoppers were shown them")
        }
    }

    @Test(arguments: TestEngine.available)
    func anAccountImportedTwiceIsRefusedAndNothingIsWritten(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            try await store.importPublishedReviews(ImportedReview.examples(count: 5, products: 1), platform: "shop")
            await #expect(throws: (any Error).self) {
                try await store.importPublishedReviews(ImportedReview.examples(count: 5, products: 1, batch: "again", reusing: "0"), platform: "shop")
            }
            #expect(try await store.publishedReviews(product: "product-1", limit: 100).reviews.count == 5)
        }
    }
}

extension ImportedReview {
    /// `count` reviews over `products` products, one reviewer for every five, scores spread over 0…1.
    static func examples(count: Int, products: Int, batch: String = "test", reusing account: String? = nil) -> [ImportedReview] {
        (0..<count).map { number in
            let product = number % products + 1
            let reviewer = account ?? "\(number / 5)"
            return ImportedReview(
                product: "product-\(product)", productName: "Product \(product)",
                reviewerAccount: "account-\(reviewer)", reviewerHandle: "reviewer\(reviewer)",
                attestationID: "\(batch)-\(number)", contentSHA256: String(repeating: "0", count: 60) + String(format: "%04x", number),
                explanation: ScoreExplanation(parts: ScoreParts(score: Double(number % 97) / 97, identityAssurance: 0.5, originality: 1, reviewerTrust: 0.5),
                                              verdict: .original)
            )
        }
    }
}
