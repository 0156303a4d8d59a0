import Foundation
import Logging
import VouchIdentity
import VouchStore

/// One version of the registry, indexed the way requests look it up: platforms by the
/// hash of an API key, moderators by name.
struct RegistrySnapshot: Sendable {
    let version: Int64
    let platforms: [RegisteredPlatform]
    private let byAPIKey: [String: (platform: RegisteredPlatform, key: RegisteredAPIKey)]
    let moderators: [String: ModeratorAccount]
    /// A hash of the moderators' cost that no password matches: an unknown name costs a
    /// login the same derivation as a known one.
    let dummyPasswordHash: PasswordHash?

    /// `previous` lends its dummy hash when the cost is unchanged: deriving one takes a
    /// noticeable fraction of a second and 128 MiB, not worth paying on every change.
    init(_ registry: Registry, previous: RegistrySnapshot? = nil, logger: Logger) {
        version = registry.version
        platforms = registry.platforms
        var byAPIKey: [String: (RegisteredPlatform, RegisteredAPIKey)] = [:]
        for platform in registry.platforms {
            for key in platform.apiKeys { byAPIKey[key.sha256] = (platform, key) }
        }
        self.byAPIKey = byAPIKey
        var moderators: [String: ModeratorAccount] = [:]
        for moderator in registry.moderators {
            guard let hash = try? PasswordHash(parsing: moderator.passwordHash) else {
                logger.error("moderator '\(moderator.name)' has an unreadable password hash and cannot log in: remove and add them again")
                continue
            }
            moderators[moderator.name] = ModeratorAccount(name: moderator.name, role: moderator.role, passwordHash: hash)
        }
        self.moderators = moderators
        let cost = moderators.values.first?.passwordHash.cost
        if let reused = previous?.dummyPasswordHash, reused.cost == cost {
            dummyPasswordHash = reused
        } else {
            dummyPasswordHash = cost.flatMap { try? PasswordHash.make(password: SessionSecret.generate(), cost: $0) }
        }
    }

    /// The platform whose API key hashes to `sha256`, if that key is accepted at `now`.
    func platform(apiKeySHA256 sha256: String, at now: Date) -> RegisteredPlatform? {
        guard let entry = byAPIKey[sha256], entry.key.isAccepted(at: now) else { return nil }
        return entry.platform
    }

    /// Every platform's attestation keys accepted at `now`.
    func trust(at now: Date) -> [PlatformTrust] {
        platforms.map { $0.trust(at: now) }
    }
}
