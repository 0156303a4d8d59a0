import Foundation
import SQLKit

extension Store {
    /// Registers a webhook for `platform`, unless it already has `limit`; then throws
    /// ``StoreError/quotaExceeded(_:limit:)``. The count and the insert share one transaction
    /// holding the platform's row, so concurrent registrations cannot pass the limit.
    ///
    /// The secret signs every delivery; the store keeps it because signing needs it (a
    /// hash would not do), and the API shows it only once.
    public func createWebhook(platform: String, url: String, events: [WebhookEvent], secret: String, limit: Int = .max) async throws -> Webhook {
        let now = nowMilliseconds
        let eventList = events.map(\.rawValue).joined(separator: ",")
        return try await database.transaction { db in
            try await lockPlatform(platform, in: db)
            let held = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "held").from("webhooks")
                .where("platform_id", .equal, platform).first()?.decode(column: "held", as: Int.self) ?? 0
            guard held < limit else { throw StoreError.quotaExceeded("webhooks", limit: limit) }
            guard let row = try await db.insert(into: "webhooks").columns("platform_id", "url", "events", "secret", "created_at")
                .values(SQLBind(platform), SQLBind(url), SQLBind(eventList), SQLBind(try secrets.seal(secret)), SQLBind(now))
                .returning("id").first()
            else { throw StoreError.corruptRecord("new webhook") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await appendAudit(db, actor: "platform:\(platform)", action: "webhook.created", subject: "webhook:\(id)",
                                  detail: ["url": url, "events": eventList])
            return Webhook(id: id, platformID: platform, url: url, events: events, createdAt: Date(storeMilliseconds: now))
        }
    }

    /// A platform's webhooks, oldest first; never another platform's.
    public func webhooks(platform: String) async throws -> [Webhook] {
        try await database.run { db in
            try await db.select().columns("id", "platform_id", "url", "events", "created_at").from("webhooks")
                .where("platform_id", .equal, platform).orderBy("id").all().map(Self.webhook(row:))
        }
    }

    /// The webhook `id` if `platform` owns it.
    public func webhook(id: Int64, platform: String) async throws -> Webhook? {
        try await database.run { db in
            try await db.select().columns("id", "platform_id", "url", "events", "created_at").from("webhooks")
                .where("id", .equal, id).where("platform_id", .equal, platform).first().map(Self.webhook(row:))
        }
    }

    /// Deletes `platform`'s webhook `id` with its deliveries and their log (by cascade); false when the platform has no such webhook.
    @discardableResult
    public func deleteWebhook(id: Int64, platform: String) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.select().column("id").from("webhooks").where("id", .equal, id).where("platform_id", .equal, platform).first() != nil
            else { return false }
            try await db.delete(from: "webhooks").where("id", .equal, id).run()
            try await appendAudit(db, actor: "platform:\(platform)", action: "webhook.deleted", subject: "webhook:\(id)")
            return true
        }
    }

    /// Seals webhook secrets stored before this store had a key, once it has one.
    func sealStoredSecrets() async throws {
        guard secrets.hasKey else { return }
        try await database.transaction { db in
            let plain = try await db.select().columns("id", "secret").from("webhooks")
                .where("secret", .notLike, SQLBind(SecretSeal.prefix + "%")).all()
            for row in plain {
                let sealed = try secrets.seal(try row.decode(column: "secret", as: String.self))
                try await db.update("webhooks").set("secret", to: SQLBind(sealed)).where("id", .equal, try row.decode(column: "id", as: Int64.self)).run()
            }
        }
    }

    private static func webhook(row: any SQLRow) throws -> Webhook {
        let events = try row.decode(column: "events", as: String.self).split(separator: ",").compactMap { WebhookEvent(rawValue: String($0)) }
        return Webhook(id: try row.decode(column: "id", as: Int64.self), platformID: try row.decode(column: "platform_id", as: String.self),
                       url: try row.decode(column: "url", as: String.self), events: events,
                       createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }
}
