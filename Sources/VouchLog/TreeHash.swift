import Crypto
import Foundation
import VouchEncoding

/// A SHA-256 value in the log's Merkle tree: a leaf hash, an interior node or a root.
///
/// Leaves and nodes are hashed with RFC 9162's domain separation (a 0x00 or 0x01 prefix),
/// so no leaf can be passed off as a node, nor the reverse.
public struct TreeHash: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// A hash from its 32 bytes; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == SHA256.byteCount else { return nil }
        self.bytes = Array(bytes)
    }

    /// A hash from standard base64, as checkpoints and proofs carry it.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64) else { return nil }
        self.init(bytes: data)
    }

    private init(_ digest: SHA256.Digest) {
        bytes = Array(digest)
    }

    public var base64: String { Data(bytes).base64EncodedString() }
    public var hex: String { bytes.hexEncodedString }
    public var description: String { hex }

    /// The root of the empty tree: SHA-256 of nothing.
    public static let emptyTree = TreeHash(SHA256.hash(data: [UInt8]()))

    /// RFC 9162 §2.1.1: SHA-256(0x00 ‖ entry).
    public static func leaf(_ entry: some DataProtocol) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: entry)
        return TreeHash(hasher.finalize())
    }

    /// RFC 9162 §2.1.1: SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return TreeHash(hasher.finalize())
    }
}
