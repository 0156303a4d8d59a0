/// How the job queue leases, retries and gives up.
public struct QueuePolicy: Sendable, Codable, Equatable {
    /// How long a claim lasts without a heartbeat before another worker may take the job.
    public var leaseSeconds: Double = 60
    /// Claims before a job is dead-lettered.
    public var maxAttempts: Int = 5
    /// The first retry waits this long; each later one twice as long.
    public var backoffSeconds: Double = 2
    /// No retry waits longer than this.
    public var maxBackoffSeconds: Double = 300

    public init() {}

    /// The wait before the retry that follows attempt `attempt` (1-based).
    public func backoff(afterAttempt attempt: Int) -> Double {
        min(maxBackoffSeconds, backoffSeconds * Double(1 << min(max(attempt - 1, 0), 20)))
    }
}
