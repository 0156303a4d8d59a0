import Foundation

/// One leaf of the review log: its index and the exact bytes that were hashed.
public struct LoggedEntry: Sendable, Equatable {
    public var index: Int64
    public var entry: Data
}

/// A signed checkpoint as stored: the tree size it commits to and the signed note.
public struct SignedCheckpoint: Sendable, Equatable {
    public var size: Int64
    public var note: String
}

/// Why the review log refused a request.
public enum LogError: Error, Equatable, CustomStringConvertible {
    /// A proof or entry outside the log as it stands.
    case outOfRange(String)
    /// This process's signing key is not the one the log's checkpoints were signed with.
    case foreignKey(configured: String, recorded: String)

    public var description: String {
        switch self {
        case .outOfRange(let why): return why
        case .foreignKey(let configured, let recorded):
            return "the configured log key \(configured) is not the log's key \(recorded); use the log's key file, or no key to leave signing to processes that have it"
        }
    }
}
