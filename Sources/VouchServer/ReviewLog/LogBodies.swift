import VouchLog
import VouchStore

/// A page of the review log's leaves, each with the exact text that was hashed.
struct LogEntriesBody: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var index: Int64
        /// The leaf's bytes as UTF-8 text: hash `0x00 ‖ entry` to get its leaf hash.
        var entry: String
        var leafHash: String
    }

    var entries: [Entry]

    init(_ entries: [LoggedEntry]) {
        self.entries = entries.map { Entry(index: $0.index, entry: String(decoding: $0.entry, as: UTF8.self), leafHash: TreeHash.leaf($0.entry).base64) }
    }
}

/// An inclusion proof as the API serves it: base64 hashes, deepest first.
struct InclusionProofBody: Encodable, Sendable {
    var leafIndex: Int64
    var treeSize: Int64
    var hashes: [String]

    init(_ proof: InclusionProof) {
        leafIndex = proof.leafIndex
        treeSize = proof.treeSize
        hashes = proof.hashes.map(\.base64)
    }
}

/// A consistency proof as the API serves it: base64 hashes, deepest first.
struct ConsistencyProofBody: Encodable, Sendable {
    var oldSize: Int64
    var newSize: Int64
    var hashes: [String]

    init(_ proof: ConsistencyProof) {
        oldSize = proof.oldSize
        newSize = proof.newSize
        hashes = proof.hashes.map(\.base64)
    }
}
