import Foundation

/// Why an attestation was refused. Each case names the check that failed, so a
/// platform's integrator can fix their signing code from the message alone.
public enum AttestationError: Error, Sendable, Equatable {
    case malformedToken(String)
    case algorithmNotAllowed(String)
    case unknownKey(kid: String?)
    case unknownIssuer(String)
    case algorithmMismatch(kid: String, expected: AttestationAlgorithm, actual: String)
    case unusableKey(kid: String, reason: String)
    case badSignature
    case missingClaim(String)
    case wrongIssuer(expected: String, actual: String)
    case wrongAudience(expected: String, actual: [String])
    case expired(at: Date)
    case issuedInFuture(at: Date)
    case lifetimeTooLong(seconds: Double, limit: Double)
    case clipMismatch(attested: String, uploaded: String)
    /// The review's words or captions (`part`) are not the bytes the platform attested.
    case contentMismatch(part: String, attested: String?, sent: String?)
    case replayed(jti: String)
    /// Whether the `jti` was used before could not be checked (the store is out of reach):
    /// not the platform's fault, and worth retrying.
    case replayCheckUnavailable(reason: String)
}

extension AttestationError {
    /// A stable identifier for API problem types.
    public var reason: String {
        switch self {
        case .malformedToken: "malformed-token"
        case .algorithmNotAllowed: "algorithm-not-allowed"
        case .unknownKey: "unknown-key"
        case .unknownIssuer: "unknown-issuer"
        case .algorithmMismatch: "algorithm-mismatch"
        case .unusableKey: "unusable-key"
        case .badSignature: "bad-signature"
        case .missingClaim: "missing-claim"
        case .wrongIssuer: "wrong-issuer"
        case .wrongAudience: "wrong-audience"
        case .expired: "expired"
        case .issuedInFuture: "issued-in-future"
        case .lifetimeTooLong: "lifetime-too-long"
        case .clipMismatch: "clip-mismatch"
        case .contentMismatch: "content-mismatch"
        case .replayed: "replayed"
        case .replayCheckUnavailable: "replay-check-unavailable"
        }
    }
}

extension AttestationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformedToken(let detail): "the attestation is not a compact JWS ([header].[payload].[signature]): \(detail)"
        case .algorithmNotAllowed(let alg): "the attestation's algorithm '\(alg)' is not accepted; sign with RS256, ES256 or EdDSA"
        case .unknownKey(let kid): "no key \(kid.map { "'\($0)'" } ?? "(no kid header)") is registered for this platform; name a registered key in the kid header"
        case .unknownIssuer(let issuer): "no platform '\(issuer)' is registered; iss must be a registered platform's id"
        case .algorithmMismatch(let kid, let expected, let actual): "key '\(kid)' is registered for \(expected.rawValue) but the token says \(actual)"
        case .unusableKey(let kid, let reason): "registered key '\(kid)' cannot be loaded: \(reason)"
        case .badSignature: "the attestation's signature does not verify with the registered key"
        case .missingClaim(let name): "the attestation lacks the required claim '\(name)'"
        case .wrongIssuer(let expected, let actual): "the attestation's iss is '\(actual)', expected '\(expected)'"
        case .wrongAudience(let expected, let actual): "the attestation's aud is \(actual), expected exactly [\(expected)]"
        case .expired(let at): "the attestation expired at \(at.formatted(.iso8601))"
        case .issuedInFuture(let at): "the attestation's iat \(at.formatted(.iso8601)) is in the future; check the platform's clock"
        case .lifetimeTooLong(let seconds, let limit): "the attestation is valid for \(Int(seconds)) s, over the limit of \(Int(limit)) s"
        case .clipMismatch(let attested, let uploaded): "the attestation is for clip \(attested), but the uploaded bytes hash to \(uploaded)"
        case .contentMismatch(let part, let attested?, let sent?): "the attestation is for a \(part) part hashing to \(attested), but the one sent hashes to \(sent)"
        case .contentMismatch(let part, nil, _): "a \(part) part was sent, but the attestation has no \(part)_sha256 claim: sign the SHA-256 of the part's exact bytes"
        case .contentMismatch(let part, _, nil): "the attestation's \(part)_sha256 names a \(part) part that was not sent"
        case .replayed(let jti): "the attestation's jti '\(jti)' was already used"
        case .replayCheckUnavailable: "whether the attestation was used before cannot be checked now; retry shortly"
        }
    }
}
