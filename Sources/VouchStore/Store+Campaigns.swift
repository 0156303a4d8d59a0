import Foundation
import SQLKit

/// The body of a `demand.threshold` delivery.
struct CampaignPayload: Encodable {
    struct Body: Encodable {
        var id: Int64
        var product: String
        var variant: String
        var title: String
        var threshold: Double
        var trusted: Double
        var raw: Int64
        var people: Int
        var crossedAt: Date
    }
    var id: String
    var event: String
    var createdAt: Date
    var campaign: Body
}

extension Store {
    /// Opens a campaign; audited under `actor`.
    public func openCampaign(_ campaign: NewCampaign, by actor: String) async throws -> Campaign {
        let now = nowMilliseconds
        let id = try await database.transaction { db in
            guard let row = try await db.insert(into: "campaigns")
                .columns("platform_id", "product", "variant", "title", "threshold", "opens_at", "closes_at", "created_at")
                .values(SQLBind(campaign.platformID), SQLBind(campaign.product), SQLBind(campaign.variant), SQLBind(campaign.title),
                        SQLBind(campaign.threshold), SQLBind(campaign.opensAt.storeMilliseconds), SQLBind(campaign.closesAt.storeMilliseconds),
                        SQLBind(now))
                .returning("id").first() else { throw StoreError.corruptRecord("new campaign") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await self.appendAudit(db, actor: actor, action: "campaign.opened", subject: "campaign:\(id)",
                                       detail: ["product": campaign.product, "threshold": "\(campaign.threshold)"])
            return id
        }
        guard let opened = try await self.campaign(id: id) else { throw StoreError.notFound("campaign \(id)") }
        return opened
    }

    public func campaign(id: Int64) async throws -> Campaign? {
        try await database.run { db in try await Self.campaignQuery(db).where("id", .equal, id).first().map(Campaign.init(row:)) }
    }

    /// Campaigns for `products` (all when nil), newest first.
    public func campaigns(products: [String]? = nil, platform: String? = nil) async throws -> [Campaign] {
        try await database.run { db in
            var query = Self.campaignQuery(db)
            if let products {
                guard !products.isEmpty else { return [] }
                query = query.where("product", .in, SQLBind.group(products))
            }
            if let platform { query = query.where("platform_id", .equal, platform) }
            return try await query.orderBy("id", .descending).limit(500).all().map(Campaign.init(row:))
        }
    }

    /// Records a campaign's recomputed intent; the first time it reaches the threshold, marks
    /// it crossed and queues `demand.threshold` to its platform's subscribed webhooks, in the
    /// same transaction (the outbox pattern: sent once, if and only if recorded).
    public func recordIntent(campaign id: Int64, raw: Int64, trusted: Double, people: Int) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await db.update("campaigns").set("raw", to: SQLBind(raw)).set("trusted", to: SQLBind(trusted))
                .set("people", to: SQLBind(Int64(people))).where("id", .equal, id).run()
            guard let crossed = try await db.update("campaigns").set("crossed_at", to: SQLBind(now))
                .where("id", .equal, id).where("crossed_at", .is, SQLLiteral.null).where("threshold", .lessThanOrEqual, SQLBind(trusted))
                .returning("platform_id", "product", "variant", "title", "threshold").first() else { return }
            try await self.appendAudit(db, actor: "system", action: "campaign.threshold-reached", subject: "campaign:\(id)",
                                       detail: ["trusted": "\(trusted)", "raw": "\(raw)"])
            let payload = CampaignPayload(id: UUID().uuidString.lowercased(), event: WebhookEvent.demandThreshold.rawValue,
                                          createdAt: Date(storeMilliseconds: now), campaign: .init(
                id: id, product: try crossed.decode(column: "product", as: String.self), variant: try crossed.decode(column: "variant", as: String.self),
                title: try crossed.decode(column: "title", as: String.self), threshold: try crossed.decode(column: "threshold", as: Double.self),
                trusted: trusted, raw: raw, people: people, crossedAt: Date(storeMilliseconds: now)))
            try await self.enqueue(.demandThreshold, payload: payload, platform: try crossed.decode(column: "platform_id", as: String.self), in: db, now: now)
        }
    }

    private static func campaignQuery(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().columns("id", "platform_id", "product", "variant", "title", "threshold", "opens_at", "closes_at", "raw", "trusted", "people", "crossed_at")
            .from("campaigns")
    }
}
