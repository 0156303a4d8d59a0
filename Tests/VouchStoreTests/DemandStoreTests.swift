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
