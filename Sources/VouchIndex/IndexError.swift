/// Why the index refused a change, with the clip it concerns.
public enum IndexError: Error, Equatable, CustomStringConvertible {
    /// The clip id is already indexed; remove it first to replace its fingerprint.
    case clipAlreadyIndexed(clipID: Int64)
    /// A frame lies past the latest time the index stores (``FrameTime``).
    case frameTooLate(clipID: Int64, timestamp: Double)

    public var description: String {
        switch self {
        case .clipAlreadyIndexed(let clipID):
            "clip \(clipID) is already indexed; remove it before indexing it again"
        case .frameTooLate(let clipID, let timestamp):
            "clip \(clipID) has a frame at \(timestamp) s, past the \(Int(FrameTime.latest)) s the index can store"
        }
    }
}
