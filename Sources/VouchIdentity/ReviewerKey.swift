import Crypto
import Foundation
import VouchEncoding

/// A reviewer's own Ed25519 public key: the peer-to-peer identity that travels
/// with the person across platforms.
public struct ReviewerKey: Sendable, Hashable {
    /// The key's 32 raw bytes.
    public let rawRepresentation: Data

    /// Why a key could not be read.
    public enum Problem: Error, Equatable {
        case notAnEd25519Key
    }

    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes.
    private static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    public init(rawRepresentation: Data) throws(Problem) {
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)) != nil else { throw .notAnEd25519Key }
        self.rawRepresentation = rawRepresentation
    }

    /// From base64url of the raw bytes, as the attestation's `reviewer_key` claim carries it.
    public init(base64URL text: String) throws(Problem) {
        guard let data = Data(base64URLEncoded: text) else { throw .notAnEd25519Key }
        try self.init(rawRepresentation: data)
    }

    /// From a PEM public key, as `openssl pkey -pubout` writes it.
    public init(pem: String) throws(Problem) {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body), der.count == Self.spkiPrefix.count + 32,
              der.prefix(Self.spkiPrefix.count).elementsEqual(Self.spkiPrefix)
        else { throw .notAnEd25519Key }
        try self.init(rawRepresentation: der.suffix(32))
    }

    /// Whether `signature` (64 bytes) is this key's signature of `statement`.
    public func hasSigned(_ statement: ReviewStatement, signature: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: statement.message)
    }
}
