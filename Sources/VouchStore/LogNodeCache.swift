import VouchLog

/// The review log's upper nodes, kept in memory once read, and the largest size seen.
///
/// A complete subtree's hash never changes and the log never shrinks, so neither can go
/// stale. Only nodes of `lowestLevel` and above are kept (one per 2^7 leaves, about 12 MiB
/// at 10M entries), all read at first use, so a proof reads only its leaf's tile from the
/// store, and no size at all. The self-check never uses this cache: it reads the store itself.
actor LogNodeCache {
    static let lowestLevel = 8
    private var hashes: [TreeNode: TreeHash] = [:]
    private let capacity: Int
    private(set) var knownSize: Int64 = 0
    /// Whether every upper node stored when the cache was first used has been read.
    private(set) var isWarm = false

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
    }

    /// The cached hashes among `nodes`.
    func hashes(of nodes: [TreeNode]) -> [TreeNode: TreeHash] {
        var found: [TreeNode: TreeHash] = [:]
        for node in nodes where node.level >= Self.lowestLevel {
            if let hash = hashes[node] { found[node] = hash }
        }
        return found
    }

    /// Keeps the upper nodes among `read`; starts again empty when full.
    func remember(_ read: [TreeNode: TreeHash]) {
        if hashes.count >= capacity { hashes.removeAll(keepingCapacity: true) }
        for (node, hash) in read where node.level >= Self.lowestLevel { hashes[node] = hash }
    }

    /// Keeps every upper node stored so far, read in one pass at first use.
    func warm(with read: [TreeNode: TreeHash]) {
        remember(read)
        isWarm = true
    }

    func saw(size: Int64) {
        knownSize = max(knownSize, size)
    }
}
