import ArgumentParser
import Foundation
import Logging
import VouchLog
import VouchPipeline
import VouchStore

/// `vouch log`: the review log's key, and the operator's check of the log against the store.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The tamper-evident review log: its public key, and a full check against the store.",
        subcommands: [LogKeyCommand.self, LogCheckCommand.self]
    )
}

/// `vouch log key`: prints the log's public key, creating the key on first use.
struct LogKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the review log's public key (name+hash+base64), creating the key file if there is none.",
        discussion: "Publish the printed key: 'vouch verify --key' needs it. Keep the key file itself secret; every process that signs checkpoints needs a copy."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let loaded = try settings.load()
        print(try store.logKeyFile(loaded.log).loadOrCreate(origin: loaded.log.origin).verifier.encoded)
    }
}

/// `vouch log check`: the server's self-check, run once by hand.
struct LogCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Rebuild the review log from the store and compare it with its checkpoints and the clips shoppers see.",
        discussion: "Exits 1 and names each problem when the store was changed behind the log's back."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let loaded = try settings.load()
        var logger = Logger(label: "vouch.log")
        logger.logLevel = .error
        let opened = try await Store.open(try store.location, logger: logger)
        let verifier = try store.logKeyFile(loaded.log).load()?.verifier
        let problems = try await LogSelfCheck(store: opened, verifier: verifier, logger: logger).check()
        let size = try await opened.logSize()
        try await opened.close()
        for problem in problems { print("FAIL \(problem)") }
        guard problems.isEmpty else { throw ExitCode.failure }
        print("ok: \(size) entries agree with their checkpoints and with every clip shoppers see")
    }
}
