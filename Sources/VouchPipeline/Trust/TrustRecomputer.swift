import Foundation
import Logging
import VouchIdentity
import VouchStore

/// Recomputes every identity's graph trust from the stored social graph, SybilRank-style,
/// from the seed identities, writes it back as a 0–1 percentile rank, then flags the
/// review rings among the low-trust identities, and, from the same trust, trusted demand.
///
/// Every process that runs workers recomputes on a schedule (`trustRecomputeSeconds`);
/// the result depends only on the store, so concurrent recomputations agree.
public struct TrustRecomputer: Sendable {
    let store: Store
    let matureAccountDays: Double
    /// Platforms whose account-age and purchase claims may seed trust (``ScoringModel/trustSeedPlatforms``).
    let seedPlatforms: Set<String>
    let rings: RingDetector
    let demand: DemandSettings
    let logger: Logger

    public init(store: Store, matureAccountDays: Double = 365, seedPlatforms: Set<String> = [],
                rings: RingDetector = RingDetector(trustCeiling: 0.25), demand: DemandSettings = DemandSettings(),
                logger: Logger = Logger(label: "vouch.trust")) {
        self.store = store
        self.matureAccountDays = matureAccountDays
        self.seedPlatforms = seedPlatforms
        self.rings = rings
        self.demand = demand
        self.logger = logger
    }

    /// Recomputes now; returns the trust written per identity.
    @discardableResult
    public func recompute() async throws -> [Int64: Double] {
        let graph = try await store.storedGraph()
        let seeds = try await store.seedIdentities(matureDays: matureAccountDays, claimsFrom: seedPlatforms)
        let seedNodes = graph.identityOfNode.indices.filter { graph.identityOfNode[$0].map(seeds.contains) ?? false }
        let scores = SybilRank.trust(in: TrustGraph(nodeCount: graph.identityOfNode.count, edges: graph.edges), seeds: seedNodes)
        let ranks = Self.percentiles(scores)
        var trust: [Int64: Double] = [:]
        for (node, identity) in graph.identityOfNode.enumerated() {
            guard let identity else { continue }
            trust[identity] = scores[node] > 0 ? ranks[node] : 0
        }
        try await store.setTrust(trust)
        let found = try await RingSweep(store: store, detector: rings).run(trust: trust)
        try await DemandRecomputer(store: store, settings: demand).recompute(graph: graph, scores: scores, seeds: seedNodes)
        logger.info("trust recomputed", metadata: ["identities": "\(trust.count)", "edges": "\(graph.edges.count)", "seeds": "\(seedNodes.count)", "rings": "\(found.count)"])
        return trust
    }

    /// Recomputing every `seconds`, as a service.
    func service(every seconds: Double) -> PeriodicService {
        PeriodicService(seconds: seconds, logger: logger, failure: { (.error, "trust recomputation failed: \($0)") }) {
            _ = try await recompute()
        }
    }

    /// Each positive score's rank among the positive scores, in (0, 1]; ties share the
    /// lower rank; a node trust never reached scores 0.
    static func percentiles(_ scores: [Double]) -> [Double] {
        let positive = scores.filter { $0 > 0 }.sorted()
        return scores.map { score in
            guard score > 0 else { return 0 }
            var low = 0, high = positive.count
            while low < high {
                let middle = (low + high) / 2
                if positive[middle] < score { low = middle + 1 } else { high = middle }
            }
            return Double(low + 1) / Double(positive.count)
        }
    }
}
