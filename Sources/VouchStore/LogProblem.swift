/// Something the review log's self-check found that should not be: each a sign that the
/// database was changed behind the log's back.
public enum LogProblem: Sendable, Equatable, CustomStringConvertible {
    /// A leaf's stored bytes no longer hash to the leaf hash in the tree.
    case entryAltered(index: Int64)
    /// An interior hash differs from the one its children make, or is missing.
    case nodeAltered(level: Int, index: Int64)
    /// The log's leaves no longer make the root a signed checkpoint committed to.
    case checkpointBroken(size: Int64)
    /// A checkpoint's signature does not verify under the log's key.
    case checkpointUnsigned(size: Int64)
    /// A clip differs from its latest log entry in what shoppers see.
    case clipDiffers(clip: Int64, field: String)
    /// A clip shoppers can see has no log entry at all.
    case clipNotLogged(clip: Int64)

    public var description: String {
        switch self {
        case .entryAltered(let index): return "log entry \(index) was changed: its bytes no longer match its leaf hash"
        case .nodeAltered(let level, let index): return "the log's node at level \(level), index \(index) does not match its children"
        case .checkpointBroken(let size): return "the log's first \(size) entries no longer have the root of the signed checkpoint at that size"
        case .checkpointUnsigned(let size): return "the checkpoint at size \(size) is not signed by the log's key"
        case .clipDiffers(let clip, let field): return "clip \(clip)'s \(field) differs from its latest log entry"
        case .clipNotLogged(let clip): return "clip \(clip) is published but was never logged"
        }
    }
}
