/// Which subtrees RFC 9162's definitions need, worked out from sizes alone, so a store can
/// fetch exactly those node hashes and nothing else.
public enum TreeShape {
    /// The complete subtrees that make up `range`, largest first: the nodes from which
    /// `MTH(D[range])` is folded. `range` must start on a boundary at least as large as
    /// its length, as every range in RFC 9162's recursion does (`0..<n` always does).
    public static func subtrees(covering range: Range<Int64>) -> [TreeNode] {
        var nodes: [TreeNode] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var level = 63 - (range.upperBound - start).leadingZeroBitCount
            if start != 0 { level = min(level, start.trailingZeroBitCount) }
            nodes.append(TreeNode(level: level, index: start >> level))
            start += 1 << level
        }
        return nodes
    }

    /// RFC 9162 §2.1.3.1, PATH(m, D[n]): the ranges whose tree hashes prove leaf `leaf` in
    /// a tree of `treeSize` leaves, deepest first.
    public static func inclusionPath(leaf: Int64, treeSize: Int64) -> [Range<Int64>] {
        precondition(leaf >= 0 && leaf < treeSize, "leaf \(leaf) is outside a tree of \(treeSize)")
        var path: [Range<Int64>] = []
        var range = Int64(0)..<treeSize
        while range.count > 1 {
            let split = range.lowerBound + largestPowerOfTwo(below: Int64(range.count))
            if leaf < split {
                path.append(split..<range.upperBound)
                range = range.lowerBound..<split
            } else {
                path.append(range.lowerBound..<split)
                range = split..<range.upperBound
            }
        }
        return path.reversed()
    }

    /// RFC 9162 §2.1.4.1, PROOF(m, D[n]): the ranges whose tree hashes prove that the tree
    /// of `oldSize` leaves is a prefix of the tree of `newSize`, deepest first.
    public static func consistencyPath(from oldSize: Int64, to newSize: Int64) -> [Range<Int64>] {
        precondition(oldSize > 0 && oldSize <= newSize, "no consistency proof from \(oldSize) to \(newSize)")
        var path: [Range<Int64>] = []
        var range = Int64(0)..<newSize
        var old = oldSize
        var whole = true
        while true {
            let length = Int64(range.count)
            if old == length {
                if !whole { path.append(range) }
                break
            }
            let split = largestPowerOfTwo(below: length)
            if old <= split {
                path.append((range.lowerBound + split)..<range.upperBound)
                range = range.lowerBound..<(range.lowerBound + split)
            } else {
                path.append(range.lowerBound..<(range.lowerBound + split))
                range = (range.lowerBound + split)..<range.upperBound
                old -= split
                whole = false
            }
        }
        return path.reversed()
    }

    /// `MTH(D[range])` folded from the hashes of `subtrees(covering: range)`; nil when one is missing.
    public static func hash(of range: Range<Int64>, from nodes: [TreeNode: TreeHash]) -> TreeHash? {
        if range.isEmpty { return .emptyTree }
        var folded: TreeHash?
        for node in subtrees(covering: range).reversed() {
            guard let hash = nodes[node] else { return nil }
            folded = folded.map { TreeHash.node(hash, $0) } ?? hash
        }
        return folded
    }

    /// Every node `hash(of:from:)` needs for each of `ranges`, without repeats.
    public static func subtrees(coveringEach ranges: [Range<Int64>]) -> [TreeNode] {
        Array(Set(ranges.flatMap { subtrees(covering: $0) })).sorted()
    }

    /// The largest power of two strictly below `count` (count ≥ 2).
    static func largestPowerOfTwo(below count: Int64) -> Int64 {
        1 << (63 - (count - 1).leadingZeroBitCount)
    }
}
