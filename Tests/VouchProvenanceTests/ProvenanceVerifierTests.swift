import Foundation
import Testing
import VouchProvenance
import VouchTestSupport

@Suite struct ProvenanceVerifierTests {
    let verifier: ProvenanceVerifier

    init() throws {
        verifier = try ProvenanceVerifier(trustAnchorFiles: [try C2PAFixture.trustAnchorPath])
    }

    @Test func captureSignedByTrustedChainIsValid() async throws {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: try C2PAFixture.capture.path))
        #expect(provenance.state == .valid, "\(provenance.reason ?? "")")
        #expect(provenance.signer == "Vouch Test Camera")
        #expect(provenance.issuer == "Vouch Test")
        #expect(provenance.generator?.hasPrefix("Vouch Test Camera 1.0") == true)
        #expect(provenance.digitalSourceType == "digitalCapture")
        #expect(provenance.actions == ["c2pa.created"])
        #expect(!provenance.aiGenerated)
        #expect(provenance.isTrustedCapture)
    }

    @Test(arguments: [(C2PAFixture.ps256, "PS256 Camera"), (.ed25519, "ED25519 Camera")])
    func otherSignatureAlgorithmsVerify(_ fixture: C2PAFixture, _ signer: String) async throws {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: try fixture.path))
        #expect(provenance.state == .valid, "\(provenance.reason ?? "")")
        #expect(provenance.signer == "Vouch Test \(signer)")
    }

    @Test func declaredAIGeneratedClipIsValidAndFlaggedAI() async throws {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: try C2PAFixture.aiGenerated.path))
        #expect(provenance.state == .valid, "\(provenance.reason ?? "")")
        #expect(provenance.digitalSourceType == "trainedAlgorithmicMedia")
        #expect(provenance.aiGenerated)
        #expect(!provenance.isTrustedCapture)
    }

    @Test func oneByteChangedAfterSigningIsInvalid() async throws {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: try C2PAFixture.tampered.path))
        #expect(provenance.state == .invalid)
        #expect(provenance.reason?.contains("BMFF hash") == true)
    }

    @Test func unknownChainIsUntrusted() async throws {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: try C2PAFixture.untrusted.path))
        #expect(provenance.state == .untrusted, "\(provenance.reason ?? "")")
        #expect(provenance.signer == "Unknown Camera")
    }

    @Test func noTrustAnchorsMeansUntrusted() async throws {
        let provenance = await ProvenanceVerifier(anchors: []).verify(fileAt: URL(fileURLWithPath: try C2PAFixture.capture.path))
        #expect(provenance.state == .untrusted)
    }

    @Test func remuxedClipIsAbsent() async throws {
        #expect(await verifier.verify(fileAt: URL(fileURLWithPath: try C2PAFixture.stripped.path)) == .absent)
        #expect(await verifier.verify(fileAt: URL(fileURLWithPath: try MediaFixture.clip.path)) == .absent)
    }

    @Test func malformedJUMBFIsInvalid() async throws {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: try C2PAFixture.malformed.path))
        #expect(provenance.state == .invalid)
        #expect(provenance.reason?.contains("malformed") == true)
    }

    @Test func unreadableFileIsInvalid() async {
        let provenance = await verifier.verify(fileAt: URL(fileURLWithPath: "/nonexistent/clip.mp4"))
        #expect(provenance.state == .invalid)
    }
}
