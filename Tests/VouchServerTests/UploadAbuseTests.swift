import Foundation
import Testing
import VouchIdentity
import VouchStore
import VouchTestSupport

/// Security: what a platform's client, or someone holding a leaked API key, can do to the
/// upload and graph routes, tried.
@Suite struct UploadAbuseTests {
    static let clip = Data(repeating: 0x5a, count: 4096)

    private func uploadHead(_ server: ServerFixture, attestation: String, length: Int, extra: String = "") -> String {
        "POST /v1/clips?product=sku-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(server.shop.apiKey)\r\n"
            + "Vouch-Attestation: \(attestation)\r\nContent-Type: video/mp4\r\nContent-Length: \(length)\r\n\(extra)\r\n"
    }

    @Test func aBadAttestationIsRefusedBeforeAnyOfTheBodyIsSpooled() async throws {
        try await withServer(.socket, maxUploadBytes: 64 << 20) { server in
            let connection = try RawConnection(port: try #require(server.port))
            let chunk = String(repeating: "x", count: 1 << 20)
            connection.send(uploadHead(server, attestation: "not.a.token", length: 2 << 20) + chunk)
            try await Task.sleep(for: .milliseconds(500))
            let incoming = server.directory.appendingPathComponent("spool/incoming")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: incoming.path)) ?? []).isEmpty,
                    "half of an unauthenticated upload is in, and none of it is on disk")
            connection.send(chunk)
            let answer = try #require(await connection.read(within: .seconds(30)))
            #expect(answer.hasPrefix("HTTP/1.1 422"), "\(answer)")
        }
    }

    @Test func aPlatformMayStreamOnlySoManyUploadsAtOnce() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.uploadsPerPlatform = 1
        }) { server in
            let attestation = try await server.shop.attestation(clipSHA256: ClipDigest.sha256Hex(of: Self.clip), reviewer: "alice")
            let streaming = try RawConnection(port: try #require(server.port))
            streaming.send(uploadHead(server, attestation: attestation, length: Self.clip.count) + "half")
            // The streaming upload holds the platform's one slot once its bytes are being spooled.
            let incoming = server.directory.appendingPathComponent("spool/incoming").path
            for _ in 0..<500 where ((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []).isEmpty {
                try await Task.sleep(for: .milliseconds(10))
            }
            let second = try await server.upload(Data("other bytes".utf8), as: server.shop)
            #expect(second.status == 429 && second.isProblem)
            #expect(second.json["type"] as? String == "https://vouch.local/problems/upload-quota")
            #expect(second.header("Retry-After") != nil)
            #expect(try await server.upload(Data("social's bytes".utf8), as: server.social).status == 202, "other platforms are not held up")
            withExtendedLifetime(streaming) {}  // the upload streams until here; closing it would free the slot
        }
    }

    @Test func aPlatformsClipsMayHoldOnlySoMuchOfTheSpool() async throws {
        try await withServer(adjust: { server, _ in
            server.spoolBytesPerPlatform = 4150
        }) { server in
            #expect(try await server.upload(Self.clip, as: server.shop).status == 202)
            let over = try await server.upload(Data(repeating: 1, count: 100), as: server.shop)
            #expect(over.status == 429 && over.isProblem, "4096 bytes waiting and 100 declared pass 4150")
            #expect(try await server.upload(Data(repeating: 2, count: 40), as: server.shop).status == 202, "40 more fit")
        }
    }

    @Test func aDrippedUploadIsCutOff() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.minimumUploadBytesPerSecond = 100_000
            server.uploadGraceSeconds = 1
        }) { server in
            let attestation = try await server.shop.attestation(clipSHA256: ClipDigest.sha256Hex(of: Self.clip), reviewer: "alice")
            let connection = try RawConnection(port: try #require(server.port))
            connection.send(uploadHead(server, attestation: attestation, length: Self.clip.count))
            let answer = await connection.drip("xxxx", every: .milliseconds(400), times: 40)
            #expect(answer?.hasPrefix("HTTP/1.1 408") == true, "\(answer ?? "no answer")")
        }
    }

    @Test func theSameBytesFromTwoPlatformsAreTwoFilesThatNeitherRefusalNorTheOtherCanDelete() async throws {
        try await withServer { server in
            let shop = try await server.upload(Self.clip, as: server.shop)
            let social = try await server.upload(Self.clip, as: server.social)
            let refused = try await server.upload(Self.clip, as: server.shop, attestation: try await server.social.attestation(
                clipSHA256: ClipDigest.sha256Hex(of: Self.clip), reviewer: "mallory"))
            #expect(shop.status == 202 && social.status == 202 && refused.status == 422)
            let paths = try await [shop, social].asyncMap { answer in
                let id = try #require(answer.json["id"] as? Int)
                return try #require(try await server.pipeline.store.clip(id: Int64(id))?.spoolPath)
            }
            #expect(paths[0] != paths[1], "each upload owns its file")
            for path in paths { #expect(FileManager.default.fileExists(atPath: path), "\(path) survived the refused upload") }
        }
    }

    @Test func aPlatformHoldsOnlySoManyEdges() async throws {
        try await withServer(adjust: { server, _ in
            server.maximumEdgesPerPlatform = 3
        }) { server in
            let first = try await SocialGraphRoutesTests.edges(#"{"add": [{"from": "a", "to": "b", "kind": "follows"}, {"from": "b", "to": "a", "kind": "follows"}]}"#, server)
            #expect(first.status == 200)
            let over = try await SocialGraphRoutesTests.edges(#"{"add": [{"from": "a", "to": "c", "kind": "follows"}, {"from": "c", "to": "a", "kind": "follows"}]}"#, server)
            #expect(over.status == 409 && over.isProblem)
            let held = try await server.pipeline.store.database.run { db in
                try await db.raw("SELECT COUNT(*) AS n FROM social_edges").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            #expect(held == 2, "nothing of the refused batch was added")
        }
    }

    @Test func concurrentRegistrationsCannotPassTheWebhookCap() async throws {
        try await withServer(adjust: WebhookRoutesTests.allowLoopback) { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for number in 0..<30 {
                    group.addTask { try await WebhookRoutesTests.register("http://127.0.0.1:9/hook-\(number)", on: server).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 20)
            #expect(statuses.filter { $0 == 409 }.count == 10)
            #expect(try await server.pipeline.store.webhooks(platform: "shop").count == 20)
        }
    }

    @Test func aPlatformIsNotToldAboutOtherPlatformsClips() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let original = try await store.analysedClip(AnalysedClips.submission("a", platform: "social", reviewer: "bob"), outcome: AnalysedClips.original())
            let copy = try await store.analysedClip(AnalysedClips.submission("b", reviewer: "alice"), outcome: AnalysedClips.copy(of: original.id))
            let status = try await server.send("/v1/clips/\(copy.id)", headers: ["Authorization": "Bearer \(server.shop.apiKey)"])
            let flags = try #require(status.json["flags"] as? [[String: Any]])
            #expect(flags.map { $0["kind"] as? String } == ["copy-of-other-identity"])
            let detail = try #require(flags.first?["detail"] as? String)
            #expect(!detail.contains("\(original.id)"), "the other platform's clip id is not named: \(detail)")
            #expect(try await store.flags(clip: copy.id).first?.detail.contains("\(original.id)") == true, "moderators still see it")
        }
    }
}
