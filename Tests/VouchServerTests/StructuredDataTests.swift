import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct StructuredDataTests {
    static func review(_ rating: Int, title: String, relationship: Disclosures.Relationship = .none) -> SubmittedContent {
        SubmittedContent(review: ReviewContent(product: "sku-1", productName: "Kettle", rating: rating, title: title, text: "Boils fast.",
                                               language: "en", disclosures: Disclosures(relationship: relationship)),
                         reviewSHA256: String(repeating: "c", count: 64))
    }

    @Test func theMarkupIsASchemaOrgProductWithItsRatedReviewsAndVideos() async throws {
        try await withServer(adjust: { server, _ in server.publicURL = "https://reviews.example/" }) { server in
            let store = server.pipeline.store
            let good = try await store.finishedClip(reviewer: "alice", handle: "Alice", product: "sku-1", productName: "Kettle", score: 0.9,
                                                    content: Self.review(4, title: "Quick"))
            try await MediaRoutesTests.attach(MediaRoutesTests.video, key: "renditions/k.mp4", column: "rendition_key", to: good, server: server)
            try await store.finishedClip(reviewer: "bo", product: "sku-1", score: 0.2, content: Self.review(2, title: "Meh"))
            try await store.finishedClip(reviewer: "brand", handle: "KettleCo", product: "sku-1", score: 0.9,
                                         content: Self.review(5, title: "Ours", relationship: .brand))
            let answer = try await server.send("/v1/products/sku-1/structured-data")
            #expect(answer.status == 200 && answer.contentType == "application/ld+json")
            let product = answer.json
            #expect(product["@context"] as? String == "https://schema.org" && product["@type"] as? String == "Product")
            #expect(product["name"] as? String == "Kettle")
            let aggregate = try #require(product["aggregateRating"] as? [String: Any])
            #expect(aggregate["@type"] as? String == "AggregateRating")
            let summary = try await store.ratingSummary(product: "sku-1")
            let weighted = try #require(summary.trustWeightedRating)
            #expect(aggregate["ratingValue"] as? Double == (weighted * 10).rounded() / 10, "the trust-weighted figure, not the plain average")
            #expect(aggregate["ratingCount"] as? Int == 3 && aggregate["bestRating"] as? Int == 5)
            let reviews = try #require(product["review"] as? [[String: Any]])
            #expect(reviews.compactMap { $0["name"] as? String } == ["Quick", "Meh"], "the brand's own review is not marked up")
            let first = try #require(reviews.first)
            #expect(first["@type"] as? String == "Review")
            #expect((first["author"] as? [String: Any])?["name"] as? String == "Alice")
            #expect((first["reviewRating"] as? [String: Any])?["ratingValue"] as? Int == 4)
            #expect((first["datePublished"] as? String)?.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
            let video = try #require(first["video"] as? [String: Any])
            #expect(video["@type"] as? String == "VideoObject")
            #expect(video["contentUrl"] as? String == "https://reviews.example/media/renditions/k.mp4", "absolute, from server.publicURL")
            #expect((video["thumbnailUrl"] as? String)?.hasPrefix("https://reviews.example/") == true)
            #expect(video["uploadDate"] is String && video["name"] is String && video["description"] is String)
            #expect(reviews.last?["video"] == nil, "a review without a rendition has no VideoObject")
        }
    }

    @Test func wordsCannotCloseTheProductPagesScript() async throws {
        try await withServer { server in
            try await server.pipeline.store.finishedClip(reviewer: "mallory", product: "sku-1", score: 0.9,
                                                         content: Self.review(5, title: "</script><script>alert(1)</script>"))
            let page = try await server.send("/products/sku-1")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(!html.contains("<script>alert(1)"))
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let markup = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
            let title = (markup?["review"] as? [[String: Any]])?.first?["name"] as? String
            #expect(title == "</script><script>alert(1)</script>", "the words survive as data, escaped")
        }
    }
}
