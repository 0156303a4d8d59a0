import ArgumentParser
import Foundation
import Logging
import VouchPipeline
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

    func run() async throws {
        let loaded = try settings.load()
        let logger = Logger(label: "vouch.worker")
        let pipeline = try await Pipeline.start(
            location: try store.location, spool: Spool(directory: store.spoolDirectory), settings: loaded.pipelineConfiguration,
            logSigner: try store.logSigner(loaded.log), secrets: try store.secretSeal(loaded.pipeline.webhooks), logger: logger
        )
        let base = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        await pipeline.runWorkers(count: concurrency, namePrefix: base)
    }
}
