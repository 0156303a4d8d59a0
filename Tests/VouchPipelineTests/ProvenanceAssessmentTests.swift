import Testing
import VouchModel
@testable import VouchPipeline
import VouchProvenance

@Suite struct ProvenanceAssessmentTests {
    @Test func aTrustedCaptureAddsItsWeightToIdentityAssurance() {
        let model = ScoringModel()
        var evidence = ScoringEvidence()
        let plain = model.score(evidence).identityAssurance
        evidence.trustedCapture = true
        #expect(abs(model.score(evidence).identityAssurance - plain - model.trustedCaptureBonus) < 1e-12)
    }

    @Test func onlyAnIntactTrustedCaptureCounts() {
        let capture = Provenance(state: .valid, digitalSourceType: "digitalCapture", actions: ["c2pa.created"])
        #expect(capture.isTrustedCapture)
        var untrusted = capture
        untrusted.state = .untrusted
        #expect(!untrusted.isTrustedCapture)
        let generated = Provenance(state: .valid, digitalSourceType: "trainedAlgorithmicMedia", aiGenerated: true)
        #expect(!generated.isTrustedCapture)
    }

    @Test(arguments: [
        (Provenance.absent, [FlagKind]()),
        (Provenance(state: .valid, digitalSourceType: "digitalCapture"), []),
        (Provenance(state: .untrusted, digitalSourceType: "digitalCapture"), []),
        (Provenance(state: .valid, digitalSourceType: "trainedAlgorithmicMedia", aiGenerated: true), [.aiGenerated]),
        (Provenance(state: .untrusted, digitalSourceType: "trainedAlgorithmicMedia", aiGenerated: true), [.aiGenerated]),
        (Provenance(state: .invalid, reason: "does not match: the file changed after signing (BMFF hash)"), [.provenanceInvalid]),
    ])
    func flagsFollowTheCredentials(_ provenance: Provenance, _ kinds: [FlagKind]) throws {
        #expect(try ClipAssessment.provenanceFlags(provenance).map(\.kind) == kinds)
    }
}
