import SQLKit

extension Schema {
    /// Syndication: each platform's products by GTIN, so one product's reviews can be
    /// shown on another platform's page for it; and each platform's choice to show other
    /// platforms' reviews and to share its own. A platform without a row shows none and shares.
    @Sendable static func createSyndicationTables(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "product_codes")
            .column("platform_id", type: .text, .notNull, .references("platforms", "id"))
            .column("product_id", type: .text, .notNull)
            .column("gtin", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("platform_id", "product_id")
            .run()
        try await db.create(index: "product_codes_by_gtin").on("product_codes").column("gtin").run()
        try await db.create(table: "platform_syndication")
            .column("platform_id", type: .text, .primaryKey(autoIncrement: false), .references("platforms", "id"))
            .column("shows_syndicated", type: .boolean, .notNull)
            .column("shares_reviews", type: .boolean, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
