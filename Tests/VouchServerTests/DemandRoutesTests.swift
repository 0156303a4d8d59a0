import Foundation
import Testing
import VouchPipeline
import VouchStore
import VouchTestSupport

/// The demand API: signals in bulk, each event taken whole or refused with its reason,
/// idempotent per event id; demand read back raw beside trusted, only with a platform's key.
@Suite struct DemandRoutesTests {
    func post(_ server: ServerFixture, _ events: [[String: Any]], apiKey: String? = nil) async throws -> ServerFixture.Answer {
        try await server.send("/v1/signals", method: "POST",
                              headers: ["Authorization": "Bearer \(apiKey ?? server.shop.apiKey)", "Content-Type": "application/json"],
                              body: try JSONSerialization.data(withJSONObject: ["events": events]))
    }

    static let now = ISO8601DateFormatter().string(from: Date())

    @Test func eachEventIsTakenWholeOrRefusedWithItsReason() async throws {
        try await withServer { server in
            let good = ["id": "e1", "account": "ann", "product": "kettle", "kind": "cart", "at": Self.now, "quantity": 2] as [String: Any]
            let batch: [[String: Any]] = [
                good,
                ["id": "e2", "account": "bob", "product": "kettle", "kind": "haggle", "at": Self.now],
                ["id": "e3", "account": "cy", "product": "kettle", "kind": "view"],
                ["id": "e4", "account": "di", "product": "kettle", "kind": "view", "at": "2099-01-01T00:00:00Z"],
                ["id": "e1", "account": "ann", "product": "kettle", "kind": "cart", "at": Self.now],
                ["account": "eve", "product": "kettle", "kind": "view", "at": Self.now],
                ["id": "e6", "account": "fay", "product": "kettle", "kind": "purchase", "at": Self.now, "quantity": 0],
            ]
            let answer = try await post(server, batch)
            #expect(answer.status == 207)
            #expect(answer.json["accepted"] as? Int == 1)
            let rejected = try #require(answer.json["rejected"] as? [[String: Any]])
            #expect(rejected.compactMap { $0["index"] as? Int } == [1, 2, 3, 4, 5, 6])
            let details = rejected.compactMap { $0["detail"] as? String }
            for (detail, expected) in zip(details, ["kind 'haggle'", "at is missing", "future", "appears twice", "id is missing", "quantity"]) {
                #expect(detail.contains(expected), "\(detail)")
            }
            let again = try await post(server, [good])
            #expect(again.status == 200 && again.json["accepted"] as? Int == 0 && again.json["duplicates"] as? [String] == ["e1"])
            let stored = try await server.pipeline.store.demandEvents(since: Date().addingTimeInterval(-3600))
            #expect(stored.count == 1 && stored[0].quantity == 2 && stored[0].platform == "shop")
        }
    }

    @Test func refusesWhatIsNotABatchItMayTake() async throws {
        try await withServer { server in
            #expect(try await post(server, [], apiKey: "vk_wrong").status == 401)
            let malformed = try await server.send("/v1/signals", method: "POST", headers: ["Authorization": "Bearer \(server.shop.apiKey)"],
                                                  body: Data("{\"events\": 5}".utf8))
            #expect(malformed.status == 400)
            let many = (0...10_000).map { ["id": "e\($0)", "account": "a", "product": "p", "kind": "view", "at": Self.now] as [String: Any] }
            let tooMany = try await post(server, many)
            #expect(tooMany.status == 413)
            #expect(try await server.pipeline.store.demandEvents(since: Date().addingTimeInterval(-3600)).isEmpty, "nothing was stored")
        }
    }

    @Test func demandIsReadRawBesideTrusted() async throws {
        try await withServer { server in
            let events = (0..<4).map { ["id": "v\($0)", "account": "shopper-\($0)", "product": "kettle", "kind": "wishlist", "at": Self.now] as [String: Any] }
            #expect(try await post(server, events).status == 200)
            try await TrustRecomputer(store: server.pipeline.store).recompute()
            let auth = ["Authorization": "Bearer \(server.social.apiKey)"]
            let product = try await server.send("/v1/products/kettle/demand?window=1d", headers: auth)
            #expect(product.status == 200)
            let kinds = try #require(product.json["kinds"] as? [[String: Any]])
            #expect(kinds.first?["kind"] as? String == "wishlist" && kinds.first?["raw"] as? Int == 4 && kinds.first?["people"] as? Int == 4)
            #expect(kinds.first?["trusted"] as? Double == 0, "no seed: nobody is trusted yet")
            let ranked = try await server.send("/v1/demand?kind=wishlist&by=raw&window=7d", headers: auth)
            #expect((ranked.json["products"] as? [[String: Any]])?.first?["product"] as? String == "kettle")
            #expect(try await server.send("/v1/demand?window=12d", headers: auth).status == 400)
            #expect(try await server.send("/v1/demand?kind=hug", headers: auth).status == 400)
            #expect(try await server.send("/v1/products/kettle/demand").status == 401)
        }
    }
}

/// Campaigns on the platform API: opened with a threshold, read back only by their platform.
@Suite struct CampaignRoutesTests {
    @Test func aPlatformOpensAndReadsOnlyItsOwnCampaigns() async throws {
        try await withServer { server in
            let closes = ISO8601DateFormatter().string(from: Date().addingTimeInterval(7 * 86_400))
            func open(_ body: [String: Any], as platform: TestPlatform) async throws -> ServerFixture.Answer {
                try await server.send("/v1/campaigns", method: "POST", headers: ["Authorization": "Bearer \(platform.apiKey)"],
                                      body: try JSONSerialization.data(withJSONObject: body))
            }
            let created = try await open(["product": "kettle-v2", "variant": "copper", "title": "A copper kettle?", "threshold": 100, "closesAt": closes], as: server.shop)
            #expect(created.status == 201, "\(created.json)")
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["progress"] as? Double == 0 && created.json["crossedAt"] == nil)
            for bad in [["product": "k", "title": "t", "threshold": 0, "closesAt": closes],
                        ["product": "k", "title": "t", "threshold": 5, "closesAt": "2020-01-01T00:00:00Z"],
                        ["product": "k", "title": "t", "threshold": 5, "closesAt": "next week"]] as [[String: Any]] {
                #expect(try await open(bad, as: server.shop).status == 400)
            }
            let mine = try await server.send("/v1/campaigns/\(id)", headers: ["Authorization": "Bearer \(server.shop.apiKey)"])
            #expect(mine.status == 200 && mine.json["title"] as? String == "A copper kettle?")
            #expect(try await server.send("/v1/campaigns/\(id)", headers: ["Authorization": "Bearer \(server.social.apiKey)"]).status == 404)
            let listed = try await server.send("/v1/campaigns", headers: ["Authorization": "Bearer \(server.social.apiKey)"])
            #expect((listed.json["campaigns"] as? [Any])?.isEmpty == true)
        }
    }
}
