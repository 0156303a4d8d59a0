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
    /// The log's head does not extend the last checkpoint signed: entries it covered were
    /// changed, or the log was cut short, behind the log's back.
    case notAnExtension(signed: Int64, head: Int64)
    /// A stored checkpoint's note does not verify under the log's key.
    case unsignedCheckpoint(size: Int64)

    public var description: String {
        switch self {
        case .outOfRange(let why): return why
        case .foreignKey(let configured, let recorded):
            return "the configured log key \(configured) is not the log's key \(recorded); use the log's key file, or no key to leave signing to processes that have it"
        case .notAnExtension(let signed, let head):
            return "refusing to sign: the log's head (\(head) entries) does not extend the checkpoint signed at \(signed) entries; the log was changed in the database behind its back. Run `vouch log check` and restore the log from a backup"
        case .unsignedCheckpoint(let size):
            return "refusing to sign: the checkpoint stored at \(size) entries is not signed by the log's key; someone wrote it to the database. Run `vouch log check`"
        }
    }
}
