import Foundation
import JWTKit
import VouchEncoding
import VouchIdentity

/// A platform for tests of the API: an Ed25519 attestation key, an API key, and the
/// registration an operator would put in `Config/vouch.json`.
public struct TestPlatform: Sendable {
    public let id: String
    public let apiKey: String
    public let registration: PlatformRegistration
    public let keyID: String
    /// The public key as a JWKS document's `keys` member, as the admin API takes it.
    public let jwks: [[String: String]]
    private let keys: JWTKeyCollection

    /// `keyID` names the attestation key (`<id>-ed` unless given), so a test can make a
    /// platform's next key.
    public init(id: String, keyID: String? = nil) async throws {
        let kid = keyID ?? "\(id)-ed"
        let privateKey = try EdDSA.PrivateKey()
        let keys = JWTKeyCollection()
        await keys.add(eddsa: privateKey, kid: JWKIdentifier(string: kid))
        let publicKey = privateKey.publicKey
        let (apiKey, hash) = APIKey.generate()
        self.id = id
        self.keyID = kid
        self.apiKey = apiKey
        self.keys = keys
        jwks = [["kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "kid": kid, "x": publicKey.rawRepresentation.base64URLEncodedString]]
        registration = PlatformRegistration(id: id, name: id.capitalized, keys: [
            PlatformKey(id: kid, algorithm: .edDSA, pem: publicKey.pemRepresentation),
        ], apiKeySHA256: hash)
    }

    /// An attestation that `reviewer` recorded the clip whose SHA-256 is `clipSHA256`.
    public func attestation(clipSHA256: String, reviewer: String, audience: String = "vouch", jti: String = UUID().uuidString,
                            verifiedPurchase: Bool = true, reviewerKey: String? = nil, reviewSHA256: String? = nil, captionsSHA256: String? = nil,
                            now: Date = Date()) async throws -> String {
        let claims = Claims(iss: id, sub: reviewer, aud: audience, iat: Int(now.timeIntervalSince1970), exp: Int(now.timeIntervalSince1970) + 600,
                            jti: jti, clip_sha256: clipSHA256, verified_purchase: verifiedPurchase, reviewer_key: reviewerKey,
                            review_sha256: reviewSHA256, captions_sha256: captionsSHA256)
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }

    /// An attestation that the shopper viewing reviews is `account` on this platform.
    public func viewerAttestation(account: String, audience: String = "vouch", type: String? = ViewerAttestation.type,
                                  lifetime: TimeInterval = 600, now: Date = Date()) async throws -> String {
        let claims = ViewerClaims(iss: id, sub: account, aud: audience, iat: Int(now.timeIntervalSince1970), exp: Int(now.timeIntervalSince1970 + lifetime))
        var header = JWTHeader()
        header.typ = type
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID), header: header)
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
        var review_sha256: String?
        var captions_sha256: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}
