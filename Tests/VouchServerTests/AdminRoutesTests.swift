import Foundation
import Testing
import VouchIdentity
import VouchStore
import VouchTestSupport

/// The admin API: only operators' tokens open it; what it changes is live at once and
/// audited under the operator's name; bad requests are named, never half-applied.
@Suite struct AdminRoutesTests {
    func withOperator(_ body: @Sendable (ServerFixture, [String: String]) async throws -> Void) async throws {
        try await withServer { server in
            let (token, hash) = APIKey.generate(prefix: "vo_")
            try await server.pipeline.store.addOperatorToken(name: "olive", sha256: hash, by: "operator:test")
            try await body(server, ["Authorization": "Bearer \(token)", "Content-Type": "application/json"])
        }
    }

    func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }

    @Test func refusesRequestsWithoutAnOperatorsToken() async throws {
        try await withOperator { server, _ in
            for headers in [[:], ["Authorization": "Bearer vo_guessed"], ["Authorization": "Bearer \(server.shop.apiKey)"]] {
                let answer = try await server.send("/v1/admin/platforms", headers: headers)
                #expect(answer.status == 401, "\(headers)")
            }
            let forged = try await server.send("/v1/admin/moderators", method: "POST", headers: ["Authorization": "Bearer \(server.shop.apiKey)"],
                                               body: try json(["name": "mallory", "role": "admin", "password": "a long enough password"]))
            #expect(forged.status == 401, "a platform's API key is not an operator's token")
            #expect(try await server.pipeline.store.registry().moderators.isEmpty)
        }
    }

    @Test func registersAPlatformAndRotatesItsAPIKey() async throws {
        try await withOperator { server, headers in
            let market = try await TestPlatform(id: "market")
            let created = try await server.send("/v1/admin/platforms", method: "POST", headers: headers,
                                                body: try json(["id": "market", "name": "Market", "jwks": ["keys": market.jwks]]))
            #expect(created.status == 201, "\(created.json)")
            let apiKey = try #require(created.json["apiKey"] as? String)
            #expect(try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(apiKey)"]).status == 200, "live at once")

            let listed = try await server.send("/v1/admin/platforms", headers: headers)
            let platforms = try #require(listed.json["platforms"] as? [[String: Any]])
            #expect(platforms.compactMap { $0["id"] as? String }.sorted() == ["market", "shop", "social"])
            #expect(!String(decoding: listed.body, as: UTF8.self).contains(apiKey))

            let again = try await server.send("/v1/admin/platforms", method: "POST", headers: headers,
                                              body: try json(["id": "market", "name": "Market", "jwks": ["keys": market.jwks]]))
            #expect(again.status == 409)

            let rotated = try await server.send("/v1/admin/platforms/market/api-keys", method: "POST", headers: headers, body: try json(["afterSeconds": 0]))
            #expect(rotated.status == 201)
            let fresh = try #require(rotated.json["apiKey"] as? String)
            #expect(try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(apiKey)"]).status == 401)
            #expect(try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(fresh)"]).status == 200)

            let audit = try await server.pipeline.store.auditLog(subject: "platform:market")
            #expect(audit.map(\.action) == ["platform.api-key-rotated", "platform.registered"])
            #expect(audit.allSatisfy { $0.actor == "operator:olive" })
        }
    }

    @Test func malformedAndUnknownRequestsAreNamed() async throws {
        try await withOperator { server, headers in
            let cases: [(path: String, body: Data, status: Int)] = [
                ("/v1/admin/platforms", Data("{not json".utf8), 400),
                ("/v1/admin/platforms", try json(["id": "x", "name": "X"]), 400),
                ("/v1/admin/platforms", try json(["id": "x", "name": "X", "jwks": ["keys": [["kty": "oct", "kid": "k", "alg": "HS256", "k": "AA"]]]]), 400),
                ("/v1/admin/platforms/nowhere/api-keys", try json([:]), 404),
                ("/v1/admin/platforms/shop/keys/nokey/retire", try json([:]), 404),
                ("/v1/admin/platforms/shop/keys/shop-ed/retire", try json([:]), 409),
                ("/v1/admin/platforms/shop/api-keys", try json(["afterSeconds": -5]), 400),
                ("/v1/admin/moderators", try json(["name": "sam", "role": "moderator", "password": "short"]), 400),
                ("/v1/admin/moderators", try json(["name": "sam", "role": "overlord", "password": "a long enough password"]), 400),
            ]
            for request in cases {
                let answer = try await server.send(request.path, method: "POST", headers: headers, body: request.body)
                #expect(answer.status == request.status, "\(request.path): \(answer.json)")
                #expect(answer.contentType.hasPrefix("application/problem+json"))
            }
            let registry = try await server.pipeline.store.registry()
            #expect(registry.platforms.map(\.id) == ["shop", "social"] && registry.moderators.isEmpty, "nothing was half-applied")
            #expect(registry.platforms[0].trust(at: Date()).keys.map(\.id) == ["shop-ed"])
        }
    }

    @Test func addsAndRemovesModerators() async throws {
        try await withOperator { server, headers in
            let added = try await server.send("/v1/admin/moderators", method: "POST", headers: headers,
                                              body: try json(["name": "mia", "role": "moderator", "password": "a long enough password"]))
            #expect(added.status == 201)
            let stored = try #require(try await server.pipeline.store.registry().moderators.first)
            #expect(stored.name == "mia" && stored.role == .moderator && !stored.passwordHash.contains("a long enough password"))
            let listed = try await server.send("/v1/admin/moderators", headers: headers)
            #expect((listed.json["moderators"] as? [[String: Any]])?.first?["name"] as? String == "mia")
            #expect(try await server.send("/v1/admin/moderators/mia", method: "DELETE", headers: headers).status == 204)
            #expect(try await server.send("/v1/admin/moderators/mia", method: "DELETE", headers: headers).status == 404)
            #expect(try await server.pipeline.store.auditLog(subject: "moderator:mia").map(\.actor) == ["operator:olive", "operator:olive"])
        }
    }
}
