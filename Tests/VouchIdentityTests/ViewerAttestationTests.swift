import Foundation
import Testing
import VouchIdentity
import VouchTestSupport

/// Viewer attestations: accepted from a registered platform's key, refused when they
/// could be confused with another token or come from anyone else.
@Suite struct ViewerAttestationTests {
    let verifier = AttestationVerifier(audience: "vouch", clockSkew: 60, maximumLifetime: 3600)

    private func platforms() async throws -> (TestPlatform, TestPlatform) {
        (try await TestPlatform(id: "shop"), try await TestPlatform(id: "social"))
    }

    @Test func namesTheViewerAndTheirPlatform() async throws {
        let (shop, social) = try await platforms()
        let token = try await shop.viewerAttestation(account: "sam")
        let viewer = try await verifier.verifyViewer(token, platforms: [social.registration, shop.registration].map { try $0.trust(relativeTo: URL(fileURLWithPath: "/")) })
        #expect(viewer == Viewer(platformID: "shop", account: "sam"))
    }

    @Test func canBePresentedForEveryPageWhileItLives() async throws {
        let (shop, _) = try await platforms()
        let token = try await shop.viewerAttestation(account: "sam")
        let trust = [try shop.registration.trust(relativeTo: URL(fileURLWithPath: "/"))]
        let first = try await verifier.verifyViewer(token, platforms: trust)
        let second = try await verifier.verifyViewer(token, platforms: trust)
        #expect(first == second)
    }

    @Test func refusesTokensThatAreNotTypedAsViewers() async throws {
        let (shop, _) = try await platforms()
        let trust = [try shop.registration.trust(relativeTo: URL(fileURLWithPath: "/"))]
        let untyped = try await shop.viewerAttestation(account: "sam", type: nil)
        await #expect(throws: AttestationError.self) { try await verifier.verifyViewer(untyped, platforms: trust) }
        let reviewerToken = try await shop.attestation(clipSHA256: String(repeating: "a", count: 64), reviewer: "sam")
        await #expect(throws: AttestationError.self) { try await verifier.verifyViewer(reviewerToken, platforms: trust) }
    }

    @Test func refusesAnotherPlatformsKeyAnUnknownIssuerAndAnotherAudience() async throws {
        let (shop, social) = try await platforms()
        let shopOnly = [try shop.registration.trust(relativeTo: URL(fileURLWithPath: "/"))]
        let fromSocial = try await social.viewerAttestation(account: "sam")
        await #expect(throws: AttestationError.unknownIssuer("social")) { try await verifier.verifyViewer(fromSocial, platforms: shopOnly) }
        let forged = PlatformTrust(platformID: "social", keys: shopOnly[0].keys.map { var key = $0; key.id = "social-ed"; return key })
        await #expect(throws: AttestationError.badSignature) { try await verifier.verifyViewer(fromSocial, platforms: [forged]) }
        let elsewhere = try await shop.viewerAttestation(account: "sam", audience: "another-service")
        await #expect(throws: AttestationError.wrongAudience(expected: "vouch", actual: ["another-service"])) {
            try await verifier.verifyViewer(elsewhere, platforms: shopOnly)
        }
    }

    @Test func refusesExpiredAndOverlongTokens() async throws {
        let (shop, _) = try await platforms()
        let trust = [try shop.registration.trust(relativeTo: URL(fileURLWithPath: "/"))]
        let old = try await shop.viewerAttestation(account: "sam", now: Date().addingTimeInterval(-7200))
        await #expect(throws: AttestationError.self) { try await verifier.verifyViewer(old, platforms: trust) }
        let overlong = try await shop.viewerAttestation(account: "sam", lifetime: 86_400)
        await #expect(throws: AttestationError.self) { try await verifier.verifyViewer(overlong, platforms: trust) }
        await #expect(throws: AttestationError.self) { try await verifier.verifyViewer("not.a.token", platforms: trust) }
    }
}
