extension InclusionProof {
    /// Whether `tail` is exactly the leaves from `leafIndex` to the end of the tree whose
    /// root is `root`: the leaf itself, and every one after it.
    ///
    /// The proof's hashes to the right of the leaf are the roots of subtrees that together
    /// hold every later leaf, so recomputing each from `tail` and finding it equal binds the
    /// whole tail to the signed root. A client uses this to learn, without replaying the
    /// log from its start, that no later entry (a takedown, say) was left out.
    public func verifyTail(_ tail: [TreeHash], root: TreeHash) -> Bool {
        guard leafIndex >= 0, leafIndex < treeSize, Int64(tail.count) == treeSize - leafIndex,
              let first = tail.first, verify(leaf: first, root: root)
        else { return false }
        let path = TreeShape.inclusionPath(leaf: leafIndex, treeSize: treeSize)
        guard path.count == hashes.count else { return false }
        for (range, hash) in zip(path, hashes) where range.lowerBound > leafIndex {
            var subtree = TreeFrontier()
            for leaf in tail[Int(range.lowerBound - leafIndex)..<Int(range.upperBound - leafIndex)] { _ = subtree.append(leaf) }
            guard subtree.root == hash else { return false }
        }
        return true
    }
}
