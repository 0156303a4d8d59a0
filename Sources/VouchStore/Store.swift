import Foundation
import Logging
import SQLKit

/// Vouch's durable state: platforms, reviewers, clips and their evidence, moderation,
/// the audit log and the job queue, over SQLite or PostgreSQL through one code path.
///
/// Operations are grouped by concern in `Store+*.swift`. Each that changes several rows
/// runs in one transaction and writes its audit entry in the same transaction.
public struct Store: Sendable {
    public let database: StoreDatabase
    public let clock: any WallClock
    public let queue: QueuePolicy
    /// Seals the secrets the store keeps (webhook signing secrets).
    let secrets: SecretSeal
    /// The review log's upper nodes and known size, kept once read.
    let logCache = LogNodeCache()

    /// Opens the database at `location`, brings its schema up to date, and (once, on a
    /// store that had reviews before it had a review log) logs the reviews already published.
    public static func open(
        _ location: StoreLocation, clock: any WallClock = SystemClock(), queue: QueuePolicy = QueuePolicy(),
        secrets: SecretSeal = .none, logger: Logger = Logger(label: "vouch.store")
    ) async throws -> Store {
        let database = try await StoreDatabase.open(location, logger: logger)
        do {
            try await Migrator(database: database).migrate()
        } catch {
            try? await database.close()
            throw error
        }
        let store = Store(database: database, clock: clock, queue: queue, secrets: secrets)
        do {
            try await store.backfillReviewLog()
            try await store.sealStoredSecrets()
        } catch {
            try? await database.close()
            throw error
        }
        return store
    }

    public func close() async throws {
        try await database.close()
    }

    var nowMilliseconds: Int64 { clock.now().storeMilliseconds }
}
