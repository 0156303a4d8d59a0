/// The moderator UI: `moderation` in `Config/vouch.json`.
public struct ModerationSettings: Sendable, Codable, Equatable {
    /// Who may log in, with a role and a password hash each (`vouch moderator add`).
    public var users: [ModeratorAccount] = []
    /// How long a login lasts before the moderator must log in again.
    public var sessionMinutes = 480.0
    /// Marks the session cookie `Secure`. Turn it on whenever TLS fronts Vouch, as it
    /// should for any moderator reaching it over a network.
    public var secureCookies = false
    /// Refused logins for one moderator name within `lockoutMinutes` before that name is
    /// locked for the rest of the window.
    public var maximumFailedLogins = 5
    public var lockoutMinutes = 15.0

    public init(users: [ModeratorAccount] = []) {
        self.users = users
    }
}
