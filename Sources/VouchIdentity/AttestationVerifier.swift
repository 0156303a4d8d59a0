import Foundation
import JWTKit
import VouchEncoding

/// Verifies a platform's reviewer attestation strictly, per RFC 8725.
///
/// Before any cryptography: the token must be a compact JWS whose `alg` is the
/// one its key (`kid`) is registered for, never `none`. Then jwt-kit checks the
/// signature with that key alone. Then, against an explicit clock: the issuer is
/// the platform, the audience is exactly Vouch's, the token has not expired and
/// was not issued in the future (within the allowed skew), its lifetime is
/// bounded, and the clip hash equals the uploaded bytes'. The `jti` is claimed
/// last, so a token refused for another reason does not burn it.
public struct AttestationVerifier: Sendable {
    /// The `aud` every attestation must carry, and nothing else.
    public var audience: String
    /// Clock difference tolerated between the platform and Vouch.
    public var clockSkew: TimeInterval
    /// The longest an attestation may be valid for.
    public var maximumLifetime: TimeInterval
    public var replays: any ReplayStore

    public init(audience: String, clockSkew: TimeInterval = 60, maximumLifetime: TimeInterval = 3600, replays: any ReplayStore = InMemoryReplayStore()) {
        self.audience = audience
        self.clockSkew = clockSkew
        self.maximumLifetime = maximumLifetime
        self.replays = replays
    }

    /// The verified attestation of `token` from `platform`, for clip bytes hashing to `clipSHA256` (lowercase hex).
    public func verify(_ token: String, from platform: PlatformTrust, clipSHA256: String, content: ContentDigests = ContentDigests(),
                       now: Date = Date()) async throws(AttestationError) -> ReviewerAttestation {
        let claims = try await verifyBeforeUpload(token, from: platform, now: now)
        try await accept(claims, from: platform, clipSHA256: clipSHA256, content: content, now: now)
        return claims
    }

    /// Everything that can be checked before the clip's bytes arrive: the signature, the
    /// issuer, audience and lifetime, and that the claims a clip needs are there. An API
    /// checks this first, so an unauthenticated upload costs it no disk.
    public func verifyBeforeUpload(_ token: String, from platform: PlatformTrust, now: Date = Date()) async throws(AttestationError) -> ReviewerAttestation {
        let claims: ReviewerAttestation = try await signedClaims(token, from: platform)
        try checkEnvelope(iss: claims.iss, sub: claims.sub, aud: claims.aud, iat: claims.iat, exp: claims.exp, from: platform, now: now)
        guard claims.jti?.value != nil else { throw .missingClaim("jti") }
        guard claims.clipSHA256 != nil else { throw .missingClaim("clip_sha256") }
        return claims
    }

    /// The rest, once the bytes are in: the attested hashes are those of the clip, words and
    /// captions sent (a part the attestation names must be sent, and a part sent must be
    /// named), and the `jti` is claimed, last, so a token refused for another reason does not burn it.
    public func accept(_ claims: ReviewerAttestation, from platform: PlatformTrust, clipSHA256: String, content: ContentDigests = ContentDigests(),
                       now: Date = Date()) async throws(AttestationError) {
        guard let attested = claims.clipSHA256?.lowercased() else { throw .missingClaim("clip_sha256") }
        guard attested == clipSHA256.lowercased() else { throw .clipMismatch(attested: attested, uploaded: clipSHA256.lowercased()) }
        for (part, attested, sent) in [("review", claims.reviewSHA256, content.review), ("captions", claims.captionsSHA256, content.captions)] {
            guard attested?.lowercased() == sent?.lowercased() else { throw .contentMismatch(part: part, attested: attested?.lowercased(), sent: sent?.lowercased()) }
        }
        guard let jti = claims.jti?.value, let exp = claims.exp?.value else { throw .missingClaim("jti") }
        let fresh: Bool
        do {
            fresh = try await replays.claim("\(platform.platformID) \(jti)", until: exp.addingTimeInterval(clockSkew), now: now)
        } catch {
            throw .replayCheckUnavailable(reason: "\(error)")
        }
        guard fresh else { throw .replayed(jti: jti) }
    }

