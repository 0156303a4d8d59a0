import Testing
import VouchIdentity

@Suite struct SybilRankTests {
    /// 200 honest nodes (a ring plus three pseudo-random partners each: fast-mixing,
    /// as real social graphs are), 40 Sybils (densely linked), and `attackEdges` edges between them.
    static func planted(attackEdges: Int) -> TrustGraph {
        var edges: [(Int32, Int32)] = []
        for node in 0..<200 {
            edges.append((Int32(node), Int32((node + 1) % 200)))
            for k in 1...3 { edges.append((Int32(node), Int32((node * 2_654_435_761 + k * 40_503) % 200))) }
        }
        for a in 200..<240 {
            for b in (a + 1)..<240 where (a * b) % 3 == 0 { edges.append((Int32(a), Int32(b))) }
        }
        for index in 0..<attackEdges { edges.append((Int32(index * 7 % 200), Int32(200 + index % 40))) }
        return TrustGraph(nodeCount: 240, edges: edges)
    }

    @Test func sybilsSinkToTheBottom() {
        let trust = SybilRank.trust(in: Self.planted(attackEdges: 3), seeds: [0, 50, 100, 150])
        let lowest = trust.indices.sorted { trust[$0] < trust[$1] }.prefix(40)
        let caught = lowest.filter { $0 >= 200 }.count
        #expect(caught >= 36, "\(caught) of the 40 lowest are planted Sybils")
    }

    @Test func trustIsConservedAndNeverNegative() {
        let graph = Self.planted(attackEdges: 3)
        let trust = SybilRank.trust(in: graph, seeds: [0, 1])
        let total = trust.indices.reduce(0.0) { $0 + trust[$1] * Double(graph.degree(of: $1)) }
        #expect(abs(total - 240) < 1e-6, "propagation moves trust, it does not create it")
        #expect(trust.allSatisfy { $0 >= 0 })
    }

    @Test func withoutSeedsNobodyIsTrusted() {
        #expect(SybilRank.trust(in: Self.planted(attackEdges: 1), seeds: []).allSatisfy { $0 == 0 })
    }

    @Test func buildsAnUndirectedAdjacency() {
        let graph = TrustGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 2)])
        #expect(graph.degree(of: 0) == 1 && graph.degree(of: 1) == 2 && graph.degree(of: 2) == 1, "self-loops are dropped")
    }
}
