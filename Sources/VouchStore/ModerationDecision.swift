import Foundation

/// A moderator's recorded decision about one clip, with the reason they gave.
public struct ModerationDecision: Sendable, Equatable, Decodable {
    public var id: Int64
    public var clipID: Int64
    public var moderator: String
    public var action: ModerationAction
    public var reason: String
    public var createdAt: Date

    static let columns = ["id", "clip_id", "moderator", "action", "reason", "created_at"]
}

extension ModerationDecision: StoredRecord {}
