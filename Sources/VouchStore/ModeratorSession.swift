import Foundation

/// A moderator's logged-in session as the store keeps it: whose it is, the token every
/// form must carry back, and when it ends. The session id itself is never stored.
public struct ModeratorSession: Sendable, Equatable {
    public var moderator: String
    /// The synchroniser token that forms embed and each POST must return.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(moderator: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.moderator = moderator
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
