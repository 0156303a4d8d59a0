import Foundation
import SQLKit

extension Store {
    /// Starts a session under the SHA-256 of its id, and records the login.
    public func startModeratorSession(idSHA256: String, _ session: ModeratorSession) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await db.delete(from: "moderator_sessions").where("expires_at", .lessThanOrEqual, now).run()
            try await db.insert(into: "moderator_sessions").columns("id_sha256", "moderator", "csrf_token", "created_at", "expires_at")
                .values(SQLBind(idSHA256), SQLBind(session.moderator), SQLBind(session.csrfToken),
                        SQLBind(session.createdAt.storeMilliseconds), SQLBind(session.expiresAt.storeMilliseconds))
                .run()
            try await appendAudit(db, actor: "moderator:\(session.moderator)", action: "moderator.login", subject: "moderator:\(session.moderator)",
                                  detail: ["expires": "\(session.expiresAt.storeMilliseconds)"])
        }
    }

    /// The live session whose id hashes to `idSHA256`; nil when there is none or it expired.
    public func moderatorSession(idSHA256: String) async throws -> ModeratorSession? {
        let now = nowMilliseconds
        return try await database.run { db in
            try await db.select().columns("moderator", "csrf_token", "created_at", "expires_at").from("moderator_sessions")
                .where("id_sha256", .equal, idSHA256).where("expires_at", .greaterThan, now).first().map { row in
                    ModeratorSession(moderator: try row.decode(column: "moderator", as: String.self),
                                     csrfToken: try row.decode(column: "csrf_token", as: String.self),
                                     createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
                                     expiresAt: Date(storeMilliseconds: try row.decode(column: "expires_at", as: Int64.self)))
                }
        }
    }

    /// Ends a session (logout); records it when the session existed.
    public func endModeratorSession(idSHA256: String) async throws {
        try await database.transaction { db in
            guard let row = try await db.delete(from: "moderator_sessions").where("id_sha256", .equal, idSHA256)
                .returning("moderator").first()
            else { return }
            let moderator = try row.decode(column: "moderator", as: String.self)
            try await appendAudit(db, actor: "moderator:\(moderator)", action: "moderator.logout", subject: "moderator:\(moderator)")
        }
    }

    /// Records a refused login for a known moderator name, so repeated guessing shows in the audit log.
    public func recordFailedLogin(moderator: String, reason: String) async throws {
        try await database.transaction { db in
            try await appendAudit(db, actor: "system", action: "moderator.login-refused", subject: "moderator:\(moderator)", detail: ["reason": reason])
        }
    }
}
