import SQLKit

extension Schema {
    /// Covering indexes for the shopper's neighbourhood: edges by target with their kind and
    /// source, and reviewers by identity with their platform and account. Without statistics
    /// SQLite otherwise prefers scanning the covering primary key by platform (a million
    /// edges, 0.3 s a personal page; Docs/benchmarks.md) to seeking the narrower indexes.
    @Sendable static func coverSocialLookups(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.drop(index: "social_edges_by_target").run()
        try await db.create(index: "social_edges_by_target").on("social_edges")
            .column("platform_id").column("target_account").column("kind").column("source_account").run()
        try await db.drop(index: "reviewers_by_identity").run()
        try await db.create(index: "reviewers_by_identity").on("reviewers").column("identity_id").column("platform_id").column("account").run()
    }
}