    /// The token's claims once its algorithm is its key's and its signature verifies.
    func signedClaims<Claims: JWTPayload>(_ token: String, from platform: PlatformTrust) async throws(AttestationError) -> Claims {
        let header = try JOSEHeader(token: token)
        guard let alg = header.alg else { throw .malformedToken("the header has no alg") }
        guard let algorithm = AttestationAlgorithm(rawValue: alg) else { throw .algorithmNotAllowed(alg) }
        let key = try key(named: header.kid, in: platform)
        guard key.algorithm == algorithm else { throw .algorithmMismatch(kid: key.id, expected: key.algorithm, actual: alg) }
        return try await signatureChecked(token, with: key)
    }

    private func key(named kid: String?, in platform: PlatformTrust) throws(AttestationError) -> PlatformKey {
        if let kid {
            guard let key = platform.keys.first(where: { $0.id == kid }) else { throw .unknownKey(kid: kid) }
            return key
        }
        guard platform.keys.count == 1, let only = platform.keys.first else { throw .unknownKey(kid: nil) }
        return only
    }

    private func signatureChecked<Claims: JWTPayload>(_ token: String, with key: PlatformKey) async throws(AttestationError) -> Claims {
        let keys = JWTKeyCollection()
        do {
            let kid = JWKIdentifier(string: key.id)
            switch (key.algorithm, key.material) {
            case (.rs256, .pem(let pem)): await keys.add(rsa: try Insecure.RSA.PublicKey(pem: pem), digestAlgorithm: .sha256, kid: kid)
            case (.rs256, .rsa(let n, let e)): await keys.add(rsa: try Insecure.RSA.PublicKey(modulus: n, exponent: e), digestAlgorithm: .sha256, kid: kid)
            case (.es256, .pem(let pem)): await keys.add(ecdsa: try ES256PublicKey(pem: pem), kid: kid)
            case (.es256, .p256(let x, let y)): await keys.add(ecdsa: try ES256PublicKey(parameters: (x, y)), kid: kid)
            case (.edDSA, .pem(let pem)): await keys.add(eddsa: try EdDSA.PublicKey(pem: pem), kid: kid)
            case (.edDSA, .ed25519(let x)): await keys.add(eddsa: try EdDSA.PublicKey(x: x, curve: .ed25519), kid: kid)
            default: throw AttestationError.unusableKey(kid: key.id, reason: "its material does not fit \(key.algorithm.rawValue)")
            }
        } catch let error as AttestationError {
            throw error
        } catch {
            throw .unusableKey(kid: key.id, reason: "\(error)")
        }
        do {
            return try await keys.verify(token, as: Claims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .malformedToken("\(error)")
        } catch {
            throw .badSignature
        }
    }

    /// The checks every token from a platform passes: issuer, subject, exact audience,
    /// and a bounded lifetime that includes now (within the skew).
    func checkEnvelope(iss: IssuerClaim?, sub: SubjectClaim?, aud: AudienceClaim?, iat: IssuedAtClaim?, exp: ExpirationClaim?,
                       from platform: PlatformTrust, now: Date) throws(AttestationError) {
        guard let issuer = iss?.value else { throw .missingClaim("iss") }
        guard issuer == platform.platformID else { throw .wrongIssuer(expected: platform.platformID, actual: issuer) }
        guard sub?.value != nil else { throw .missingClaim("sub") }
        guard let audiences = aud?.value else { throw .missingClaim("aud") }
        guard audiences == [audience] else { throw .wrongAudience(expected: audience, actual: audiences) }
        guard let issuedAt = iat?.value else { throw .missingClaim("iat") }
        guard let expiry = exp?.value else { throw .missingClaim("exp") }
        guard now <= expiry.addingTimeInterval(clockSkew) else { throw .expired(at: expiry) }
        guard issuedAt <= now.addingTimeInterval(clockSkew) else { throw .issuedInFuture(at: issuedAt) }
        let lifetime = expiry.timeIntervalSince(issuedAt)
        guard lifetime <= maximumLifetime else { throw .lifetimeTooLong(seconds: lifetime, limit: maximumLifetime) }
    }
}

/// The protected header of a compact JWS, read before its signature is trusted,
/// only to pick the key and refuse algorithms.
struct JOSEHeader: Decodable {
    var alg: String?
    var kid: String?
    var typ: String?

    init(token: String) throws(AttestationError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedToken("\(parts.count) parts, expected 3") }
        guard let data = Data(base64URLEncoded: String(parts[0])), let header = try? JSONDecoder().decode(JOSEHeader.self, from: data) else {
            throw .malformedToken("the header is not base64url-encoded JSON")
        }
        self = header
    }
}
