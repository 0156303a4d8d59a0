/// What a moderator may do. Both roles see the queue, the evidence and the audit log;
/// decisions whose effects reach beyond one clip (banning a person, building the
/// reference bank that penalises every later copy) are an admin's.
public enum ModeratorRole: String, Sendable, Codable, CaseIterable {
    /// Approves and rejects clips.
    case moderator
    /// Everything a moderator does, and bans identities and marks reference footage.
    case admin

    public func may(_ action: ModerationAction) -> Bool {
        switch self {
        case .admin: return true
        case .moderator: return action == .approve || action == .reject
        }
    }
}
