import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Writes `count` published clips spread evenly over `products` products (`product-1`…),
    /// by `count / 5` reviewers of `platform`, with score parts drawn from `generator`:
    /// no media and no jobs. For benchmarks and demos of the shopper API, never a live store.
    public func seedPublishedClips(count: Int, products: Int, platform: String, using generator: inout some RandomNumberGenerator) async throws {
        let now = nowMilliseconds
        let batch = "\(now)-\(generator.next() % 1_000_000)"
        let parts = (0..<count).map { _ in
            (Double.random(in: 0..<1, using: &generator), Double.random(in: 0..<1, using: &generator), Double.random(in: 0..<1, using: &generator))
        }
        let reviewerCount = max(1, count / 5)
        try await database.transaction { db in
            for chunk in Array(0..<products).chunked(into: 500) {
                var insert = db.insert(into: "products").columns("id", "name", "created_at")
                for product in chunk { insert = insert.values(SQLBind("product-\(product + 1)"), SQLBind("Product \(product + 1)"), SQLBind(now)) }
                try await insert.ignoringConflicts(with: ["id"]).run()
            }
            var reviewers: [Int64] = []
            for chunk in Array(0..<reviewerCount).chunked(into: 500) {
                var identities = db.insert(into: "identities").columns("created_at")
                for _ in chunk { identities = identities.values(SQLBind(now)) }
                let identityIDs = try await identities.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
                var insert = db.insert(into: "reviewers").columns("platform_id", "account", "identity_id", "handle", "created_at")
                for (number, identity) in zip(chunk, identityIDs) {
                    insert = insert.values(SQLBind(platform), SQLBind("seeded-\(batch)-\(number)"), SQLBind(identity), SQLBind("reviewer\(number)"), SQLBind(now))
                }
                reviewers += try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            for chunk in Array(0..<count).chunked(into: 500) {
                var insert = db.insert(into: "clips").columns("platform_id", "reviewer_id", "product_id", "content_sha256", "byte_count", "attestation_id",
                                                             "status", "verdict", "score", "explanation", "created_at", "updated_at")
                for number in chunk {
                    let (identity, originality, trust) = parts[number]
                    let score = 0.3 * identity + 0.45 * originality + 0.25 * trust
                    let explanation = #"{"flags":[],"matches":[],"score":{"identityAssurance":\#(identity),"originality":\#(originality),"reviewerTrust":\#(trust),"score":\#(score)},"verdict":"original"}"#
                    insert = insert.values(SQLBind(platform), SQLBind(reviewers[number % reviewers.count]), SQLBind("product-\(number % products + 1)"),
                                           SQLBind(String(format: "%064x", number)), SQLBind(0), SQLBind("seeded-\(batch)-\(number)"),
                                           SQLBind(ClipStatus.published.rawValue), SQLBind("original"), SQLBind(score), SQLBind(explanation),
                                           SQLBind(now), SQLBind(now))
                }
                try await insert.run()
            }
            try await appendAudit(db, actor: "system", action: "store.seeded", subject: "platform:\(platform)",
                                  detail: ["clips": "\(count)", "products": "\(products)"])
        }
    }
}
