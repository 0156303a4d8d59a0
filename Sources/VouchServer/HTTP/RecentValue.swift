/// A value loaded at most once per `lifetime`, however many requests ask, with concurrent
/// askers sharing one load: what keeps anonymous routes that aggregate whole tables (the
/// landing page, readiness, the metrics' queue depths) from being a way to load the store.
actor RecentValue<Value: Sendable> {
    private let lifetime: Duration
    private let load: @Sendable () async throws -> Value
    private var current: (value: Value, loadedAt: ContinuousClock.Instant)?
    private var loading: Task<Value, any Error>?

    init(lifetime: Duration, load: @escaping @Sendable () async throws -> Value) {
        self.lifetime = lifetime
        self.load = load
    }

    func value() async throws -> Value {
        if let current, ContinuousClock.now - current.loadedAt < lifetime { return current.value }
        if let loading { return try await loading.value }
        let task = Task { try await load() }
        loading = task
        defer { loading = nil }
        let value = try await task.value
        current = (value, ContinuousClock.now)
        return value
    }

    /// Drops the loaded value, so the next ask loads anew.
    func forget() {
        current = nil
    }
}
