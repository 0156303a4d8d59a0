import ArgumentParser
import Foundation
import Logging
import VouchCommandLine
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

/// `vouch log key`: prints the log's public key; with `--create`, makes the key first.
///
/// It never makes a key by accident: a key is named after `log.origin` for good, so one
/// made in the wrong directory, or before the origin was set, would sign a log nobody can
/// verify under the published name.
struct LogKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the review log's public key (name+hash+base64); --create makes the key file first.",
        discussion: """
            The key file is log.keyFile under --data (the shared data directory on PostgreSQL), so every process             given that directory signs with it. Set log.origin in the settings before --create: the key is made             for that origin, and a process whose log.origin differs from its key's refuses to start. Publish the             printed key: 'vouch verify --key' needs it.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    @Flag(help: "Make the key file for log.origin when there is none.")
    var create = false

    func run() async throws {
        let loaded = try settings.load()
        let file = store.logKeyFile(loaded.log)
        if let signer = try file.load(origin: loaded.log.origin) {
            print(signer.verifier.encoded)
            return
        }
        guard create else {
            throw ValidationError("there is no review log key at \(file.path): check --data (or $VOUCH_DATA), or make one with --create")
        }
        guard loaded.log.origin != LogSettings().origin else {
            throw ValidationError("log.origin is still the example '\(LogSettings().origin)' (settings: \(settings.file.path)): "
                + "set it to this log's host and path before making its key, which is named after it for good")
        }
        let signer = try file.loadOrCreate(origin: loaded.log.origin)
        FileHandle.standardError.write(Data("made \(file.path) for origin '\(loaded.log.origin)'\n".utf8))
        print(signer.verifier.encoded)
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
        let verifier = try store.logKeyFile(loaded.log).load(origin: loaded.log.origin)?.verifier
        let problems = try await LogSelfCheck(store: opened, verifier: verifier, logger: logger).check()
        let size = try await opened.logSize()
        try await opened.close()
        for problem in problems { print("FAIL \(problem)") }
        guard problems.isEmpty else { throw ExitCode.failure }
        print("ok: \(size) entries agree with their checkpoints and with every clip shoppers see")
    }
}
