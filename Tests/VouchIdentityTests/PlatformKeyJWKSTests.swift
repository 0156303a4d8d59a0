import Foundation
import Testing
import VouchIdentity

/// Platform keys published as a JWKS document, as PyJWT exports them.
@Suite struct PlatformKeyJWKSTests {
    let minted = MintedAttestations.shared

    @Test(arguments: ["rs256", "es256", "eddsa"])
    func verifiesWithKeysFromAJWKS(name: String) async throws {
        let keys = try PlatformKey.keys(fromJWKS: minted.jwks)
        #expect(Set(keys.map(\.id)) == ["rsa-1", "ec-1", "ed-1"])
        let trust = PlatformTrust(platformID: MintedAttestations.platform, keys: keys)
        let verifier = AttestationVerifier(audience: MintedAttestations.audience)
        let claims = try await verifier.verify(
            minted.tokens[name]!, from: trust, clipSHA256: ClipDigest.sha256Hex(of: MintedAttestations.clip),
            now: MintedAttestations.issuedAt.addingTimeInterval(10)
        )
        #expect(claims.sub?.value == "alice.k")
    }

    @Test func refusesAKeyWithoutAnAlgorithm() throws {
        var document = try #require(try JSONSerialization.jsonObject(with: minted.jwks) as? [String: [[String: Any]]])
        document["keys"]![1].removeValue(forKey: "alg")
        #expect(throws: PlatformKey.JWKSProblem.missingAlgorithm(kid: "ec-1")) {
            try PlatformKey.keys(fromJWKS: try JSONSerialization.data(withJSONObject: document))
        }
    }

    @Test func refusesAnAlgorithmThatDoesNotFitTheKey() throws {
        var document = try #require(try JSONSerialization.jsonObject(with: minted.jwks) as? [String: [[String: Any]]])
        document["keys"]![0]["alg"] = "ES256"
        let error = #expect(throws: PlatformKey.JWKSProblem.self) {
            try PlatformKey.keys(fromJWKS: try JSONSerialization.data(withJSONObject: document))
        }
        #expect(error?.description.contains("rsa-1") == true)
    }

    @Test func refusesSomethingElse() {
        #expect(throws: PlatformKey.JWKSProblem.notAJWKS) { try PlatformKey.keys(fromJWKS: Data("{}".utf8)) }
    }
}
