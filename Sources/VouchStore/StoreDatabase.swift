import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLiteKit
import SQLKit

/// One SQL code path over both engines.
///
/// Everything above this type speaks SQLKit; only here do the engines differ: SQLite is
/// one connection in WAL mode whose users pass a ``SerialGate`` (SQLite serialises
/// writers anyway), PostgreSQL is a connection pool whose transactions pin a connection.
public final class StoreDatabase: Sendable {
    /// Which engine serves the store; the few statements that differ ask this.
    public enum Engine: String, Sendable {
        case sqlite, postgres
    }

    public let engine: Engine
    public let location: StoreLocation
    private let sql: any SQLDatabase
    private let gate: SerialGate?
    private let closer: @Sendable () async throws -> Void

    private init(engine: Engine, location: StoreLocation, sql: any SQLDatabase, gate: SerialGate?, closer: @escaping @Sendable () async throws -> Void) {
        self.engine = engine
        self.location = location
        self.sql = sql
        self.gate = gate
        self.closer = closer
    }

    /// Opens the database and checks that it answers.
    public static func open(_ location: StoreLocation, logger: Logger = Logger(label: "vouch.store")) async throws -> StoreDatabase {
        let database: StoreDatabase
        switch location {
        case .sqlite(let path):
            database = try await openSQLite(path: path, location: location, logger: logger)
        case .postgres(let url):
            database = try openPostgres(url: url, location: location, logger: logger)
        }
        do {
            _ = try await database.run { try await $0.raw("SELECT 1").all() }
        } catch {
            try? await database.close()
            throw StoreError.unavailable(location.description, reason: String(describing: error))
        }
        return database
    }

    private static func openSQLite(path: String, location: StoreLocation, logger: Logger) async throws -> StoreDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            // Only the service's user may read the store: it holds reviewers' data and secrets.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                // SQLite gives its -wal and -shm files the database file's mode.
                FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
        } catch {
            throw StoreError.unavailable(location.description, reason: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError.unavailable(location.description, reason: String(describing: error))
        }
        let sql = connection.sql(queryLogLevel: .trace)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
            try await sql.raw(SQLQueryString(pragma)).run()
        }
        return StoreDatabase(engine: .sqlite, location: location, sql: sql, gate: SerialGate()) {
            try await connection.close()
        }
    }

    private static func openPostgres(url: String, location: StoreLocation, logger: Logger) throws -> StoreDatabase {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError.invalidLocation(location.description, reason: "not a PostgreSQL URL: \(error)")
        }
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: 4,
            requestTimeout: .seconds(30),
            pruneInterval: .seconds(60),
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton
        )
        let sql = pool.database(logger: logger).sql(queryLogLevel: .trace)
        // The pool guards its state with locks but predates Sendable annotations.
        nonisolated(unsafe) let shared = pool
        return StoreDatabase(engine: .postgres, location: location, sql: sql, gate: nil) {
            try await shared.shutdownAsync()
        }
    }

    /// Runs statements that need no transaction.
    public func run<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        do {
            guard let gate else { return try await body(sql) }
            let sql = self.sql
            return try await gate.passing { try await body(sql) }
        } catch {
            throw classified(error)
        }
    }

    /// Runs `body` in one transaction: all of its statements take effect, or none.
    ///
    /// On SQLite the transaction starts `IMMEDIATE`, taking the write lock at once, so
    /// that two processes never both read and then both try to write.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let begin = engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        let transact: @Sendable (any SQLDatabase) async throws -> R = { session in
            try await session.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
        do {
            guard let gate else { return try await sql.withSession(transact) }
            let sql = self.sql
            return try await gate.passing { try await transact(sql) }
        } catch {
            throw classified(error)
        }
    }

    /// Closes the connection or pool; the database is unusable afterwards.
    public func close() async throws {
        try await closer()
    }
}
