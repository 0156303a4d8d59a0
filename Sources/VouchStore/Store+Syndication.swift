import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Records that `platform` sells `product` under `gtin`; nil forgets it. Audited.
    public func setGTIN(_ gtin: GTIN?, product: String, platform: String) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            if let gtin {
                try await db.insert(into: "product_codes").columns("platform_id", "product_id", "gtin", "updated_at")
                    .values(SQLBind(platform), SQLBind(product), SQLBind(gtin.digits), SQLBind(now))
                    .onConflict(with: ["platform_id", "product_id"]) { $0.set(excludedValueOf: "gtin").set(excludedValueOf: "updated_at") }.run()
            } else {
                try await db.delete(from: "product_codes").where("platform_id", .equal, platform).where("product_id", .equal, product).run()
            }
            try await appendAudit(db, actor: "platform:\(platform)", action: gtin == nil ? "catalog.gtin-removed" : "catalog.gtin-set",
                                  subject: "product:\(product)", detail: gtin.map { ["gtin": $0.digits] } ?? [:])
        }
    }

    /// The GTIN `platform` gave `product`, if any.
    public func gtin(product: String, platform: String) async throws -> GTIN? {
        try await database.run { db in
            try await db.select().column("gtin").from("product_codes").where("platform_id", .equal, platform).where("product_id", .equal, product)
                .first()?.decode(column: "gtin", as: String.self)
        }.map { try GTIN($0) }
    }

    /// Sets `platform`'s syndication choice. Audited.
    public func setSyndication(_ policy: SyndicationPolicy, platform: String) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await db.insert(into: "platform_syndication").columns("platform_id", "shows_syndicated", "shares_reviews", "updated_at")
                .values(SQLBind(platform), SQLBind(policy.showSyndicated), SQLBind(policy.shareReviews), SQLBind(now))
                .onConflict(with: ["platform_id"]) {
                    $0.set(excludedValueOf: "shows_syndicated").set(excludedValueOf: "shares_reviews").set(excludedValueOf: "updated_at")
                }.run()
            try await appendAudit(db, actor: "platform:\(platform)", action: "syndication.set", subject: "platform:\(platform)",
                                  detail: ["showSyndicated": "\(policy.showSyndicated)", "shareReviews": "\(policy.shareReviews)"])
        }
    }

    /// `platform`'s syndication choice, or ``SyndicationPolicy/standard`` if it never chose.
    public func syndication(platform: String) async throws -> SyndicationPolicy {
        try await database.run { db in
            guard let row = try await db.select().columns("shows_syndicated", "shares_reviews").from("platform_syndication")
                .where("platform_id", .equal, platform).first()
            else { return .standard }
            return SyndicationPolicy(showSyndicated: try row.decode(column: "shows_syndicated", as: Bool.self),
                                     shareReviews: try row.decode(column: "shares_reviews", as: Bool.self))
        }
    }

    /// `product` as `platform`'s page shows it: with every product sharing its GTIN, and
    /// the platform's choice to show them. Nil when no such platform is registered.
    public func reviewScope(product: String, platform: String) async throws -> ReviewScope? {
        guard try await isRegisteredPlatform(platform) else { return nil }
        let policy = try await syndication(platform: platform)
        let same: [String] = try await database.run { db in
            try await db.raw("""
                SELECT DISTINCT o.product_id FROM product_codes p JOIN product_codes o ON o.gtin = p.gtin
                WHERE p.platform_id = \(bind: platform) AND p.product_id = \(bind: product) AND o.product_id <> \(bind: product)
                ORDER BY o.product_id LIMIT 100
                """).all().map { try $0.decode(column: "product_id", as: String.self) }
        }
        return ReviewScope(platform: platform, products: [product] + same, showsSyndicated: policy.showSyndicated)
    }

    private func isRegisteredPlatform(_ platform: String) async throws -> Bool {
        try await database.run { db in
            try await db.select().column("id").from("platforms").where("id", .equal, platform).first() != nil
        }
    }
}
