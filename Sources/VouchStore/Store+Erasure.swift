import Foundation
import SQLKit
import VouchEncoding
import VouchModel

/// What erasing a reviewer touched.
public struct Erasure: Sendable, Equatable {
    /// The reviewer's clips, now `erased`.
    public var clips: [Int64]
}

extension Store {
    /// Erases what a platform's reviewer `account` gave Vouch (GDPR art. 17): every clip's
    /// words and captions, its media (the media sweep deletes the objects), the handle,
    /// the account name, the reviewer binding's salt, and the account's social edges and
    /// demand signals on that platform. Clips that shoppers could see get a `moderated`
    /// log entry with the decision `erased`, so the log, which holds digests only, stays
    /// complete and verifiable; with the salt gone, no entry can be linked to the person.
    public func eraseReviewer(platform: String, account: String, by actor: String) async throws -> Erasure {
        let now = nowMilliseconds
        return try await database.transaction { db in
            guard let reviewer = try await db.select().column("id").from("reviewers")
                .where("platform_id", .equal, platform).where("account", .equal, account).first()?.decode(column: "id", as: Int64.self)
            else { throw StoreError.notFound("reviewer '\(account)' of platform '\(platform)'") }
            let rows = try await db.select().columns("id", "log_index").from("clips").where("reviewer_id", .equal, reviewer)
                .where("status", .notEqual, ClipStatus.erased.rawValue).orderBy("id").all()
            let clips = try rows.map { try $0.decode(column: "id", as: Int64.self) }
            let logged = try rows.filter { try $0.decode(column: "log_index", as: Int64?.self) != nil }.map { try $0.decode(column: "id", as: Int64.self) }
            var erase = db.update("clips").set("status", to: SQLBind(ClipStatus.erased.rawValue))
                .set("erased_at", to: SQLBind(now)).set("updated_at", to: SQLBind(now))
            for column in ["rating", "title", "review_text", "language", "disclosures", "captions", "reviewer_signature"] {
                erase = erase.set(column, to: SQLLiteral.null)
            }
            try await erase.where("reviewer_id", .equal, reviewer).where("status", .notEqual, ClipStatus.erased.rawValue).run()
            try await forgetReviewerBinding(reviewer, in: db)
            for clip in logged { try await logChange(of: clip, .moderated, decision: "erased", in: db, now: now) }
            // logChange gave the reviewer a fresh salt for those entries; it goes too.
            try await forgetReviewerBinding(reviewer, in: db)
            try await db.update("reviewers").set("handle", to: SQLLiteral.null)
                .set("account", to: SQLBind("erased-" + RandomSecret.bytes(12).hexEncodedString)).where("id", .equal, reviewer).run()
            try await db.delete(from: "social_edges").where("platform_id", .equal, platform)
                .where { $0.where("source_account", .equal, account).orWhere("target_account", .equal, account) }.run()
            try await db.delete(from: "demand_events").where("platform_id", .equal, platform).where("account", .equal, account).run()
            try await appendAudit(db, actor: actor, action: "reviewer.erased", subject: "reviewer:\(reviewer)", detail: ["clips": "\(clips.count)"])
            return Erasure(clips: clips)
        }
    }

    private func forgetReviewerBinding(_ reviewer: Int64, in db: any SQLDatabase) async throws {
        try await db.update("reviewers").set("binding_salt", to: SQLLiteral.null).where("id", .equal, reviewer).run()
    }
}
