import VouchIdentity

/// A generated market for the demand benchmark: products with a known true demand, honest
/// shoppers in a social graph with a heavy-tailed degree (preferential attachment), and a
/// Sybil farm of fresh accounts, densely tied to each other and by few attack edges to the
/// honest region, carting a few products nobody much wants.
struct DemandWorld {
    var edges: [(Int32, Int32)] = []
    var seeds: [Int] = []
    var signals: [DemandSignal] = []
    /// Carts per product from the honest shoppers: the demand to recover.
    var trueDemand: [Double] = []
    var pushed: [Int32] = []
    var nodeCount = 0

    init(honest: Int, sybils: Int, attackEdges: Int, products: Int, pushedProducts: Int, seeds seedCount: Int,
         friends: Int = 5, carts: Int = 2, random: inout FastRandom) {
        nodeCount = honest + sybils
        edges.reserveCapacity(honest * friends + sybils * 5 + attackEdges)
        // Preferential attachment: each newcomer befriends `friends` people, chosen in
        // proportion to how many friends they already have.
        for node in 1..<max(honest, 2) {
            for _ in 0..<min(friends, node) {
                let target = edges.isEmpty ? 0 : (random.below(2) == 0 ? edges[Int(random.below(edges.count))].0 : edges[Int(random.below(edges.count))].1)
                edges.append((Int32(node), target == Int32(node) ? Int32(random.below(node)) : target))
            }
        }
        for node in 0..<sybils {
            for _ in 0..<5 { edges.append((Int32(honest + node), Int32(honest) + random.below(sybils))) }
        }
        for _ in 0..<attackEdges { edges.append((random.below(honest), Int32(honest) + random.below(sybils))) }
        seeds = (0..<seedCount).map { _ in Int(random.below(honest)) }

        // Zipf-like popularity; each honest shopper carts `carts` products on average.
        let weights = (0..<products).map { 1 / Double($0 + 1) }
        let total = weights.reduce(0, +)
        trueDemand = Array(repeating: 0, count: products)
        var cumulative: [Double] = []
        var running = 0.0
        for weight in weights { running += weight / total; cumulative.append(running) }
        let day: Int64 = 86_400_000
        signals.reserveCapacity(honest * carts + sybils)
        for person in 0..<honest {
            for _ in 0..<(1 + Int(random.below(2 * carts - 1))) {
                let draw = Double(random.next() % 1_000_000) / 1_000_000
                let product = Self.firstIndex(in: cumulative, above: draw) ?? products - 1
                signals.append(DemandSignal(person: Int32(person), product: Int32(product), kind: .cart, at: Int64(random.below(7)) * day + Int64(random.below(Int(day)))))
                trueDemand[product] += 1
            }
        }
        // The farm pushes the least wanted products, in bursts within one hour.
        pushed = (0..<pushedProducts).map { Int32(products - 1 - $0) }
        for sybil in 0..<sybils {
            signals.append(DemandSignal(person: Int32(honest + sybil), product: pushed[sybil % pushed.count], kind: .cart,
                                        at: 3 * day + Int64(random.below(3_600_000)), quantity: 3))
        }
    }

    /// The first index whose cumulative share exceeds `draw`, by bisection.
    static func firstIndex(in cumulative: [Double], above draw: Double) -> Int? {
        var low = 0, high = cumulative.count
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low < cumulative.count ? low : nil
    }

    /// Kendall's τ-b between two scorings of the same items.
    static func kendallTau(_ a: [Double], _ b: [Double]) -> Double {
        var concordant = 0.0, discordant = 0.0, tiesA = 0.0, tiesB = 0.0
        for i in a.indices {
            for j in (i + 1)..<a.count {
                let x = (a[i] - a[j]).sign, y = (b[i] - b[j]).sign
                if a[i] == a[j] && b[i] == b[j] { continue }
                if a[i] == a[j] { tiesA += 1; continue }
                if b[i] == b[j] { tiesB += 1; continue }
                if x == y { concordant += 1 } else { discordant += 1 }
            }
        }
        let denominator = ((concordant + discordant + tiesA) * (concordant + discordant + tiesB)).squareRoot()
        return denominator > 0 ? (concordant - discordant) / denominator : 0
    }

    /// Each product's place (1 = most) when ranked by `scores`.
    static func ranks(_ scores: [Double]) -> [Int] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var rank = [Int](repeating: 0, count: scores.count)
        for (place, product) in order.enumerated() { rank[product] = place + 1 }
        return rank
    }
}
