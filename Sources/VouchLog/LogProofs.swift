/// An RFC 9162 inclusion proof: the hashes that lead from one leaf to a tree's root.
public struct InclusionProof: Sendable, Equatable {
    public var leafIndex: Int64
    public var treeSize: Int64
    public var hashes: [TreeHash]

    public init(leafIndex: Int64, treeSize: Int64, hashes: [TreeHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// RFC 9162 §2.1.3.2: whether `leaf` sits at `leafIndex` in the tree whose root is `root`.
    public func verify(leaf: TreeHash, root: TreeHash) -> Bool {
        guard leafIndex >= 0, leafIndex < treeSize else { return false }
        var fn = leafIndex
        var sn = treeSize - 1
        var hash = leaf
        for sibling in hashes {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = .node(sibling, hash)
                shiftPastRightEdge(&fn, &sn)
            } else {
                hash = .node(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }
}

/// An RFC 9162 consistency proof: the hashes that show an older tree is a prefix of a newer one.
public struct ConsistencyProof: Sendable, Equatable {
    public var oldSize: Int64
    public var newSize: Int64
    public var hashes: [TreeHash]

    public init(oldSize: Int64, newSize: Int64, hashes: [TreeHash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// RFC 9162 §2.1.4.2: whether the tree with root `oldRoot` is a prefix of the one with `newRoot`.
    public func verify(oldRoot: TreeHash, newRoot: TreeHash) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return hashes.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return hashes.isEmpty }
        var path = hashes
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        guard let first = path.first else { return false }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldHash = first
        var newHash = first
        for sibling in path.dropFirst() {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldHash = .node(sibling, oldHash)
                newHash = .node(sibling, newHash)
                shiftPastRightEdge(&fn, &sn)
            } else {
                newHash = .node(newHash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldHash == oldRoot && newHash == newRoot
    }
}

/// RFC 9162's step after combining with a left sibling: while `fn` is a right edge's even
/// node (not yet zero), climb both `fn` and `sn` one level.
private func shiftPastRightEdge(_ fn: inout Int64, _ sn: inout Int64) {
    while fn & 1 == 0, fn != 0 {
        fn >>= 1
        sn >>= 1
    }
}
