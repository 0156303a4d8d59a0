import Foundation
import JWTKit
import VouchEncoding

extension AttestationVerifier {
    /// The shopper a viewer attestation names, checked as strictly as a reviewer's: the
    /// algorithm its key is registered for, a signature by the platform named in `iss`,
    /// the exact audience, a bounded lifetime. It carries no `jti` and may be presented
    /// for every page a shopper views while it lives; it grants nothing but a view.
    public func verifyViewer(_ token: String, platforms: [PlatformTrust], now: Date = Date()) async throws(AttestationError) -> Viewer {
        let header = try JOSEHeader(token: token)
        guard header.typ == ViewerAttestation.type else {
            throw .malformedToken("a viewer attestation's header must say typ \(ViewerAttestation.type)")
        }
        let issuer = try Self.unverifiedIssuer(of: token)
        guard let platform = platforms.first(where: { $0.platformID == issuer }) else { throw .unknownIssuer(issuer) }
        let claims: ViewerAttestation = try await signedClaims(token, from: platform)
        try checkEnvelope(iss: claims.iss, sub: claims.sub, aud: claims.aud, iat: claims.iat, exp: claims.exp, from: platform, now: now)
        guard claims.clipSHA256 == nil else { throw .malformedToken("a viewer attestation must not carry clip_sha256") }
        return Viewer(platformID: platform.platformID, account: claims.sub?.value ?? "")
    }

    /// The `iss` claim, read before the signature is checked only to choose the keys to check it with.
    private static func unverifiedIssuer(of token: String) throws(AttestationError) -> String {
        struct Issuer: Decodable { var iss: String? }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Data(base64URLEncoded: String(parts[1])),
              let payload = try? JSONDecoder().decode(Issuer.self, from: data) else {
            throw .malformedToken("the payload is not base64url-encoded JSON")
        }
        guard let issuer = payload.iss else { throw .missingClaim("iss") }
        return issuer
    }
}
