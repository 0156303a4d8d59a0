import Foundation
import SQLKit
import VouchIdentity

extension Store {
    /// Copies the platforms and moderators of a settings file written before they moved into
    /// the store. What the store already holds wins, so every process of a fleet may run this
    /// at start with its own file; returns the names it copied, each audited as `system`.
    public func importRegistry(platforms: [RegisteredPlatform], moderators: [RegisteredModerator]) async throws -> [String] {
        let now = nowMilliseconds
        return try await database.transaction { db in
            var imported: [String] = []
            for platform in platforms where try await Self.importPlatform(platform, at: now, in: db) {
                try await self.appendAudit(db, actor: "system", action: "platform.imported", subject: "platform:\(platform.id)",
                                           detail: ["from": "settings file"])
                imported.append("platform \(platform.id)")
            }
            for moderator in moderators {
                let inserted = try await db.insert(into: "moderators").columns("name", "role", "password_hash", "created_at")
                    .values(SQLBind(moderator.name), SQLBind(moderator.role.rawValue), SQLBind(moderator.passwordHash), SQLBind(now))
                    .ignoringConflicts(with: ["name"]).returning("name").first()
                guard inserted != nil else { continue }
                try await self.appendAudit(db, actor: "system", action: "moderator.imported", subject: "moderator:\(moderator.name)",
                                           detail: ["from": "settings file"])
                imported.append("moderator \(moderator.name)")
            }
            if !imported.isEmpty {
                try await db.update("registry_state").set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                    .where("name", .equal, "registry").run()
            }
            return imported
        }
    }

    /// Inserts a platform that the registry does not know yet; false when it does.
    private static func importPlatform(_ platform: RegisteredPlatform, at now: Int64, in db: any SQLDatabase) async throws -> Bool {
        try await db.insert(into: "platforms").columns("id", "name", "created_at")
            .values(SQLBind(platform.id), SQLBind(platform.name), SQLBind(now)).ignoringConflicts(with: ["id"]).run()
        guard try await db.select().column("sha256").from("platform_api_keys").where("platform_id", .equal, platform.id).first() == nil else {
            return false
        }
        var inserted = false
        for apiKey in platform.apiKeys {
            let row = try await db.insert(into: "platform_api_keys").columns("sha256", "platform_id", "created_at")
                .values(SQLBind(apiKey.sha256.lowercased()), SQLBind(platform.id), SQLBind(now))
                .ignoringConflicts(with: ["sha256"]).returning("sha256").first()
            inserted = inserted || row != nil
        }
        guard inserted else { return false }
        for key in platform.keys { try await insert(key.key, platform: platform.id, at: now, in: db) }
        return true
    }
}
