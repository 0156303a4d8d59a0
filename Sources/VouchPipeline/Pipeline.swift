import Foundation
import Logging
import ServiceLifecycle
import VouchLog
import VouchProvenance
import VouchStore

/// One process's share of the pipeline: the store, the index that follows it, the
/// spool, and the workers it runs.
public struct Pipeline: Sendable {
    public let store: Store
    public let index: IndexFollower
    public let spool: Spool
    public let configuration: PipelineConfiguration
    /// The review log's signing key, when this process signs checkpoints.
    public let logSigner: NoteSigner?
    /// Checks uploads' C2PA content credentials against `provenance.trustAnchors`.
    let provenance: ProvenanceVerifier
    let logger: Logger

    /// Opens the store, migrates it, and loads the index from it.
    public static func start(location: StoreLocation, spool: Spool, settings: PipelineConfiguration, logSigner: NoteSigner? = nil,
                             secrets: SecretSeal = .none, logger: Logger) async throws -> Pipeline {
        let provenance = try settings.provenance.verifier()
        let store = try await Store.open(location, queue: settings.pipeline.queue, secrets: secrets, logger: logger)
        do {
            let index = try await IndexFollower.start(store: store, settings: settings.index, logger: logger)
            return Pipeline(store: store, index: index, spool: spool, configuration: settings, logSigner: logSigner,
                            provenance: provenance, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
    }

    public func worker(named name: String) -> Worker {
        Worker(id: name, store: store, index: index, spool: spool, settings: configuration.pipeline, media: configuration.media,
               fingerprinting: configuration.fingerprint, scoring: configuration.scoring, provenance: provenance, logger: logger)
    }

    /// This process's long-running loops, as services for one `ServiceGroup`: following the
    /// index, keeping the review log signed and checked, and sweeping the spool; with
    /// `workers` above 0 also recomputing trust, delivering webhooks, and the workers.
    ///
    /// A group shuts its services down in reverse order, so the workers (last) drain
    /// before the loops they rely on stop.
    public func services(workers count: Int, namePrefix: String) -> [any Service] {
        var loops: [@Sendable () async -> Void] = [
            { await index.follow(every: configuration.pipeline.indexPollSeconds) },
            { await maintainLog() },
            { await sweepSpool() },
        ]
        guard count > 0 else { return loops.map(BackgroundLoop.init) }
        loops.append {
            await TrustRecomputer(store: store, matureAccountDays: configuration.scoring.matureAccountDays,
                                  seedPlatforms: Set(configuration.scoring.trustSeedPlatforms), demand: configuration.pipeline.demand, logger: logger)
                .run(every: configuration.pipeline.trustRecomputeSeconds)
        }
        loops.append { await WebhookDispatcher(store: store, settings: configuration.pipeline.webhooks, logger: logger).run() }
        let workers = (0..<count).map { worker(named: count == 1 ? namePrefix : "\(namePrefix)/\($0 + 1)") }
        return loops.map(BackgroundLoop.init) + [WorkerPool(workers: workers)]
    }

    /// Removes abandoned uploads from the spool every minute, until cancelled.
    public func sweepSpool() async {
        await SpoolSweeper(spool: spool, store: store, logger: logger).run(every: 60)
    }

    /// Signs checkpoints (with the key) and checks the log against the store, until cancelled.
    public func maintainLog() async {
        await withTaskGroup(of: Void.self) { group in
            if let logSigner {
                let signer = CheckpointSigner(store: store, signer: logSigner, origin: configuration.log.origin, logger: logger)
                group.addTask { await signer.run(every: configuration.log.checkpointSeconds) }
            }
            group.addTask {
                await LogSelfCheck(store: store, verifier: logSigner?.verifier, logger: logger).run(every: configuration.log.selfCheckSeconds)
            }
        }
    }
}
