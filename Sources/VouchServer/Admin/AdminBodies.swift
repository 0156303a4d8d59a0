import Foundation
import Hummingbird
import VouchStore

/// `POST /v1/admin/platforms`; its `jwks` member, a JWKS document, is read by
/// ``AdminRoutes/keys(in:)``.
struct NewPlatformRequest: Decodable {
    var id: String
    var name: String
}

/// `POST /v1/admin/platforms/{id}/keys/{kid}/retire` and `.../api-keys`.
struct GraceRequest: Decodable {
    /// Seconds until the old key stops being accepted (0: now).
    var afterSeconds: Double?
}

/// `POST /v1/admin/moderators`.
struct NewModeratorRequest: Decodable {
    var name: String
    var role: ModeratorRole
    var password: String
    /// The products a merchant account may see.
    var products: [String]?
}

/// A platform as the admin API shows it: never an API key, only its hash's first digits.
struct PlatformBody: ResponseEncodable {
    struct Key: Encodable {
        var kid: String
        var alg: String
        var addedAt: Date
        var retiresAt: Date?
    }
    struct APIKeyHash: Encodable {
        var sha256Prefix: String
        var createdAt: Date
        var expiresAt: Date?
    }
    var id: String
    var name: String
    var keys: [Key]
    var apiKeys: [APIKeyHash]

    init(_ platform: RegisteredPlatform) {
        id = platform.id
        name = platform.name
        keys = platform.keys.map { Key(kid: $0.key.id, alg: $0.key.algorithm.rawValue, addedAt: $0.addedAt, retiresAt: $0.retiresAt) }
        apiKeys = platform.apiKeys.map { APIKeyHash(sha256Prefix: String($0.sha256.prefix(12)), createdAt: $0.createdAt, expiresAt: $0.expiresAt) }
    }
}

/// An API key, in the one answer that shows it.
struct IssuedAPIKeyBody: Encodable {
    var platform: String
    var apiKey: String
    /// When the platform's previous keys stop working, after a rotation.
    var previousKeysExpireAt: Date?
}

/// A moderator as the admin API shows them: never a hash.
struct ModeratorBody: Encodable {
    var name: String
    var role: ModeratorRole
}
