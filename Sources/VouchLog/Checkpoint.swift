import Foundation

/// A tree head in the C2SP tlog-checkpoint format: the log's origin, its size and its
/// root hash, one per line. Signed as a note, it is the log's commitment to its contents.
public struct Checkpoint: Sendable, Equatable {
    public var origin: String
    public var size: Int64
    public var root: TreeHash

    public init(origin: String, size: Int64, root: TreeHash) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// The note text: origin, size and base64 root, each on its own line.
    public var text: String { "\(origin)\n\(size)\n\(root.base64)\n" }

    /// Parses a checkpoint's text (extension lines after the root are allowed and ignored).
    public init(text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard text.hasSuffix("\n"), lines.count >= 4, !lines[0].isEmpty else {
            throw .malformedCheckpoint("expected the origin, the size and the root hash on three lines")
        }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw .malformedCheckpoint("the size '\(lines[1])' is not a decimal number without leading zeros")
        }
        guard let root = TreeHash(base64: String(lines[2])) else { throw .malformedCheckpoint("the root hash is not 32 bytes of base64") }
        self.init(origin: String(lines[0]), size: size, root: root)
    }

    /// The checkpoint in `note`, once `verifier`'s signature on it is checked.
    public init(note: String, verifier: NoteVerifier) throws(NoteError) {
        try self.init(text: try verifier.open(note))
    }
}
