import Foundation
import VouchEncoding
import VouchModel
import VouchStore

/// A product's reviews as schema.org `Product` markup (JSON-LD), so that search engines
/// can show the rating beside the shop's page: an `AggregateRating` and each rated review
/// of the first page as a `Review` with its `VideoObject`.
///
/// The aggregate is the trust-weighted rating (Docs/scoring.md), the figure the page leads
/// with, so a search result cannot show stars that bought or copied reviews raised; and
/// reviews by insiders (the brand, its staff, affiliates, family) are never marked up as
/// reviews, as search engines ask of self-serving ones.
///
/// Links are absolute, from ``base`` (`server.publicURL`): the markup is read on the shop's
/// page, another origin. Only published reviews appear, in the ranking's order.
struct StructuredData: Encodable, Sendable {
    let context = "https://schema.org"
    let type = "Product"
    var name: String
    var productID: String
    var aggregateRating: AggregateRating?
    var review: [ReviewItem]

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", name, productID, aggregateRating, review
    }

    struct AggregateRating: Encodable, Sendable {
        let type = "AggregateRating"
        var ratingValue: Double
        var ratingCount: Int
        var reviewCount: Int
        let bestRating = 5
        let worstRating = 1

        enum CodingKeys: String, CodingKey { case type = "@type", ratingValue, ratingCount, reviewCount, bestRating, worstRating }
    }

    struct ReviewItem: Encodable, Sendable {
        let type = "Review"
        var author: Person
        var reviewRating: Rating
        var datePublished: String
        var name: String?
        var reviewBody: String?
        var inLanguage: String?
        var video: VideoObject?

        enum CodingKeys: String, CodingKey { case type = "@type", author, reviewRating, datePublished, name, reviewBody, inLanguage, video }
    }

    struct Person: Encodable, Sendable {
        let type = "Person"
        var name: String

        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }

    struct Rating: Encodable, Sendable {
        let type = "Rating"
        var ratingValue: Int
        let bestRating = 5
        let worstRating = 1

        enum CodingKeys: String, CodingKey { case type = "@type", ratingValue, bestRating, worstRating }
    }

    struct VideoObject: Encodable, Sendable {
        let type = "VideoObject"
        var name: String
        var description: String
        var contentUrl: String
        var thumbnailUrl: String
        var uploadDate: String
        var duration: String?

        enum CodingKeys: String, CodingKey { case type = "@type", name, description, contentUrl, thumbnailUrl, uploadDate, duration }
    }

    /// The markup of `reviews` (already as the API shows them) and `summary`; `durations` in seconds by clip.
    init(product: String, name: String?, reviews: ReviewsBody, summary: RatingSummary, durations: [Int64: Double], base: String) {
        self.name = name ?? product
        productID = product
        let productName = self.name
        review = reviews.reviews.compactMap { item in
            guard let rating = item.rating, item.disclosures?.isInsider != true else { return nil }
            let author = item.reviewer.handle ?? "A reviewer on \(item.syndicatedFrom?.platformName ?? item.reviewer.platform)"
            let uploaded = Self.day(item.createdAt)
            let video = item.media.video.map { path in
                VideoObject(name: item.title ?? "\(author)'s review of \(productName)",
                            description: item.text ?? "A video review of \(productName) by \(author)",
                            contentUrl: base + path, thumbnailUrl: base + item.media.poster, uploadDate: uploaded,
                            duration: durations[item.clip].map(Self.isoDuration))
            }
            return ReviewItem(author: Person(name: author), reviewRating: Rating(ratingValue: rating), datePublished: uploaded,
                              name: item.title, reviewBody: item.text, inLanguage: item.language, video: video)
        }
        if let rating = summary.trustWeightedRating ?? summary.averageRating, summary.rated > 0 {
            aggregateRating = AggregateRating(ratingValue: (rating * 10).rounded() / 10, ratingCount: summary.rated, reviewCount: summary.reviews)
        }
    }

    /// The markup as text safe inside an HTML `<script>` element: no `<` can close it.
    func scriptText() throws -> String {
        String(decoding: try JSONEncoder.document.encode(self), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// `2026-12-01`, in UTC.
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }

    /// ISO 8601 duration, whole seconds: `PT1M5S`.
    static func isoDuration(_ seconds: Double) -> String {
        let whole = max(1, Int(seconds.rounded()))
        return whole >= 60 ? "PT\(whole / 60)M\(whole % 60)S" : "PT\(whole)S"
    }
}
