import Foundation
import Testing
import VouchProvenance
import VouchTestSupport

/// Vouch's verdict on every fixture must agree with c2pa-python's Reader given the same trust list.
@Suite struct InteropTests {
    /// c2pa-python's state in Vouch's terms: `Trusted` is valid; `Valid` (intact, signer not
    /// in the trust list) is untrusted; `Invalid`, or a Reader that refuses the manifest, is invalid.
    static func state(of verdict: C2PAFixture.ReferenceVerdict) -> Provenance.State {
        switch verdict.state {
        case "Trusted": .valid
        case "Valid": .untrusted
        case "absent": .absent
        default: .invalid
        }
    }

    @Test func everyFixtureAgreesWithC2PAPython() async throws {
        let verifier = try ProvenanceVerifier(trustAnchorFiles: [try C2PAFixture.trustAnchorPath])
        let paths = try C2PAFixture.allCases.map { try $0.path }
        let reference = try C2PAFixture.referenceVerdicts(of: paths)
        for fixture in C2PAFixture.allCases {
            let verdict = try #require(reference[fixture.rawValue])
            let ours = await verifier.verify(fileAt: URL(fileURLWithPath: try fixture.path))
            #expect(ours.state == Self.state(of: verdict), "\(fixture.rawValue): c2pa-python \(verdict.state) \(verdict.codes), Vouch \(ours.state) \(ours.reason ?? "")")
        }
    }

    @Test func tamperedClipFailsTheSameCheckInBoth() async throws {
        let verdict = try #require(try C2PAFixture.referenceVerdicts(of: [try C2PAFixture.tampered.path])[C2PAFixture.tampered.rawValue])
        #expect(verdict.codes.contains("assertion.bmffHash.mismatch"))
        let ours = await try ProvenanceVerifier(trustAnchorFiles: [try C2PAFixture.trustAnchorPath]).verify(fileAt: URL(fileURLWithPath: try C2PAFixture.tampered.path))
        #expect(ours.reason?.contains("BMFF hash") == true)
    }
}
