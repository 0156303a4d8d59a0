import Foundation

/// Trust from the social graph, SybilRank-style (Cao et al., NSDI 2012).
///
/// Trust starts on seed identities (moderator-approved reviewers, long-standing
/// verified accounts) and spreads by degree-normalised propagation: each step,
/// every node hands its trust to its neighbours in equal shares. Stopped early,
/// after about log₂ n steps, trust has mixed through the honest region but has
/// barely crossed the few edges into a Sybil region, however large or dense.
/// Scores are trust divided by degree, so a well-connected node is not favoured
/// merely for being connected.
public enum SybilRank {
    /// Trust per node, degree-normalised; isolated nodes score 0.
    public static func trust(in graph: TrustGraph, seeds: [Int], steps: Int? = nil) -> [Double] {
        let n = graph.nodeCount
        guard n > 0, !seeds.isEmpty else { return Array(repeating: 0, count: n) }
        let rounds = steps ?? Int(log2(Double(n)).rounded(.up))
        var current = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        let share = Double(n) / Double(seeds.count)
        for seed in seeds { current[seed] += share }
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbours.withUnsafeBufferPointer { neighbours in
                for _ in 0..<rounds {
                    current.withUnsafeMutableBufferPointer { perEdge in
                        for node in 0..<n {
                            let degree = offsets[node + 1] - offsets[node]
                            perEdge[node] = degree > 0 ? perEdge[node] / Double(degree) : 0
                        }
                    }
                    current.withUnsafeBufferPointer { perEdge in
                        next.withUnsafeMutableBufferPointer { to in
                            for node in 0..<n {
                                var gathered = 0.0
                                for index in Int(offsets[node])..<Int(offsets[node + 1]) { gathered += perEdge[Int(neighbours[index])] }
                                to[node] = gathered
                            }
                        }
                    }
                    swap(&current, &next)
                }
            }
        }
        return (0..<n).map { node in
            let degree = graph.degree(of: node)
            return degree > 0 ? current[node] / Double(degree) : 0
        }
    }
}
