import SQLKit

extension Schema {
    /// Shoppers' demand signals as platforms send them, one row per event (idempotent per
    /// platform and event id), and what the periodic recomputation makes of them: raw and
    /// trusted totals per window, product and kind, and the coordinated bursts it found.
    @Sendable static func createDemandTables(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "demand_events")
            .column("platform_id", type: .text, .notNull, .references("platforms", "id"))
            .column("event_id", type: .text, .notNull)
            .column("account", type: .text, .notNull)
            .column("product", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .column("quantity", type: .bigint, .notNull)
            .primaryKey("platform_id", "event_id")
            .run()
        try await db.create(index: "demand_events_by_time").on("demand_events").column("at").run()
        try await db.create(table: "demand_totals")
            .column("window_days", type: .bigint, .notNull)
            .column("product", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("raw", type: .bigint, .notNull)
            .column("trusted", type: .double, .notNull)
            .column("people", type: .bigint, .notNull)
            .column("trusted_people", type: .double, .notNull)
            .primaryKey("window_days", "product", "kind")
            .run()
        try await db.create(index: "demand_totals_ranked").on("demand_totals").column("window_days").column("kind").column("trusted").run()
        try await db.create(table: "demand_anomalies")
            .column("window_days", type: .bigint, .notNull)
            .column("product", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("from_at", type: .bigint, .notNull)
            .column("to_at", type: .bigint, .notNull)
            .column("people", type: .bigint, .notNull)
            .column("low_trust_people", type: .bigint, .notNull)
            .column("sample", type: .text, .notNull)
            .run()
        try await db.create(index: "demand_anomalies_by_product").on("demand_anomalies").column("product").column("window_days").run()
        try await db.create(table: "demand_state")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("computed_at", type: .bigint, .notNull)
            .run()
    }
}
