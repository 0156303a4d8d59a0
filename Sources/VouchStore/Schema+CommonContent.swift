import SQLKit

extension Schema {
    /// The common-content bank: short fingerprint excerpts (an app's end card, a channel's
    /// intro) that matches are discounted for, learned by the pipeline or banked by a moderator;
    /// and which stored matches lie in common content only (shown as evidence, no copy).
    @Sendable static func createCommonContentBank(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.create(table: "common_content")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("fingerprint", type: .blob, .notNull)
            .column("seconds", type: .double, .notNull)
            .column("source", type: .text, .notNull)
            .column("added_by", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("seen_in", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.alter(table: "matches")
            .column("common_content_only", type: .boolean, .notNull, .default(SQLLiteral.boolean(false)))
            .run()
    }
}
