import Foundation
import Testing
import VouchIdentity
import VouchStore
import VouchTestSupport

@Suite struct DemandStoreTests {
    @Test(arguments: TestEngine.available)
    func eventsAreIdempotentPerPlatformAndEventID(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let event = DemandEvent(id: "e1", account: "ann", product: "kettle", kind: .cart, at: fixture.clock.now(), quantity: 2)
            #expect(try await store.addDemandEvents([event], platform: "shop") == [true])
            var changed = event
            changed.quantity = 9
            #expect(try await store.addDemandEvents([changed, DemandEvent(id: "e2", account: "ann", product: "kettle", kind: .view, at: fixture.clock.now())],
                                                    platform: "shop") == [false, true])
            #expect(try await store.addDemandEvents([changed], platform: "social") == [true], "event ids are the platform's own")
            let stored = try await store.demandEvents(since: fixture.clock.now().addingTimeInterval(-60))
            #expect(stored.filter { $0.platform == "shop" && $0.kind == .cart }.map(\.quantity) == [2], "a resent event changes nothing")
        }
    }

    @Test(arguments: TestEngine.available)
    func aBatchLargerThanOneStatementSaysOfEachEventWhetherItWasNew(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let events = (0..<1_200).map { DemandEvent(id: "e\($0)", account: "a\($0 % 97)", product: "p\($0 % 13)", kind: .view, at: fixture.clock.now()) }
            #expect(try await store.addDemandEvents(events, platform: "shop").allSatisfy { $0 })
            let mixed = Array(events[600...]) + (1_200..<1_800).map { DemandEvent(id: "e\($0)", account: "b", product: "p", kind: .cart, at: fixture.clock.now()) }
            let fresh = try await store.addDemandEvents(mixed, platform: "shop")
            #expect(fresh == Array(repeating: false, count: 600) + Array(repeating: true, count: 600))
            #expect(try await store.demandEvents(since: fixture.clock.now().addingTimeInterval(-60)).count == 1_800)
        }
    }

    @Test(arguments: TestEngine.available)
    func aPurchaseSignalMakesTheReviewAVerifiedPurchase(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            _ = try await store.addDemandEvents([DemandEvent(id: "p1", account: "alice", product: "sku-1", kind: .purchase, at: fixture.clock.now())],
                                                platform: "shop")
            var bought = StoreFixture.submission("aa", reviewer: "alice")
            bought.verifiedPurchase = false
            var other = StoreFixture.submission("bb", reviewer: "bob")
            other.verifiedPurchase = false
            #expect(try await store.submit(bought).clip.verifiedPurchase)
            #expect(try await store.submit(other).clip.verifiedPurchase == false)
        }
    }
}
