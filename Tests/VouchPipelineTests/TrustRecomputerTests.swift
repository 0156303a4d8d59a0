import Foundation
import Testing
import VouchModel
import VouchPipeline
import VouchStore
import VouchTestSupport

@Suite struct TrustRecomputerTests {
    @Test(arguments: TestEngine.available)
    func trustReachesTheHonestRegionNotTheSybils(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            var identities: [String: Int64] = [:]
            let honest = (0..<12).map { "honest-\($0)" }
            let sybils = (0..<12).map { "sybil-\($0)" }
            for (index, account) in (honest + sybils).enumerated() {
                var submission = ClipSubmission(platformID: "shop", reviewerAccount: account, productID: "sku", contentSHA256: String(format: "%064d", index),
                                                byteCount: 1, attestationID: account, spoolPath: "/nowhere")
                if ["honest-0", "honest-4", "honest-8"].contains(account) {
                    submission.accountCreatedAt = Date().addingTimeInterval(-1000 * 86_400)
                    submission.verifiedPurchase = true
                }
                let clip = try await store.submit(submission).clip
                identities[account] = try #require(try await store.reviewer(id: clip.reviewerID)).identityID
            }
            var edges: [AccountEdge] = []
            for group in [honest, sybils] {
                for (a, b) in zip(group, group.dropFirst() + [group[0]]) { edges.append(AccountEdge(from: a, to: b, kind: "friend")) }
                for (a, b) in zip(group, group.dropFirst(2)) { edges.append(AccountEdge(from: a, to: b, kind: "follows")) }
            }
            edges.append(AccountEdge(from: "honest-5", to: "sybil-0", kind: "follows"))
            try await store.addEdges(edges, platform: "shop")

            #expect(try await TrustRecomputer(store: store).recompute().values.allSatisfy { $0 == 0 },
                    "a platform's claims seed nothing unless the operator trusts them")
            let trust = try await TrustRecomputer(store: store, seedPlatforms: ["shop"]).recompute()
            let honestTrust = honest.map { trust[identities[$0]!] ?? 0 }
            let sybilTrust = sybils.map { trust[identities[$0]!] ?? 0 }
            #expect(honestTrust.min()! > sybilTrust.max()!, "every honest identity ranks above every Sybil")
            #expect(try await store.identity(id: identities["honest-3"]!)?.trust == trust[identities["honest-3"]!])
        }
    }
}

@Suite struct RingSweepTests {
    /// Submits and publishes a clip as `reviewer`'s review of `product`, as a worker would.
    static func publish(_ store: Store, reviewer: String, product: String, veteran: Bool = false, copying original: Int64? = nil) async throws -> Int64 {
        var submission = ClipSubmission(platformID: "shop", reviewerAccount: reviewer, productID: product,
                                        contentSHA256: "\(reviewer)-\(product)", byteCount: 1, attestationID: "\(reviewer)-\(product)", spoolPath: "/nowhere")
        if veteran {
            submission.accountCreatedAt = Date().addingTimeInterval(-1000 * 86_400)
            submission.verifiedPurchase = true
        }
        let clip = try await store.submit(submission).clip
        let job = try #require(try await store.claimJob(worker: "test"))
        let parts = ScoreParts(score: 0.7, identityAssurance: 0.7, originality: 1, reviewerTrust: 0.5)
        var outcome = ClipOutcome(status: .published, explanation: ScoreExplanation(parts: parts, verdict: .original), probe: "{}", fingerprint: nil)
        if let original { outcome.matches = [ClipMatch(matchedClipID: original, score: 0.9, alignment: "{}")] }
        try await store.finish(job, with: outcome)
        return clip.id
    }

    @Test(arguments: TestEngine.available)
    func lowTrustIdentitiesReviewingTheSameProductsTogetherAreFlagged(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            var ringClips: [Int64] = []
            for sock in ["sock-1", "sock-2", "sock-3"] {
                for product in ["kettle", "toaster"] { ringClips.append(try await Self.publish(store, reviewer: sock, product: product)) }
            }
            let honest = try await Self.publish(store, reviewer: "veteran", product: "kettle", veteran: true)
            _ = try await Self.publish(store, reviewer: "friend", product: "lamp")
            try await store.addEdges([AccountEdge(from: "veteran", to: "friend", kind: "friend"),
                                      AccountEdge(from: "sock-1", to: "sock-2", kind: "friend"),
                                      AccountEdge(from: "sock-2", to: "sock-3", kind: "follows"),
                                      AccountEdge(from: "sock-3", to: "sock-2", kind: "follows")], platform: "shop")

            try await TrustRecomputer(store: store).recompute()
            for clip in ringClips {
                #expect(try await store.clip(id: clip)?.status == .flagged)
                let flags = try await store.flags(clip: clip)
                #expect(flags.map(\.kind) == [.ring])
                #expect(flags.first?.evidence.contains("\"coordinatedProducts\":[\"kettle\",\"toaster\"]") == true)
            }
            #expect(try await store.clip(id: honest)?.status == .published, "a trusted reviewer of the same product is not in the ring")
            try await TrustRecomputer(store: store).recompute()
            #expect(try await store.flags(clip: ringClips[0]).count == 1, "a ring is flagged once")
        }
    }

    @Test(arguments: TestEngine.available)
    func throwawaysReviewingBesideAnHonestNewcomerDoNotMakeTheNewcomerARing(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            var newcomer: [Int64] = []
            for product in ["kettle", "toaster"] {
                newcomer.append(try await Self.publish(store, reviewer: "newcomer", product: product))
                for sock in ["throwaway-1", "throwaway-2"] { _ = try await Self.publish(store, reviewer: sock, product: product) }
            }
            try await store.addEdges([AccountEdge(from: "throwaway-1", to: "throwaway-2", kind: "friend"),
                                      AccountEdge(from: "throwaway-1", to: "newcomer", kind: "follows")], platform: "shop")
            try await TrustRecomputer(store: store).recompute()
            for clip in newcomer {
                #expect(try await store.clip(id: clip)?.status == .published, "proximity and a one-way follow are no evidence of taking part")
                #expect(try await store.flags(clip: clip).isEmpty)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theOriginalOfAClipFifteenOthersCopiedIsNeverARingMember(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            let original = try await Self.publish(store, reviewer: "creator", product: "kettle")
            var copies: [Int64] = []
            for copier in 1...15 { copies.append(try await Self.publish(store, reviewer: "copier-\(copier)", product: "kettle", copying: original)) }
            try await TrustRecomputer(store: store).recompute()
            #expect(try await store.clip(id: original)?.status == .published, "the first uploader is the victim of the copying")
            #expect(try await store.flags(clip: original).isEmpty)
            for clip in copies {
                #expect(try await store.clip(id: clip)?.status == .flagged)
                let flags = try await store.flags(clip: clip)
                #expect(flags.map(\.kind) == [.ring])
                #expect(flags.first?.detail.contains("one of 15 low-trust identities") == true)
            }
        }
    }
}
