import Foundation
import Testing
import VouchIdentity
import VouchTestSupport

@Suite struct ClipRoutesTests {
    static let clip = Data("not really a video, but the API only spools and hashes it".utf8)

    @Test func anAttestedUploadIsAcceptedAndItsStatusReadable() async throws {
        try await withServer { server in
            let accepted = try await server.upload(Self.clip, as: server.shop)
            #expect(accepted.status == 202)
            #expect(accepted.json["status"] as? String == "received")
            let id = try #require(accepted.json["id"] as? Int)
            let status = try await server.send("/v1/clips/\(id)", headers: ["Authorization": "Bearer \(server.shop.apiKey)"])
            #expect(status.status == 200)
            #expect(status.json["contentSHA256"] as? String == accepted.json["contentSHA256"] as? String)
        }
    }

    @Test func wrongOrMissingAuthenticationIs401() async throws {
        try await withServer { server in
            let missing = try await server.send("/v1/clips?product=sku-1", method: "POST", body: Self.clip)
            #expect(missing.status == 401 && missing.isProblem)
            let wrong = try await server.upload(Self.clip, as: server.shop, apiKey: "vk_not-a-key")
            #expect(wrong.status == 401 && wrong.isProblem)
            #expect(wrong.json["type"] as? String == "https://vouch.local/problems/unauthorized")
        }
    }

    @Test func aPlatformCannotSeeAnotherPlatformsClips() async throws {
        try await withServer { server in
            let accepted = try await server.upload(Self.clip, as: server.shop)
            let id = try #require(accepted.json["id"] as? Int)
            let foreign = try await server.send("/v1/clips/\(id)", headers: ["Authorization": "Bearer \(server.social.apiKey)"])
            #expect(foreign.status == 404 && foreign.isProblem)
        }
    }

    @Test func anAttestationForOtherBytesOrReplayedIsRejected() async throws {
        try await withServer { server in
            let otherBytes = try await server.shop.attestation(clipSHA256: String(repeating: "0", count: 64), reviewer: "alice")
            let mismatch = try await server.upload(Self.clip, as: server.shop, attestation: otherBytes)
            #expect(mismatch.status == 422 && mismatch.isProblem)
            #expect((mismatch.json["detail"] as? String)?.contains("clip") == true)

            let token = try await server.shop.attestation(clipSHA256: ClipDigest.sha256Hex(of: Self.clip), reviewer: "alice")
            #expect(try await server.upload(Self.clip, as: server.shop, attestation: token).status == 202)
            let replay = try await server.upload(Self.clip, as: server.shop, attestation: token)
            #expect(replay.status == 422 && replay.isProblem)

            let forged = try await server.social.attestation(clipSHA256: ClipDigest.sha256Hex(of: Self.clip), reviewer: "alice")
            let wrongIssuer = try await server.upload(Self.clip, as: server.shop, attestation: forged)
            #expect(wrongIssuer.status == 422, "another platform's key does not vouch for this platform's reviewers")
        }
    }

    @Test func idempotencyKeysReplayOrConflict() async throws {
        try await withServer { server in
            let first = try await server.upload(Self.clip, as: server.shop, idempotencyKey: "upload-1")
            let again = try await server.upload(Self.clip, as: server.shop, idempotencyKey: "upload-1")
            #expect(first.status == 202)
            #expect(again.status == 200)
            #expect(again.json["id"] as? Int == first.json["id"] as? Int)
            let conflict = try await server.upload(Data("different bytes".utf8), as: server.shop, idempotencyKey: "upload-1")
            #expect(conflict.status == 409 && conflict.isProblem)
        }
    }

    @Test func malformedAndOversizedRequestsGetAProblem() async throws {
        try await withServer(maxUploadBytes: 1000) { server in
            let auth = ["Authorization": "Bearer \(server.shop.apiKey)"]
            let noProduct = try await server.send("/v1/clips", method: "POST", headers: auth, body: Self.clip)
            #expect(noProduct.status == 400 && noProduct.isProblem)
            let noAttestation = try await server.send("/v1/clips?product=sku-1", method: "POST", headers: auth, body: Self.clip)
            #expect(noAttestation.status == 400 && noAttestation.isProblem)
            let empty = try await server.upload(Data(), as: server.shop)
            #expect(empty.status == 400 && empty.isProblem)
            let oversized = try await server.upload(Data(repeating: 7, count: 5000), as: server.shop)
            #expect(oversized.status == 413 && oversized.isProblem)
            let garbageToken = try await server.upload(Self.clip, as: server.shop, attestation: "not.a.jwt")
            #expect(garbageToken.status == 422 && garbageToken.isProblem)
            let unknownRoute = try await server.send("/v1/nothing-here")
            #expect(unknownRoute.status == 404 && unknownRoute.isProblem)
            let badID = try await server.send("/v1/clips/abc", headers: auth)
            #expect(badID.status == 404 && badID.isProblem)
        }
    }

    @Test func healthAndReadiness() async throws {
        try await withServer { server in
            let health = try await server.send("/healthz")
            let readiness = try await server.send("/readyz")
            #expect(health.status == 200)
            #expect(readiness.status == 200)
        }
    }
}

@Suite struct SocialGraphRoutesTests {
    static func edges(_ json: String, _ server: ServerFixture, apiKey: String? = nil) async throws -> ServerFixture.Answer {
        try await server.send("/v1/social/edges", method: "POST",
                              headers: ["Authorization": "Bearer \(apiKey ?? server.shop.apiKey)", "Content-Type": "application/json"],
                              body: Data(json.utf8))
    }

    @Test func edgesAreAddedInBulkAndCounted() async throws {
        try await withServer { server in
            let body = #"{"add": [{"from": "alice", "to": "bob", "kind": "follows"}, {"from": "bob", "to": "carol", "kind": "vouches-for"}]}"#
            let first = try await Self.edges(body, server)
            #expect(first.status == 200)
            #expect(first.json["added"] as? Int == 2)
            let again = try await Self.edges(body, server)
            #expect(again.json["added"] as? Int == 0)
            let removed = try await Self.edges(#"{"remove": [{"from": "alice", "to": "bob", "kind": "follows"}]}"#, server)
            #expect(removed.json["removed"] as? Int == 1)
        }
    }

    @Test func badBatchesGetAProblem() async throws {
        try await withServer { server in
            let unauthenticated = try await Self.edges(#"{"add": []}"#, server, apiKey: "vk_wrong")
            #expect(unauthenticated.status == 401 && unauthenticated.isProblem)
            let malformed = try await Self.edges("{not json", server)
            #expect(malformed.status == 400 && malformed.isProblem)
            let unknownKind = try await Self.edges(#"{"add": [{"from": "a", "to": "b", "kind": "hates"}]}"#, server)
            #expect(unknownKind.status == 400 && unknownKind.isProblem)
            let many = (0...SocialGraphRoutesLimit.maximum).map { #"{"from": "a\#($0)", "to": "b", "kind": "follows"}"# }.joined(separator: ",")
            let tooMany = try await Self.edges(#"{"add": [\#(many)]}"#, server)
            #expect(tooMany.status == 413 && tooMany.isProblem)
        }
    }
}

/// The documented per-request edge limit.
enum SocialGraphRoutesLimit {
    static let maximum = 10_000
}
