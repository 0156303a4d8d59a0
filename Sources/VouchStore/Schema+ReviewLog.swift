import SQLKit

extension Schema {
    /// The review log beside the store: its entries, the hashes of its complete subtrees
    /// (the lower eight levels in 256-leaf tiles, the rest keyed by `TreeNode.key`), its
    /// signed checkpoints and its head; each clip's latest
    /// entry, and each reviewer's binding salt.
    @Sendable static func createReviewLog(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        // On SQLite an INTEGER PRIMARY KEY is the row id itself: one B-tree, no second index.
        let key = engine == .sqlite ? "INTEGER" : "BIGINT"
        let bytes = engine == .sqlite ? "BLOB" : "BYTEA"
        try await db.raw("CREATE TABLE log_entries (leaf_index \(unsafeRaw: key) PRIMARY KEY, clip_id BIGINT, entry TEXT NOT NULL, created_at BIGINT NOT NULL)").run()
        try await db.create(index: "log_entries_by_clip").on("log_entries").column("clip_id").run()
        try await db.raw("CREATE TABLE log_tiles (block \(unsafeRaw: key) PRIMARY KEY, hashes \(unsafeRaw: bytes) NOT NULL)").run()
        try await db.raw("CREATE TABLE log_nodes (node_key \(unsafeRaw: key) PRIMARY KEY, hash \(unsafeRaw: bytes) NOT NULL)").run()
        try await db.create(table: "log_checkpoints")
            .column("tree_size", type: .bigint, .primaryKey(autoIncrement: false))
            .column("root", type: .blob, .notNull)
            .column("note", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "log_head")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("size", type: .bigint, .notNull)
            .column("verifier", type: .text)
            .column("backfilled", type: .boolean, .notNull, .default(false))
            .run()
        try await db.insert(into: "log_head").columns("id", "size").values(SQLBind(1), SQLBind(0)).run()
        try await db.alter(table: "clips").column("log_index", type: .bigint).run()
        try await db.alter(table: "reviewers").column("binding_salt", type: .blob).run()
    }
}
