import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Held clips matching `filter`, oldest first, `limit` at a time after clip `after`.
    public func moderationQueue(_ filter: ModerationQueueFilter = ModerationQueueFilter(), after: Int64 = 0, limit: Int = 50) async throws -> ModerationQueuePage {
        let limit = max(1, min(limit, 500))
        return try await database.run { db in
            let condition = Self.queueCondition(filter)
            let total = try await db.raw("SELECT COUNT(*) AS n FROM clips c WHERE " + condition).first()?.decode(column: "n", as: Int.self) ?? 0
            let select: SQLQueryString = "SELECT c.id, c.platform_id, c.product_id, c.verdict, c.score, c.created_at, r.account, r.identity_id "
                + "FROM clips c JOIN reviewers r ON r.id = c.reviewer_id WHERE "
            let rows = try await db.raw(select + condition + " AND c.id > \(bind: after) ORDER BY c.id LIMIT \(bind: limit + 1)").all()
            var entries = try rows.prefix(limit).map { row in
                ModerationQueueEntry(
                    clipID: try row.decode(column: "id", as: Int64.self), platformID: try row.decode(column: "platform_id", as: String.self),
                    productID: try row.decode(column: "product_id", as: String.self), reviewerAccount: try row.decode(column: "account", as: String.self),
                    identityID: try row.decode(column: "identity_id", as: Int64.self), verdict: try row.decode(column: "verdict", as: String?.self).map(Verdict.init(rawValue:)),
                    score: try row.decode(column: "score", as: Double?.self), flagKinds: [],
                    createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
            }
            let kinds = try await Self.flagKinds(of: entries.map(\.clipID), in: db)
            for index in entries.indices { entries[index].flagKinds = kinds[entries[index].clipID] ?? [] }
            return ModerationQueuePage(entries: entries, total: total, nextAfter: rows.count > limit ? entries.last?.clipID : nil)
        }
    }

    /// The flag kinds present on held clips, and every registered platform, sorted.
    public func moderationQueueFacets() async throws -> ModerationQueueFacets {
        try await database.run { db in
            let kinds = try await db.raw("""
                SELECT DISTINCT f.kind FROM clip_flags f JOIN clips c ON c.id = f.clip_id
                WHERE c.status = \(bind: ClipStatus.flagged.rawValue) ORDER BY f.kind
                """).all().map { FlagKind(rawValue: try $0.decode(column: "kind", as: String.self)) }
            let platforms = try await db.select().column("id").from("platforms").orderBy("id").all()
                .map { try $0.decode(column: "id", as: String.self) }
            return ModerationQueueFacets(flagKinds: kinds, platforms: platforms)
        }
    }

    private static func queueCondition(_ filter: ModerationQueueFilter) -> SQLQueryString {
        var condition: SQLQueryString = "c.status = \(bind: ClipStatus.flagged.rawValue)"
        if let platform = filter.platform {
            condition += " AND c.platform_id = \(bind: platform)"
        }
        if let kind = filter.flagKind {
            condition += " AND EXISTS (SELECT 1 FROM clip_flags f WHERE f.clip_id = c.id AND f.kind = \(bind: kind.rawValue))"
        }
        return condition
    }

    private static func flagKinds(of clips: [Int64], in db: any SQLDatabase) async throws -> [Int64: [FlagKind]] {
        guard !clips.isEmpty else { return [:] }
        var kinds: [Int64: [FlagKind]] = [:]
        for row in try await db.select().columns("clip_id", "kind").from("clip_flags").where("clip_id", .in, clips).orderBy("id").all() {
            let clip = try row.decode(column: "clip_id", as: Int64.self)
            let kind = FlagKind(rawValue: try row.decode(column: "kind", as: String.self))
            if kinds[clip]?.contains(kind) != true { kinds[clip, default: []].append(kind) }
        }
        return kinds
    }
}
