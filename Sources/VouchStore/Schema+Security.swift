import SQLKit

extension Schema {
    /// Secrets every process of a deployment shares (the key that signs shopper cursors),
    /// and the moderator login throttle, kept in the store so that every API process
    /// counts the same failures.
    @Sendable static func createSecurityTables(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "shared_secrets")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("secret", type: .blob, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "login_failures")
            .column("throttle_key", type: .text, .primaryKey(autoIncrement: false))
            .column("failures", type: .bigint, .notNull)
            .column("window_start", type: .bigint, .notNull)
            .column("blocked_until", type: .bigint, .notNull)
            .run()
    }
}
