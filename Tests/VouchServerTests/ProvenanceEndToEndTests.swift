import Foundation
import Testing
import VouchPipeline
import VouchServer
import VouchTestSupport

/// Clips signed by c2pa-python, uploaded through the platform API and analysed by a worker
/// (with the real analysis child): the credentials reach the status document, the shopper
/// API and the moderator's item page; a declared AI clip and a tampered one are held.
@Suite struct ProvenanceEndToEndTests {
    @Test func signedClipsShowTheirProvenanceAndSuspectOnesAreHeld() async throws {
        var provenance = ProvenanceSettings()
        provenance.trustAnchors = [try C2PAFixture.trustAnchorPath]
        let moderation = try ModerationFixture.settings()
        try await withServer(maxUploadBytes: 16 << 20, moderation: moderation, provenance: provenance, adjust: { _, pipeline in
            pipeline.analyzerCommand = [VouchExecutable.url.path, "analyze"]
        }) { server in
            var ids: [C2PAFixture: Int] = [:]
            for fixture in [C2PAFixture.capture, .aiGenerated, .tampered] {
                let accepted = try await server.upload(try Data(contentsOf: URL(fileURLWithPath: try fixture.path)), as: server.shop)
                #expect(accepted.status == 202, "\(fixture)")
                ids[fixture] = try #require(accepted.json["id"] as? Int)
            }
            let worker = server.pipeline.worker(named: "test")
            while try await worker.processNext() {}

            func status(_ fixture: C2PAFixture) async throws -> [String: Any] {
                try await server.send("/v1/clips/\(ids[fixture] ?? 0)", headers: ["Authorization": "Bearer \(server.shop.apiKey)"]).json
            }
            let capture = try await status(.capture)
            #expect(capture["status"] as? String == "published", "\(capture)")
            let captured = try #require(capture["provenance"] as? [String: Any])
            #expect(captured["state"] as? String == "valid")
            #expect(captured["signer"] as? String == "Vouch Test Camera")
            #expect(captured["digitalSourceType"] as? String == "digitalCapture")
            #expect(captured["aiGenerated"] as? Bool == false)

            let ai = try await status(.aiGenerated)
            #expect(ai["status"] as? String == "flagged")
            #expect((ai["flags"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["ai-generated"])
            #expect((ai["provenance"] as? [String: Any])?["aiGenerated"] as? Bool == true)

            let tampered = try await status(.tampered)
            #expect(tampered["status"] as? String == "flagged")
            #expect((tampered["flags"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["provenance-invalid"])
            #expect((tampered["provenance"] as? [String: Any])?["state"] as? String == "invalid")

            let shopper = try await server.send("/v1/products/sku-1/reviews")
            let reviews = try #require(shopper.json["reviews"] as? [[String: Any]])
            #expect(reviews.compactMap { $0["clip"] as? Int } == [ids[.capture]])
            #expect((reviews.first?["provenance"] as? [String: Any])?["state"] as? String == "valid")
            let parts = try #require(reviews.first?["explanation"] as? [String: Any])
            #expect(abs((parts["identityAssurance"] as? Double ?? 0) - 0.8) < 1e-9, "attested 0.4 + verified purchase 0.2 + trusted capture 0.2")

            var browser = ModeratorBrowser(server: server)
            try await browser.logIn("ana", password: ModerationFixture.password)
            let item = try await browser.get("/moderate/clips/\(ids[.aiGenerated] ?? 0)")
            #expect(item.body.contains("Content credentials") && item.body.contains("trainedAlgorithmicMedia") && item.body.contains("AI-generated"))
            let broken = try await browser.get("/moderate/clips/\(ids[.tampered] ?? 0)")
            #expect(broken.body.contains("provenance-invalid") && broken.body.contains("BMFF hash"))

            let log = try await server.send("/v1/log/entries?start=0")
            let entries = (log.json["entries"] as? [[String: Any]] ?? []).compactMap { $0["entry"] as? String }
            #expect(entries.count == 1 && entries[0].contains("\"provenance\":\"valid\""), "the review log records the state: \(entries)")
        }
    }
}
