import ArgumentParser

/// `vouch bench`: the benchmarks whose figures `Docs/benchmarks.md` records, with their
/// synthetic corpora and the worlds they seed. Kept out of the executable's own code and
/// out of the production modules, which they only measure through public APIs (seeding
/// writes through the store's bulk import of published reviews).
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Vouch against the reference tools, in one run, as ratios.",
        subcommands: [BenchDecodeCommand.self, BenchFingerprintCommand.self, BenchIndexCommand.self, BenchTrustCommand.self, BenchDemandCommand.self, BenchShopperCommand.self, BenchLogCommand.self, BenchProvenanceCommand.self]
    )

    public init() {}
}
