import Foundation
import SQLKit

/// A moderator's recorded decision about one clip, with the reason they gave.
public struct ModerationDecision: Sendable, Equatable {
    public var id: Int64
    public var clipID: Int64
    public var moderator: String
    public var action: ModerationAction
    public var reason: String
    public var createdAt: Date

    static let columns = ["id", "clip_id", "moderator", "action", "reason", "created_at"]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        clipID = try row.decode(column: "clip_id", as: Int64.self)
        moderator = try row.decode(column: "moderator", as: String.self)
        let text = try row.decode(column: "action", as: String.self)
        guard let action = ModerationAction(rawValue: text) else { throw StoreError.corruptRecord("moderation action '\(text)'") }
        self.action = action
        reason = try row.decode(column: "reason", as: String.self)
        createdAt = Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self))
    }
}
