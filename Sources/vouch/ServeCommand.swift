import ArgumentParser
import Foundation
import Logging
import VouchCommandLine
import VouchPipeline
import VouchServer
import VouchStore

/// `vouch serve`: the HTTP API, with workers in the same process on the embedded default.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the platform API; on the embedded database, process clips in the same process.",
        discussion: """
            On the embedded default (SQLite under --data) the server runs pipeline workers \
            itself (pipeline.inProcessWorkers in the settings). With --database postgres://... it \
            runs none unless --workers says so: start 'vouch worker' processes instead, on any machine.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    @Option(help: "The address to listen on (default: server.host in the settings).")
    var host: String?

    @Option(help: "The port to listen on (default: server.port in the settings).")
    var port: Int?

    @Option(help: "Pipeline workers in this process (default: pipeline.inProcessWorkers on SQLite, 0 on PostgreSQL).")
    var workers: Int?

    func run() async throws {
        let loaded = try settings.load()
        var server = loaded.server
        if let host { server.host = host }
        if let port { server.port = port }
        let location = try store.location
        let logger = Logger(label: "vouch.serve")
        let pipeline = try await Pipeline.start(location: location, spool: Spool(directory: store.spoolDirectory), settings: loaded.pipelineConfiguration,
                                                media: try store.mediaStore(loaded.mediaStore), logSigner: try store.logSigner(loaded.log), secrets: try store.secretSeal(loaded.pipeline.webhooks),
                                                logger: logger)
        let settingsDirectory = settings.file.directory
        let service = try await VouchServer(pipeline: pipeline, settings: server, identity: loaded.identity, moderation: loaded.moderation,
                                            settingsDirectory: settingsDirectory, logger: logger)
        let embedded = if case .sqlite = location { true } else { false }
        let workerCount = workers ?? (embedded ? loaded.pipeline.inProcessWorkers : 0)
        logger.info("serving", metadata: ["address": "http://\(server.host):\(server.port)", "store": "\(location)", "workers": "\(workerCount)"])
        let watchdog = ShutdownWatchdog(grace: loaded.pipeline.drainSeconds + 20, logger: logger)
        defer { watchdog.disarm() }
        do {
            try await service.run(workers: workerCount, workerName: "\(ProcessInfo.processInfo.hostName):\(getpid())", logger: logger)
        } catch {
            // A port already in use, say: the store is closed all the same.
            try? await pipeline.store.close()
            throw error
        }
        try await pipeline.store.close()
        logger.info("server stopped")
    }
}
