import Foundation
import VouchLog

/// RFC 9162's definitions written as its recursions over explicit lists: slow, obviously
/// right, and independent of `TreeShape` and `TreeFrontier`, which are checked against them.
enum Reference {
    static func root(_ leaves: ArraySlice<TreeHash>) -> TreeHash {
        if leaves.isEmpty { return .emptyTree }
        if leaves.count == 1 { return leaves.first! }
        let k = split(leaves.count)
        return .node(root(leaves.prefix(k)), root(leaves.dropFirst(k)))
    }

    static func path(_ m: Int, _ leaves: ArraySlice<TreeHash>) -> [TreeHash] {
        if leaves.count <= 1 { return [] }
        let k = split(leaves.count)
        if m < k { return path(m, leaves.prefix(k)) + [root(leaves.dropFirst(k))] }
        return path(m - k, leaves.dropFirst(k)) + [root(leaves.prefix(k))]
    }

    static func proof(_ m: Int, _ leaves: ArraySlice<TreeHash>) -> [TreeHash] {
        subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<TreeHash>, _ whole: Bool) -> [TreeHash] {
        if m == leaves.count { return whole ? [] : [root(leaves)] }
        let k = split(leaves.count)
        if m <= k { return subproof(m, leaves.prefix(k), whole) + [root(leaves.dropFirst(k))] }
        return subproof(m - k, leaves.dropFirst(k), false) + [root(leaves.prefix(k))]
    }

    private static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// Every complete subtree's hash, as a store would hold them, built by appending.
    static func nodes(_ leaves: [TreeHash]) -> [TreeNode: TreeHash] {
        var frontier = TreeFrontier()
        var nodes: [TreeNode: TreeHash] = [:]
        for leaf in leaves {
            for (node, hash) in frontier.append(leaf) { nodes[node] = hash }
        }
        return nodes
    }

    static func hashes(_ ranges: [Range<Int64>], _ nodes: [TreeNode: TreeHash]) -> [TreeHash] {
        ranges.map { TreeShape.hash(of: $0, from: nodes)! }
    }

    static func leaves(_ count: Int) -> [TreeHash] {
        (0..<count).map { TreeHash.leaf(Data("leaf \($0)".utf8)) }
    }
}
