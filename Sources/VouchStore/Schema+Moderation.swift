import SQLKit

extension Schema {
    /// Moderator sessions, and the indexes the moderation queue reads by.
    ///
    /// A session row holds only the SHA-256 of its id, so a copy of the database does not
    /// let anyone act as a logged-in moderator.
    @Sendable static func createModerationTables(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "moderator_sessions")
            .column("id_sha256", type: .text, .primaryKey(autoIncrement: false))
            .column("moderator", type: .text, .notNull)
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "moderator_sessions_by_expiry").on("moderator_sessions").column("expires_at").run()
        try await db.create(index: "clips_by_status").on("clips").column("status").column("id").run()
        try await db.create(index: "clip_flags_by_kind").on("clip_flags").column("kind").column("clip_id").run()
        try await db.create(index: "moderation_decisions_by_clip").on("moderation_decisions").column("clip_id").run()
        try await db.create(index: "reviewers_by_identity").on("reviewers").column("identity_id").run()
    }
}
