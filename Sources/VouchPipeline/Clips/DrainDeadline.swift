import ServiceLifecycle

/// Bounds how long a shutting-down worker may keep working on the clip it holds.
///
/// SIGTERM starts a graceful shutdown; a clip half analysed is worth finishing, but not
/// for longer than the operator's stop timeout allows (`pipeline.drainSeconds`). Past that,
/// the work is cancelled (which kills the analysis child) and the caller releases the job.
enum DrainDeadline {
    /// Runs `operation` to its end and answers true, unless a graceful shutdown begins and
    /// `seconds` pass first: then `operation` is cancelled and the answer is false.
    static func run(seconds: Double, _ operation: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await operation()
                return true
            }
            group.addTask {
                try await gracefulShutdown()
                try await Task.sleep(for: .seconds(seconds))
                return false
            }
            defer { group.cancelAll() }
            guard let finished = try await group.next() else { return true }
            return finished
        }
    }
}
