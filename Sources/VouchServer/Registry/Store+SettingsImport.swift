import Foundation
import VouchIdentity
import VouchStore

extension Store {
    /// Moves the platforms (`identity.platforms`) and moderators (`moderation.users`) that a
    /// settings file written before the registry moved into the store still lists; those
    /// the store already holds are left as the store has them. Returns what was copied.
    public func importRegistry(from identity: IdentitySettings, moderation: ModerationSettings, settingsDirectory: URL) async throws -> [String] {
        guard !identity.platforms.isEmpty || !moderation.users.isEmpty else { return [] }
        let now = clock.now()
        let platforms = try identity.platforms.map { registration in
            RegisteredPlatform(id: registration.id, name: registration.name,
                               keys: try registration.trust(relativeTo: settingsDirectory).keys.map { RegisteredKey(key: $0, addedAt: now) },
                               apiKeys: [RegisteredAPIKey(sha256: registration.apiKeySHA256, createdAt: now)])
        }
        let moderators = moderation.users.map { RegisteredModerator(name: $0.name, role: $0.role, passwordHash: $0.passwordHash.description) }
        return try await importRegistry(platforms: platforms, moderators: moderators)
    }
}
