import ArgumentParser
import Foundation
import VouchServer
#if canImport(Glibc)
import Glibc
#endif

/// `vouch moderator`: the people who may use the moderator UI, as the operator lists them.
struct ModeratorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderator",
        abstract: "Add the moderators who may log in to the moderator UI, and list them.",
        subcommands: [ModeratorAddCommand.self, ModeratorListCommand.self]
    )
}

extension ModeratorRole: ExpressibleByArgument {}

/// `vouch moderator add`: hashes a password with scrypt and adds the moderator to the settings file.
struct ModeratorAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a moderator. The password is asked for (or read from stdin); only its scrypt hash is stored.",
        discussion: "Roles: 'moderator' approves and rejects clips; 'admin' also bans identities and marks reference footage."
    )

    static let minimumPasswordLength = 12

    @Option(help: "The moderator's login name (letters, digits, '-', '_', '.'; at most 64).")
    var name: String

    @Option(help: "moderator or admin.")
    var role: ModeratorRole = .moderator

    @Flag(help: "Read the password from the first line of standard input instead of asking for it.")
    var passwordStdin = false

    @Option(help: ArgumentHelp("scrypt's cost as log₂ N (memory is 2^N KiB at r = 8).", valueName: "log2N"))
    var scryptCost = PasswordHash.Cost.recommended.log2N

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        guard ModeratorAccount.isValidName(name) else {
            throw ValidationError("'\(name)' is not a usable name: use 1–64 letters, digits, '-', '_' or '.'")
        }
        let current = FileManager.default.fileExists(atPath: settings.path) ? try settings.load() : VouchSettings()
        guard !current.moderation.users.contains(where: { $0.name == name }) else {
            throw ValidationError("moderator '\(name)' is already in \(settings.path)")
        }
        let password = try readPassword()
        guard password.count >= Self.minimumPasswordLength else {
            throw ValidationError("the password must have at least \(Self.minimumPasswordLength) characters")
        }
        let hash: PasswordHash
        do {
            hash = try PasswordHash.make(password: password, cost: PasswordHash.Cost(log2N: scryptCost))
        } catch let error as PasswordHashError {
            throw ValidationError("\(error)")
        }
        try SettingsFile(path: settings.path).appendModerator(ModeratorAccount(name: name, role: role, passwordHash: hash))
        print("Added \(role.rawValue) '\(name)' to \(settings.path) (scrypt, ln=\(hash.cost.log2N)). Restart 'vouch serve' to apply.")
    }

    private func readPassword() throws -> String {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("standard input is not a terminal: pass the password on stdin with --password-stdin")
        }
        let first = String(cString: getpass("Password for \(name): "))
        let second = String(cString: getpass("Again: "))
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    }
}

/// `vouch moderator list`: names and roles, never hashes.
struct ModeratorListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the moderators and their roles.")

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        for user in try settings.load().moderation.users {
            print("\(user.name)\t\(user.role.rawValue)")
        }
    }
}
