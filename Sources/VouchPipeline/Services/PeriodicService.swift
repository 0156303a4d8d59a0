import Logging
import ServiceLifecycle

/// Work done in rounds every few seconds for the life of a process (following the index,
/// signing and checking the review log, sweeping the spool, recomputing trust), as a
/// service: a graceful shutdown cancels it, since no round holds anything that needs
/// finishing. A failed round is logged, its repeats summarised (``RepeatedErrorLog``),
/// and the next round comes all the same.
struct PeriodicService: Service {
    /// How a failed round is logged: at which level, saying what.
    typealias Failure = @Sendable (any Error) -> (level: Logger.Level, message: String)

    /// Between rounds, jittered (``PollingTicks``); the first round starts at once. Zero
    /// or less turns the work off.
    let seconds: Double
    let logger: Logger
    let failure: Failure
    let round: @Sendable () async throws -> Void

    func run() async {
        guard seconds > 0 else {
            // A service that returns ends its group, and the process with it.
            try? await gracefulShutdown()
            return
        }
        let errors = RepeatedErrorLog(logger: logger)
        await cancelWhenGracefulShutdown {
            for await _ in PollingTicks(seconds: seconds) {
                do {
                    try await round()
                } catch {
                    let (level, message) = failure(error)
                    await errors.log(level, message)
                }
            }
        }
    }
}
