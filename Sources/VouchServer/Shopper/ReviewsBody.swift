import Foundation
import VouchModel
import VouchProvenance
import VouchStore

/// A page of a product's ranking as the shopper API returns it.
struct ReviewsBody: Encodable, Sendable {
    var product: String
    var reviews: [Review]
    var nextCursor: String?

    /// One published clip: its score, why, who made it, and how the viewer relates to them.
    struct Review: Encodable, Sendable {
        var clip: Int64
        var score: Double
        var explanation: Explanation
        var reviewer: Reviewer
        var createdAt: Date
        /// The review's latest entry in the review log (`/v1/log/proofs/inclusion?index=`).
        var logIndex: Int64?
        var personalTrust: PersonalTrustBody?
        /// The clip's C2PA content credentials: who signed the footage, and whether it declares AI.
        var provenance: Provenance?
        /// One to five stars; nil for a clip uploaded without words.
        var rating: Int?
        var title: String?
        var text: String?
        var language: String?
        var disclosures: Disclosures?
        /// The disclosures in shoppers' words ("Received the product free", "Verified purchase").
        var labels: [String]
        var verifiedPurchase: Bool
        var media: Media
        /// Where a review shown in another platform's shop was recorded (syndication).
        var syndicatedFrom: Origin?
    }

    /// The platform a syndicated review was recorded on, and its product id there.
    struct Origin: Encodable, Sendable {
        var platform: String
        var platformName: String
        var product: String
    }

    /// Where a shopper's browser fetches the review's pictures and captions.
    struct Media: Encodable, Sendable {
        /// The web rendition (H.264 MP4, fast start, range requests); nil until made.
        var video: String?
        var poster: String
        var captions: String?
    }

    /// The score's parts (Docs/scoring.md), the verdict and any flags a moderator cleared.
    struct Explanation: Encodable, Sendable {
        var identityAssurance: Double
        var originality: Double
        var reviewerTrust: Double
        var verdict: Verdict
        var flags: [FlagKind]
    }

    struct Reviewer: Encodable, Sendable {
        var handle: String?
        var platform: String
    }

    /// The page as `scope`'s shop shows it: reviews from other platforms say where they come from.
    init(product: String, page: ReviewPage, scope: ReviewScope? = nil, cursors: ReviewCursor) {
        self.product = product
        reviews = page.reviews.map { review in
            // A syndicated review's poster and captions are under the product it was filed as.
            let base = "\(ProductPage.path(review.productID))/clips"
            // `disclosures` are the platform's, as logged; the labels add a purchase Vouch verified otherwise.
            var labelled = review.words?.disclosures
            labelled?.verifiedPurchase = review.verifiedPurchase
            return Review(clip: review.clipID, score: review.score, explanation: Explanation(review.explanation, score: review.score),
                          reviewer: Reviewer(handle: review.reviewerHandle, platform: review.platformID), createdAt: review.createdAt,
                          logIndex: review.logIndex, provenance: review.provenance, rating: review.words?.rating, title: review.words?.title,
                          text: review.words?.text, language: review.words?.language, disclosures: review.words?.disclosures,
                          labels: labelled?.labels ?? (review.verifiedPurchase ? ["Verified purchase"] : []),
                          verifiedPurchase: review.verifiedPurchase,
                          media: Media(video: review.renditionKey.map { "/media/\($0)" },
                                       poster: review.posterKey.map { "/media/\($0)" } ?? "\(base)/\(review.clipID)/poster.jpg",
                                       captions: review.hasCaptions ? "\(base)/\(review.clipID)/captions.vtt" : nil),
                          syndicatedFrom: scope.flatMap { $0.platform == review.platformID ? nil : Origin(
                              platform: review.platformID, platformName: review.platformName, product: review.productID) })
        }
        nextCursor = page.next.map(cursors.encode)
    }
}

extension ReviewsBody.Explanation {
    /// The parts of a stored explanation; a clip published without one shows its score as every part.
    init(_ explanation: ScoreExplanation?, score: Double) {
        if let explanation {
            self.init(identityAssurance: explanation.parts.identityAssurance, originality: explanation.parts.originality,
                      reviewerTrust: explanation.parts.reviewerTrust, verdict: explanation.verdict, flags: explanation.flags)
        } else {
            self.init(identityAssurance: score, originality: score, reviewerTrust: score, verdict: .unexplained, flags: [])
        }
    }
}

/// How a viewer relates to a reviewer on the viewer's platform: "you follow this reviewer",
/// "2 people you follow or know relate to this reviewer".
struct PersonalTrustBody: Encodable, Sendable, Equatable {
    /// The viewer's own relation to the reviewer: follows, friend or vouches-for.
    var direct: String?
    /// People the viewer relates to who relate to the reviewer.
    var contacts: Int
    var explanation: [String]
}
