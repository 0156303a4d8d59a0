import Crypto
import CryptoExtras
import Foundation
import X509

/// The claim signature: a COSE_Sign1 (RFC 9052) with a detached payload (the claim's
/// bytes) and the signer's certificate chain in the `x5chain` header (label 33).
struct COSESign1: Sendable {
    /// The COSE algorithms C2PA allows.
    enum Algorithm: Int, Sendable {
        case es256 = -7, es384 = -35, es512 = -36, ps256 = -37, ps384 = -38, ps512 = -39, edDSA = -8
    }

    var protectedHeader: Data
    var algorithm: Algorithm
    /// DER certificates, the signer's first.
    var chain: [Data]
    var signature: Data

    init(_ data: Data) throws(ProvenanceError) {
        let cose = try CBORDecoder().decode(data).untagged
        guard let parts = cose.array, parts.count == 4, let protectedHeader = parts[0].bytes, let signature = parts[3].bytes else {
            throw .malformed("the claim signature is not a COSE_Sign1")
        }
        let protected = protectedHeader.isEmpty ? CBOR.map([]) : try CBORDecoder().decode(protectedHeader)
        guard let label = protected[label: 1]?.int else { throw .malformed("the claim signature names no algorithm") }
        guard let algorithm = Algorithm(rawValue: label) else { throw .unsupported("COSE algorithm \(label)") }
        // C2PA 2.x puts x5chain in the protected header; 1.x allowed the unprotected one.
        guard let x5chain = protected[label: 33] ?? parts[1][label: 33] else { throw .malformed("the claim signature carries no certificate") }
        let chain = x5chain.bytes.map { [$0] } ?? x5chain.array?.compactMap(\.bytes) ?? []
        guard !chain.isEmpty, chain.count <= 10 else { throw .malformed("the claim signature's x5chain holds \(chain.count) certificates") }
        self.protectedHeader = protectedHeader
        self.algorithm = algorithm
        self.chain = chain
        self.signature = signature
    }

    /// The bytes the signer signed: `["Signature1", protected, h'', claim]`, encoded by hand
    /// because it is four fixed items.
    func signedBytes(payload: Data) -> Data {
        var out = Data([0x84])
        out.appendCBORHeader(major: 3, length: 10)
        out.append(contentsOf: Array("Signature1".utf8))
        out.appendCBORHeader(major: 2, length: protectedHeader.count)
        out.append(protectedHeader)
        out.append(0x40)
        out.appendCBORHeader(major: 2, length: payload.count)
        out.append(payload)
        return out
    }

    /// Whether `certificate`'s key made this signature over `payload`.
    func isValid(for payload: Data, by certificate: Certificate) -> Bool {
        let message = signedBytes(payload: payload)
        let key = certificate.publicKey
        switch algorithm {
        case .es256:
            guard let key = P256.Signing.PublicKey(key), let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: SHA256.hash(data: message))
        case .es384:
            guard let key = P384.Signing.PublicKey(key), let signature = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: SHA384.hash(data: message))
        case .es512:
            guard let key = P521.Signing.PublicKey(key), let signature = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: SHA512.hash(data: message))
        case .ps256, .ps384, .ps512:
            guard let key = _RSA.Signing.PublicKey(key) else { return false }
            let signature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            switch algorithm {
            case .ps384: return key.isValidSignature(signature, for: SHA384.hash(data: message), padding: .PSS)
            case .ps512: return key.isValidSignature(signature, for: SHA512.hash(data: message), padding: .PSS)
            default: return key.isValidSignature(signature, for: SHA256.hash(data: message), padding: .PSS)
            }
        case .edDSA:
            guard let key = Curve25519.Signing.PublicKey(key) else { return false }
            return key.isValidSignature(signature, for: message)
        }
    }
}

extension Data {
    mutating func appendCBORHeader(major: UInt8, length: Int) {
        let value = UInt64(length)
        switch value {
        case 0..<24: append(major << 5 | UInt8(value))
        case 24..<0x100: append(contentsOf: [major << 5 | 24, UInt8(value)])
        case 0x100..<0x10000: append(contentsOf: [major << 5 | 25, UInt8(value >> 8), UInt8(value & 0xFF)])
        case 0x10000..<0x1_0000_0000: append(major << 5 | 26); append(contentsOf: (0..<4).reversed().map { UInt8(value >> ($0 * 8) & 0xFF) })
        default: append(major << 5 | 27); append(contentsOf: (0..<8).reversed().map { UInt8(value >> ($0 * 8) & 0xFF) })
        }
    }
}
