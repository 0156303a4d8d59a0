/// The social graph as trust propagation sees it: undirected, compact.
///
/// Follows, friendships and vouches become undirected edges (SybilRank's model:
/// trust flows both ways along a relationship). Neighbours are stored in one
/// flat array indexed by per-node offsets (CSR), so ten million edges fit in
/// about 80 MB and a propagation step is one pass over memory.
public struct TrustGraph: Sendable {
    public let nodeCount: Int
    /// `neighbours[offsets[v]..<offsets[v + 1]]` are the nodes adjacent to v.
    let offsets: [Int32]
    let neighbours: [Int32]

    /// Builds the graph from edges between node indices; self-loops and duplicates are kept as given.
    public init(nodeCount: Int, edges: [(Int32, Int32)]) {
        var degree = [Int32](repeating: 0, count: nodeCount + 1)
        for (a, b) in edges where a != b {
            degree[Int(a)] += 1
            degree[Int(b)] += 1
        }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { offsets[node + 1] = offsets[node] + degree[node] }
        var cursor = offsets
        var neighbours = [Int32](repeating: 0, count: Int(offsets[nodeCount]))
        for (a, b) in edges where a != b {
            neighbours[Int(cursor[Int(a)])] = b
            cursor[Int(a)] += 1
            neighbours[Int(cursor[Int(b)])] = a
            cursor[Int(b)] += 1
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbours = neighbours
    }

    public func degree(of node: Int) -> Int {
        Int(offsets[node + 1] - offsets[node])
    }

    /// Bytes held by the adjacency arrays.
    public var memoryBytes: Int {
        (offsets.count + neighbours.count) * MemoryLayout<Int32>.size
    }
}
