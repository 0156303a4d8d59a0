/// The signature algorithms a platform may sign reviewer attestations with.
///
/// Each registered key is bound to exactly one of these (RFC 8725 §3.1): a token
/// never chooses its own algorithm, `none` does not exist here, and an HMAC
/// algorithm cannot be confused with an RSA public key.
public enum AttestationAlgorithm: String, Sendable, Codable, CaseIterable {
    case rs256 = "RS256"
    case es256 = "ES256"
    case edDSA = "EdDSA"
}
