import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct SyndicationRoutesTests {
    func call(_ server: ServerFixture, _ path: String, method: String = "GET", as platform: TestPlatform, body: String? = nil) async throws -> ServerFixture.Answer {
        try await server.send(path, method: method, headers: ["Authorization": "Bearer \(platform.apiKey)", "Content-Type": "application/json"],
                              body: body.map { Data($0.utf8) })
    }

    @Test func aShopThatOptsInShowsAnotherPlatformsReviewOfTheSameGTINSayingWhereItCameFrom() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let own = try await store.finishedClip(platform: "shop", reviewer: "ann", product: "shop-mug", score: 0.6,
                                                   content: StructuredDataTests.review(3, title: "Ours"))
            let theirs = try await store.finishedClip(platform: "social", reviewer: "bo", handle: "Bo", product: "social-mug", score: 0.9,
                                                      content: StructuredDataTests.review(5, title: "Theirs"))
            #expect(try await call(server, "/v1/catalog/shop-mug", method: "PUT", as: server.shop, body: #"{"gtin": "4006381333931"}"#).status == 200)
            let set = try await call(server, "/v1/catalog/social-mug", method: "PUT", as: server.social, body: #"{"gtin": "400-6381-333931"}"#)
            #expect(set.json["gtin"] as? String == "04006381333931", "kept as GTIN-14")

            let before = try await server.send("/v1/products/shop-mug/reviews?platform=shop")
            #expect((before.json["reviews"] as? [[String: Any]])?.compactMap { $0["clip"] as? Int } == [Int(own)], "not shown until the shop chooses")

            let policy = try await call(server, "/v1/syndication", method: "PUT", as: server.shop, body: #"{"showSyndicated": true, "shareReviews": true}"#)
            #expect(policy.status == 200 && policy.json["showSyndicated"] as? Bool == true)
            let after = try await server.send("/v1/products/shop-mug/reviews?platform=shop")
            let reviews = try #require(after.json["reviews"] as? [[String: Any]])
            #expect(reviews.compactMap { $0["clip"] as? Int } == [Int(theirs), Int(own)])
            let origin = try #require(reviews.first?["syndicatedFrom"] as? [String: Any])
            #expect(origin["platform"] as? String == "social" && origin["product"] as? String == "social-mug")
            #expect(reviews.last?["syndicatedFrom"] == nil, "the shop's own review is not syndicated")
            let poster = try #require((reviews.first?["media"] as? [String: Any])?["poster"] as? String)
            #expect(poster.hasPrefix("/products/social-mug/"), "media links point where the review was filed")
            let summary = try await server.send("/v1/products/shop-mug/summary?platform=shop")
            #expect(summary.json["reviews"] as? Int == 2)
            #expect(try await server.send("/v1/products/shop-mug/summary").json["reviews"] as? Int == 1, "Vouch's own page of the id is unchanged")
            let markup = try await server.send("/v1/products/shop-mug/structured-data?platform=shop").json
            #expect((markup["review"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Ours"],
                    "search engines get the shop's own reviews only, never syndicated ones")
            #expect((markup["aggregateRating"] as? [String: Any])?["ratingCount"] as? Int == 1)

            #expect(try await call(server, "/v1/catalog/shop-mug", as: server.shop).json["gtin"] as? String == "04006381333931")
            #expect(try await call(server, "/v1/catalog/shop-mug", method: "DELETE", as: server.shop).status == 204)
            #expect(try await call(server, "/v1/catalog/shop-mug", as: server.shop).status == 404)
        }
    }

    @Test func badCatalogEntriesGetAProblemAndChangeNothing() async throws {
        try await withServer { server in
            let wrongCheck = try await call(server, "/v1/catalog/mug", method: "PUT", as: server.shop, body: #"{"gtin": "4006381333932"}"#)
            #expect(wrongCheck.status == 422 && wrongCheck.isProblem && wrongCheck.json["field"] as? String == "gtin")
            #expect((wrongCheck.json["detail"] as? String)?.contains("check digit") == true)
            for body in [#"{"gtin": "abc"}"#, #"{"gtin": "123"}"#] {
                #expect(try await call(server, "/v1/catalog/mug", method: "PUT", as: server.shop, body: body).status == 422, "\(body)")
            }
            for body in ["not json", #"{"gtn": "4006381333931"}"#, #"{"showSyndicated": "yes"}"#] {
                #expect(try await call(server, "/v1/catalog/mug", method: "PUT", as: server.shop, body: body).status == 400, "\(body)")
            }
            #expect(try await call(server, "/v1/syndication", method: "PUT", as: server.shop, body: #"{"showSyndicated": 1}"#).status == 400)
            #expect(try await call(server, "/v1/catalog/mug", as: server.shop).status == 404)
            #expect(try await server.send("/v1/syndication", method: "PUT", body: Data(#"{"showSyndicated": true, "shareReviews": true}"#.utf8)).status == 401)
            #expect(try await call(server, "/v1/syndication", as: server.shop).json["showSyndicated"] as? Bool == false)
            #expect(try await server.send("/v1/products/mug/reviews?platform=nobody").status == 400)
        }
    }

    @Test func oneShopCannotRemapAnotherPlatformsProduct() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            try await store.finishedClip(platform: "shop", reviewer: "ann", product: "mug", score: 0.6)
            let fake = try await store.finishedClip(platform: "social", reviewer: "sock", product: "fake-mug", score: 0.99)
            #expect(try await call(server, "/v1/catalog/mug", method: "PUT", as: server.shop, body: #"{"gtin": "4006381333931"}"#).status == 200)
            // The other platform gives the shop's product id, and its own fake, the shop's GTIN.
            #expect(try await call(server, "/v1/catalog/fake-mug", method: "PUT", as: server.social, body: #"{"gtin": "4006381333931"}"#).status == 200)
            #expect(try await call(server, "/v1/catalog/mug", method: "PUT", as: server.social, body: #"{"gtin": "96385074"}"#).status == 200)
            #expect(try await call(server, "/v1/catalog/mug", as: server.shop).json["gtin"] as? String == "04006381333931",
                    "a GTIN is the platform's own word about its own product")
            let shown = try await server.send("/v1/products/mug/reviews?platform=shop")
            #expect(!((shown.json["reviews"] as? [[String: Any]])?.contains { $0["clip"] as? Int == Int(fake) } ?? true),
                    "the shop shows nobody else's reviews until it opts in")
        }
    }
}
