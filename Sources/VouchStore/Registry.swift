import Foundation
import VouchIdentity

/// Everything the fleet must agree on about who may call it, read from the store in one
/// piece: each API process holds the newest copy and re-reads it when ``version`` moves.
public struct Registry: Sendable, Equatable {
    /// Raised by every change, in the change's own transaction.
    public var version: Int64
    public var platforms: [RegisteredPlatform]
    public var moderators: [RegisteredModerator]

    public init(version: Int64, platforms: [RegisteredPlatform], moderators: [RegisteredModerator]) {
        self.version = version
        self.platforms = platforms
        self.moderators = moderators
    }
}

/// A platform with its attestation keys and API-key hashes, each with the window in which
/// it is accepted, so a rotation can keep an old key working for a while.
public struct RegisteredPlatform: Sendable, Equatable {
    public var id: String
    public var name: String
    public var keys: [RegisteredKey]
    public var apiKeys: [RegisteredAPIKey]

    public init(id: String, name: String, keys: [RegisteredKey], apiKeys: [RegisteredAPIKey]) {
        self.id = id
        self.name = name
        self.keys = keys
        self.apiKeys = apiKeys
    }

    /// The keys that check this platform's attestations at `now`.
    public func trust(at now: Date) -> PlatformTrust {
        PlatformTrust(platformID: id, keys: keys.filter { $0.isAccepted(at: now) }.map(\.key))
    }
}

/// One attestation key of a platform, accepted from when it was added until it retires.
public struct RegisteredKey: Sendable, Equatable {
    public var key: PlatformKey
    public var addedAt: Date
    /// When the key stops being accepted; `nil` while nobody has retired it.
    public var retiresAt: Date?

    public init(key: PlatformKey, addedAt: Date, retiresAt: Date? = nil) {
        self.key = key
        self.addedAt = addedAt
        self.retiresAt = retiresAt
    }

    public func isAccepted(at now: Date) -> Bool { retiresAt.map { now < $0 } ?? true }
}

/// The SHA-256 of one of a platform's API keys; the key itself is never stored.
public struct RegisteredAPIKey: Sendable, Equatable {
    /// Lowercase hex.
    public var sha256: String
    public var createdAt: Date
    /// When the key stops being accepted; set by a rotation's grace period.
    public var expiresAt: Date?

    public init(sha256: String, createdAt: Date, expiresAt: Date? = nil) {
        self.sha256 = sha256
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    public func isAccepted(at now: Date) -> Bool { expiresAt.map { now < $0 } ?? true }
}

/// Someone who may log in to the moderator UI.
public struct RegisteredModerator: Sendable, Equatable {
    public var name: String
    public var role: ModeratorRole
    /// The scrypt hash in PHC string form; `VouchServer`'s `PasswordHash` reads it.
    public var passwordHash: String

    public init(name: String, role: ModeratorRole, passwordHash: String) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }
}
