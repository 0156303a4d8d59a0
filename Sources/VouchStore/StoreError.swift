/// Why the store refused or failed an operation, with what a caller needs to act on it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// `--database` could not be understood.
    case invalidLocation(String, reason: String)
    /// The database could not be opened or reached.
    case unavailable(String, reason: String)
    /// The database was migrated by a newer Vouch than this one.
    case schemaTooNew(found: Int, supported: Int)
    /// An idempotency key was reused for different content.
    case idempotencyConflict(key: String, existingClip: Int64)
    /// A record the operation needs does not exist.
    case notFound(String)
    /// A job's lease passed to another worker before this one finished.
    case leaseLost(job: Int64, worker: String)
    /// A value read back from the database was not what Vouch wrote.
    case corruptRecord(String)
    /// A platform already holds as many of something as it may.
    case quotaExceeded(String, limit: Int)
    /// The change contradicts what the store already holds; the text says what and how to proceed.
    case conflict(String)
    /// Stored secrets are sealed and this process has no key to open them.
    case secretSealed

    public var description: String {
        switch self {
        case .invalidLocation(let text, let reason):
            return "cannot use '\(text)' as the database: \(reason)"
        case .unavailable(let location, let reason):
            return "the database at \(location) is unavailable: \(reason)"
        case .schemaTooNew(let found, let supported):
            return "the database schema is at version \(found), but this Vouch knows versions up to \(supported): upgrade Vouch"
        case .idempotencyConflict(let key, let existing):
            return "Idempotency-Key '\(key)' was already used for different content (clip \(existing)); use a new key for a new clip"
        case .notFound(let what):
            return "\(what) does not exist"
        case .leaseLost(let job, let worker):
            return "job \(job) is no longer leased to \(worker): another worker took it over"
        case .corruptRecord(let what):
            return "the stored \(what) is unreadable"
        case .quotaExceeded(let what, let limit):
            return "a platform may hold at most \(limit) \(what)"
        case .conflict(let what):
            return what
        case .secretSealed:
            return "the webhook secrets are sealed and this process has no key to open them: give it pipeline.webhooks.secretKeyFile"
        }
    }
}
