import Foundation
import SQLKit

/// Where a keyframe sits in its clip, without its JPEG: enough to lay out a page that
/// fetches the images one by one.
public struct KeyframePosition: Sendable, Equatable {
    public var position: Int
    public var timestamp: Double
}

extension Store {
    /// Every reviewer account linked into `identity`, oldest first.
    public func reviewers(identity: Int64) async throws -> [ReviewerRecord] {
        try await database.run { db in
            try await db.select().columns("id", "platform_id", "account", "identity_id", "handle", "account_created_at")
                .from("reviewers").where("identity_id", .equal, identity).orderBy("id").all().map(ReviewerRecord.init(row:))
        }
    }

    /// The positions and times of a clip's stored keyframes, in order.
    public func keyframePositions(clip id: Int64) async throws -> [KeyframePosition] {
        try await database.run { db in
            try await db.select().columns("position", "timestamp").from("thumbnails").where("clip_id", .equal, id)
                .orderBy("position").all().map { row in
                    KeyframePosition(position: try row.decode(column: "position", as: Int.self), timestamp: try row.decode(column: "timestamp", as: Double.self))
                }
        }
    }

    /// One keyframe's JPEG, or nil when the clip has no keyframe at `position`.
    public func keyframeJPEG(clip id: Int64, position: Int) async throws -> Data? {
        try await database.run { db in
            try await db.select().column("jpeg").from("thumbnails").where("clip_id", .equal, id).where("position", .equal, position)
                .first().map { try $0.decode(column: "jpeg", as: Data.self) }
        }
    }
}
