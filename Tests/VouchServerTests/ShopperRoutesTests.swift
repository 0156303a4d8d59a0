import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct ShopperRoutesTests {
    @Test func reviewsComeRankedWithTheirExplanationAndNeverFlagged() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let good = try await store.finishedClip(reviewer: "alice", handle: "Alice", product: "sku-1", score: 0.9)
            let fair = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.6)
            try await store.finishedClip(reviewer: "carol", product: "sku-1", score: 0.99, status: .flagged, flags: [.copyOfOtherIdentity])
            try await store.finishedClip(reviewer: "dave", product: "sku-1", score: 0.98, status: .rejected)

            let answer = try await server.send("/v1/products/sku-1/reviews")
            #expect(answer.status == 200)
            let reviews = try #require(answer.json["reviews"] as? [[String: Any]])
            #expect(reviews.compactMap { $0["clip"] as? Int } == [Int(good), Int(fair)])
            let first = try #require(reviews.first)
            #expect(first["score"] as? Double == 0.9)
            let explanation = try #require(first["explanation"] as? [String: Any])
            #expect(explanation["identityAssurance"] as? Double == 0.6)
            #expect(explanation["originality"] as? Double == 1)
            #expect(explanation["reviewerTrust"] as? Double == 0.25)
            #expect(explanation["flags"] as? [String] == [])
            #expect((first["reviewer"] as? [String: Any])?["handle"] as? String == "Alice")
            #expect(first["personalTrust"] == nil, "without a viewer there are no personal links")
            #expect(answer.json["nextCursor"] == nil)
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(!text.contains("alice") && !text.contains("reviewerID"), "no account names or internal ids")
        }
    }

    @Test func theCursorWalksThePages() async throws {
        try await withServer { server in
            for number in 0..<5 {
                try await server.pipeline.store.finishedClip(reviewer: "r\(number)", product: "sku-1", score: Double(number) / 10)
            }
            var scores: [Double] = []
            var path = "/v1/products/sku-1/reviews?limit=2"
            while true {
                let answer = try await server.send(path)
                #expect(answer.status == 200)
                scores += (answer.json["reviews"] as? [[String: Any]] ?? []).compactMap { $0["score"] as? Double }
                guard let cursor = answer.json["nextCursor"] as? String else { break }
                path = "/v1/products/sku-1/reviews?limit=2&cursor=\(cursor)"
            }
            #expect(scores == [0.4, 0.3, 0.2, 0.1, 0.0])
        }
    }

    @Test func aViewerSeesTheirLinksToEachReviewer() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let followed = try await store.finishedClip(reviewer: "rita", product: "sku-1", score: 0.9)
            let stranger = try await store.finishedClip(reviewer: "zoe", product: "sku-1", score: 0.8)
            try await store.addEdges([AccountEdge(from: "sam", to: "ann", kind: "follows"), AccountEdge(from: "sam", to: "bo", kind: "follows"),
                                      AccountEdge(from: "ann", to: "rita", kind: "follows"), AccountEdge(from: "bo", to: "rita", kind: "friend"),
                                      AccountEdge(from: "sam", to: "rita", kind: "follows")], platform: "shop")
            let token = try await server.shop.viewerAttestation(account: "sam")
            let answer = try await server.send("/v1/products/sku-1/reviews", headers: ["Vouch-Viewer": token])
            #expect(answer.status == 200)
            let reviews = try #require(answer.json["reviews"] as? [[String: Any]])
            let links = try #require(reviews.first { $0["clip"] as? Int == Int(followed) }?["personalTrust"] as? [String: Any])
            #expect(links["direct"] as? String == "follows")
            #expect(links["contacts"] as? Int == 2)
            #expect((links["explanation"] as? [String])?.contains("you follow this reviewer") == true)
            #expect(reviews.first { $0["clip"] as? Int == Int(stranger) }?["personalTrust"] == nil)

            let elsewhere = try await server.social.viewerAttestation(account: "sam")
            let other = try await server.send("/v1/products/sku-1/reviews", headers: ["Vouch-Viewer": elsewhere])
            #expect((other.json["reviews"] as? [[String: Any]])?.allSatisfy { $0["personalTrust"] == nil } == true,
                    "another platform's sam is another person")
        }
    }

    @Test func peopleTheViewerKnowsComeFirstOnlyForThatViewer() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let stranger = try await store.finishedClip(reviewer: "zoe", product: "sku-1", score: 0.9)
            let friendsFriend = try await store.finishedClip(reviewer: "rita", product: "sku-1", score: 0.3)
            try await store.addEdges([AccountEdge(from: "sam", to: "ann", kind: "friend"), AccountEdge(from: "ann", to: "rita", kind: "follows")],
                                     platform: "shop")
            let anonymous = try await server.send("/v1/products/sku-1/reviews?sort=known")
            #expect(anonymous.status == 400 && (anonymous.json["detail"] as? String)?.contains("Vouch-Viewer") == true)

            let token = try await server.shop.viewerAttestation(account: "sam")
            let known = try await server.send("/v1/products/sku-1/reviews?sort=known&limit=1", headers: ["Vouch-Viewer": token])
            let first = try #require((known.json["reviews"] as? [[String: Any]])?.first)
            #expect(first["clip"] as? Int == Int(friendsFriend))
            #expect((first["personalTrust"] as? [String: Any])?["contacts"] as? Int == 1)
            let cursor = try #require(known.json["nextCursor"] as? String)
            let next = try await server.send("/v1/products/sku-1/reviews?sort=known&limit=1&cursor=\(cursor)", headers: ["Vouch-Viewer": token])
            #expect((next.json["reviews"] as? [[String: Any]])?.compactMap { $0["clip"] as? Int } == [Int(stranger)])
            #expect(known.header("Cache-Control") == "private, no-store" && known.header("Vary") == "Vouch-Viewer",
                    "no shared cache may hand one shopper's links to another")
            #expect(try await server.send("/v1/products/sku-1/reviews").header("Vary") == "Vouch-Viewer")
            let plain = try await server.send("/v1/products/sku-1/reviews", headers: ["Vouch-Viewer": token])
            #expect((plain.json["reviews"] as? [[String: Any]])?.first?["clip"] as? Int == Int(stranger), "the default order stays authenticity")
        }
    }

    @Test func badParametersAndViewersGetAProblem() async throws {
        try await withServer { server in
            for query in ["limit=0", "limit=101", "limit=ten", "cursor=garbage", "cursor=", "cursor=1-", "cursor=10000000000000000-1"] {
                let answer = try await server.send("/v1/products/sku-1/reviews?\(query)")
                #expect(answer.status == 400 && answer.isProblem, "\(query)")
            }
            let wrongMethod = try await server.send("/v1/products/sku-1/reviews", method: "DELETE")
            #expect(wrongMethod.status == 405 && wrongMethod.isProblem)
            #expect(wrongMethod.header("Allow") == "GET")
            let forged = try await server.send("/v1/products/sku-1/reviews", headers: ["Vouch-Viewer": "not.a.jwt"])
            #expect(forged.status == 401 && forged.isProblem)
            let untyped = try await server.shop.viewerAttestation(account: "sam", type: nil)
            let wrongType = try await server.send("/v1/products/sku-1/reviews", headers: ["Vouch-Viewer": untyped])
            #expect(wrongType.status == 401 && wrongType.isProblem)
        }
    }

    @Test func aClientOverItsRateIsToldWhenToComeBack() async throws {
        try await withServer(adjust: { server, _ in
            server.rateLimit.requestsPerSecond = 0.01
            server.rateLimit.burst = 3
        }) { server in
            for _ in 0..<3 {
                #expect(try await server.send("/v1/products/sku-1/reviews").status == 200)
            }
            let limited = try await server.send("/v1/products/sku-1/reviews")
            #expect(limited.status == 429 && limited.isProblem)
            let retryAfter = try #require(limited.header("Retry-After").flatMap(Int.init))
            #expect(retryAfter >= 1 && retryAfter <= 100)
            #expect(try await server.send("/healthz").status == 200, "the liveness probe is never limited")
        }
    }
}
