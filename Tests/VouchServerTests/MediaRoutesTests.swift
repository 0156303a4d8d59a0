import Foundation
import SQLKit
import Testing
import VouchMediaStore
import VouchStore
import VouchTestSupport

@Suite struct MediaRoutesTests {
    /// Stores `bytes` in the server's media store under `key` and points `clip`'s media column at it.
    static func attach(_ bytes: Data, key: String, column: String, to clip: Int64, server: ServerFixture) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("media-\(UUID())")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await server.pipeline.media.put(contentsOf: file.path, as: try MediaKey(key), contentType: column == "poster_key" ? "image/jpeg" : "video/mp4")
        try await server.pipeline.store.database.run { db in
            try await db.update("clips").set(column, to: SQLBind(key)).where("id", .equal, clip).run()
        }
    }

    static let video = Data((0..<5000).map { UInt8($0 % 251) })

    @Test func aPublishedRenditionIsServedWithRangesAndValidators() async throws {
        try await withServer { server in
            let clip = try await server.pipeline.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            try await Self.attach(Self.video, key: "renditions/abc.mp4", column: "rendition_key", to: clip, server: server)
            let whole = try await server.send("/media/renditions/abc.mp4")
            #expect(whole.status == 200 && whole.body == Self.video)
            #expect(whole.contentType == "video/mp4" && whole.header("Accept-Ranges") == "bytes")
            #expect(whole.header("Cache-Control")?.contains("immutable") == true)
            let etag = try #require(whole.header("ETag"))

            let part = try await server.send("/media/renditions/abc.mp4", headers: ["Range": "bytes=100-199"])
            #expect(part.status == 206 && part.body == Self.video[100..<200])
            #expect(part.header("Content-Range") == "bytes 100-199/5000")
            let tail = try await server.send("/media/renditions/abc.mp4", headers: ["Range": "bytes=-10"])
            #expect(tail.status == 206 && tail.body == Self.video.suffix(10))
            let beyond = try await server.send("/media/renditions/abc.mp4", headers: ["Range": "bytes=9000-"])
            #expect(beyond.status == 416 && beyond.header("Content-Range") == "bytes */5000")
            let cached = try await server.send("/media/renditions/abc.mp4", headers: ["If-None-Match": etag])
            #expect(cached.status == 304 && cached.body.isEmpty)
            let staleRange = try await server.send("/media/renditions/abc.mp4", headers: ["Range": "bytes=0-9", "If-Range": "\"other\""])
            #expect(staleRange.status == 200 && staleRange.body.count == 5000, "a range of another version is answered with the whole")
            let head = try await server.send("/media/renditions/abc.mp4", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") == "5000")

            let shown = try await server.send("/v1/products/sku-1/reviews")
            let media = try #require((shown.json["reviews"] as? [[String: Any]])?.first?["media"] as? [String: Any])
            #expect(media["video"] as? String == "/media/renditions/abc.mp4")
            let withVideo = try await server.send("/v1/products/sku-1/reviews?withVideo=true")
            #expect((withVideo.json["reviews"] as? [Any])?.count == 1)
            let withoutVideo = try await server.send("/v1/products/sku-1/reviews?withVideo=false")
            #expect((withoutVideo.json["reviews"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func heldTakenDownAndUnknownMediaAreNotFoundForShoppers() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let held = try await store.finishedClip(reviewer: "mallory", product: "sku-1", score: 0.2, status: .flagged, flags: [.copyOfOtherIdentity])
            try await Self.attach(Self.video, key: "renditions/held.mp4", column: "rendition_key", to: held, server: server)
            #expect(try await server.send("/media/renditions/held.mp4").status == 404, "a held clip's rendition is for moderators only")

            let published = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            try await Self.attach(Self.video, key: "renditions/live.mp4", column: "rendition_key", to: published, server: server)
            try await Self.attach(Self.video, key: "originals/live", column: "original_key", to: published, server: server)
            #expect(try await server.send("/media/renditions/live.mp4").status == 200)
            #expect(try await server.send("/media/originals/live").status == 404, "originals are never public")
            _ = try await store.decide(.reject, clip: published, moderator: "mo", reason: "taken down")
            #expect(try await server.send("/media/renditions/live.mp4").status == 404, "a takedown answers 404 from the next request on")

            for path in ["/media/renditions/nothing.mp4", "/media/renditions/..%2F..%2Fvouch.sqlite", "/media/..%2Fspool/x", "/media/renditions/%2E%2E"] {
                let answer = try await server.send(path)
                #expect(answer.status == 404 && answer.isProblem, "\(path)")
            }
        }
    }

    @Test func moderatorsSeeHeldMediaAndOriginals() async throws {
        try await withModeration { fixture in
            try await Self.attach(Self.video, key: "renditions/copy.mp4", column: "rendition_key", to: fixture.copy.id, server: fixture.server)
            try await Self.attach(Self.video, key: "originals/copy", column: "original_key", to: fixture.copy.id, server: fixture.server)
            var browser = try await fixture.browser(loggedInAs: "mo")
            #expect(try await browser.get("/moderate/media/renditions/copy.mp4", accept: "*/*").status == 200)
            #expect(try await browser.get("/moderate/media/originals/copy", accept: "*/*").status == 200)
            var stranger = fixture.browser()
            #expect(try await stranger.get("/moderate/media/renditions/copy.mp4", accept: "*/*").status != 200)
        }
    }
}
