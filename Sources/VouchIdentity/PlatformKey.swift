/// A public key a platform signs attestations with, bound to one algorithm.
public struct PlatformKey: Sendable, Codable, Equatable {
    /// The key id tokens name in their `kid` header.
    public var id: String
    public var algorithm: AttestationAlgorithm
    /// The public key, PEM-encoded (SubjectPublicKeyInfo).
    public var pem: String

    public init(id: String, algorithm: AttestationAlgorithm, pem: String) {
        self.id = id
        self.algorithm = algorithm
        self.pem = pem
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
