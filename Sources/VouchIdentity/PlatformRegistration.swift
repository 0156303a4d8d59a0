import Foundation
import VouchEncoding

/// A platform as Vouch's operator registers it: who it is, how its attestations
/// are checked, and the hash of the API key it authenticates with.
public struct PlatformRegistration: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    /// Keys given inline (PEM or JWK components)...
    public var keys: [PlatformKey]?
    /// ...or a JWKS document, by path relative to the settings file.
    public var jwksFile: String?
    /// SHA-256 of the API key, lowercase hex; the key itself is never stored.
    public var apiKeySHA256: String

    public init(id: String, name: String, keys: [PlatformKey]? = nil, jwksFile: String? = nil, apiKeySHA256: String) {
        self.id = id
        self.name = name
        self.keys = keys
        self.jwksFile = jwksFile
        self.apiKeySHA256 = apiKeySHA256
    }

    /// The keys to check this platform's attestations with.
    public func trust(relativeTo directory: URL) throws -> PlatformTrust {
        var all = keys ?? []
        if let jwksFile {
            all += try PlatformKey.keys(fromJWKS: Data(contentsOf: URL(fileURLWithPath: jwksFile, relativeTo: directory)))
        }
        return PlatformTrust(platformID: id, keys: all)
    }
}

/// Bearer keys (platforms' API keys, operators' admin tokens): random, shown once, stored
/// only as their SHA-256.
public enum APIKey {
    /// A new key (`prefix` and 43 base64url characters: 256 random bits) and its hash; the
    /// prefix tells a leaked key's kind at a glance (`vk_` platform, `vo_` operator).
    public static func generate(prefix: String = "vk_") -> (key: String, sha256: String) {
        let key = prefix + RandomSecret.bytes(32).base64URLEncodedString
        return (key, ClipDigest.sha256Hex(of: Data(key.utf8)))
    }

    /// Whether `presented` is the key whose hash is `sha256`, compared in constant time.
    public static func matches(_ presented: String, sha256: String) -> Bool {
        ConstantTime.equal(ClipDigest.sha256Hex(of: Data(presented.utf8)), sha256.lowercased())
    }
}

/// The `identity` section of `Config/vouch.json`.
public struct IdentitySettings: Sendable, Codable, Equatable {
    /// The `aud` platforms put in attestations for this Vouch deployment.
    public var audience: String
    public var clockSkewSeconds: Double
    public var maximumLifetimeSeconds: Double
    /// Platforms as settings files before the store's registry listed them: moved into the
    /// store at the first start and ignored after (`vouch platform` manages them now).
    public var platforms: [PlatformRegistration]

    public init(audience: String = "vouch", clockSkewSeconds: Double = 60, maximumLifetimeSeconds: Double = 3600, platforms: [PlatformRegistration] = []) {
        self.audience = audience
        self.clockSkewSeconds = clockSkewSeconds
        self.maximumLifetimeSeconds = maximumLifetimeSeconds
        self.platforms = platforms
    }
}
