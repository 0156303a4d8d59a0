import Foundation
import JWTKit

/// The claims a platform signs about a reviewer and one review: its clip's bytes, and
/// the bytes of its words and captions when it has them.
public struct ReviewerAttestation: JWTPayload, Equatable {
    /// The platform (`iss`), the reviewer's account there (`sub`), and Vouch (`aud`).
    public var iss: IssuerClaim?
    public var sub: SubjectClaim?
    public var aud: AudienceClaim?
    public var iat: IssuedAtClaim?
    public var exp: ExpirationClaim?
    public var jti: IDClaim?
    /// SHA-256 of the exact clip bytes, lowercase hex.
    public var clipSHA256: String?
    /// When the reviewer's account was created.
    public var accountCreated: Date?
    /// Whether the platform saw the reviewer buy the product.
    public var verifiedPurchase: Bool?
    /// The reviewer's own Ed25519 public key, base64url of its 32 bytes.
    public var reviewerKey: String?
    /// The reviewer's public handle on the platform.
    public var handle: String?
    /// SHA-256 of the exact bytes of the review's words and rating (the `review` part), lowercase hex.
    public var reviewSHA256: String?
    /// SHA-256 of the exact bytes of the review's captions (the `captions` part), lowercase hex.
    public var captionsSHA256: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, exp, jti, handle
        case clipSHA256 = "clip_sha256"
        case accountCreated = "account_created"
        case verifiedPurchase = "verified_purchase"
        case reviewerKey = "reviewer_key"
        case reviewSHA256 = "review_sha256"
        case captionsSHA256 = "captions_sha256"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        iss = try c.decodeIfPresent(IssuerClaim.self, forKey: .iss)
        sub = try c.decodeIfPresent(SubjectClaim.self, forKey: .sub)
        aud = try c.decodeIfPresent(AudienceClaim.self, forKey: .aud)
        iat = try c.decodeIfPresent(IssuedAtClaim.self, forKey: .iat)
        exp = try c.decodeIfPresent(ExpirationClaim.self, forKey: .exp)
        jti = try c.decodeIfPresent(IDClaim.self, forKey: .jti)
        clipSHA256 = try c.decodeIfPresent(String.self, forKey: .clipSHA256)
        accountCreated = try c.decodeIfPresent(Double.self, forKey: .accountCreated).map { Date(timeIntervalSince1970: $0) }
        verifiedPurchase = try c.decodeIfPresent(Bool.self, forKey: .verifiedPurchase)
        reviewerKey = try c.decodeIfPresent(String.self, forKey: .reviewerKey)
        handle = try c.decodeIfPresent(String.self, forKey: .handle)
        reviewSHA256 = try c.decodeIfPresent(String.self, forKey: .reviewSHA256)
        captionsSHA256 = try c.decodeIfPresent(String.self, forKey: .captionsSHA256)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(iss, forKey: .iss)
        try c.encodeIfPresent(sub, forKey: .sub)
        try c.encodeIfPresent(aud, forKey: .aud)
        try c.encodeIfPresent(iat, forKey: .iat)
        try c.encodeIfPresent(exp, forKey: .exp)
        try c.encodeIfPresent(jti, forKey: .jti)
        try c.encodeIfPresent(clipSHA256, forKey: .clipSHA256)
        try c.encodeIfPresent(accountCreated?.timeIntervalSince1970, forKey: .accountCreated)
        try c.encodeIfPresent(verifiedPurchase, forKey: .verifiedPurchase)
        try c.encodeIfPresent(reviewerKey, forKey: .reviewerKey)
        try c.encodeIfPresent(handle, forKey: .handle)
        try c.encodeIfPresent(reviewSHA256, forKey: .reviewSHA256)
        try c.encodeIfPresent(captionsSHA256, forKey: .captionsSHA256)
    }

    /// Claims are checked by ``AttestationVerifier`` against an explicit clock, not here.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
