import Logging
import VouchPipeline
import VouchStore

/// This process's copy of the fleet's registry: platforms, their keys and API keys, and
/// moderators. It asks the store for the registry's version at most once per refresh
/// interval, and re-reads the registry only when the version moved, so a platform added
/// on any host is accepted here within that interval, with no restart.
///
/// When the store cannot be reached the last copy stays in use: a database outage must
/// not turn into 401s.
actor LiveRegistry {
    private let store: Store
    private let logger: Logger
    private let errors: RepeatedErrorLog
    private let latestVersion: RecentValue<Int64>
    private var current: RegistrySnapshot
    private var reloading: Task<RegistrySnapshot, any Error>?

    init(store: Store, refreshEvery interval: Duration, logger: Logger) async throws {
        self.store = store
        self.logger = logger
        errors = RepeatedErrorLog(logger: logger)
        latestVersion = RecentValue(lifetime: interval) { try await store.registryVersion() }
        current = RegistrySnapshot(try await store.registry(), logger: logger)
    }

    /// The newest copy this process may use.
    func snapshot() async -> RegistrySnapshot {
        do {
            guard try await latestVersion.value() != current.version else { return current }
            if let reloading { return try await reloading.value }
            let task = Task { [store, logger, current] in RegistrySnapshot(try await store.registry(), previous: current, logger: logger) }
            reloading = task
            defer { reloading = nil }
            let fresh = try await task.value
            if fresh.version > current.version { current = fresh }
        } catch {
            await errors.log(.warning, "cannot refresh the platform and moderator registry from the store; using the copy of version \(current.version): \(error)")
        }
        return current
    }

    /// Makes the next ``snapshot()`` ask the store, after a change made by this process.
    func changed() async {
        await latestVersion.forget()
    }
}
