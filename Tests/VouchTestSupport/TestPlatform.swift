import Foundation
import JWTKit
import VouchIdentity

/// A platform for tests of the API: an Ed25519 attestation key, an API key, and the
/// registration an operator would put in `Config/vouch.json`.
public struct TestPlatform: Sendable {
    public let id: String
    public let apiKey: String
    public let registration: PlatformRegistration
    private let keys: JWTKeyCollection

    public init(id: String) async throws {
        let privateKey = try EdDSA.PrivateKey()
        let keys = JWTKeyCollection()
        await keys.add(eddsa: privateKey, kid: JWKIdentifier(string: "\(id)-ed"))
        let publicKey = privateKey.publicKey
        let (apiKey, hash) = APIKey.generate()
        self.id = id
        self.apiKey = apiKey
        self.keys = keys
        registration = PlatformRegistration(id: id, name: id.capitalized, keys: [
            PlatformKey(id: "\(id)-ed", algorithm: .edDSA, pem: publicKey.pemRepresentation),
        ], apiKeySHA256: hash)
    }

    /// An attestation that `reviewer` recorded the clip whose SHA-256 is `clipSHA256`.
    public func attestation(clipSHA256: String, reviewer: String, audience: String = "vouch", jti: String = UUID().uuidString,
                            verifiedPurchase: Bool = true, reviewerKey: String? = nil, now: Date = Date()) async throws -> String {
        let claims = Claims(iss: id, sub: reviewer, aud: audience, iat: Int(now.timeIntervalSince1970), exp: Int(now.timeIntervalSince1970) + 600,
                            jti: jti, clip_sha256: clipSHA256, verified_purchase: verifiedPurchase, reviewer_key: reviewerKey)
        return try await keys.sign(claims, kid: JWKIdentifier(string: "\(id)-ed"))
    }

    /// An attestation that the shopper viewing reviews is `account` on this platform.
    public func viewerAttestation(account: String, audience: String = "vouch", type: String? = ViewerAttestation.type,
                                  lifetime: TimeInterval = 600, now: Date = Date()) async throws -> String {
        let claims = ViewerClaims(iss: id, sub: account, aud: audience, iat: Int(now.timeIntervalSince1970), exp: Int(now.timeIntervalSince1970 + lifetime))
        var header = JWTHeader()
        header.typ = type
        return try await keys.sign(claims, kid: JWKIdentifier(string: "\(id)-ed"), header: header)
    }

    private struct ViewerClaims: JWTPayload {
        var iss: String
        var sub: String
        var aud: String
        var iat: Int
        var exp: Int

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    private struct Claims: JWTPayload {
        var iss: String
        var sub: String
        var aud: String
        var iat: Int
        var exp: Int
        var jti: String
        var clip_sha256: String
        var verified_purchase: Bool
        var reviewer_key: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}
