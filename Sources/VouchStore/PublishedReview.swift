import Foundation
import VouchLog
import VouchModel
import VouchProvenance

/// A published clip as shoppers see it: its score and why, and who the reviewer is in
/// public terms. Internal ids of reviewers and identities stay in the store.
public struct PublishedReview: Sendable, Equatable {
    public var clipID: Int64
    public var score: Double
    /// The pipeline's explanation of the score (see `Docs/scoring.md`); nil for a clip scored without one.
    public var explanation: ScoreExplanation?
    public var platformID: String
    public var platformName: String
    /// The product id the review was filed under: the one asked for, or, syndicated, another with its GTIN.
    public var productID: String
    /// The reviewer's public handle on their platform, if the platform gave one.
    public var reviewerHandle: String?
    /// The reviewer's identity, to relate it to a shopper's social graph; never shown.
    public var reviewerIdentity: Int64
    public var createdAt: Date
    /// The review's latest entry in the review log, which shoppers can have proved.
    public var logIndex: Int64?
    /// The clip's verified C2PA content credentials; nil for clips analysed before they were read.
    public var provenance: Provenance?
    /// The rating, words and disclosures; nil for a clip uploaded alone.
    public var words: ReviewWords?
    /// Whether the platform, the attestation or a purchase signal verified the purchase.
    public var verifiedPurchase: Bool
    public var hasCaptions: Bool
    /// The web rendition's and poster's keys in the media store; nil until made.
    public var renditionKey: String?
    public var posterKey: String?
    /// Whether the viewer of a ``ReviewQuery/Sort/known`` ranking relates to the reviewer.
    public var knownToViewer: Bool

    /// Where this review stands in its product's ranking, for the next page to start after.
    public var position: RankingPosition {
        RankingPosition(score: score, clipID: clipID, rating: words?.rating ?? 0, known: knownToViewer)
    }
}

/// A place in a product's ranking, whichever order it is in: the last review's score,
/// clip id, stars and whether the viewer knows its reviewer, each order comparing the ones it sorts by.
public struct RankingPosition: Sendable, Hashable {
    public var score: Double
    public var clipID: Int64
    public var rating: Int
    public var known: Bool

    public init(score: Double, clipID: Int64, rating: Int = 0, known: Bool = false) {
        self.score = score
        self.clipID = clipID
        self.rating = rating
        self.known = known
    }
}

/// One page of a product's ranking, and where the next page starts if there is one.
public struct ReviewPage: Sendable, Equatable {
    public var reviews: [PublishedReview]
    public var next: RankingPosition?
}
