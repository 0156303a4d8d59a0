import ArgumentParser
import Foundation
import VouchCommandLine
import VouchIdentity
import VouchStore

/// `vouch bench demand`: how well trusted demand recovers the true ranking of products when
/// a Sybil farm pushes a few of them, and how long recomputing it takes at scale.
struct BenchDemandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demand",
        abstract: "Rank products by raw and by trusted demand in a generated market under a Sybil attack; compare with the true ranking.",
        discussion: """
            Honest shoppers form a preferential-attachment social graph and cart products by a \
            Zipf popularity; a farm of fresh accounts, tied to the honest region by few attack \
            edges, carts the least wanted products within one hour. Reports Kendall's tau between \
            the true ranking and raw and trusted counts, where the pushed products land, the \
            bursts detected, and the CPU time and memory of one recomputation.
            """
    )

    @Option(help: "Honest accounts.") var honest = 20_000
    @Option(help: "Sybil accounts.") var sybils = 50_000
    @Option(help: "Edges between the honest region and the farm.") var attackEdges = 100
    @Option(help: "Products.") var products = 50
    @Option(help: "Products the farm pushes.") var pushed = 3
    @Option(help: "Trusted seeds, drawn from the honest accounts.") var seeds = 100
    @Option(help: "Friends each honest newcomer makes.") var friends = 5
    @Option(help: "Signals per honest account, on average.") var carts = 2
    @Option(help: "The generator's seed, to repeat a run.") var seed: UInt64 = 20_261_201
    @Flag(help: "Print the result as JSON.") var json = false
    @Option(help: ArgumentHelp("Also store the totals (products named product-<n>) in the embedded store under this directory, for `Scripts/bench-demand`.", valueName: "dir"))
    var data: String?

    func validate() throws {
        guard honest >= 100, sybils >= 0, products >= pushed + 10, pushed >= 1, seeds >= 1, friends >= 1, carts >= 1 else {
            throw ValidationError("need at least 100 honest accounts, a seed, and ten more products than pushed ones")
        }
    }

    func run() async throws {
        var random = FastRandom(seed: seed)
        let world = DemandWorld(honest: honest, sybils: sybils, attackEdges: attackEdges, products: products,
                                pushedProducts: pushed, seeds: seeds, friends: friends, carts: carts, random: &random)
        let start = CPUClock.ownSeconds()
        let graph = TrustGraph(nodeCount: world.nodeCount, edges: world.edges)
        let scores = SybilRank.trust(in: graph, seeds: world.seeds)
        let weights = DemandWeights.weights(scores: scores, seeds: world.seeds)
        let tallies = TrustedDemand().tally(world.signals, weights: weights)
        let bursts = DemandBurstDetector().bursts(in: world.signals, weights: weights)
        let seconds = CPUClock.ownSeconds() - start

        let raw = (0..<products).map { Double(tallies[.init(product: Int32($0), kind: .cart)]?.raw ?? 0) }
        let trusted = (0..<products).map { tallies[.init(product: Int32($0), kind: .cart)]?.trusted ?? 0 }
        let rawRanks = DemandWorld.ranks(raw), trustedRanks = DemandWorld.ranks(trusted)
        let report = DemandBenchReport(
            honest: honest, sybils: sybils, attackEdges: attackEdges, edges: world.edges.count, signals: world.signals.count,
            products: products, pushed: world.pushed.map(Int.init),
            rawTau: DemandWorld.kendallTau(world.trueDemand, raw), trustedTau: DemandWorld.kendallTau(world.trueDemand, trusted),
            pushedRawRanks: world.pushed.map { rawRanks[Int($0)] }, pushedTrustedRanks: world.pushed.map { trustedRanks[Int($0)] },
            burstsOnPushedProducts: Set(bursts.map(\.product)).intersection(world.pushed).count,
            burstsElsewhere: Set(bursts.map(\.product)).subtracting(world.pushed).count,
            recomputeCPUSeconds: seconds, peakResidentMegabytes: CPUClock.peakResidentMegabytes())
        if let data {
            let store = try await Store.open(.embedded(in: data))
            let totals = tallies.map { DemandTotals(product: "product-\($0.key.product)", kind: $0.key.kind, tally: $0.value) }
            try await store.replaceDemand([1, 7, 30].map { DemandWindowResult(days: $0, totals: totals, anomalies: []) })
            try await store.close()
        }
        if json {
            print(try JSONOutput.string(report))
        } else {
            print("""
                \(honest) honest accounts, \(sybils) Sybils, \(report.edges) edges (\(attackEdges) attack), \(report.signals) signals, \(products) products
                Kendall's tau against the true ranking: raw \(String(format: "%.3f", report.rawTau)), trusted \(String(format: "%.3f", report.trustedTau))
                pushed products \(report.pushed) rank \(report.pushedRawRanks) by raw counts, \(report.pushedTrustedRanks) by trusted
                bursts detected on \(report.burstsOnPushedProducts) of \(pushed) pushed products, on \(report.burstsElsewhere) others
                one recomputation: \(String(format: "%.2f", seconds)) CPU s; peak resident memory \(String(format: "%.0f", report.peakResidentMegabytes)) MB
                """)
        }
    }
}

/// What `vouch bench demand --json` prints.
struct DemandBenchReport: Codable {
    var honest: Int
    var sybils: Int
    var attackEdges: Int
    var edges: Int
    var signals: Int
    var products: Int
    var pushed: [Int]
    var rawTau: Double
    var trustedTau: Double
    var pushedRawRanks: [Int]
    var pushedTrustedRanks: [Int]
    var burstsOnPushedProducts: Int
    var burstsElsewhere: Int
    var recomputeCPUSeconds: Double
    var peakResidentMegabytes: Double
}
