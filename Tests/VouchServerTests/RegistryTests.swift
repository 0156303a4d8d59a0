import Foundation
import Testing
import VouchIdentity
import VouchPipeline
import VouchServer
import VouchStore
import VouchTestSupport

/// The registry in the store: platforms, keys and moderators changed on any host are
/// honoured by a running server within its refresh interval, with no restart.
@Suite struct RegistryTests {
    static func fast(_ server: inout ServerSettings, _: inout PipelineSettings) {
        server.registryRefreshSeconds = 0.2
    }

    /// Polls `check` without blocking for up to `seconds`, the way a client would retry.
    func eventually(_ seconds: Double = 5, _ check: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func aPlatformRegisteredWhileRunningIsAcceptedAndARotatedKeyExpires() async throws {
        try await withServer(adjust: Self.fast) { server in
            let market = try await TestPlatform(id: "market")
            let before = try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(market.apiKey)"])
            #expect(before.status == 401)
            try await server.pipeline.store.registerPlatform(id: market.id, name: "Market", keys: market.registration.keys ?? [],
                                                             apiKeySHA256: market.registration.apiKeySHA256, by: "operator:test")
            let accepted = try await eventually {
                try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(market.apiKey)"]).status == 200
            }
            #expect(accepted, "accepted within the refresh interval, with no restart")

            let (fresh, hash) = APIKey.generate()
            try await server.pipeline.store.rotateAPIKey(platform: market.id, newSHA256: hash, othersExpireAt: Date(), by: "operator:test")
            let revoked = try await eventually {
                try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(market.apiKey)"]).status == 401
            }
            #expect(revoked, "a key rotated with no grace stops working")
            #expect(try await server.send("/v1/webhooks", headers: ["Authorization": "Bearer \(fresh)"]).status == 200)
        }
    }

    static func refusesKey(_ kid: String, _ answer: ServerFixture.Answer) -> Bool {
        answer.status == 422 && (answer.json["detail"] as? String)?.contains("no key '\(kid)'") == true
    }

    @Test func anAttestationKeyWorksUntilItRetires() async throws {
        try await withServer(adjust: Self.fast) { server in
            let clip = Data("not a video: the attestation is checked before the bytes".utf8)
            let digest = ClipDigest.sha256Hex(of: clip)
            let next = try await TestPlatform(id: "shop", keyID: "shop-ed-2")
            let early = try await server.upload(clip, as: server.shop, attestation: try await next.attestation(clipSHA256: digest, reviewer: "alice"))
            #expect(Self.refusesKey("shop-ed-2", early), "a key the platform has not registered is refused")

            let store = server.pipeline.store
            try await store.addPlatformKey(try #require(next.registration.keys?.first), platform: "shop", by: "operator:test")
            let accepted = try await eventually {
                let answer = try await server.upload(clip, as: server.shop, attestation: try await next.attestation(clipSHA256: digest, reviewer: "alice"))
                return (200..<300).contains(answer.status)
            }
            #expect(accepted, "the new key is accepted beside the old one")
            let old = try await server.upload(clip, as: server.shop, idempotencyKey: "old-key")
            #expect((200..<300).contains(old.status), "and the old key still is")

            try await store.retirePlatformKey("shop-ed", platform: "shop", at: Date(), by: "operator:test")
            let retired = try await eventually { Self.refusesKey("shop-ed", try await server.upload(clip, as: server.shop)) }
            #expect(retired, "an attestation signed with the retired key is refused")
        }
    }
}
