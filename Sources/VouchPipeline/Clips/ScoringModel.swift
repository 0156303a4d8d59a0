import Foundation
import VouchModel

/// How a clip's authenticity score is made from three explained parts; the weights
/// live in `Config/vouch.json` (`scoring`). `Docs/scoring.md` describes the model.
public struct ScoringModel: Sendable, Codable, Equatable {
    public var identityWeight = 0.3
    public var originalityWeight = 0.45
    public var trustWeight = 0.25
    /// Identity assurance from the platform's attestation alone.
    public var attestedBase = 0.4
    public var verifiedPurchaseBonus = 0.2
    public var reviewerSignatureBonus = 0.2
    /// An account this old or older earns the full account-age part.
    public var matureAccountDays = 365.0
    /// Platforms whose claims (an account older than `matureAccountDays` with a verified
    /// purchase) may make an identity a trust seed. Moderator approvals always do. Empty by
    /// default: a platform's claims are assertions, and a platform that asserted its own
    /// throwaway accounts into seeds would steer the trust of everyone near them.
    public var trustSeedPlatforms: [String] = []
    public var accountAgeBonus = 0.2
    /// Identity assurance added when the clip carries intact C2PA credentials from a trusted
    /// signer that declare a capture (`provenance.trustAnchors`): a camera vouches for the footage.
    public var trustedCaptureBonus = 0.2
    /// Originality left to a reviewer who re-uploads their own earlier clip.
    public var selfReuploadOriginality = 0.7

    public init() {}

    /// Scores a clip from what the pipeline learnt about it.
    public func score(_ evidence: ScoringEvidence) -> ScoreParts {
        var identity = attestedBase
        if evidence.verifiedPurchase { identity += verifiedPurchaseBonus }
        if evidence.reviewerSigned { identity += reviewerSignatureBonus }
        if let age = evidence.accountAgeDays { identity += accountAgeBonus * min(1, max(0, age) / matureAccountDays) }
        if evidence.trustedCapture { identity += trustedCaptureBonus }
        identity = min(1, identity)

        var originality = 1.0
        for match in evidence.matches where !match.commonContentOnly {
            let covered = min(1, max(0, match.queryCoverage))
            let left: Double
            switch match.kind {
            case .referenceFootage, .otherIdentity: left = 1 - covered
            case .sameIdentity: left = 1 - covered * (1 - selfReuploadOriginality)
            }
            originality = min(originality, left)
        }

        let trust = evidence.banned ? 0 : min(1, max(0, 0.5 * evidence.graphTrust + 0.5 * (0.5 + 0.5 * tanh(evidence.reputation))))
        let total = (identityWeight * identity + originalityWeight * originality + trustWeight * trust)
            / max(identityWeight + originalityWeight + trustWeight, .ulpOfOne)
        return ScoreParts(score: total, identityAssurance: identity, originality: originality, reviewerTrust: trust)
    }
}

/// Everything the score depends on, gathered by the pipeline.
public struct ScoringEvidence: Sendable, Equatable {
    public var verifiedPurchase = false
    public var reviewerSigned = false
    public var accountAgeDays: Double?
    /// The identity's trust from the social graph, 0–1.
    public var graphTrust = 0.0
    /// The identity's moderation record: approvals add, rejections subtract.
    public var reputation = 0.0
    public var banned = false
    /// The upload's C2PA credentials are intact, trusted, and declare a capture.
    public var trustedCapture = false
    public var matches: [MatchEvidence] = []

    public init() {}
}
