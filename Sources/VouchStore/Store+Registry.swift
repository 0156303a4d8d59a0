import Foundation
import SQLKit
import VouchIdentity

extension Store {
    /// The registry's change counter: one small read tells a process whether its copy is current.
    public func registryVersion() async throws -> Int64 {
        try await database.run { db in
            guard let row = try await db.select().column("version").from("registry_state").where("name", .equal, "registry").first() else {
                throw StoreError.corruptRecord("registry version")
            }
            return try row.decode(column: "version", as: Int64.self)
        }
    }

    /// Every registered platform and moderator, read in one transaction so the copy is consistent.
    public func registry() async throws -> Registry {
        try await database.transaction { db in
            guard let state = try await db.select().column("version").from("registry_state").where("name", .equal, "registry").first() else {
                throw StoreError.corruptRecord("registry version")
            }
            var keys: [String: [RegisteredKey]] = [:]
            for row in try await db.select().columns("platform_id", "key", "added_at", "retires_at").from("platform_keys")
                .orderBy("added_at").all() {
                let platform = try row.decode(column: "platform_id", as: String.self)
                keys[platform, default: []].append(try Self.registeredKey(row))
            }
            var apiKeys: [String: [RegisteredAPIKey]] = [:]
            for row in try await db.select().columns("platform_id", "sha256", "created_at", "expires_at").from("platform_api_keys")
                .orderBy("created_at").all() {
                let platform = try row.decode(column: "platform_id", as: String.self)
                apiKeys[platform, default: []].append(RegisteredAPIKey(
                    sha256: try row.decode(column: "sha256", as: String.self),
                    createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
                    expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Date.init(storeMilliseconds:))))
            }
            let platforms = try await db.select().columns("id", "name").from("platforms").orderBy("id").all().compactMap { row -> RegisteredPlatform? in
                let id = try row.decode(column: "id", as: String.self)
                guard let credentials = apiKeys[id] else { return nil }
                return RegisteredPlatform(id: id, name: try row.decode(column: "name", as: String.self), keys: keys[id] ?? [], apiKeys: credentials)
            }
            let moderators = try await db.select().columns("name", "role", "password_hash").from("moderators").orderBy("name").all().map { row in
                let role = try row.decode(column: "role", as: String.self)
                guard let known = ModeratorRole(rawValue: role) else { throw StoreError.corruptRecord("role '\(role)' of a moderator") }
                return RegisteredModerator(name: try row.decode(column: "name", as: String.self), role: known,
                                           passwordHash: try row.decode(column: "password_hash", as: String.self))
            }
            return Registry(version: try state.decode(column: "version", as: Int64.self), platforms: platforms, moderators: moderators)
        }
    }

    /// The name of the operator whose admin-API token hashes to `sha256`, if any.
    public func operatorToken(sha256: String) async throws -> String? {
        try await database.run { db in
            try await db.select().column("name").from("operator_tokens").where("sha256", .equal, sha256.lowercased()).first()?
                .decode(column: "name", as: String.self)
        }
    }

    /// The names of the operators who hold admin-API tokens.
    public func operatorTokenNames() async throws -> [String] {
        try await database.run { db in
            try await db.select().column("name").from("operator_tokens").orderBy("name").all().map { try $0.decode(column: "name", as: String.self) }
        }
    }

    private static func registeredKey(_ row: any SQLRow) throws -> RegisteredKey {
        let text = try row.decode(column: "key", as: String.self)
        guard let key = try? JSONDecoder().decode(PlatformKey.self, from: Data(text.utf8)) else {
            throw StoreError.corruptRecord("platform key")
        }
        return RegisteredKey(key: key, addedAt: Date(storeMilliseconds: try row.decode(column: "added_at", as: Int64.self)),
                             retiresAt: try row.decode(column: "retires_at", as: Int64?.self).map(Date.init(storeMilliseconds:)))
    }
}
