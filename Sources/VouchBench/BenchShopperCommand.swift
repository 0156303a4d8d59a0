import ArgumentParser
import Foundation
import VouchCommandLine
import VouchStore

/// `vouch bench shopper`: seeds a store with published clips for the shopper API's load
/// test (`Scripts/bench-shopper` then runs wrk against `vouch serve` on it).
struct BenchShopperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopper",
        abstract: "Seed a store with published clips across many products, for the shopper API's wrk benchmark.",
        discussion: """
            Writes the clips straight into the store (no jobs, no log entries; media keys whose objects need not exist): products are named \
            product-1 … product-N, each with clips/products published clips by random reviewers \
            of the given platform, scored with random parts, each with a rating, a title, a text, disclosures and media keys. Use a fresh --data directory.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Published clips to write.")
    var clips = 100_000

    @Option(help: "Products to spread them over.")
    var products = 10_000

    @Option(help: "The platform the reviewers belong to (registered in the store if need be).")
    var platform = "bench"

    @Option(help: "Seed for the scores, so a run can be repeated.")
    var seed: UInt64 = 7

    func validate() throws {
        guard clips > 0, products > 0, products <= clips else { throw ValidationError("need some clips, and at most as many products as clips") }
    }

    func run() async throws {
        let opened = try await Store.open(try store.location)
        let clock = ContinuousClock()
        let start = clock.now
        try await opened.register(platform: platform, name: platform)
        var generator = FastRandom(seed: seed)
        let seed = ShopperSeed(clips: clips, products: products, batch: "\(Int(Date().timeIntervalSince1970 * 1000))-\(generator.next() % 1_000_000)")
        try await opened.importPublishedReviews(seed.reviews(using: &generator), platform: platform)
        try await opened.close()
        print("seeded \(clips) published clips across \(products) products in \(clock.now - start)")
    }
}
