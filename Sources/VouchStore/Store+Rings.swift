import Foundation
import SQLKit
import VouchModel

/// A clip as ring detection reads it: whose, for what, when.
public struct ReviewedClip: Sendable, Equatable {
    public var clipID: Int64
    public var identityID: Int64
    public var productID: String
    public var createdAt: Date
}

extension Store {
    /// Every analysed clip that reached shoppers or moderators, every confirmed match
    /// between two clips (not those of common content alone), and every mutual tie between two identities (friends, or each
    /// following the other): what ring detection works from.
    public func ringInputs() async throws -> (clips: [ReviewedClip], matches: [(Int64, Int64)], ties: [(Int64, Int64)]) {
        try await database.run { db in
            let clips = try await db.raw("""
                SELECT c.id, r.identity_id, c.product_id, c.created_at FROM clips c JOIN reviewers r ON r.id = c.reviewer_id
                WHERE c.status IN (\(bind: ClipStatus.published.rawValue), \(bind: ClipStatus.flagged.rawValue)) AND c.is_reference = \(bind: false)
                """).all().map { row in
                    ReviewedClip(clipID: try row.decode(column: "id", as: Int64.self), identityID: try row.decode(column: "identity_id", as: Int64.self),
                                 productID: try row.decode(column: "product_id", as: String.self),
                                 createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
                }
            let matches = try await db.select().columns("clip_id", "matched_clip_id").from("matches")
                .where("common_content_only", .equal, false).all().map { row in
                (try row.decode(column: "clip_id", as: Int64.self), try row.decode(column: "matched_clip_id", as: Int64.self))
            }
            let ties = try await db.raw("""
                SELECT DISTINCT a.identity_id AS first, b.identity_id AS second FROM social_edges e
                JOIN reviewers a ON a.platform_id = e.platform_id AND a.account = e.source_account
                JOIN reviewers b ON b.platform_id = e.platform_id AND b.account = e.target_account
                WHERE a.identity_id <> b.identity_id AND (e.kind = 'friend' OR EXISTS (
                    SELECT 1 FROM social_edges back WHERE back.platform_id = e.platform_id
                    AND back.source_account = e.target_account AND back.target_account = e.source_account))
                """).all().map { row in
                    (try row.decode(column: "first", as: Int64.self), try row.decode(column: "second", as: Int64.self))
                }
            return (clips, matches, ties)
        }
    }

    /// Flags a ring's clips for moderators with its evidence, holding published ones back
    /// from shoppers; clips already flagged as part of a ring are left alone. Returns how
    /// many clips were newly flagged.
    @discardableResult
    public func flagRing(clips: [Int64], detail: String, evidence: String) async throws -> Int {
        let now = nowMilliseconds
        return try await database.transaction { db in
            var flagged = 0
            var held: [Int64] = []
            for clip in clips {
                let existing = try await db.select().column("id").from("clip_flags")
                    .where("clip_id", .equal, clip).where("kind", .equal, FlagKind.ring.rawValue).first()
                guard existing == nil else { continue }
                try await db.insert(into: "clip_flags").columns("clip_id", "kind", "detail", "evidence", "created_at")
                    .values(SQLBind(clip), SQLBind(FlagKind.ring.rawValue), SQLBind(detail), SQLBind(evidence), SQLBind(now)).run()
                if try await db.update("clips").set("status", to: SQLBind(ClipStatus.flagged.rawValue)).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, clip).where("status", .equal, ClipStatus.published.rawValue).returning("id").first() != nil {
                    held.append(clip)
                }
                try await appendAudit(db, actor: "system", action: "clip.ring-flagged", subject: "clip:\(clip)", detail: ["ring": detail])
                flagged += 1
            }
            // Every clip row first, the log's head last, as every other writer does: no lock-order deadlock on PostgreSQL.
            for clip in held {
                try await logChange(of: clip, .held, in: db, now: now)
                try await enqueueWebhookDeliveries(clip: clip, in: db, now: now)
            }
            return flagged
        }
    }
}
