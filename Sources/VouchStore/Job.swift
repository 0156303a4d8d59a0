import Foundation

/// A unit of pipeline work on one clip, leased to one worker at a time.
public struct Job: Sendable, Equatable, Identifiable, Decodable {
    /// A job's life: queued → running → done, or back to queued with backoff, or dead.
    public enum State: String, Sendable, Codable {
        case queued, running, done, dead
    }

    public var id: Int64
    public var clipID: Int64
    public var state: State
    /// Claims so far, this one included. A lease is valid only for its own attempt number.
    public var attempts: Int
    public var maxAttempts: Int
    public var runAfter: Date
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var lastError: String?

    static let columns = ["id", "clip_id", "state", "attempts", "max_attempts", "run_after", "lease_owner", "lease_expires_at", "last_error"]
}

extension Job: StoredRecord {}
