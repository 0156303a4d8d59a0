import Foundation
import SQLKit

/// A person as Vouch knows them: one or more reviewer accounts, linked by a reviewer key.
public struct IdentityRecord: Sendable, Equatable, Decodable {
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
                .where("id", .equal, id).first(decoding: IdentityRecord.self, with: .snakeCaseColumns)
        }
    }
}
