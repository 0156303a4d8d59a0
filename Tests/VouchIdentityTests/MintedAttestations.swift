import Foundation
import VouchIdentity

/// Attestations minted once per test process by `Fixtures/mint.py` (PyJWT),
/// with the public keys a platform would register.
struct MintedAttestations: Sendable {
    static let platform = "northwind"
    static let audience = "vouch-test"
    static let clip = Data("the exact bytes of a review clip".utf8)
    static let issuedAt = Date(timeIntervalSince1970: 1_800_000_000)

    let keys: [String: String]
    let tokens: [String: String]
    /// The same public keys as a JWKS document.
    let jwks: Data

    var trust: PlatformTrust {
        PlatformTrust(platformID: Self.platform, keys: [
            PlatformKey(id: "rsa-1", algorithm: .rs256, pem: keys["RS256"]!),
            PlatformKey(id: "ec-1", algorithm: .es256, pem: keys["ES256"]!),
            PlatformKey(id: "ed-1", algorithm: .edDSA, pem: keys["EdDSA"]!),
        ])
    }

    static func claims(jti: String, audience: Any = audience, expiresIn: TimeInterval = 600, clip: Data = clip) -> [String: Any] {
        [
            "iss": platform, "sub": "alice.k", "aud": audience, "jti": jti,
            "iat": Int(issuedAt.timeIntervalSince1970), "exp": Int(issuedAt.timeIntervalSince1970 + expiresIn),
            "clip_sha256": ClipDigest.sha256Hex(of: clip), "verified_purchase": true, "handle": "@alice",
        ]
    }

    static let shared: MintedAttestations = {
        let specs: [[String: Any]] = [
            ["name": "rs256", "alg": "RS256", "kid": "rsa-1", "claims": claims(jti: "t-rs")],
            ["name": "es256", "alg": "ES256", "kid": "ec-1", "claims": claims(jti: "t-es")],
            ["name": "eddsa", "alg": "EdDSA", "kid": "ed-1", "claims": claims(jti: "t-ed")],
            ["name": "none", "alg": "none", "kid": "rsa-1", "claims": claims(jti: "t-none")],
            ["name": "confusion", "alg": "HS256-with-rsa-public", "kid": "rsa-1", "claims": claims(jti: "t-hs")],
            ["name": "wrong-audience", "alg": "ES256", "kid": "ec-1", "claims": claims(jti: "t-aud", audience: "someone-else")],
            ["name": "two-audiences", "alg": "ES256", "kid": "ec-1", "claims": claims(jti: "t-aud2", audience: [audience, "someone-else"])],
            ["name": "expired", "alg": "EdDSA", "kid": "ed-1", "claims": claims(jti: "t-exp", expiresIn: 60)],
            ["name": "wrong-clip", "alg": "RS256", "kid": "rsa-1", "claims": claims(jti: "t-clip", clip: Data("other bytes".utf8))],
            ["name": "replay", "alg": "EdDSA", "kid": "ed-1", "claims": claims(jti: "t-replay")],
            ["name": "mismatch", "alg": "ES256", "kid": "rsa-1", "claims": claims(jti: "t-mismatch")],
            ["name": "unknown-kid", "alg": "ES256", "kid": "ec-9", "claims": claims(jti: "t-kid")],
            ["name": "long-lived", "alg": "ES256", "kid": "ec-1", "claims": claims(jti: "t-long", expiresIn: 86_400)],
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Bundle.module.url(forResource: "mint", withExtension: "py", subdirectory: "Fixtures")!.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try! process.run()
        input.fileHandleForWriting.write(try! JSONSerialization.data(withJSONObject: ["tokens": specs]))
        try! input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "mint.py failed: install python3-jwt and python3-cryptography")
        let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return MintedAttestations(
            keys: json["keys"] as! [String: String], tokens: json["tokens"] as! [String: String],
            jwks: try! JSONSerialization.data(withJSONObject: json["jwks"]!)
        )
    }()
}
