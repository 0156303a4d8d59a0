import Foundation
import SQLKit
import VouchEncoding
import VouchIdentity

/// Changes to the registry. Each is one transaction that also appends to the audit log
/// and raises the registry's version, so every running process picks it up.
extension Store {
    /// Registers a new platform with its first attestation keys and API-key hash.
    public func registerPlatform(id: String, name: String, keys: [PlatformKey], apiKeySHA256: String, by actor: String) async throws {
        guard !keys.isEmpty else { throw StoreError.conflict("platform '\(id)' needs at least one attestation key") }
        try await changeRegistry(actor: actor, action: "platform.registered", subject: "platform:\(id)",
                                 detail: ["name": name, "keys": keys.map(\.id).joined(separator: ",")]) { db, now in
            let taken = try await db.select().column("sha256").from("platform_api_keys").where("platform_id", .equal, id).first()
            guard taken == nil else { throw StoreError.conflict("platform '\(id)' is already registered") }
            try await db.insert(into: "platforms").columns("id", "name", "created_at").values(SQLBind(id), SQLBind(name), SQLBind(now))
                .onConflict(with: ["id"]) { $0.set("name", to: SQLBind(name)) }.run()
            for key in keys { try await Self.insert(key, platform: id, at: now, in: db) }
            try await db.insert(into: "platform_api_keys").columns("sha256", "platform_id", "created_at")
                .values(SQLBind(apiKeySHA256.lowercased()), SQLBind(id), SQLBind(now)).run()
        }
    }

    /// Adds an attestation key beside the platform's others: both are accepted until one retires.
    public func addPlatformKey(_ key: PlatformKey, platform: String, by actor: String) async throws {
        try await changeRegistry(actor: actor, action: "platform.key-added", subject: "platform:\(platform)", detail: ["kid": key.id]) { db, now in
            try await Self.requireRegistered(platform, in: db)
            let existing = try await db.select().column("kid").from("platform_keys")
                .where("platform_id", .equal, platform).where("kid", .equal, key.id).first()
            guard existing == nil else { throw StoreError.conflict("platform '\(platform)' already has a key '\(key.id)': give the new key another kid") }
            try await Self.insert(key, platform: platform, at: now, in: db)
        }
    }

    /// Stops accepting the key `kid` at `date`; refused when no other key would be left.
    public func retirePlatformKey(_ kid: String, platform: String, at date: Date, by actor: String) async throws {
        let retires = date.storeMilliseconds
        try await changeRegistry(actor: actor, action: "platform.key-retired", subject: "platform:\(platform)",
                                 detail: ["kid": kid, "retiresAt": ISO8601DateFormatter().string(from: date)]) { db, now in
            try await Self.requireRegistered(platform, in: db)
            let rows = try await db.select().columns("kid", "retires_at").from("platform_keys").where("platform_id", .equal, platform).all()
            let others = try rows.filter { try $0.decode(column: "kid", as: String.self) != kid }
            guard others.count < rows.count else { throw StoreError.notFound("key '\(kid)' of platform '\(platform)'") }
            let staying = try others.filter { try ($0.decode(column: "retires_at", as: Int64?.self) ?? .max) > retires }
            guard !staying.isEmpty else {
                throw StoreError.conflict("retiring '\(kid)' would leave platform '\(platform)' with no attestation key: add its new key first")
            }
            try await db.update("platform_keys").set("retires_at", to: SQLBind(retires))
                .where("platform_id", .equal, platform).where("kid", .equal, kid).run()
        }
    }

