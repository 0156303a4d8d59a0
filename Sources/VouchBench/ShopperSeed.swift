import Crypto
import Foundation
import VouchEncoding
import VouchModel
import VouchStore

/// The published reviews `vouch bench shopper` writes: clips spread evenly over products
/// named `product-1`…, by one reviewer for every five clips, scored with random parts,
/// each with the words and media keys a real review carries, so a page has a real size.
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
                                              verdict: .original),
                content: Self.content(product: "product-\(product)", using: &generator),
                media: ClipMedia(renditionKey: "renditions/\(Self.hex(using: &generator)).mp4", posterKey: "posters/\(Self.hex(using: &generator)).jpg")
            )
        }
    }

    /// A review as a shop's customers write them: mostly four and five stars, a title of
    /// 20–60 characters, a text of 100–600, about 5% incentivised and 1% by an insider.
    static func content(product: String, using generator: inout some RandomNumberGenerator) -> SubmittedContent {
        let stars = Int.random(in: 0..<100, using: &generator)
        let rating = stars < 4 ? 1 : stars < 8 ? 2 : stars < 16 ? 3 : stars < 42 ? 4 : 5
        let kind = Int.random(in: 0..<100, using: &generator)
        let incentives: [Disclosures.Incentive] = [.freeProduct, .discount, .payment]
        let insiders: [Disclosures.Relationship] = [.employee, .brand, .affiliate]
        let incentive = kind < 5 ? incentives[Int.random(in: 0..<incentives.count, using: &generator)] : Disclosures.Incentive.none
        let relationship = kind == 5 ? insiders[Int.random(in: 0..<insiders.count, using: &generator)] : Disclosures.Relationship.none
        let disclosures = Disclosures(verifiedPurchase: Int.random(in: 0..<10, using: &generator) < 7, incentive: incentive, relationship: relationship,
                                      source: incentive == .none ? .organic : .invited)
        let review = ReviewContent(product: product, rating: rating, title: sentence(length: Int.random(in: 20...60, using: &generator), using: &generator),
                                   text: sentence(length: Int.random(in: 100...600, using: &generator), using: &generator),
                                   language: "en", disclosures: disclosures)
        // The digest of the part as a platform would send it: its JSON.
        let part = (try? JSONEncoder.document.encode(review)) ?? Data()
        return SubmittedContent(review: review, reviewSHA256: SHA256.hash(data: part).hexEncodedString)
    }

    /// English-looking words to exactly `length` characters, capitalised, ending in a full stop.
    static func sentence(length: Int, using generator: inout some RandomNumberGenerator) -> String {
        var words: [String] = []
        var count = -1
        while count < length {
            let word = vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)]
            words.append(word)
            count += word.count + 1
        }
        let body = words.joined(separator: " ").prefix(length - 1)
        return String(body.prefix(1)).uppercased() + String(body.dropFirst()) + "."
    }

    static func hex(using generator: inout some RandomNumberGenerator) -> String {
        (0..<4).map { _ in String(format: "%016llx", generator.next()) }.joined()
    }

    private static let vocabulary = [
        "the", "sound", "battery", "lasts", "all", "day", "and", "fits", "well", "in", "my", "bag", "after", "two", "weeks", "of", "daily", "use",
        "colour", "is", "exactly", "as", "shown", "setup", "took", "minutes", "would", "buy", "again", "a", "little", "heavier", "than", "expected",
        "but", "feels", "solid", "kids", "love", "it", "stopped", "working", "returned", "customer", "service", "was", "quick", "zip", "strap",
        "comfortable", "price", "worth", "every", "penny", "arrived", "early", "packaging", "video", "shows", "how", "it", "works",
    ]
}
