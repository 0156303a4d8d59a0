import ArgumentParser

/// `vouch bench`: the benchmarks whose figures `Docs/benchmarks.md` records.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Vouch against the reference tools, in one run, as ratios.",
        subcommands: [BenchDecodeCommand.self, BenchFingerprintCommand.self, BenchIndexCommand.self, BenchTrustCommand.self, BenchDemandCommand.self, BenchShopperCommand.self, BenchLogCommand.self, BenchProvenanceCommand.self]
    )
}
