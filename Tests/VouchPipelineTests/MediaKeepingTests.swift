import Foundation
import Testing
import VouchMediaStore
import VouchPipeline
import VouchStore
import VouchTestSupport

@Suite struct MediaKeepingTests {
    /// The top-level MP4 boxes of `data`, in order.
    static func boxes(_ data: Data) -> [String] {
        var names: [String] = []
        var offset = 0
        while offset + 8 <= data.count {
            let size = data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            names.append(String(decoding: data[offset + 4..<offset + 8], as: UTF8.self))
            guard size >= 8 else { break }
            offset += size
        }
        return names
    }

    static func bytes(_ key: String?, in media: any MediaStore) async throws -> Data {
        let key = try MediaKey(try #require(key))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID())")
        defer { try? FileManager.default.removeItem(at: file) }
        try await media.download(key, to: file.path)
        return try Data(contentsOf: file)
    }

    @Test(arguments: TestEngine.available)
    func aPublishedClipKeepsItsOriginalAPlayableRenditionAndAPoster(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let clip = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            #expect(try await fixture.worker().processNext())
            let media = try #require(try await fixture.pipeline.store.media(clip: clip.id))
            #expect(media.originalKey == "originals/\(clip.contentSHA256)")
            let original = try await Self.bytes(media.originalKey, in: fixture.pipeline.media)
            #expect(original == (try Data(contentsOf: URL(fileURLWithPath: try MediaFixture.clip.path))), "the original is kept byte for byte")
            let rendition = try await Self.bytes(media.renditionKey, in: fixture.pipeline.media)
            let boxes = Self.boxes(rendition)
            #expect(boxes.first == "ftyp")
            #expect((boxes.firstIndex(of: "moov") ?? .max) < (boxes.firstIndex(of: "mdat") ?? -1), "fast start: the index before the media")
            #expect(media.renditionKey?.hasSuffix(".mp4") == true)
            let poster = try await Self.bytes(media.posterKey, in: fixture.pipeline.media)
            #expect(poster.prefix(2) == Data([0xFF, 0xD8]))
            #expect(try await fixture.pipeline.store.isPublicMedia(try #require(media.renditionKey)))
        }
    }

    @Test(arguments: TestEngine.available)
    func rejectingAReuploadDeletesOnlyWhatNoLiveClipUses(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let original = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let reupload = try await fixture.submit(try MediaFixture.clip.path, reviewer: "mallory")
            for _ in 0..<2 { try await fixture.worker().processNext() }
            let kept = try #require(try await fixture.pipeline.store.media(clip: original.id))
            let copied = try #require(try await fixture.pipeline.store.media(clip: reupload.id))
            #expect(copied.originalKey == kept.originalKey, "the same bytes share one content-addressed original")

            _ = try await fixture.pipeline.store.decide(.reject, clip: reupload.id, moderator: "mo", reason: "copy")
            let sweeper = MediaSweeper(store: fixture.pipeline.store, media: fixture.pipeline.media, keepRejectedOriginals: false, logger: .init(label: "test"))
            try await sweeper.sweep()
            #expect(try await fixture.pipeline.store.media(clip: reupload.id) == nil)
            for key in [kept.originalKey, kept.renditionKey, kept.posterKey] {
                #expect(try await fixture.pipeline.media.describe(try MediaKey(try #require(key))) != nil, "\(key ?? "") is still the original clip's")
            }
        }
    }
}
