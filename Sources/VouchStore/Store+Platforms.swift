import SQLKit

extension Store {
    /// Records a platform's row, without keys or API keys, so clips and edges can refer to
    /// it: what seeding and tests use. Platforms that call the API are registered with
    /// ``registerPlatform(id:name:keys:apiKeySHA256:by:)``.
    public func register(platform id: String, name: String) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await db.insert(into: "platforms").columns("id", "name", "created_at")
                .values(SQLBind(id), SQLBind(name), SQLBind(now))
                .onConflict(with: ["id"]) { try $0.set("name", to: SQLBind(name)) }
                .run()
        }
    }

    /// Holds `platform`'s row until the transaction ends (on PostgreSQL; SQLite's
    /// transactions already hold the one write lock), so per-platform quotas are counted
    /// and filled by one transaction at a time.
    func lockPlatform(_ platform: String, in db: any SQLDatabase) async throws {
        guard database.engine == .postgres else { return }
        _ = try await db.raw("SELECT id FROM platforms WHERE id = \(bind: platform) FOR UPDATE").first()
    }
}
