import Foundation
import SQLKit

/// A person as Vouch knows them: one or more reviewer accounts, linked by a reviewer key.
public struct IdentityRecord: Sendable, Equatable {
    public var id: Int64
    public var publicKey: String?
    /// Moderation record: approvals raise it, rejections and bans lower it.
    public var reputation: Double
    /// Trust from the social graph, 0–1.
    public var trust: Double
    public var banned: Bool
}

extension Store {
    public func identity(id: Int64) async throws -> IdentityRecord? {
        try await database.run { db in
            try await db.select().columns("id", "public_key", "reputation", "trust", "banned").from("identities")
                .where("id", .equal, id).first().map { row in
                    IdentityRecord(id: try row.decode(column: "id", as: Int64.self),
                                   publicKey: try row.decode(column: "public_key", as: String?.self),
                                   reputation: try row.decode(column: "reputation", as: Double.self),
                                   trust: try row.decode(column: "trust", as: Double.self),
                                   banned: try row.decode(column: "banned", as: Bool.self))
                }
        }
    }

    /// Whether another clip still waiting for analysis shares this spooled file.
    public func isSpoolPathPending(_ path: String, besides clip: Int64) async throws -> Bool {
        try await database.run { db in
            try await db.select().column("id").from("clips").where("spool_path", .equal, path).where("id", .notEqual, clip)
                .where("status", .in, [ClipStatus.received.rawValue, ClipStatus.processing.rawValue]).first() != nil
        }
    }
}
