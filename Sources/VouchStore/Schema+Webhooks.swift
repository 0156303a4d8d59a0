import SQLKit

extension Schema {
    /// Webhook registrations, their outbox of deliveries and the log of every attempt;
    /// the index that serves a product's published clips best first, and the ones that
    /// find what changed since a time and who relates to a shopper.
    @Sendable static func createWebhooksAndShopperIndex(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "webhooks")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("platform_id", type: .text, .notNull, .references("platforms", "id"))
            .column("url", type: .text, .notNull)
            .column("events", type: .text, .notNull)
            .column("secret", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "webhooks_by_platform").on("webhooks").column("platform_id").run()

        try await db.create(table: "webhook_deliveries")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("webhook_id", type: .bigint, .notNull, .references("webhooks", "id", onDelete: .cascade))
            .column("event", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("attempts", type: .bigint, .notNull, .default(0))
            .column("next_attempt_at", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("finished_at", type: .bigint)
            .run()
        try await db.create(index: "webhook_deliveries_due").on("webhook_deliveries").column("state").column("next_attempt_at").run()
        try await db.create(index: "webhook_deliveries_by_webhook").on("webhook_deliveries").column("webhook_id").run()

        try await db.create(table: "webhook_attempts")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("delivery_id", type: .bigint, .notNull, .references("webhook_deliveries", "id", onDelete: .cascade))
            .column("attempt", type: .bigint, .notNull)
            .column("at", type: .bigint, .notNull)
            .column("status_code", type: .bigint)
            .column("error", type: .text)
            .column("duration_ms", type: .double, .notNull)
            .run()
        try await db.create(index: "webhook_attempts_by_delivery").on("webhook_attempts").column("delivery_id").run()

        try await db.create(index: "clips_ranked").on("clips").column("product_id").column("status").column("score").column("id").run()
        try await db.create(index: "clips_by_update").on("clips").column("updated_at").run()
        try await db.create(index: "social_edges_by_target").on("social_edges").column("platform_id").column("target_account").run()
    }
}
