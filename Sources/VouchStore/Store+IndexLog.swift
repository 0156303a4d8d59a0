import Foundation
import SQLKit

/// One change to the set of indexed clips, in commit order on SQLite and in sequence
/// order on PostgreSQL (where a sequence number can commit after a later one: see
/// the index follower in the pipeline).
public struct IndexChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case insert, remove
    }

    public var sequence: Int64
    public var clipID: Int64
    public var kind: Kind
    public var at: Date
}

extension Store {
    func appendIndexChange(_ kind: IndexChange.Kind, clip: Int64, in db: any SQLDatabase, now: Int64) async throws {
        try await db.insert(into: "index_log").columns("clip_id", "change", "at")
            .values(SQLBind(clip), SQLBind(kind.rawValue), SQLBind(now)).run()
    }

    /// Changes with a sequence number above `sequence`, oldest first.
    public func indexChanges(after sequence: Int64, limit: Int = 1000) async throws -> [IndexChange] {
        try await database.run { db in
            try await db.select().columns("seq", "clip_id", "change", "at").from("index_log")
                .where("seq", .greaterThan, sequence).orderBy("seq").limit(limit).all().map { row in
                    let text = try row.decode(column: "change", as: String.self)
                    guard let kind = IndexChange.Kind(rawValue: text) else { throw StoreError.corruptRecord("index change '\(text)'") }
                    return IndexChange(sequence: try row.decode(column: "seq", as: Int64.self), clipID: try row.decode(column: "clip_id", as: Int64.self),
                                       kind: kind, at: Date(storeMilliseconds: try row.decode(column: "at", as: Int64.self)))
                }
        }
    }

    /// The newest index change's sequence number, 0 when there is none.
    public func latestIndexSequence() async throws -> Int64 {
        try await database.run { db in
            let row = try await db.raw("SELECT MAX(seq) AS seq FROM index_log").first()
            return try row?.decode(column: "seq", as: Int64?.self) ?? 0
        }
    }

    /// The fingerprints of indexed clips with ids above `clip`, in id order: start-up
    /// loading, a page at a time.
    public func indexedFingerprints(after clip: Int64, limit: Int = 2000) async throws -> [(clipID: Int64, fingerprint: Data)] {
        try await database.run { db in
            try await db.select().columns("id", "fingerprint").from("clips")
                .where("in_index", .equal, true).where("id", .greaterThan, clip).orderBy("id").limit(limit).all().compactMap { row in
                    guard let data = try row.decode(column: "fingerprint", as: Data?.self) else { return nil }
                    return (try row.decode(column: "id", as: Int64.self), data)
                }
        }
    }

    /// Takes a clip out of every process's index, recording who did it and why.
    public func removeFromIndex(clip: Int64, actor: String, reason: String) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await removeFromIndex(clip: clip, actor: actor, reason: reason, in: db, now: now)
        }
    }

    /// Takes a clip out of the index inside the caller's transaction; nothing when it is not in it.
    func removeFromIndex(clip: Int64, actor: String, reason: String, in db: any SQLDatabase, now: Int64) async throws {
        guard try await db.update("clips").set("in_index", to: SQLBind(false)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, clip).where("in_index", .equal, true).returning("id").first() != nil
        else { return }
        try await appendIndexChange(.remove, clip: clip, in: db, now: now)
        try await appendAudit(db, actor: actor, action: "index.removed", subject: "clip:\(clip)", detail: ["reason": reason])
    }
}

extension Store {
    /// Indexed clips a new clip is compared with directly, besides what the index proposes:
    /// the same product's, and the reference bank's, newest first, created before it.
    public func sweepCandidates(for clip: ClipRecord, limit: Int) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        return try await database.run { db in
            try await db.select().column("id").from("clips")
                .where("in_index", .equal, true).where("id", .lessThan, clip.id)
                .where { $0.where("product_id", .equal, clip.productID).orWhere("is_reference", .equal, true) }
                .orderBy("id", .descending).limit(limit).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
        }
    }
}
