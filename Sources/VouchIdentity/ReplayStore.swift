import Foundation

/// Remembers which attestation ids (`jti`) were used, until they expire.
///
/// A seam: the embedded store and PostgreSQL will hold these across processes;
/// ``InMemoryReplayStore`` serves one process and the tests.
public protocol ReplayStore: Sendable {
    /// Records `jti` as used until `expiry`; false when it was already used. Throws when it
    /// cannot tell (the store is out of reach): "could not check" is not "used".
    func claim(_ jti: String, until expiry: Date, now: Date) async throws -> Bool
}

/// A replay store in one process's memory, forgetting ids once they expire.
public actor InMemoryReplayStore: ReplayStore {
    private var used: [String: Date] = [:]

    public init() {}

    public func claim(_ jti: String, until expiry: Date, now: Date) -> Bool {
        if used.count > 10_000 { used = used.filter { $0.value > now } }
        if let previous = used[jti], previous > now { return false }
        used[jti] = expiry
        return true
    }
}
