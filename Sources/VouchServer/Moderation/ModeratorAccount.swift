/// Someone who may log in to the moderator UI, as the settings file lists them.
public struct ModeratorAccount: Sendable, Codable, Equatable {
    public var name: String
    public var role: ModeratorRole
    public var passwordHash: PasswordHash

    public init(name: String, role: ModeratorRole, passwordHash: PasswordHash) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }

    /// Whether `name` is usable as a moderator name: it appears in the audit log as
    /// `moderator:<name>`, so it is kept short and plain.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
