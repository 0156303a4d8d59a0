import ArgumentParser
import Foundation
import Logging
import VouchCommandLine
import VouchServer
import VouchStore

/// What the commands that change the registry share: the store they change, the settings
/// (whose old platform and moderator lists are moved into the store first), and the name
/// the audit log records them under.
struct RegistryOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    @Option(help: ArgumentHelp("Who is making the change, as the audit log records it (operator:<name>).", valueName: "name"))
    var by: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    var actor: String {
        get throws {
            guard AuditName.isValid(by) else { throw ValidationError("--by '\(by)' is not a usable name: use 1–64 letters, digits, '-', '_' or '.'") }
            return "operator:\(by)"
        }
    }

    /// Opens the store, runs `body`, and closes the store, whatever `body` does; store
    /// refusals become messages an operator can act on.
    func withStore<R>(_ body: (Store) async throws -> R) async throws -> R {
        let loaded = try settings.load()
        var logger = Logger(label: "vouch.registry")
        logger.logLevel = .error
        let opened = try await Store.open(try store.location, logger: logger)
        do {
            let directory = settings.file.directory
            let imported = try await opened.importRegistry(from: loaded.identity, moderation: loaded.moderation, settingsDirectory: directory)
            if !imported.isEmpty { FileHandle.standardError.write(Data("Moved from \(settings.file.path) into the store: \(imported.joined(separator: ", ")).\n".utf8)) }
            let result = try await body(opened)
            try await opened.close()
            return result
        } catch let error as StoreError {
            try? await opened.close()
            throw ValidationError(error.description)
        } catch {
            try? await opened.close()
            throw error
        }
    }
}
