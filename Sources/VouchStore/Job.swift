import Foundation
import SQLKit

/// A unit of pipeline work on one clip, leased to one worker at a time.
public struct Job: Sendable, Equatable, Identifiable {
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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        clipID = try row.decode(column: "clip_id", as: Int64.self)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = State(rawValue: stateText) else { throw StoreError.corruptRecord("state '\(stateText)' of job \(id)") }
        self.state = state
        attempts = try row.decode(column: "attempts", as: Int.self)
        maxAttempts = try row.decode(column: "max_attempts", as: Int.self)
        runAfter = Date(storeMilliseconds: try row.decode(column: "run_after", as: Int64.self))
        leaseOwner = try row.decode(column: "lease_owner", as: String?.self)
        leaseExpiresAt = try row.decode(column: "lease_expires_at", as: Int64?.self).map(Date.init(storeMilliseconds:))
        lastError = try row.decode(column: "last_error", as: String?.self)
    }
}
