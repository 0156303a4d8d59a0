import Foundation
import Logging
import ServiceLifecycle
import VouchLog
import VouchMediaStore
import VouchProvenance
import VouchStore

/// One process's share of the pipeline: the store, the index that follows it, the
/// spool, and the workers it runs.
public struct Pipeline: Sendable {
    public let store: Store
    public let index: IndexFollower
    public let spool: Spool
    public let configuration: PipelineConfiguration
    /// Where review media is kept: originals, renditions and posters.
    public let media: any MediaStore
    /// The review log's signing key, when this process signs checkpoints.
    public let logSigner: NoteSigner?
    /// Checks uploads' C2PA content credentials against `provenance.trustAnchors`.
    let provenance: ProvenanceVerifier
    let logger: Logger

    /// Opens the store, migrates it, and loads the index from it. Without a media store,
    /// media is kept in the spool's `media` directory (what tests use; the commands pass
    /// the store `mediaStore` configures).
    public static func start(location: StoreLocation, spool: Spool, settings: PipelineConfiguration, media: (any MediaStore)? = nil,
                             logSigner: NoteSigner? = nil, secrets: SecretSeal = .none, logger: Logger) async throws -> Pipeline {
        let media = media ?? DirectoryMediaStore(root: spool.directory.appendingPathComponent("media").path)
        let provenance = try settings.provenance.verifier()
        let store = try await Store.open(location, queue: settings.pipeline.queue, secrets: secrets, logger: logger)
        do {
            let index = try await IndexFollower.start(store: store, settings: settings.index, logger: logger)
            return Pipeline(store: store, index: index, spool: spool, configuration: settings, media: media, logSigner: logSigner,
                            provenance: provenance, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
    }

    public func worker(named name: String) -> Worker {
        Worker(id: name, store: store, index: index, spool: spool, settings: configuration.pipeline, media: configuration.media,
               fingerprinting: configuration.fingerprint, scoring: configuration.scoring, provenance: provenance,
               keeper: MediaKeeper(store: media, renderer: configuration.pipeline.renderer, scratch: spool.directory.appendingPathComponent("renditions"),
                                   limits: configuration.media.limits, rendition: configuration.mediaStore.rendition, logger: logger),
               logger: logger)
    }

    /// This process's long-running loops, as services for one `ServiceGroup`: following the
    /// index, keeping the review log signed and checked, and sweeping the spool; with
    /// `workers` above 0 also recomputing trust, delivering webhooks, and the workers.
    ///
    /// A group shuts its services down in reverse order, so the workers (last) drain
    /// before the loops they rely on stop.
    public func services(workers count: Int, namePrefix: String) -> [any Service] {
        var services: [any Service] = [
            index.service(every: configuration.pipeline.indexPollSeconds),
            LogSelfCheck(store: store, verifier: logSigner?.verifier, logger: logger).service(every: configuration.log.selfCheckSeconds),
            // Removes abandoned uploads every minute.
            SpoolSweeper(spool: spool, store: store, logger: logger).service(every: 60),
            MediaSweeper(store: store, media: media, keepRejectedOriginals: configuration.mediaStore.keepRejectedOriginals, logger: logger)
                .service(every: configuration.mediaStore.sweepSeconds),
        ]
        if let logSigner {
            services.append(CheckpointSigner(store: store, signer: logSigner, origin: configuration.log.origin, logger: logger)
                .service(every: configuration.log.checkpointSeconds))
        }
        guard count > 0 else { return services }
        services.append(TrustRecomputer(store: store, matureAccountDays: configuration.scoring.matureAccountDays,
                                        seedPlatforms: Set(configuration.scoring.trustSeedPlatforms), demand: configuration.pipeline.demand, logger: logger)
            .service(every: configuration.pipeline.trustRecomputeSeconds))
        services.append(WebhookDispatcher(store: store, settings: configuration.pipeline.webhooks, logger: logger))
        let workers = (0..<count).map { worker(named: count == 1 ? namePrefix : "\(namePrefix)/\($0 + 1)") }
        return services + [WorkerPool(workers: workers)]
    }
}
