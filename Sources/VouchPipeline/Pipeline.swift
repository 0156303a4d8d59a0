import Foundation
import Logging
import VouchStore

/// One process's share of the pipeline: the store, the index that follows it, the
/// spool, and the workers it runs.
public struct Pipeline: Sendable {
    public let store: Store
    public let index: IndexFollower
    public let spool: Spool
    public let configuration: PipelineConfiguration
    let logger: Logger

    /// Opens the store, migrates it, and loads the index from it.
    public static func start(location: StoreLocation, spool: Spool, settings: PipelineConfiguration, logger: Logger) async throws -> Pipeline {
        let store = try await Store.open(location, queue: settings.pipeline.queue, logger: logger)
        do {
            let index = try await IndexFollower.start(store: store, settings: settings.index, logger: logger)
            return Pipeline(store: store, index: index, spool: spool, configuration: settings, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
    }

    public func worker(named name: String) -> Worker {
        Worker(id: name, store: store, index: index, spool: spool, settings: configuration.pipeline, media: configuration.media,
               fingerprinting: configuration.fingerprint, scoring: configuration.scoring, logger: logger)
    }

    /// Follows the store's index, recomputes trust, delivers webhooks and runs `count`
    /// workers until the task is cancelled.
    public func runWorkers(count: Int, namePrefix: String) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await index.follow(every: configuration.pipeline.indexPollSeconds) }
            group.addTask {
                await TrustRecomputer(store: store, matureAccountDays: configuration.scoring.matureAccountDays, logger: logger)
                    .run(every: configuration.pipeline.trustRecomputeSeconds)
            }
            group.addTask { await WebhookDispatcher(store: store, settings: configuration.pipeline.webhooks, logger: logger).run() }
            for number in 0..<count {
                let worker = worker(named: count == 1 ? namePrefix : "\(namePrefix)/\(number + 1)")
                group.addTask { await worker.run() }
            }
        }
    }
}
