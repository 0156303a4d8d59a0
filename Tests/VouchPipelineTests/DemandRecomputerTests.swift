import Foundation
import Testing
import VouchIdentity
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Trusted demand from the stored graph: a bot farm's carts count in raw demand but not in
/// trusted demand, its burst is reported with its accounts, one person's signals count up to
/// the cap, and one person on two platforms is one person.
@Suite struct DemandRecomputerTests {
    @Test(arguments: TestEngine.available)
    func aBotFarmsCartsAreRawDemandButNotTrustedDemand(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            try await store.register(platform: "social", name: "Social")
            let honest = (0..<12).map { "honest-\($0)" }
            let bots = (0..<30).map { "bot-\($0)" }
            for (index, account) in ["honest-0", "honest-4", "honest-8"].enumerated() {
                var submission = ClipSubmission(platformID: "shop", reviewerAccount: account, provenReviewerKey: account == "honest-0" ? "key-of-honest-0" : nil,
                                                productID: "kettle", contentSHA256: String(format: "%064d", index), byteCount: 1,
                                                attestationID: account, spoolPath: "/nowhere")
                submission.accountCreatedAt = Date().addingTimeInterval(-1000 * 86_400)
                submission.verifiedPurchase = true
                _ = try await store.submit(submission)
            }
            // honest-0 is also on the social platform, proven by the same reviewer key.
            _ = try await store.submit(ClipSubmission(platformID: "social", reviewerAccount: "h0-social", provenReviewerKey: "key-of-honest-0",
                                                      productID: "kettle", contentSHA256: String(format: "%064d", 99), byteCount: 1,
                                                      attestationID: "h0-social", spoolPath: "/nowhere"))
            var edges: [AccountEdge] = []
            for (a, b) in zip(honest, honest.dropFirst() + [honest[0]]) { edges.append(AccountEdge(from: a, to: b, kind: "friend")) }
            for (a, b) in zip(honest, honest.dropFirst(3)) { edges.append(AccountEdge(from: a, to: b, kind: "follows")) }
            for (a, b) in zip(bots, bots.dropFirst() + [bots[0]]) { edges.append(AccountEdge(from: a, to: b, kind: "friend")) }
            for (a, b) in zip(bots, bots.dropFirst(2)) { edges.append(AccountEdge(from: a, to: b, kind: "friend")) }
            edges.append(AccountEdge(from: "honest-5", to: "bot-0", kind: "follows"))
            try await store.addEdges(edges, platform: "shop")

            let now = store.clock.now()
            var shop = honest.enumerated().map { index, account in
                DemandEvent(id: "h-\(index)", account: account, product: "kettle", kind: .cart, at: now.addingTimeInterval(-Double(index) * 3600))
            }
            shop.append(DemandEvent(id: "h-bulk", account: "honest-1", product: "kettle", kind: .cart, at: now.addingTimeInterval(-60), quantity: 10))
            shop += bots.enumerated().map { index, account in
                DemandEvent(id: "b-\(index)", account: account, product: "gadget", kind: .cart, at: now.addingTimeInterval(-600 + Double(index) * 5), quantity: 3)
            }
            _ = try await store.addDemandEvents(shop, platform: "shop")
            _ = try await store.addDemandEvents([DemandEvent(id: "s-1", account: "h0-social", product: "kettle", kind: .cart, at: now)], platform: "social")

            try await TrustRecomputer(store: store, seedPlatforms: ["shop"]).recompute()
            let kettle = try #require(try await store.demand(product: "kettle", days: 7).totals.first)
            let (gadgetTotals, gadgetAnomalies) = try await store.demand(product: "gadget", days: 7)
            let gadget = try #require(gadgetTotals.first)
            #expect(kettle.tally.raw == 12 + 10 + 1)
            #expect(kettle.tally.people == 12, "honest-0's accounts on two platforms are one person")
            #expect(kettle.tally.trusted > 6 && kettle.tally.trusted <= 12 + 2, "honest-1's ten carts count at most the cap of three")
            #expect(gadget.tally.raw == 90 && gadget.tally.people == 30)
            #expect(gadget.tally.trusted < 1, "the farm's carts are not trusted demand")
            let burst = try #require(gadgetAnomalies.first)
            #expect(burst.kind == .cart && burst.lowTrustPeople >= 25 && burst.sample.allSatisfy { $0.hasPrefix("shop:bot-") })
            #expect(try await store.demand(product: "kettle", days: 7).anomalies.isEmpty)
            let ranked = try await store.demandRanking(kind: .cart, days: 7, byTrusted: true, limit: 10).map(\.product)
            #expect(ranked == ["kettle", "gadget"])
            #expect(try await store.demandRanking(kind: .cart, days: 7, byTrusted: false, limit: 10).map(\.product) == ["gadget", "kettle"])
        }
    }
}
