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

    init(product: String, page: ReviewPage, cursors: ReviewCursor) {
        self.product = product
        reviews = page.reviews.map { review in
            Review(clip: review.clipID, score: review.score, explanation: Explanation(review.explanation, score: review.score),
                   reviewer: Reviewer(handle: review.reviewerHandle, platform: review.platformID), createdAt: review.createdAt,
                   logIndex: review.logIndex, provenance: review.provenance)
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
