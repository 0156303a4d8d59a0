import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Applies a moderator's decision: the clip's status, the reference bank, the index,
    /// the identity's reputation and ban, the decision row, its review-log entry and its
    /// audit entries, all in one transaction.
    ///
    /// The status change is conditional on the clip still being decidable, so two
    /// moderators deciding the same clip at once cannot both succeed.
    @discardableResult
    public func decide(_ action: ModerationAction, clip id: Int64, moderator: String, reason: String) async throws -> ModerationDecision {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ModerationError.reasonMissing }
        let now = nowMilliseconds
        let actor = "moderator:\(moderator)"
        return try await database.transaction { db in
            guard let row = try await db.select().columns(ClipRecord.columns).from("clips").where("id", .equal, id).first() else {
                throw ModerationError.clipNotFound(id)
            }
            let clip = try ClipRecord(row: row)
            var update = db.update("clips").set("status", to: SQLBind(action.resultingStatus.rawValue)).set("updated_at", to: SQLBind(now))
            if action == .markReference { update = update.set("is_reference", to: SQLBind(true)) }
            guard try await update.where("id", .equal, id).where("status", .in, action.decidableStatuses.map(\.rawValue))
                .returning("id").first() != nil
            else { throw ModerationError.notDecidable(clip: id, status: clip.status, action: action) }

            let identity = try await identityID(ofReviewer: clip.reviewerID, in: db)
            try await db.raw("""
                UPDATE identities SET reputation = reputation + \(bind: action.reputationChange)\(unsafeRaw: action == .banIdentity ? ", banned = TRUE" : "")
                WHERE id = \(bind: identity)
                """).run()
            if action == .reject || action == .banIdentity {
                try await removeFromIndex(clip: id, actor: actor, reason: reason, in: db, now: now)
            }
            guard let inserted = try await db.insert(into: "moderation_decisions").columns("clip_id", "moderator", "action", "reason", "created_at")
                .values(SQLBind(id), SQLBind(moderator), SQLBind(action.rawValue), SQLBind(reason), SQLBind(now))
                .returning(ModerationDecision.columns.map { SQLColumn($0) }).first()
            else { throw StoreError.corruptRecord("new moderation decision") }
            try await appendAudit(db, actor: actor, action: "moderation.\(action.rawValue)", subject: "clip:\(id)", detail: [
                "reason": reason, "identity": "\(identity)", "from": clip.status.rawValue, "to": action.resultingStatus.rawValue,
                "reputation": "\(action.reputationChange)",
            ])
            try await announceDecision(action, clip: id, in: db, now: now)
            if action == .banIdentity {
                let held = try await holdPublishedClips(of: identity, besides: id, in: db, now: now)
                try await appendAudit(db, actor: actor, action: "identity.banned", subject: "identity:\(identity)", detail: [
                    "reason": reason, "clip": "\(id)", "held": held.map(String.init).joined(separator: ","),
                ])
            }
            return try ModerationDecision(row: inserted)
        }
    }

    /// The decisions taken about a clip, oldest first.
    public func decisions(clip id: Int64) async throws -> [ModerationDecision] {
        try await database.run { db in
            try await db.select().columns(ModerationDecision.columns).from("moderation_decisions").where("clip_id", .equal, id)
                .orderBy("id").all().map(ModerationDecision.init(row:))
        }
    }

    /// What every decided clip tells the world: its review-log entry and its platform's webhooks.
    func announceDecision(_ action: ModerationAction, clip id: Int64, in db: any SQLDatabase, now: Int64) async throws {
        try await logChange(of: id, .moderated, decision: action.rawValue, in: db, now: now)
        try await enqueueWebhookDeliveries(clip: id, in: db, now: now)
    }

    private func identityID(ofReviewer reviewer: Int64, in db: any SQLDatabase) async throws -> Int64 {
        guard let row = try await db.select().column("identity_id").from("reviewers").where("id", .equal, reviewer).first() else {
            throw StoreError.notFound("reviewer \(reviewer)")
        }
        return try row.decode(column: "identity_id", as: Int64.self)
    }

    /// Moves a banned identity's published clips back to the queue, each flagged
    /// `banned-identity`, so none stays in front of shoppers unreviewed.
    private func holdPublishedClips(of identity: Int64, besides clip: Int64, in db: any SQLDatabase, now: Int64) async throws -> [Int64] {
        let held = try await db.raw("""
            UPDATE clips SET status = \(bind: ClipStatus.flagged.rawValue), updated_at = \(bind: now)
            WHERE status = \(bind: ClipStatus.published.rawValue) AND id <> \(bind: clip)
              AND reviewer_id IN (SELECT id FROM reviewers WHERE identity_id = \(bind: identity))
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: Int64.self) }.sorted()
        for heldClip in held {
            try await db.insert(into: "clip_flags").columns("clip_id", "kind", "detail", "evidence", "created_at")
                .values(SQLBind(heldClip), SQLBind(FlagKind.bannedIdentity.rawValue), SQLBind("the reviewer's identity \(identity) was banned"),
                        SQLBind("{\"bannedWithClip\":\(clip)}"), SQLBind(now))
                .run()
            try await logChange(of: heldClip, .held, in: db, now: now)
            try await enqueueWebhookDeliveries(clip: heldClip, in: db, now: now)
        }
        return held
    }
}
