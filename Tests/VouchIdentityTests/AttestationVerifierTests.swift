import Foundation
import Testing
import VouchIdentity

/// Attestations from PyJWT against Vouch's verifier: each algorithm accepted,
/// each RFC 8725 attack refused with the check that caught it.
@Suite struct AttestationVerifierTests {
    let minted = MintedAttestations.shared
    let verifier = AttestationVerifier(audience: MintedAttestations.audience)
    let now = MintedAttestations.issuedAt.addingTimeInterval(120)
    var digest: String { ClipDigest.sha256Hex(of: MintedAttestations.clip) }

    private func verify(_ name: String, with verifier: AttestationVerifier? = nil, at time: Date? = nil) async throws(AttestationError) -> ReviewerAttestation {
        try await (verifier ?? self.verifier).verify(minted.tokens[name]!, from: minted.trust, clipSHA256: digest, now: time ?? now)
    }

    @Test(arguments: ["rs256", "es256", "eddsa"])
    func acceptsEachAlgorithm(name: String) async throws {
        let claims = try await verify(name)
        #expect(claims.sub?.value == "alice.k")
        #expect(claims.verifiedPurchase == true)
        #expect(claims.handle == "@alice")
    }

    @Test func refusesAlgNone() async {
        await #expect(throws: AttestationError.algorithmNotAllowed("none")) { try await verify("none") }
    }

    @Test func refusesAnHMACSignedWithTheRSAPublicKey() async {
        await #expect(throws: AttestationError.algorithmNotAllowed("HS256")) { try await verify("confusion") }
    }

    @Test func refusesAnAlgorithmOtherThanTheKeys() async {
        await #expect(throws: AttestationError.algorithmMismatch(kid: "rsa-1", expected: .rs256, actual: "ES256")) { try await verify("mismatch") }
    }

    @Test func refusesAnUnknownKey() async {
        await #expect(throws: AttestationError.unknownKey(kid: "ec-9")) { try await verify("unknown-kid") }
    }

    @Test func refusesAnotherAudienceOrAnExtraOne() async {
        await #expect(throws: AttestationError.wrongAudience(expected: MintedAttestations.audience, actual: ["someone-else"])) { try await verify("wrong-audience") }
        await #expect(throws: AttestationError.self) { try await verify("two-audiences") }
    }

    @Test func refusesAnExpiredTokenBeyondTheSkew() async throws {
        let expiry = MintedAttestations.issuedAt.addingTimeInterval(60)
        _ = try await verify("expired", at: expiry.addingTimeInterval(30))
        await #expect(throws: AttestationError.expired(at: expiry)) {
            try await verify("expired", with: AttestationVerifier(audience: MintedAttestations.audience), at: expiry.addingTimeInterval(61))
        }
    }

    @Test func refusesATokenIssuedInTheFuture() async {
        await #expect(throws: AttestationError.issuedInFuture(at: MintedAttestations.issuedAt)) {
            try await verify("es256", at: MintedAttestations.issuedAt.addingTimeInterval(-120))
        }
    }

    @Test func refusesALongLivedToken() async {
        await #expect(throws: AttestationError.lifetimeTooLong(seconds: 86_400, limit: 3600)) { try await verify("long-lived") }
    }

    @Test func refusesAReplayButOnlyAfterTheFirstUse() async throws {
        _ = try await verify("replay")
        await #expect(throws: AttestationError.replayed(jti: "t-replay")) { try await verify("replay") }
    }

    @Test func refusesAnotherClipsAttestation() async {
        let error = await #expect(throws: AttestationError.self) { try await verify("wrong-clip") }
        #expect(error?.reason == "clip-mismatch")
    }

    @Test func refusesATamperedPayload() async {
        var parts = minted.tokens["eddsa"]!.split(separator: ".").map(String.init)
        parts[1] = parts[1].dropLast(2) + (parts[1].hasSuffix("AA") ? "BA" : "AA")
        await #expect(throws: AttestationError.self) {
            try await verifier.verify(parts.joined(separator: "."), from: minted.trust, clipSHA256: digest, now: now)
        }
    }

    @Test func refusesGarbage() async {
        await #expect(throws: AttestationError.self) {
            try await verifier.verify("not a token", from: minted.trust, clipSHA256: digest, now: now)
        }
    }

    @Test func aRefusedTokenDoesNotBurnItsID() async throws {
        let verifier = AttestationVerifier(audience: MintedAttestations.audience)
        await #expect(throws: AttestationError.self) {
            try await verifier.verify(minted.tokens["es256"]!, from: minted.trust, clipSHA256: String(repeating: "0", count: 64), now: now)
        }
        _ = try await verify("es256", with: verifier)
    }

    @Test func hashesFilesLikeBytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clip-\(UUID().uuidString)").path
        try MintedAttestations.clip.write(to: URL(fileURLWithPath: path))
        #expect(try ClipDigest.sha256Hex(ofFileAt: path) == digest)
        #expect(digest.count == 64)
    }
}
