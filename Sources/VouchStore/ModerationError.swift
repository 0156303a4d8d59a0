import VouchModel

/// Why a moderation decision was refused, with what the moderator needs to know.
public enum ModerationError: Error, Equatable, CustomStringConvertible {
    /// The clip does not exist.
    case clipNotFound(Int64)
    /// The clip's status does not allow this decision (it was already decided, or is not analysed yet).
    case notDecidable(clip: Int64, status: ClipStatus, action: ModerationAction)
    /// Every decision needs a reason for the audit log.
    case reasonMissing

    public var description: String {
        switch self {
        case .clipNotFound(let clip):
            return "clip \(clip) does not exist"
        case .notDecidable(let clip, let status, let action):
            return "clip \(clip) is \(status.rawValue): '\(action.rawValue)' applies only to \(action.decidableStatuses.map(\.rawValue).sorted().joined(separator: " or ")) clips"
        case .reasonMissing:
            return "give a reason: every decision is recorded with it"
        }
    }
}
