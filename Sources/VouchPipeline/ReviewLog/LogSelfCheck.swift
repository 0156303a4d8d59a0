import Logging
import Metrics
import VouchLog
import VouchStore

/// The service checking its own review log: rebuilds the tree from the stored entries and
/// compares it with the signed checkpoints and with the clips shoppers see. Problems are
/// logged as critical and counted in `vouch_log_problems`, for an operator's alert.
public struct LogSelfCheck: Sendable {
    let store: Store
    /// The log's key when this process has it; otherwise the one the log recorded.
    let verifier: NoteVerifier?
    let logger: Logger

    public init(store: Store, verifier: NoteVerifier?, logger: Logger) {
        self.store = store
        self.verifier = verifier
        self.logger = logger
    }

    /// One full check; what it found.
    public func check() async throws -> [LogProblem] {
        let recorded = try await store.logVerifier().flatMap { try? NoteVerifier(parsing: $0) }
        let problems = try await store.auditLog(verifier: verifier ?? recorded)
        Gauge(label: "vouch_log_problems").record(Double(problems.count))
        for problem in problems.prefix(100) { logger.critical("the review log does not match the store", metadata: ["problem": "\(problem)"]) }
        return problems
    }

    /// Checking every `seconds` (0: never), the first time at once, as a service.
    func service(every seconds: Double) -> PeriodicService {
        PeriodicService(seconds: seconds, logger: logger, failure: { (.warning, "the review log's self-check failed; will retry: \($0)") }) {
            _ = try await check()
        }
    }
}
