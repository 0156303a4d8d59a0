import Testing
import VouchModel

@Suite struct ReviewContentTests {
    @Test func validWordsAreTrimmedAndEmptyOnesDropped() throws {
        let review = try ReviewContent(product: " sku-1 ", rating: 5, title: "  Great  ", text: "\n", language: "pt-BR").validated()
        #expect(review.product == "sku-1")
        #expect(review.title == "Great")
        #expect(review.text == nil)
        #expect(review.language == "pt-BR")
    }

    @Test(arguments: [
        (ReviewContent(product: "sku-1", rating: 0), "rating"),
        (ReviewContent(product: "sku-1", rating: 6), "rating"),
        (ReviewContent(product: "  ", rating: 3), "product"),
        (ReviewContent(product: String(repeating: "p", count: 201), rating: 3), "product"),
        (ReviewContent(product: "sku-1", rating: 3, title: String(repeating: "t", count: 151)), "title"),
        (ReviewContent(product: "sku-1", rating: 3, title: "two\nlines"), "title"),
        (ReviewContent(product: "sku-1", rating: 3, text: "bell\u{7}"), "text"),
        (ReviewContent(product: "sku-1", rating: 3, language: "e"), "language"),
        (ReviewContent(product: "sku-1", rating: 3, language: "en-"), "language"),
        (ReviewContent(product: "sku-1", rating: 3, language: "en-toolongsubtag"), "language"),
    ])
    func anInvalidFieldIsNamed(review: ReviewContent, field: String) {
        #expect(throws: ReviewContentError.self) { try review.validated() }
        do {
            _ = try review.validated()
        } catch {
            #expect(error.field == field, "\(error)")
        }
    }

    @Test func textMayHaveLinesButNotOtherControls() throws {
        #expect(try ReviewContent(product: "p", rating: 1, text: "one\ntwo\tthree").validated().text == "one\ntwo\tthree")
    }
}

@Suite struct DisclosuresTests {
    @Test func weightsFollowTheDocumentedRule() {
        #expect(Disclosures().ratingWeight == 1)
        #expect(Disclosures(incentive: .freeProduct).ratingWeight == 0.5)
        #expect(Disclosures(incentive: .payment).ratingWeight == 0.25)
        #expect(Disclosures(relationship: .affiliate).ratingWeight == 0.25)
        #expect(Disclosures(incentive: .discount, relationship: .affiliate).ratingWeight == 0.125)
        for insider in [Disclosures.Relationship.brand, .employee, .family] {
            #expect(Disclosures(relationship: insider).ratingWeight == 0)
        }
    }

    @Test func labelsNameEveryMaterialConnectionAndNothingForAnOrganicReview() {
        #expect(Disclosures().labels.isEmpty)
        #expect(Disclosures(verifiedPurchase: true, incentive: .payment, relationship: .brand, source: .samplingCampaign).labels
            == ["Posted by the brand", "Paid to review", "From a sampling campaign", "Verified purchase"])
        for incentive in Disclosures.Incentive.allCases where incentive != .none {
            #expect(Disclosures(incentive: incentive).labels.count == 1, "\(incentive) is labelled")
        }
        for relationship in Disclosures.Relationship.allCases where relationship != .none {
            #expect(Disclosures(relationship: relationship).labels.count == 1, "\(relationship) is labelled")
        }
    }
}

@Suite struct RatingSummaryTests {
    @Test func theTrustWeightedRatingDiscountsDoubtfulAndInsiderReviews() throws {
        let summary = RatingSummary([
            .init(rating: 2, score: 0.9, disclosures: Disclosures(), verifiedPurchase: true),
            .init(rating: 4, score: 0.5, disclosures: Disclosures(incentive: .freeProduct), verifiedPurchase: false),
            .init(rating: 5, score: 1.0, disclosures: Disclosures(relationship: .brand), verifiedPurchase: false),
            .init(rating: nil, score: 0.7, disclosures: nil, verifiedPurchase: false),
        ])
        #expect(summary.reviews == 4)
        #expect(summary.rated == 3)
        #expect(summary.averageRating == 11.0 / 3)
        // weights: 0.9 × 1, 0.5 × 0.5, 1.0 × 0 → (0.9·2 + 0.25·4) / (0.9 + 0.25)
        let expected = (0.9 * 2 + 0.25 * 4) / (0.9 + 0.25)
        #expect(abs(try #require(summary.trustWeightedRating) - expected) < 1e-12)
        #expect(summary.distribution == [0, 1, 0, 1, 1])
        #expect(summary.verifiedPurchases == 1 && summary.incentivised == 1 && summary.insiders == 1)
    }

    @Test func noWeightMeansNoTrustWeightedRating() {
        let summary = RatingSummary([.init(rating: 5, score: 0.9, disclosures: Disclosures(relationship: .employee), verifiedPurchase: false)])
        #expect(summary.averageRating == 5)
        #expect(summary.trustWeightedRating == nil)
        #expect(RatingSummary([]).averageRating == nil)
    }
}
