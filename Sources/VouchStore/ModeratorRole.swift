/// What a back-office account may do. Moderators and admins see the queue, the evidence and the audit log;
/// decisions whose effects reach beyond one clip (banning a person, building the
/// reference bank that penalises every later copy) are an admin's.
public enum ModeratorRole: String, Sendable, Codable, CaseIterable {
    /// Approves and rejects clips.
    case moderator
    /// Everything a moderator does, and bans identities and marks reference footage.
    case admin
    /// A brand's or shop's staff: sees trusted demand and campaigns for their own products
    /// (`merchant_products`), and nothing of moderation.
    case merchant

    public func may(_ action: ModerationAction) -> Bool {
        switch self {
        case .admin: return true
        case .moderator: return action == .approve || action == .reject
        case .merchant: return false
        }
    }
}
