import VouchStore

/// How webhooks are delivered: `pipeline.webhooks` in `Config/vouch.json`.
public struct WebhookSettings: Sendable, Codable, Equatable {
    /// How often an idle dispatcher looks for due deliveries.
    public var pollSeconds = 1.0
    /// How long one attempt may take in all: connecting, TLS, sending, and reading the answer.
    /// A receiver still sending when it passes is hung up on, however steadily it drips.
    public var timeoutSeconds = 10.0
    /// Attempts in flight at once in one process; a slot that frees is filled at once.
    public var batchSize = 16
    /// Accept webhook URLs that resolve to loopback, private, link-local or unique-local
    /// addresses. Off by default: a platform could otherwise make Vouch probe its own network.
    public var allowPrivateAddresses = false
    /// The key that seals webhook secrets in the store (32 random bytes, base64), under
    /// the data directory unless absolute. Made on first use on the embedded store; with
    /// PostgreSQL, make it once (`head -c 32 /dev/urandom | base64 > FILE; chmod 600 FILE`)
    /// and give every API and worker process the same file.
    public var secretKeyFile = "webhook-secrets.key"
    /// Attempts before a delivery is given up on, and the exponential backoff between them;
    /// `leaseSeconds` is how long a claimed delivery is reserved for its attempt.
    public var retry: QueuePolicy = {
        var policy = QueuePolicy()
        policy.maxAttempts = 8
        policy.backoffSeconds = 10
        policy.maxBackoffSeconds = 3600
        policy.leaseSeconds = 60
        return policy
    }()

    public init() {}

    /// The attempt's deadline: `timeoutSeconds`, but never more than half the lease, so that
    /// the lookup before and the record after fit in it too and no other process takes the
    /// delivery while this one still sends it.
    var attemptTimeout: Duration {
        .seconds(min(timeoutSeconds, retry.leaseSeconds / 2))
    }
}
