import Foundation
import Testing
import VouchIdentity
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Trusted demand from the stored graph: a bot farm's carts count in raw demand but not in
/// trusted demand, its burst is reported with its accounts, one person's signals count up to
/// the cap, one person on two platforms is one person, and a campaign is told once when
/// real people, not bots, reach its threshold.
@Suite struct DemandRecomputerTests {
    static let honest = (0..<12).map { "honest-\($0)" }
    static let bots = (0..<30).map { "bot-\($0)" }

    /// Three seeded reviewers among twelve honest shoppers, in a ring with chords; a farm of
    /// thirty bots, as densely tied, reached by one attack edge.
    static func plantMarket(_ store: Store) async throws {
        try await store.register(platform: "social", name: "Social")
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
    }

    @Test(arguments: TestEngine.available)
    func aBotFarmsCartsAreRawDemandButNotTrustedDemand(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            try await Self.plantMarket(store)
            let now = store.clock.now()
            let honest = Self.honest, bots = Self.bots
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

    @Test(arguments: TestEngine.available)
    func aCampaignReachingItsThresholdTellsItsPlatformOnce(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            try await Self.plantMarket(store)
            let hook = try await store.createWebhook(platform: "shop", url: "https://shop.example/hook", events: [.demandThreshold], secret: "s")
            let now = store.clock.now()
            let campaign = try await store.openCampaign(NewCampaign(platformID: "shop", product: "kettle-v2", variant: "copper", title: "A copper kettle?",
                                                                    threshold: 4, opensAt: now.addingTimeInterval(-3600), closesAt: now.addingTimeInterval(86_400)),
                                                        by: "merchant:test")
            let bots = Self.bots.enumerated().map { index, bot in
                DemandEvent(id: "b\(index)", account: bot, product: "kettle-v2", kind: .preorder, at: now.addingTimeInterval(-60))
            }
            _ = try await store.addDemandEvents(bots, platform: "shop")
            try await TrustRecomputer(store: store, seedPlatforms: ["shop"]).recompute()
            let pushed = try #require(try await store.campaign(id: campaign.id))
            #expect(pushed.raw == 30 && pushed.trusted < 1 && pushed.crossedAt == nil, "thirty bots are not four real people")
            #expect(try await store.claimDeliveries(limit: 10, leaseSeconds: 60).isEmpty)

            let real = Self.honest.enumerated().map { index, person in
                DemandEvent(id: "h\(index)", account: person, product: "kettle-v2", kind: .preorder, at: now.addingTimeInterval(-120))
            }
            _ = try await store.addDemandEvents(real, platform: "shop")
            try await TrustRecomputer(store: store, seedPlatforms: ["shop"]).recompute()
            try await TrustRecomputer(store: store, seedPlatforms: ["shop"]).recompute()
            let crossed = try #require(try await store.campaign(id: campaign.id))
            #expect(crossed.trusted >= 4 && crossed.crossedAt != nil && crossed.people == 42)
            let deliveries = try await store.claimDeliveries(limit: 10, leaseSeconds: 60)
            #expect(deliveries.count == 1, "told once, however often intent is recounted")
            #expect(deliveries.first?.webhookID == hook.id && deliveries.first?.event == .demandThreshold)
            #expect(deliveries.first?.payload.contains("\"product\":\"kettle-v2\"") == true)
        }
    }
}
