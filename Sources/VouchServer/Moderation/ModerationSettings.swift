/// The moderator UI: `moderation` in `Config/vouch.json`.
public struct ModerationSettings: Sendable, Codable, Equatable {
    /// Moderators as settings files before the store's registry listed them: moved into the
    /// store at the first start and ignored after (`vouch moderator` manages them now).
    public var users: [ModeratorAccount] = []
    /// How long a login lasts before the moderator must log in again.
    public var sessionMinutes = 480.0
    /// Marks the session cookie `Secure`, so a browser sends it only over HTTPS (and to
    /// `localhost`, which browsers treat as secure). On by default; turn it off only to
    /// reach the UI over plain HTTP on another host, which no production set-up should.
    public var secureCookies = true
    /// Refused logins for one name from one client address within `lockoutMinutes` before
    /// that address may not try that name for the rest of the window.
    public var maximumFailedLogins = 5
    /// Refused logins from one client address, whatever the names, before it may not try
    /// any for the rest of the window.
    public var maximumFailedLoginsPerAddress = 20
    public var lockoutMinutes = 15.0

    public init(users: [ModeratorAccount] = []) {
        self.users = users
    }
}
