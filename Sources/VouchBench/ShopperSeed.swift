import Foundation
import VouchModel
import VouchStore

/// The published reviews `vouch bench shopper` writes: clips spread evenly over products
/// named `product-1`…, by one reviewer for every five clips, scored with random parts.
struct ShopperSeed {
    var clips: Int
    var products: Int
    /// Makes accounts and attestation IDs unique to this run, so a store can be seeded twice.
    var batch: String

    func reviews(using generator: inout some RandomNumberGenerator) -> [ImportedReview] {
        let reviewers = max(1, clips / 5)
        return (0..<clips).map { number in
            let identity = Double.random(in: 0..<1, using: &generator)
            let originality = Double.random(in: 0..<1, using: &generator)
            let trust = Double.random(in: 0..<1, using: &generator)
            let score = 0.3 * identity + 0.45 * originality + 0.25 * trust
            let product = number % products + 1
            let reviewer = number % reviewers
            return ImportedReview(
                product: "product-\(product)", productName: "Product \(product)",
                reviewerAccount: "seeded-\(batch)-\(reviewer)", reviewerHandle: "reviewer\(reviewer)",
                attestationID: "seeded-\(batch)-\(number)", contentSHA256: String(format: "%064x", number),
                explanation: ScoreExplanation(parts: ScoreParts(score: score, identityAssurance: identity, originality: originality, reviewerTrust: trust),
                                              verdict: .original)
            )
        }
    }
}
