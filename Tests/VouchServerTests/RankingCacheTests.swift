import Foundation
import SQLKit
import Testing
import VouchStore
import VouchTestSupport
@testable import VouchServer

@Suite struct RankingCacheTests {
    static let cursors = ReviewCursor(key: Data(repeating: 7, count: 32))

    @Test(arguments: TestEngine.available)
    func aPageIsServedFromMemoryUntilItsProductChanges(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let clock = ManualClock()
        let store = try await Store.open(database.location, clock: clock)
        try await store.register(platform: "shop", name: "Shop")
        let first = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.5)
        let cache = RankingCache(store: store, capacity: 10, maximumBytes: 1 << 20, cursors: Self.cursors, checkInterval: .zero)
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

    @Test(arguments: TestEngine.available)
    func theCacheHoldsNoMoreBytesThanItIsAllowed(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let store = try await Store.open(database.location)
        try await store.register(platform: "shop", name: "Shop")
        for product in 0..<40 { try await store.finishedClip(reviewer: "r\(product)", product: "sku-\(product)", score: 0.5) }
        let cache = RankingCache(store: store, capacity: 1000, maximumBytes: 4096, cursors: Self.cursors)
        for product in 0..<40 {
            _ = try await cache.entry(product: "sku-\(product)", limit: 5, after: nil)
            #expect(await cache.heldBytes <= 4096)
        }
        try await store.close()
        await database.drop()
    }

    @Test func onlyCursorsTheAPISignedAreAccepted() throws {
        let position = RankingPosition(score: 0.75, clipID: 42)
        let cursor = Self.cursors.encode(position)
        #expect(try Self.cursors.decode(cursor) == position)
        let unsigned = String(cursor.prefix { $0 != "." })
        #expect(throws: Problem.self) { try Self.cursors.decode(unsigned) }
        #expect(throws: Problem.self) { try Self.cursors.decode(unsigned + ".AAAAAAAAAAAAAAAAAAAAAA") }
        let otherKey = ReviewCursor(key: Data(repeating: 8, count: 32))
        #expect(throws: Problem.self) { try otherKey.decode(cursor) }
    }
}
