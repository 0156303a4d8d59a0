import Foundation
import SQLKit

/// Brings a database to the newest schema, one recorded step at a time.
///
/// Each step runs in its own transaction together with its row in `schema_migrations`,
/// so a crash mid-migration leaves the database at the previous version. Several
/// processes starting at once on PostgreSQL serialise on an advisory lock.
struct Migrator {
    let database: StoreDatabase
    let migrations: [Migration]

    init(database: StoreDatabase, migrations: [Migration] = Schema.migrations) {
        self.database = database
        self.migrations = migrations
    }

    var latestVersion: Int { migrations.map(\.version).max() ?? 0 }

    /// Applies every step newer than the database; returns the versions applied.
    @discardableResult
    func migrate() async throws -> [Int] {
        let engine = database.engine
        // The lock comes before the first table is touched: PostgreSQL's CREATE TABLE IF NOT
        // EXISTS is not safe against itself, and two processes starting at once on an empty
        // database would otherwise both try to create the table, and one fail.
        try await database.transaction { db in
            try await Self.lock(db, engine)
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .bigint, .notNull)
                .run()
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let didApply = try await database.transaction { db in
                try await Self.lock(db, engine)
                let done = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).first()
                guard done == nil else { return false }
                try await migration.apply(db, engine)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Int64(Date().timeIntervalSince1970 * 1000)))
                    .run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        let current = try await currentVersion()
        if current > latestVersion { throw StoreError.schemaTooNew(found: current, supported: latestVersion) }
        return applied
    }

    /// Serialises migrating processes until the transaction ends (PostgreSQL; SQLite's
    /// transactions already take the one write lock).
    private static func lock(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        guard engine == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(7734201)").run()
    }

    /// The newest version recorded in the database, 0 for an empty one.
    func currentVersion() async throws -> Int {
        try await database.run { db in
            let row = try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
            return try row?.decodeNil(column: "version") == false ? try row!.decode(column: "version", as: Int.self) : 0
        }
    }
}
