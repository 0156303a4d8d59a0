import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import VouchCommandLine
import VouchPipeline
import VouchServer
import VouchStore

/// `vouch worker`: processes clips from the shared job queue until stopped.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Process submitted clips: probe, fingerprint, match, check identity, score.",
        discussion: """
            Run any number of workers, on any number of machines, against one PostgreSQL \
            (--database postgres://...). Each clip is decoded in a child process with CPU, \
            memory and time limits. A worker that dies loses nothing: its lease expires and \
            another worker takes the clip. Workers share the upload spool (--data), which must \
            then be a shared file system.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    @Option(help: "Workers in this process.")
    var concurrency: Int = 1

    @Option(help: "A name for this worker in leases and the audit log (default: host and process id).")
    var name: String?

    @Option(help: "Serve /metrics on this port (loopback unless --metrics-host says otherwise; default: no listener).")
    var metricsPort: Int?

    @Option(help: "The address of the /metrics listener; off loopback it needs server.metricsToken.")
    var metricsHost = "127.0.0.1"

    func run() async throws {
        let loaded = try settings.load()
        let logger = Logger(label: "vouch.worker")
        let pipeline = try await Pipeline.start(
            location: try store.location, spool: Spool(directory: store.spoolDirectory), settings: loaded.pipelineConfiguration,
            media: try store.mediaStore(loaded.mediaStore), logSigner: try store.logSigner(loaded.log), secrets: try store.secretSeal(loaded.pipeline.webhooks), logger: logger
        )
        let base = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        var services: [any Service] = []
        if let metricsPort {
            // First, so that it stops last: a worker draining its clip can still be scraped.
            let listener = MetricsListener(store: pipeline.store, host: metricsHost, port: metricsPort, token: loaded.server.metricsToken)
            services.append(listener.application(logger: logger))
        }
        services += pipeline.services(workers: concurrency, namePrefix: base)
        // SIGTERM and SIGINT drain: no new clips, the one in hand finished or given back.
        let watchdog = ShutdownWatchdog(grace: loaded.pipeline.drainSeconds + 20, logger: logger)
        defer { watchdog.disarm() }
        do {
            try await ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
        } catch {
            // A metrics port already in use, say: the store is closed all the same.
            try? await pipeline.store.close()
            throw error
        }
        try await pipeline.store.close()
        logger.info("worker process stopped")
    }
}
