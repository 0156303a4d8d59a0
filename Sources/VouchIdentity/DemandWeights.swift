/// How much one person's demand signals count: their graph trust, scaled so that a person
/// as well placed in the honest region as the seeds counts 1, and a Sybil whose trust
/// barely leaked across a few attack edges counts next to nothing.
///
/// SybilRank's early-stopped scores are degree-normalised, so across a well-mixed honest
/// region they are roughly level, near the seeds' own; the Sybil region, reached through
/// few edges, sits orders of magnitude below. With `r = score / reference`, the reference
/// being the median seed's score, the weight is `clamp((r − floor) / (1 − floor), 0, 1)`:
/// whatever trust leaked to a Sybil (r of a few thousandths) counts nothing, however many
/// Sybils there are, while an honest person counts fully. Banned people and ring members
/// weigh 0.
public enum DemandWeights {
    public static func weights(scores: [Double], seeds: [Int], floor: Double = 0.05, excluded: Set<Int> = []) -> [Double] {
        let seedScores = seeds.map { scores[$0] }.filter { $0 > 0 }.sorted()
        guard !seedScores.isEmpty, floor < 1 else { return Array(repeating: 0, count: scores.count) }
        let reference = seedScores[seedScores.count / 2]
        return scores.indices.map { node in
            excluded.contains(node) ? 0 : min(1, max(0, (scores[node] / reference - floor) / (1 - floor)))
        }
    }
}
