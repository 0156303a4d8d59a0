import Foundation

/// Finds review rings: groups of low-trust identities that post near-duplicate
/// content, or review the same products within the same short window.
///
/// A link needs evidence that both identities took part, never proximity alone:
/// - two low-trust identities that both posted a *copy* in one content cluster (clips
///   the matcher found to be copies of each other) are linked. The cluster's first
///   uploader posted the original: the victim of the copying, never a member for it;
/// - two low-trust identities with a mutual tie in the social graph (each follows the
///   other, or they are friends) that reviewed at least `sharedProducts` of the same
///   products, each pair of reviews within `window` of each other, are linked.
///   Without the tie, two throwaway accounts reviewing beside an honest newcomer could
///   make the newcomer a "ring" and hold their reviews.
///
/// Connected groups of at least `minimumMembers` are rings, reported with the evidence
/// that linked them.
public struct RingDetector: Sendable {
    /// One published review, as ring detection sees it.
    public struct Review: Sendable, Equatable {
        public var identity: Int32
        public var product: String
        public var time: Date
        /// The clips' copy cluster: reviews with near-duplicate clips share it.
        public var contentCluster: Int?

        public init(identity: Int32, product: String, time: Date, contentCluster: Int? = nil) {
            self.identity = identity
            self.product = product
            self.time = time
            self.contentCluster = contentCluster
        }
    }

    /// A flagged ring, with why its members were linked.
    public struct Ring: Sendable, Equatable {
        public var members: [Int32]
        /// Content clusters posted by more than one member.
        public var sharedContent: [Int]
        /// Products several members reviewed within the window of each other.
        public var coordinatedProducts: [String]

        public init(members: [Int32], sharedContent: [Int], coordinatedProducts: [String]) {
            self.members = members
            self.sharedContent = sharedContent
            self.coordinatedProducts = coordinatedProducts
        }
    }

    public var trustCeiling: Double
    public var window: TimeInterval
    public var sharedProducts: Int
    public var minimumMembers: Int

    public init(trustCeiling: Double, window: TimeInterval = 86_400, sharedProducts: Int = 2, minimumMembers: Int = 3) {
        self.trustCeiling = trustCeiling
        self.window = window
        self.sharedProducts = sharedProducts
        self.minimumMembers = minimumMembers
    }

    /// The rings among `reviews`; `tied(a, b)` says whether two identities have a mutual
    /// tie in the social graph.
    public func rings(in reviews: [Review], trust: (Int32) -> Double, tied: (Int32, Int32) -> Bool = { _, _ in false }) -> [Ring] {
        let suspects = reviews.filter { trust($0.identity) <= trustCeiling }
        var links = DisjointSets<Int32>()
        for review in suspects { links.add(review.identity) }
        let contentPosters = Self.copiers(in: reviews, among: Set(suspects.map(\.identity)))
        for posters in contentPosters.values where posters.count > 1 {
            let first = posters.min()!
            for other in posters { links.join(first, other) }
        }
        var coReviews: [Pair: Set<String>] = [:]
        for (_, product) in Dictionary(grouping: suspects, by: \.product) {
            let ordered = product.sorted { $0.time < $1.time }
            for (index, review) in ordered.enumerated() {
                for other in ordered[(index + 1)...] {
                    guard other.time.timeIntervalSince(review.time) <= window else { break }
                    guard other.identity != review.identity, tied(review.identity, other.identity) else { continue }
                    coReviews[Pair(review.identity, other.identity), default: []].insert(review.product)
                }
            }
        }
        for (pair, products) in coReviews where products.count >= sharedProducts { links.join(pair.low, pair.high) }
        return links.groups().filter { $0.count >= minimumMembers }.map { members in
            let group = Set(members)
            return Ring(
                members: members.sorted(),
                sharedContent: contentPosters.filter { $0.value.intersection(group).count > 1 }.keys.sorted(),
                coordinatedProducts: Set(coReviews.filter { group.contains($0.key.low) && group.contains($0.key.high) && $0.value.count >= sharedProducts }
                    .flatMap(\.value)).sorted()
            )
        }.sorted { $0.members.count > $1.members.count }
    }

    /// Per content cluster, the low-trust identities that posted a copy in it: everyone but
    /// the cluster's first uploader, whatever their trust, whose clip is the original.
    private static func copiers(in reviews: [Review], among suspects: Set<Int32>) -> [Int: Set<Int32>] {
        var copiers: [Int: Set<Int32>] = [:]
        let clustered = reviews.filter { $0.contentCluster != nil }
        for (cluster, posts) in Dictionary(grouping: clustered, by: { $0.contentCluster! }) {
            guard let original = posts.min(by: { ($0.time, $0.identity) < ($1.time, $1.identity) }) else { continue }
            let posters = Set(posts.map(\.identity)).subtracting([original.identity]).intersection(suspects)
            if !posters.isEmpty { copiers[cluster] = posters }
        }
        return copiers
    }

    private struct Pair: Hashable {
        var low: Int32
        var high: Int32

        init(_ a: Int32, _ b: Int32) {
            low = min(a, b)
            high = max(a, b)
        }
    }
}
