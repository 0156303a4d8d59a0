import Foundation
import SQLKit

/// A reviewer account on one platform, and the identity it belongs to.
public struct ReviewerRecord: Sendable, Equatable, Decodable {
    public var id: Int64
    public var platformID: String
    public var account: String
    public var identityID: Int64
    public var handle: String?
    public var accountCreatedAt: Date?
}

extension ReviewerRecord: StoredRecord {}

extension Store {
    /// Finds or creates the reviewer of a submission, inside its transaction.
    ///
    /// A reviewer key links accounts: an account proving a key that another account already
    /// proved joins that account's identity, so reputation follows the person. Only keys
    /// proven by the reviewer's own signature reach here (``ClipSubmission/provenReviewerKey``).
    func reviewer(for submission: ClipSubmission, in db: any SQLDatabase, now: Int64) async throws -> Int64 {
        let keyIdentity = try await submission.provenReviewerKey.asyncFlatMap { key in
            try await db.select().column("id").from("identities").where("public_key", .equal, key).first()
                .map { try $0.decode(column: "id", as: Int64.self) }
        }
        if let row = try await db.select().columns("id", "identity_id").from("reviewers")
            .where("platform_id", .equal, submission.platformID).where("account", .equal, submission.reviewerAccount).first() {
            let reviewerID = try row.decode(column: "id", as: Int64.self)
            let identityID = try row.decode(column: "identity_id", as: Int64.self)
            if let key = submission.provenReviewerKey {
                try await link(reviewer: reviewerID, from: identityID, toKey: key, keyIdentity: keyIdentity, in: db, now: now)
            }
            return reviewerID
        }
        let identityID: Int64
        if let keyIdentity {
            identityID = keyIdentity
        } else {
            identityID = try await newIdentity(publicKey: submission.provenReviewerKey, in: db, now: now)
        }
        guard let inserted = try await db.insert(into: "reviewers")
            .columns("platform_id", "account", "identity_id", "handle", "account_created_at", "created_at")
            .values(SQLBind(submission.platformID), SQLBind(submission.reviewerAccount), SQLBind(identityID),
                    SQLBind(submission.reviewerHandle), SQLBind(submission.accountCreatedAt?.storeMilliseconds), SQLBind(now))
            .returning("id").first()
        else { throw StoreError.corruptRecord("new reviewer") }
        return try inserted.decode(column: "id", as: Int64.self)
    }

    private func link(reviewer: Int64, from identityID: Int64, toKey key: String, keyIdentity: Int64?, in db: any SQLDatabase, now: Int64) async throws {
        if let keyIdentity {
            guard keyIdentity != identityID else { return }
            try await db.update("reviewers").set("identity_id", to: SQLBind(keyIdentity)).where("id", .equal, reviewer).run()
            try await appendAudit(db, actor: "system", action: "identity.linked", subject: "identity:\(keyIdentity)",
                                  detail: ["reviewer": "\(reviewer)", "previous_identity": "\(identityID)"])
        } else {
            try await db.update("identities").set("public_key", to: SQLBind(key))
                .where("id", .equal, identityID).where("public_key", .is, SQLLiteral.null).run()
        }
    }

    private func newIdentity(publicKey: String?, in db: any SQLDatabase, now: Int64) async throws -> Int64 {
        guard let row = try await db.insert(into: "identities").columns("public_key", "created_at")
            .values(SQLBind(publicKey), SQLBind(now)).returning("id").first()
        else { throw StoreError.corruptRecord("new identity") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// The reviewer with row id `id`.
    public func reviewer(id: Int64) async throws -> ReviewerRecord? {
        try await database.run { db in
            try await db.select().columns("id", "platform_id", "account", "identity_id", "handle", "account_created_at")
                .from("reviewers").where("id", .equal, id).first().map(ReviewerRecord.init(row:))
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
