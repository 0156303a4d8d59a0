import VouchStore

/// Someone who may log in to the moderator UI, with their password hash parsed.
public struct ModeratorAccount: Sendable, Codable, Equatable {
    public var name: String
    public var role: ModeratorRole
    public var passwordHash: PasswordHash

    public init(name: String, role: ModeratorRole, passwordHash: PasswordHash) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }

    /// The shortest password a moderator may have.
    public static let minimumPasswordLength = 12

    /// Whether `name` is usable as a moderator name: it appears in the audit log as
    /// `moderator:<name>`, so it is kept short and plain.
    public static func isValidName(_ name: String) -> Bool {
        AuditName.isValid(name)
    }
}
