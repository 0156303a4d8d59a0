/// The right edge of a growing tree: the hashes of the complete subtrees that make up its
/// leaves so far. Enough to append leaves, name every node they complete, and compute
/// the root, without reading anything else.
public struct TreeFrontier: Sendable, Equatable {
    public private(set) var size: Int64
    /// The hashes of `TreeShape.subtrees(covering: 0..<size)`.
    public private(set) var subtrees: [TreeNode: TreeHash]

    /// The frontier of a tree of `size` leaves from its complete subtrees' hashes; nil
    /// when one is missing.
    public init?(size: Int64, hashes: [TreeNode: TreeHash]) {
        self.size = size
        var subtrees: [TreeNode: TreeHash] = [:]
        for node in TreeShape.subtrees(covering: 0..<size) {
            guard let hash = hashes[node] else { return nil }
            subtrees[node] = hash
        }
        self.subtrees = subtrees
    }

    /// The empty tree's frontier.
    public init() {
        size = 0
        subtrees = [:]
    }

    /// Appends one leaf; returns every node it completes, the leaf itself first.
    public mutating func append(_ leaf: TreeHash) -> [(node: TreeNode, hash: TreeHash)] {
        var node = TreeNode(level: 0, index: size)
        var hash = leaf
        var completed = [(node: node, hash: hash)]
        while node.index & 1 == 1 {
            let sibling = TreeNode(level: node.level, index: node.index - 1)
            guard let left = subtrees.removeValue(forKey: sibling) else { preconditionFailure("the frontier lacks \(sibling)") }
            hash = .node(left, hash)
            node = TreeNode(level: node.level + 1, index: node.index >> 1)
            completed.append((node: node, hash: hash))
        }
        subtrees[node] = hash
        size += 1
        return completed
    }

    /// `MTH(D[size])`.
    public var root: TreeHash {
        TreeShape.hash(of: 0..<size, from: subtrees) ?? .emptyTree
    }
}
