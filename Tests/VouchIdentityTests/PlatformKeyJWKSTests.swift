import Foundation
import Testing
import VouchEncoding
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

    /// PyJWT before 2.8 drops a P-256 coordinate's leading zero bytes (one key in 128 or so):
    /// the coordinate is padded back to 32 bytes, and a longer one with leading zeros trimmed.
    @Test func p256CoordinatesAreNormalisedToThirtyTwoBytes() async throws {
        var document = try #require(try JSONSerialization.jsonObject(with: minted.jwks) as? [String: [[String: Any]]])
        let encodedX = try #require(document["keys"]![1]["x"] as? String)
        let x = try #require(Data(base64URLEncoded: encodedX))
        document["keys"]![1]["x"] = (Data([0]) + x).base64URLEncodedString
        let keys = try PlatformKey.keys(fromJWKS: try JSONSerialization.data(withJSONObject: document))
        let trust = PlatformTrust(platformID: MintedAttestations.platform, keys: keys)
        let claims = try await AttestationVerifier(audience: MintedAttestations.audience).verify(
            minted.tokens["es256"]!, from: trust, clipSHA256: ClipDigest.sha256Hex(of: MintedAttestations.clip),
            now: MintedAttestations.issuedAt.addingTimeInterval(10))
        #expect(claims.sub?.value == "alice.k", "33 bytes with a leading zero are the same key")

        document["keys"]![1]["x"] = Data(repeating: 7, count: 31).base64URLEncodedString
        let short = try PlatformKey.keys(fromJWKS: try JSONSerialization.data(withJSONObject: document))
        guard case .p256(let padded, _) = try #require(short.first { $0.id == "ec-1" }).material else { Issue.record("not P-256"); return }
        #expect(Data(base64URLEncoded: padded) == Data([0]) + Data(repeating: 7, count: 31))

        document["keys"]![1]["x"] = Data(repeating: 7, count: 33).base64URLEncodedString
        #expect(throws: PlatformKey.JWKSProblem.self) { try PlatformKey.keys(fromJWKS: try JSONSerialization.data(withJSONObject: document)) }
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
