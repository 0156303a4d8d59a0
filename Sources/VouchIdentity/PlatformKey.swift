import Foundation

/// A public key a platform signs attestations with, bound to one algorithm.
public struct PlatformKey: Sendable, Codable, Equatable {
    /// The key id tokens name in their `kid` header.
    public var id: String
    public var algorithm: AttestationAlgorithm
    public var material: Material

    /// The key itself: PEM (SubjectPublicKeyInfo), or a JWK's components (base64url).
    public enum Material: Sendable, Codable, Equatable {
        case pem(String)
        case rsa(modulus: String, exponent: String)
        case p256(x: String, y: String)
        case ed25519(x: String)
    }

    public init(id: String, algorithm: AttestationAlgorithm, material: Material) {
        self.id = id
        self.algorithm = algorithm
        self.material = material
    }

    public init(id: String, algorithm: AttestationAlgorithm, pem: String) {
        self.init(id: id, algorithm: algorithm, material: .pem(pem))
    }
}

/// What Vouch knows of a platform to check its attestations: its id (the
/// tokens' `iss`) and its keys.
public struct PlatformTrust: Sendable, Codable, Equatable {
    public var platformID: String
    public var keys: [PlatformKey]

    public init(platformID: String, keys: [PlatformKey]) {
        self.platformID = platformID
        self.keys = keys
    }
}
