import ArgumentParser
import Foundation
import VouchIdentity
import VouchStore

/// `vouch operator`: the tokens that authenticate operators to the admin API
/// (`/v1/admin/...`), which manages platforms and moderators over HTTP.
struct OperatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Issue, revoke and list the operators' admin-API tokens.",
        subcommands: [OperatorAddCommand.self, OperatorRemoveCommand.self, OperatorListCommand.self]
    )
}

/// `vouch operator add`: a new admin-API token, printed once.
struct OperatorAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Issue an operator an admin-API token; prints it once, stores only its hash.")

    @Option(help: "The operator's name, as the audit log records their changes (operator:<name>).")
    var name: String

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        guard AuditName.isValid(name) else {
            throw ValidationError("'\(name)' is not a usable name: use 1–64 letters, digits, '-', '_' or '.'")
        }
        let (token, hash) = APIKey.generate(prefix: "vo_")
        try await registry.withStore { try await $0.addOperatorToken(name: name, sha256: hash, by: try registry.actor) }
        print("Operator '\(name)' may use the admin API with this token, shown only now:")
        print(token)
    }
}

/// `vouch operator remove`: revokes an operator's token.
struct OperatorRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Revoke an operator's admin-API token.")

    @Option(help: "The operator's name.")
    var name: String

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        try await registry.withStore { try await $0.removeOperatorToken(name: name, by: try registry.actor) }
        print("Revoked the admin-API token of '\(name)'.")
    }
}

/// `vouch operator list`: who holds a token.
struct OperatorListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the operators who hold admin-API tokens.")

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        for name in try await registry.withStore({ try await $0.operatorTokenNames() }) { print(name) }
    }
}
