import ArgumentParser
import Foundation
import VouchServer
import VouchStore
#if canImport(Glibc)
import Glibc
#endif

/// `vouch moderator`: the people who may use the moderator UI, registered in the store so
/// every API process lets them in (or out) within seconds, with no restart.
struct ModeratorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderator",
        abstract: "Add the moderators who may log in to the moderator UI, remove them, and list them.",
        subcommands: [ModeratorAddCommand.self, ModeratorRemoveCommand.self, ModeratorListCommand.self]
    )
}

extension ModeratorRole: ExpressibleByArgument {}

/// `vouch moderator add`: hashes a password with scrypt and adds the moderator to the store.
struct ModeratorAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a moderator. The password is asked for (or read from stdin); only its scrypt hash is stored.",
        discussion: "Roles: 'moderator' approves and rejects clips; 'admin' also bans identities and marks reference footage; 'merchant' sees trusted demand and campaigns for its --product list only."
    )

    @Option(help: "The moderator's login name (letters, digits, '-', '_', '.'; at most 64).")
    var name: String

    @Option(help: "moderator, admin or merchant.")
    var role: ModeratorRole = .moderator

    @Option(help: "A product a merchant account may see; repeatable (merchants only).")
    var product: [String] = []

    @Flag(help: "Read the password from the first line of standard input instead of asking for it.")
    var passwordStdin = false

    @Option(help: ArgumentHelp("scrypt's cost as log₂ N (memory is 2^N KiB at r = 8).", valueName: "log2N"))
    var scryptCost = PasswordHash.Cost.recommended.log2N

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        guard ModeratorAccount.isValidName(name) else {
            throw ValidationError("'\(name)' is not a usable name: use 1–64 letters, digits, '-', '_' or '.'")
        }
        guard product.isEmpty || role == .merchant else { throw ValidationError("--product is for merchant accounts") }
        let password = try readPassword()
        guard password.count >= ModeratorAccount.minimumPasswordLength else {
            throw ValidationError("the password must have at least \(ModeratorAccount.minimumPasswordLength) characters")
        }
        let hash: PasswordHash
        do {
            hash = try PasswordHash.make(password: password, cost: PasswordHash.Cost(log2N: scryptCost))
        } catch let error as PasswordHashError {
            throw ValidationError("\(error)")
        }
        try await registry.withStore { store in
            try await store.addModerator(RegisteredModerator(name: name, role: role, passwordHash: hash.description), by: try registry.actor)
            if role == .merchant { try await store.setMerchantProducts(name, products: product, by: try registry.actor) }
        }
        print("Added \(role.rawValue) '\(name)' (scrypt, ln=\(hash.cost.log2N)); every API process lets them log in within seconds.")
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

/// `vouch moderator remove`: takes a moderator's access away, sessions included.
struct ModeratorRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a moderator and end their sessions.")

    @Option(help: "The moderator's login name.")
    var name: String

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        try await registry.withStore { try await $0.removeModerator(named: name, by: try registry.actor) }
        print("Removed moderator '\(name)'; their sessions have ended.")
    }
}

/// `vouch moderator list`: names and roles, never hashes.
struct ModeratorListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the moderators and their roles.")

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        for moderator in try await registry.withStore({ try await $0.registry().moderators }) {
            print("\(moderator.name)\t\(moderator.role.rawValue)")
        }
    }
}
