/// Why a key, a signed note or a checkpoint was refused, in words an operator can act on.
public enum NoteError: Error, Equatable, CustomStringConvertible {
    case malformedKey(String)
    case malformedNote(String)
    case noValidSignature(keyName: String)
    case malformedCheckpoint(String)

    public var description: String {
        switch self {
        case .malformedKey(let why): return "the key is malformed: \(why)"
        case .malformedNote(let why): return "the signed note is malformed: \(why)"
        case .noValidSignature(let name): return "the note carries no valid signature by \(name)"
        case .malformedCheckpoint(let why): return "the checkpoint is malformed: \(why)"
        }
    }
}
