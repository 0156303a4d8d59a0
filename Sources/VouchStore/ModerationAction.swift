import VouchModel

/// What a moderator can decide about a clip, and what each decision does to it and to
/// its reviewer's identity. `Docs/scoring.md` explains how reputation feeds trust.
public enum ModerationAction: String, Sendable, Codable, CaseIterable {
    /// The clip is genuine: it is published, and its identity's reputation rises by 1.
    case approve
    /// The clip is not acceptable: it leaves the index, and its identity's reputation falls by 1.
    case reject
    /// The person behind the clip is abusing the service: the clip is rejected, the identity
    /// banned with reputation −3, and its other published clips held for review.
    case banIdentity = "ban-identity"
    /// The clip is brand or stock footage: it joins the reference bank, stays in the index
    /// so later copies of it are penalised, and is hidden from shoppers.
    case markReference = "mark-reference"

    /// The clip's status after the decision.
    public var resultingStatus: ClipStatus {
        self == .approve ? .published : .rejected
    }

    /// How much the decision moves the identity's reputation.
    public var reputationChange: Double {
        switch self {
        case .approve: return 1
        case .reject: return -1
        case .banIdentity: return -3
        case .markReference: return 0
        }
    }

    /// The statuses a clip may be in for this decision: approval is for held clips; the
    /// others also apply to a clip already published.
    public var decidableStatuses: Set<ClipStatus> {
        self == .approve ? [.flagged] : [.flagged, .published]
    }
}
