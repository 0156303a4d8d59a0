import Foundation
import JWTKit

/// A platform's statement that the shopper viewing reviews is one of its accounts (`sub`),
/// so that Vouch can show how that shopper relates to each reviewer.
///
/// Its JOSE header must say `typ: vouch-viewer+jwt` (RFC 8725 §3.11), and it must not carry
/// a clip hash: a reviewer attestation is never accepted as a viewer's, nor the reverse.
public struct ViewerAttestation: JWTPayload, Equatable {
    /// The `typ` header a viewer attestation must carry.
    public static let type = "vouch-viewer+jwt"

    public var iss: IssuerClaim?
    public var sub: SubjectClaim?
    public var aud: AudienceClaim?
    public var iat: IssuedAtClaim?
    public var exp: ExpirationClaim?
    /// Present only in reviewer attestations; refused here.
    public var clipSHA256: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, exp
        case clipSHA256 = "clip_sha256"
    }

    /// Claims are checked by ``AttestationVerifier`` against an explicit clock, not here.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// A verified viewer: the platform that vouched for them, and their account there.
public struct Viewer: Sendable, Hashable {
    public var platformID: String
    public var account: String

    public init(platformID: String, account: String) {
        self.platformID = platformID
        self.account = account
    }
}
