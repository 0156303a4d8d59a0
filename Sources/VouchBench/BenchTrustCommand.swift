import ArgumentParser
import Foundation
import VouchCommandLine
import VouchIdentity

/// `vouch bench trust`: SybilRank over a generated graph with a planted Sybil region.
struct BenchTrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Time SybilRank on a generated social graph with a planted Sybil region, and score how well it finds it.",
        discussion: """
            The honest region is a ring plus random edges (fast-mixing, like real social graphs); \
            the Sybil region is denser, and joined to the honest region by few attack edges. \
            Seeds are random honest identities. Reports build and propagation time, peak memory, \
            and the precision of the lowest-trust 1% against the planted Sybils.
            """
    )

    @Option(help: "Identities in the graph.")
    var identities = 1_000_000

    @Option(help: "Edges in the graph, attack edges included.")
    var edges = 10_000_000

    @Option(help: "The fraction of identities that are Sybils.")
    var sybilFraction = 0.05

    @Option(help: "Edges between the honest and the Sybil region.")
    var attackEdges = 5_000

    @Option(help: "Trusted seed identities, drawn from the honest region.")
    var seeds = 100

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard identities >= 100, edges >= identities, sybilFraction > 0, sybilFraction < 0.5, attackEdges >= 0, seeds > 0 else {
            throw ValidationError("need at least 100 identities, at least as many edges, a Sybil fraction in (0, 0.5) and some seeds")
        }
    }

    func run() throws {
        var random = FastRandom(seed: UInt64.random(in: 1...UInt64.max))
        let sybils = Int(Double(identities) * sybilFraction)
        let honest = identities - sybils
        let sybilEdges = Int(Double(edges) * sybilFraction * 2)
        let honestEdges = edges - sybilEdges - attackEdges
        var edgeList: [(Int32, Int32)] = []
        edgeList.reserveCapacity(edges)
        for node in 0..<honest { edgeList.append((Int32(node), Int32((node + 1) % honest))) }
        for _ in 0..<max(honestEdges - honest, 0) { edgeList.append((random.below(honest), random.below(honest))) }
        for _ in 0..<sybilEdges { edgeList.append((Int32(honest) + random.below(sybils), Int32(honest) + random.below(sybils))) }
        for _ in 0..<attackEdges { edgeList.append((random.below(honest), Int32(honest) + random.below(sybils))) }
        let seedNodes = (0..<seeds).map { _ in Int(random.below(honest)) }

        let buildStart = CPUClock.ownSeconds()
        let graph = TrustGraph(nodeCount: identities, edges: edgeList)
        let buildSeconds = CPUClock.ownSeconds() - buildStart
        edgeList = []
        let rankStart = CPUClock.ownSeconds()
        let trust = SybilRank.trust(in: graph, seeds: seedNodes)
        let rankSeconds = CPUClock.ownSeconds() - rankStart
        let lowest = trust.indices.sorted { trust[$0] < trust[$1] }.prefix(max(identities / 100, 1))
        let precision = Double(lowest.filter { $0 >= honest }.count) / Double(lowest.count)
        let report = TrustBenchReport(
            identities: identities, edges: edges, sybils: sybils, attackEdges: attackEdges, seeds: seeds,
            buildCPUSeconds: buildSeconds, sybilRankCPUSeconds: rankSeconds,
            graphMegabytes: Double(graph.memoryBytes) / 1_048_576, peakResidentMegabytes: CPUClock.peakResidentMegabytes(),
            precisionOfLowestPercent: precision
        )
        if json {
            print(try JSONOutput.string(report))
        } else {
            print("""
                \(identities) identities (\(sybils) planted Sybils), \(edges) edges (\(attackEdges) attack edges), \(seeds) seeds
                graph built in \(String(format: "%.2f", buildSeconds)) CPU s, \(String(format: "%.0f", report.graphMegabytes)) MB of adjacency
                SybilRank in \(String(format: "%.2f", rankSeconds)) CPU s; peak resident memory \(String(format: "%.0f", report.peakResidentMegabytes)) MB
                precision of the lowest-trust 1% against the planted Sybils: \(String(format: "%.3f", precision))
                """)
        }
    }
}

/// The figures of `vouch bench trust`.
struct TrustBenchReport: Encodable {
    var identities, edges, sybils, attackEdges, seeds: Int
    var buildCPUSeconds, sybilRankCPUSeconds, graphMegabytes, peakResidentMegabytes, precisionOfLowestPercent: Double
}
