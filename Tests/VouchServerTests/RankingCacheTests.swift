import Foundation
import SQLKit
import Testing
import VouchStore
import VouchTestSupport
@testable import VouchServer

@Suite struct RankingCacheTests {
    @Test(arguments: TestEngine.available)
    func aPageIsServedFromMemoryUntilItsProductChanges(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let clock = ManualClock()
        let store = try await Store.open(database.location, clock: clock)
        try await store.register(platform: "shop", name: "Shop")
        let first = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.5)
        let cache = RankingCache(store: store, capacity: 10, checkInterval: .zero)
        clock.advance(by: 10)

        #expect(try await cache.entry(product: "sku-1", limit: 5, after: nil).page.reviews.map(\.clipID) == [first])
        try await store.database.run { try await $0.raw("UPDATE clips SET status = 'rejected'").run() }
        #expect(try await cache.entry(product: "sku-1", limit: 5, after: nil).page.reviews.map(\.clipID) == [first],
                "a change that did not stamp its time is not seen: the page came from memory")

        let second = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.7)
        #expect(try await cache.entry(product: "sku-1", limit: 5, after: nil).page.reviews.map(\.clipID) == [second],
                "a clip published since is seen, and the rejected one is gone")
        try await store.close()
        await database.drop()
    }
}
