import SQLKit

extension Schema {
    /// The fleet-wide registry that used to live in each host's settings file: platforms'
    /// attestation keys and API-key hashes, moderators, and the operators' tokens for the
    /// admin API. `registry_state` holds one counter that every change raises in the same
    /// transaction, so a running process learns of a change with one small read.
    @Sendable static func createRegistryTables(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "platform_keys")
            .column("platform_id", type: .text, .notNull, .references("platforms", "id"))
            .column("kid", type: .text, .notNull)
            .column("key", type: .text, .notNull)
            .column("added_at", type: .bigint, .notNull)
            .column("retires_at", type: .bigint)
            .primaryKey("platform_id", "kid")
            .run()
        try await db.create(table: "platform_api_keys")
            .column("sha256", type: .text, .primaryKey(autoIncrement: false))
            .column("platform_id", type: .text, .notNull, .references("platforms", "id"))
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint)
            .run()
        try await db.create(table: "moderators")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("role", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "operator_tokens")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("sha256", type: .text, .notNull, .unique)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "registry_state")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("version", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "registry_state").columns("name", "version").values(SQLBind("registry"), SQLBind(Int64(1))).run()
    }
}
