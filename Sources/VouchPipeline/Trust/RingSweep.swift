import Foundation
import VouchEncoding
import VouchIdentity
import VouchStore

/// Finds review rings among low-trust identities after each trust recomputation, and
/// flags their clips with the members and the evidence that linked them.
struct RingSweep: Sendable {
    let store: Store
    let detector: RingDetector

    /// Flags every ring found; returns the rings.
    @discardableResult
    func run(trust: [Int64: Double]) async throws -> [RingDetector.Ring] {
        let (clips, matches, ties) = try await store.ringInputs()
        var clusters = DisjointSets<Int64>()
        for (clip, matched) in matches { clusters.join(clip, matched) }
        let copied = Set(matches.flatMap { [$0.0, $0.1] })
        var clusterNumbers: [Int64: Int] = [:]
        var identityNumbers: [Int64: Int32] = [:]
        var identities: [Int64] = []
        let reviews = clips.map { clip -> RingDetector.Review in
            let number = identityNumbers[clip.identityID] ?? {
                identities.append(clip.identityID)
                identityNumbers[clip.identityID] = Int32(identities.count - 1)
                return Int32(identities.count - 1)
            }()
            var cluster: Int?
            if copied.contains(clip.clipID) {
                let root = clusters.root(of: clip.clipID)
                cluster = clusterNumbers[root] ?? {
                    clusterNumbers[root] = clusterNumbers.count
                    return clusterNumbers.count - 1
                }()
            }
            return RingDetector.Review(identity: number, product: clip.productID, time: clip.createdAt, contentCluster: cluster)
        }
        var tiedPairs = Set<[Int32]>()
        for (first, second) in ties {
            guard let a = identityNumbers[first], let b = identityNumbers[second] else { continue }
            tiedPairs.insert([min(a, b), max(a, b)])
        }
        let rings = detector.rings(in: reviews, trust: { trust[identities[Int($0)]] ?? 0 },
                                   tied: { tiedPairs.contains([min($0, $1), max($0, $1)]) })
        for ring in rings {
            let members = Set(ring.members.map { identities[Int($0)] })
            let memberClips = clips.filter { members.contains($0.identityID) }.map(\.clipID)
            let evidence = RingEvidence(identities: members.sorted(), sharedContentClusters: ring.sharedContent.count,
                                        coordinatedProducts: ring.coordinatedProducts, clips: memberClips.sorted())
            try await store.flagRing(
                clips: memberClips,
                detail: "one of \(members.count) low-trust identities linked by \(Self.describe(ring))",
                evidence: try JSONEncoder.sortedKeys.text(of: evidence)
            )
        }
        return rings
    }

    private static func describe(_ ring: RingDetector.Ring) -> String {
        var parts: [String] = []
        if !ring.sharedContent.isEmpty { parts.append("\(ring.sharedContent.count) shared copied clip(s)") }
        if !ring.coordinatedProducts.isEmpty { parts.append("reviews of \(ring.coordinatedProducts.joined(separator: ", ")) within a day of each other") }
        return parts.joined(separator: " and ")
    }

    private struct RingEvidence: Encodable {
        var identities: [Int64]
        var sharedContentClusters: Int
        var coordinatedProducts: [String]
        var clips: [Int64]
    }
}
