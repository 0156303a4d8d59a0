import Foundation
import VouchEncoding

extension PlatformKey {
    /// Why a JWKS document was refused; each case names the key.
    public enum JWKSProblem: Error, Equatable, CustomStringConvertible {
        case notAJWKS
        case missingKeyID(index: Int)
        case missingAlgorithm(kid: String)
        case unsupported(kid: String, detail: String)

        public var description: String {
            switch self {
            case .notAJWKS: "not a JWKS document ({\"keys\": [...]})"
            case .missingKeyID(let index): "key \(index) has no kid; every key must be named"
            case .missingAlgorithm(let kid): "key '\(kid)' has no alg; RFC 8725 asks that each key be bound to one algorithm"
            case .unsupported(let kid, let detail): "key '\(kid)': \(detail); use RS256 (RSA), ES256 (P-256) or EdDSA (Ed25519)"
            }
        }
    }

    private struct JWK: Decodable {
        var kty: String?
        var kid: String?
        var alg: String?
        var use: String?
        var crv: String?
        var n: String?
        var e: String?
        var x: String?
        var y: String?
    }

    private struct JWKS: Decodable {
        var keys: [JWK]
    }

    /// The signing keys of a JWKS document. Every key must name its `kid` and its
    /// `alg`, and the algorithm must fit the key type: a platform's JWKS fixes
    /// each key's algorithm, so no token can choose another.
    public static func keys(fromJWKS data: Data) throws(JWKSProblem) -> [PlatformKey] {
        guard let jwks = try? JSONDecoder().decode(JWKS.self, from: data) else { throw .notAJWKS }
        var keys: [PlatformKey] = []
        for (index, jwk) in jwks.keys.enumerated() {
            guard let kid = jwk.kid else { throw .missingKeyID(index: index) }
            guard jwk.use == nil || jwk.use == "sig" else { continue }
            guard let alg = jwk.alg else { throw .missingAlgorithm(kid: kid) }
            guard let algorithm = AttestationAlgorithm(rawValue: alg) else { throw .unsupported(kid: kid, detail: "algorithm \(alg)") }
            switch (algorithm, jwk.kty, jwk.crv) {
            case (.rs256, "RSA", _):
                guard let n = jwk.n, let e = jwk.e else { throw .unsupported(kid: kid, detail: "an RSA key needs n and e") }
                keys.append(PlatformKey(id: kid, algorithm: algorithm, material: .rsa(modulus: n, exponent: e)))
            case (.es256, "EC", "P-256"):
                guard let x = jwk.x.flatMap(Self.coordinate), let y = jwk.y.flatMap(Self.coordinate) else {
                    throw .unsupported(kid: kid, detail: "a P-256 key needs x and y of at most 32 bytes each")
                }
                keys.append(PlatformKey(id: kid, algorithm: algorithm, material: .p256(x: x, y: y)))
            case (.edDSA, "OKP", "Ed25519"):
                guard let x = jwk.x else { throw .unsupported(kid: kid, detail: "an Ed25519 key needs x") }
                keys.append(PlatformKey(id: kid, algorithm: algorithm, material: .ed25519(x: x)))
            default:
                throw .unsupported(kid: kid, detail: "\(alg) does not fit a \(jwk.kty ?? "?") \(jwk.crv ?? "") key")
            }
        }
        return keys
    }

    /// A P-256 coordinate as exactly 32 bytes of base64url. RFC 7518 §6.2.1.2 asks for the
    /// full length, but some exporters (PyJWT before 2.8) drop leading zero bytes, which
    /// happens to about one key in 128; the integer is the same, so it is padded back.
    private static func coordinate(_ text: String) -> String? {
        guard var bytes = Data(base64URLEncoded: text) else { return nil }
        while bytes.count > 32, bytes.first == 0 { bytes.removeFirst() }
        guard bytes.count <= 32 else { return nil }
        return (Data(count: 32 - bytes.count) + bytes).base64URLEncodedString
    }
}
