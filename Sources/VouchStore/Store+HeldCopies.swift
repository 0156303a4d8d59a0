import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Held clips whose every flag is a copy flag (of another identity's clip, or of
    /// reference footage), oldest first: the ones common content may have held wrongly.
    public func clipsHeldOnlyAsCopies() async throws -> [Int64] {
        let copyFlags = [FlagKind.copyOfOtherIdentity, .referenceFootage].map(\.rawValue)
        return try await database.run { db in
            try await db.raw("""
                SELECT c.id FROM clips c
                WHERE c.status = \(bind: ClipStatus.flagged.rawValue)
                  AND EXISTS (SELECT 1 FROM clip_flags f WHERE f.clip_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM clip_flags f WHERE f.clip_id = c.id AND f.kind NOT IN (\(binds: copyFlags)))
                ORDER BY c.id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
    }

    /// Publishes a clip held only as a copy once its matches turned out to be common
    /// content: its new explanation and matches, an audit entry by the system, and the
    /// review-log entry and webhooks of an approval (but no moderator's decision, and no
    /// reputation: no person vouched for it). False when the clip is no longer held.
    @discardableResult
    public func releaseHeldCopy(clip id: Int64, explanation: ScoreExplanation, matches: [ClipMatch], reason: String) async throws -> Bool {
        let now = nowMilliseconds
        return try await database.transaction { db in
            guard try await db.update("clips").set("status", to: SQLBind(ClipStatus.published.rawValue))
                .set("verdict", to: SQLBind(explanation.verdict.rawValue)).set("score", to: SQLBind(explanation.parts.score))
                .set("explanation", to: SQLBind(try StoredJSON.text(of: explanation))).set("updated_at", to: SQLBind(now))
                .where("id", .equal, id).where("status", .equal, ClipStatus.flagged.rawValue).returning("id").first() != nil
            else { return false }
            try await db.delete(from: "matches").where("clip_id", .equal, id).run()
            for match in matches {
                try await db.insert(into: "matches").columns("clip_id", "matched_clip_id", "score", "alignment", "common_content_only", "created_at")
                    .values(SQLBind(id), SQLBind(match.matchedClipID), SQLBind(match.score), SQLBind(match.alignment),
                            SQLBind(match.commonContentOnly), SQLBind(now)).run()
            }
            try await appendAudit(db, actor: "system", action: "moderation.released", subject: "clip:\(id)", detail: [
                "reason": reason, "from": ClipStatus.flagged.rawValue, "to": ClipStatus.published.rawValue,
                "verdict": explanation.verdict.rawValue, "score": String(format: "%.3f", explanation.parts.score),
            ])
            try await announceDecision(.approve, clip: id, in: db, now: now)
            return true
        }
    }
}