    /// Adds a new API-key hash for `platform`; every older key keeps working until `othersExpireAt`.
    public func rotateAPIKey(platform: String, newSHA256: String, othersExpireAt date: Date, by actor: String) async throws {
        let expires = date.storeMilliseconds
        try await changeRegistry(actor: actor, action: "platform.api-key-rotated", subject: "platform:\(platform)",
                                 detail: ["previousExpireAt": ISO8601DateFormatter().string(from: date)]) { db, now in
            try await Self.requireRegistered(platform, in: db)
            try await db.update("platform_api_keys").set("expires_at", to: SQLBind(expires))
                .where("platform_id", .equal, platform)
                .where { $0.where("expires_at", .is, SQLLiteral.null).orWhere("expires_at", .greaterThan, expires) }
                .run()
            try await db.insert(into: "platform_api_keys").columns("sha256", "platform_id", "created_at")
                .values(SQLBind(newSHA256.lowercased()), SQLBind(platform), SQLBind(now)).run()
        }
    }

    /// Adds a moderator; refused when the name is taken.
    public func addModerator(_ moderator: RegisteredModerator, by actor: String) async throws {
        try await changeRegistry(actor: actor, action: "moderator.added", subject: "moderator:\(moderator.name)",
                                 detail: ["role": moderator.role.rawValue]) { db, now in
            guard try await db.select().column("name").from("moderators").where("name", .equal, moderator.name).first() == nil else {
                throw StoreError.conflict("moderator '\(moderator.name)' already exists")
            }
            try await db.insert(into: "moderators").columns("name", "role", "password_hash", "created_at")
                .values(SQLBind(moderator.name), SQLBind(moderator.role.rawValue), SQLBind(moderator.passwordHash), SQLBind(now)).run()
        }
    }

    /// Removes a moderator and ends their sessions at once.
    public func removeModerator(named name: String, by actor: String) async throws {
        try await changeRegistry(actor: actor, action: "moderator.removed", subject: "moderator:\(name)") { db, _ in
            guard try await db.delete(from: "moderators").where("name", .equal, name).returning("name").first() != nil else {
                throw StoreError.notFound("moderator '\(name)'")
            }
            try await db.delete(from: "moderator_sessions").where("moderator", .equal, name).run()
        }
    }

    /// Records an operator's admin-API token by its hash; refused when the name holds one.
    public func addOperatorToken(name: String, sha256: String, by actor: String) async throws {
        try await changeRegistry(actor: actor, action: "operator.token-added", subject: "operator:\(name)") { db, now in
            guard try await db.select().column("name").from("operator_tokens").where("name", .equal, name).first() == nil else {
                throw StoreError.conflict("operator '\(name)' already has a token: remove it first to replace it")
            }
            try await db.insert(into: "operator_tokens").columns("name", "sha256", "created_at")
                .values(SQLBind(name), SQLBind(sha256.lowercased()), SQLBind(now)).run()
        }
    }

    /// Revokes an operator's admin-API token.
    public func removeOperatorToken(name: String, by actor: String) async throws {
        try await changeRegistry(actor: actor, action: "operator.token-removed", subject: "operator:\(name)") { db, _ in
            guard try await db.delete(from: "operator_tokens").where("name", .equal, name).returning("name").first() != nil else {
                throw StoreError.notFound("operator token '\(name)'")
            }
        }
    }

    /// Runs one registry change: the change, its audit entry and the version bump commit together.
    func changeRegistry(actor: String, action: String, subject: String, detail: [String: String] = [:],
                        _ change: @escaping @Sendable (any SQLDatabase, Int64) async throws -> Void) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await change(db, now)
            try await self.appendAudit(db, actor: actor, action: action, subject: subject, detail: detail)
            try await db.update("registry_state").set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .where("name", .equal, "registry").run()
        }
    }

    private static func requireRegistered(_ platform: String, in db: any SQLDatabase) async throws {
        guard try await db.select().column("sha256").from("platform_api_keys").where("platform_id", .equal, platform).first() != nil else {
            throw StoreError.notFound("platform '\(platform)'")
        }
    }

    static func insert(_ key: PlatformKey, platform: String, at now: Int64, in db: any SQLDatabase) async throws {
        let text = try JSONEncoder.sortedKeys.text(of: key)
        try await db.insert(into: "platform_keys").columns("platform_id", "kid", "key", "added_at")
            .values(SQLBind(platform), SQLBind(key.id), SQLBind(text), SQLBind(now)).run()
    }
}
