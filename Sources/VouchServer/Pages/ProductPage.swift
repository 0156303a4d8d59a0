import Foundation
import VouchIdentity
import VouchModel
import VouchStore

/// A product's published reviews for shoppers, best first: each with its poster frame,
/// its score and the parts the score is made of.
struct ProductPage: Sendable {
    var title: String
    var product: String
    var name: String
    var reviews: [ReviewCard]
    var next: String?
    var later: Bool
    var isEmpty: Bool
    /// The schema.org `Product` markup, safe inside `<script type="application/ld+json">`.
    var structuredData: String
    /// "View as" links to the demo shoppers, and who the page is viewed as.
    var viewAs: [ViewAsLink]
    var offersViewAs: Bool
    var viewingAs: String?

    /// Whom the page may be viewed as, whom it is, and how that shopper relates to the reviewers.
    struct Viewing {
        var shoppers: [DemoShopper] = []
        var viewer: Viewer?
        var links: [Int64: PersonalTrustBody] = [:]
    }

    /// One "view as" choice.
    struct ViewAsLink: Sendable {
        var label: String
        var path: String
        var current: Bool
    }

    /// One review as a card: who, when, how far it can be trusted, and why.
    struct ReviewCard: Sendable {
        var clip: Int64
        var poster: String
        var handle: String
        var platform: String
        var date: String
        var score: String
        var verdict: String
        var parts: [Part]
        var flags: [String]
        var hasFlags: Bool
        /// "entry 12 of the review log", when the review is logged.
        var logEntry: String?
        /// "★★★★☆" and "4 out of 5 stars", when the review has a rating.
        var stars: String?
        var starsLabel: String?
        var headline: String?
        var text: String?
        var language: String?
        /// Disclosures in shoppers' words; incentivised and insider reviews are labelled, never hidden.
        var labels: [String]
        var captions: String?
        /// The web rendition, when one was made.
        var video: String?
        /// How the shopper the page is viewed as relates to the reviewer, in words.
        var personalTrust: [String]
    }

    /// The product's ratings, plain and trust-weighted, when any review has stars.
    var summary: SummaryLine?

    /// The ratings at the top of the page.
    struct SummaryLine: Sendable {
        var average: String
        var trustWeighted: String?
        var rated: Int
        var incentivised: Int
        var insiders: Int
    }

    /// One part of a score, as a labelled bar.
    struct Part: Sendable {
        var name: String
        var value: Double
        var percent: String
    }

    init(product: String, name: String?, page: ReviewPage, summary: RatingSummary, later: Bool, cursors: ReviewCursor,
         viewing: Viewing = Viewing(), structuredData: String = "") {
        self.name = name ?? product
        title = self.name
        self.product = product
        self.later = later
        self.structuredData = structuredData
        let path = Self.path(product)
        let viewer = viewing.viewer.map { "\($0.platformID):\($0.account)" }
        viewAs = viewing.shoppers.isEmpty ? [] : [ViewAsLink(label: "anyone", path: path, current: viewer == nil)] + viewing.shoppers.map { shopper in
            let name = "\(shopper.platform):\(shopper.account)"
            return ViewAsLink(label: "\(shopper.account) on \(shopper.platform)", path: PageFormat.link(path, [("as", name)]), current: viewer == name)
        }
        offersViewAs = !viewAs.isEmpty
        viewingAs = viewing.viewer.map { "\($0.account) on \($0.platformID)" }
        reviews = ReviewsBody(product: product, page: page, cursors: cursors).reviews.map { review in
            let explanation = review.explanation
            return ReviewCard(
                clip: review.clip, poster: review.media.poster,
                handle: review.reviewer.handle ?? "a reviewer", platform: review.reviewer.platform,
                date: PageFormat.time(review.createdAt), score: PageFormat.percent(review.score), verdict: explanation.verdict.rawValue,
                parts: [
                    Part(name: "Identity assurance", value: explanation.identityAssurance, percent: PageFormat.percent(explanation.identityAssurance)),
                    Part(name: "Originality", value: explanation.originality, percent: PageFormat.percent(explanation.originality)),
                    Part(name: "Reviewer trust", value: explanation.reviewerTrust, percent: PageFormat.percent(explanation.reviewerTrust)),
                ],
                flags: explanation.flags.map(\.rawValue), hasFlags: !explanation.flags.isEmpty,
                logEntry: review.logIndex.map { "entry \($0) of the review log" },
                stars: review.rating.map { String(repeating: "★", count: $0) + String(repeating: "☆", count: 5 - $0) },
                starsLabel: review.rating.map { "\($0) out of 5 stars" },
                headline: review.title, text: review.text, language: review.language, labels: review.labels, captions: review.media.captions,
                video: review.media.video, personalTrust: viewing.links[review.clip]?.explanation ?? []
            )
        }
        isEmpty = reviews.isEmpty
        if let average = summary.averageRating {
            self.summary = SummaryLine(average: String(format: "%.1f", average), trustWeighted: summary.trustWeightedRating.map { String(format: "%.1f", $0) },
                                       rated: summary.rated, incentivised: summary.incentivised, insiders: summary.insiders)
        }
        next = page.next.map { PageFormat.link(path, (viewer.map { [("as", $0)] } ?? []) + [("cursor", cursors.encode($0))]) }
    }

    /// The page's own path, the product id percent-encoded as one path segment.
    static func path(_ product: String) -> String {
        "/products/" + (product.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? product)
    }
}

/// The front door: what this Vouch serves and where, and the products shoppers can read.
struct LandingPage: Sendable {
    var title = "Vouch"
    var products: [ProductLink]
    var isEmpty: Bool

    /// A product with published reviews, linked to its page.
    struct ProductLink: Sendable {
        var name: String
        var path: String
        var reviews: String
    }

    init(products: [ProductSummary]) {
        self.products = products.map { summary in
            ProductLink(name: summary.name ?? summary.product, path: ProductPage.path(summary.product),
                        reviews: summary.publishedReviews == 1 ? "1 published review" : "\(summary.publishedReviews) published reviews")
        }
        isEmpty = products.isEmpty
    }
}

extension CharacterSet {
    /// What may stand unescaped inside one path segment (no `/`).
    static let urlPathSegmentAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return allowed
    }()
}
